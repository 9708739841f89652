"""Fixtures: every test gets a fresh database.

SQLite always, and PostgreSQL too when TEST_DATABASE_URL is set. In CI (CI=true) a skipped test
fails unless its reason is in CI_ACCEPTED_SKIPS: CI has every service, so a skip there means a
layer went untested.
"""
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from werkzeug.serving import make_server

from service import create_app
from service.cli import main
from service.db import database, init_database
from service.models import drop_tables

FIXTURE_SEEDS = Path(__file__).parent / "fixtures" / "seeds"
PROJECT_SEEDS = Path(__file__).parent.parent / "seeds"
# The development story beside the project (read-only, not in the repository).
DERNA = Path(__file__).parent.parent.parent / "shared" / "stories" / "derna-floods"

IN_CI = os.environ.get("CI") == "true"
# Skip reasons CI accepts: the test does not apply to the run, not a service missing from it.
CI_ACCEPTED_SKIPS = frozenset({
    "a PostgreSQL fault",  # the SQLite run of a test of PostgreSQL connection faults
})

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


def skip_reason(report):
    """The reason a skipped report gives, without pytest's "Skipped: " prefix."""
    message = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    return message.removeprefix("Skipped: ")


def fail_unaccepted_skip(report):
    """In CI, turn a skip whose reason CI does not accept into a failure that says why."""
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = skip_reason(report)
        if reason not in CI_ACCEPTED_SKIPS:
            report.outcome = "failed"
            report.longrepr = (f"skipped in CI (CI=true): {reason!r}; CI has PostgreSQL, Redis, "
                               "Chromium and ../shared, and accepts only the skips in "
                               "tests/conftest.py CI_ACCEPTED_SKIPS")
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    return fail_unaccepted_skip((yield))


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    return fail_unaccepted_skip((yield))


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    """A URL to an empty database of each configured kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    url = os.environ["TEST_DATABASE_URL"]
    init_database(url)
    with database.connection_context():
        drop_tables()
    yield url
    init_database(url)
    with database.connection_context():
        drop_tables()
    database.close()


@pytest.fixture
def make_app(database_url):
    """Build an app on the fresh database; `seeds` picks the corpus (test fixture by default)."""
    def build(seeds=FIXTURE_SEEDS, **config):
        return create_app({"DATABASE_URL": database_url, "CROSSCHECK_SEEDS": str(seeds),
                           "TESTING": True, **config})
    return build


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    """The app's database, connected for tests that read or write rows directly."""
    with database.connection_context():
        yield database


@pytest.fixture
def live_server(app):
    """The app served over real HTTP on a free loopback port, for clients and browsers."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


def make_key_headers(app, role):
    """Headers carrying a fresh API key of `role`, stored in the app's database."""
    from service.auth import create_key

    with app.app_context(), database.connection_context():
        _, key = create_key(f"test {role}", role)
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def editor(app):
    return make_key_headers(app, "editor")


@pytest.fixture
def reader(app):
    return make_key_headers(app, "reader")


@pytest.fixture
def run(database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CROSSCHECK_SEEDS", str(FIXTURE_SEEDS))

    def invoke(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    return invoke
