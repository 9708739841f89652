"""Fixtures: every test gets a fresh database.

SQLite always, and PostgreSQL too when TEST_DATABASE_URL is set.
"""
import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from service import create_app
from service.db import database, init_database
from service.models import drop_tables

FIXTURE_SEEDS = Path(__file__).parent / "fixtures" / "seeds"
PROJECT_SEEDS = Path(__file__).parent.parent / "seeds"

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


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
