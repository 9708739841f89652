"""Faults: connections killed mid-request (PostgreSQL) and a locked SQLite file. Requests caught in
the fault get a 503 problem+json, never a 500, and the service recovers without a restart."""
import os
import sqlite3
import threading

import psycopg2
import pytest

from service.db import database

from .conftest import FIXTURE_SEEDS, make_key_headers
from .test_http import assert_problem

PG_URL = os.environ.get("TEST_DATABASE_URL")
needs_postgresql = pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set")
NEW_CLAIM = {"text": "The bridge over the river valley was closed."}


def terminate_backends(only_pid=None):
    """Kill this test database's other connections (or one of them), as an operator might."""
    with psycopg2.connect(PG_URL) as admin, admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                       "AND (%s IS NULL OR pid = %s)", (only_pid, only_pid))
    admin.close()


@pytest.fixture
def pg_app(make_app, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("a PostgreSQL fault")
    return make_app(RATELIMIT_ENABLED=False)


@needs_postgresql
@pytest.mark.parametrize("method, path, body", [
    ("get", "/claims", None), ("post", "/claims", NEW_CLAIM), ("get", "/healthz", None)])
def test_a_connection_killed_mid_request_is_503_then_recovers(pg_app, method, path, body):
    editor = make_key_headers(pg_app, "editor")

    @pg_app.before_request
    def kill_own_connection():
        if pg_app.config.get("KILL_NEXT"):
            pg_app.config["KILL_NEXT"] = False
            terminate_backends(database.connection().info.backend_pid)

    client = pg_app.test_client()
    pg_app.config["KILL_NEXT"] = True
    response = getattr(client, method)(path, json=body, headers=editor)
    assert_problem(response, 503)
    assert response.headers["Retry-After"]
    again = getattr(client, method)(path, json=body, headers=editor)
    assert again.status_code in (200, 201)


@needs_postgresql
def test_killing_every_connection_during_traffic_loses_no_acknowledged_write(pg_app):
    editor = make_key_headers(pg_app, "editor")
    statuses, created, stop = [], [], threading.Event()

    def traffic(worker):
        client = pg_app.test_client()
        for n in range(15):
            if worker % 2:
                response = client.post("/claims", headers=editor,
                                       json={"text": f"Worker {worker} wrote claim {n}."})
                if response.status_code == 201:
                    created.append(response.get_json()["id"])
            else:
                response = client.post("/check", json={"statement": "floods killed people"})
            statuses.append(response.status_code)
            assert "Traceback" not in response.get_data(as_text=True)

    def killer():
        while not stop.wait(0.02):
            terminate_backends()

    threads = [threading.Thread(target=traffic, args=(w,)) for w in range(4)]
    chaos = threading.Thread(target=killer)
    chaos.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    chaos.join()
    assert len(statuses) == 60 and set(statuses) <= {200, 201, 503}, sorted(set(statuses))
    client = pg_app.test_client()
    for claim_id in created:
        assert client.get(f"/claims/{claim_id}").status_code == 200
    assert client.post("/claims", json=NEW_CLAIM, headers=editor).status_code == 201


def test_a_locked_sqlite_file_is_503_for_writers_and_recovers(tmp_path):
    from service import create_app

    path = tmp_path / "locked.sqlite3"
    app = create_app({"DATABASE_URL": f"sqlite:///{path}", "CROSSCHECK_SEEDS": str(FIXTURE_SEEDS),
                      "SQLITE_BUSY_TIMEOUT_MS": 100, "RATELIMIT_ENABLED": False})
    editor = make_key_headers(app, "editor")
    client = app.test_client()
    other_writer = sqlite3.connect(path, isolation_level=None)
    other_writer.execute("BEGIN EXCLUSIVE")
    try:
        response = client.post("/claims", json=NEW_CLAIM, headers=editor)
        body = assert_problem(response, 503)
        assert "unavailable" in body["detail"] and response.headers["Retry-After"]
        assert client.get("/claims").status_code == 200  # readers are not blocked (WAL)
    finally:
        other_writer.execute("ROLLBACK")
        other_writer.close()
    assert client.post("/claims", json=NEW_CLAIM, headers=editor).status_code == 201
    assert client.get("/claims").get_json()["total"] == 6
