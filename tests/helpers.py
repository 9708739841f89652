"""Helpers the test modules share: problem+json checks, free ports, database and Redis probes,
small engine records."""
import os
import re
import signal
import socket
import subprocess

import psycopg2

from service.engine import SourceInfo

PG_URL = os.environ.get("TEST_DATABASE_URL")
PROBLEM = "application/problem+json"
REDIS = ("127.0.0.1", 6379)
POST = SourceInfo(id=1, title="Harbour talks", publisher="Coast Post", ref="coast-post")
WIRE = SourceInfo(id=2, title="Northland and Southland", publisher="Wire", ref="wire")


def assert_problem(response, status):
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def stop_server(process, grace=30):
    """Stop a `crosscheck serve` process and its workers: SIGTERM, then, when a loaded machine
    keeps them past `grace` seconds, SIGKILL to its process group (start it with
    start_new_session=True), so a slow shutdown cannot leave workers behind or fail a teardown."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def terminate_backends(only_pid=None):
    """Kill this test database's other connections (or one of them), as an operator might."""
    with psycopg2.connect(PG_URL) as admin, admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                       "AND (%s IS NULL OR pid = %s)", (only_pid, only_pid))
    admin.close()


def redis_is_up():
    try:
        socket.create_connection(REDIS, timeout=0.5).close()
        return True
    except OSError:
        return False


def figure(text, value, label, qualifier=None):
    return {"text": text, "value": value, "qualifier": qualifier, "label": label}


def best(result):
    return result.matches[0].claim.id if result.matches else None


def assert_every_quote_verbatim_and_export_seeds_back(app, tmp_path):
    """Every live claim's evidence quotes a live source verbatim, and the exported corpus seeds
    back into the same database changing nothing."""
    from service.db import database
    from service.export import export_corpus
    from service.models import Claim, Evidence, Source
    from service.seeding import seed

    with app.app_context(), database.connection_context():
        for item in (Evidence.select(Evidence, Claim, Source).join(Claim)
                     .switch(Evidence).join(Source).where(Claim.deleted_at.is_null())):
            assert item.source.deleted_at is None, (item.claim.ref, item.source.ref)
            assert item.quote in item.source.text, (item.claim.ref, item.quote)
        export_corpus(tmp_path / "exported")
        report = seed(tmp_path / "exported")
    assert not report.changed, (report.added, report.updated)


def metric(text, name, **labels):
    """The value of one sample in a Prometheus text exposition."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    pattern = rf"^{re.escape(name)}(?:\{{{re.escape(wanted)}\}})? (\S+)$" if labels else \
        rf"^{re.escape(name)} (\S+)$"
    found = re.search(pattern, text, re.MULTILINE)
    return float(found.group(1)) if found else None
