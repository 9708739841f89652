"""Faults: connections killed mid-request (PostgreSQL) and a locked SQLite file. Requests caught in
the fault get a 503 problem+json, never a 500, and the service recovers without a restart."""
import sqlite3
import threading
import time

import psycopg2
import pytest

from service.db import database

from .conftest import FIXTURE_SEEDS, make_key_headers
from .helpers import (PG_URL, assert_every_quote_verbatim_and_export_seeds_back, assert_problem,
                      terminate_backends)

needs_postgresql = pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set")
NEW_CLAIM = {"text": "The bridge over the river valley was closed."}


# A retrying client in the kill tests: how long it keeps trying (a loaded machine can lose many
# attempts in a row to the killer) and how long it waits between attempts.
RETRY_FOR, RETRY_PAUSE = 60, 0.02


def run_while_killing_connections(traffic, every, workers=4):
    """Run `traffic(worker)` in several threads while every connection is killed each `every`
    seconds."""
    stop = threading.Event()

    def killer():
        while not stop.wait(every):
            terminate_backends()

    threads = [threading.Thread(target=traffic, args=(w,)) for w in range(workers)]
    chaos = threading.Thread(target=killer)
    chaos.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    chaos.join()


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
    statuses, created = [], []

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

    run_while_killing_connections(traffic, every=0.02)
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


def count_rows(sql, value):
    """A count read on a connection of its own, retried while the killer keeps cutting it."""
    for _ in range(50):
        try:
            with psycopg2.connect(PG_URL) as conn, conn.cursor() as cursor:
                cursor.execute(sql, (value,))
                return cursor.fetchone()[0]
        except (psycopg2.OperationalError, psycopg2.InterfaceError):
            continue
    raise RuntimeError("could not read the database between kills")


def stored_copies(kind, value):
    if kind == "claim":
        return count_rows("SELECT count(*) FROM claim WHERE text = %s", value)
    return count_rows("SELECT count(*) FROM evidence WHERE quote = %s", value)


@needs_postgresql
def test_connections_killed_during_mixed_writes_double_and_lose_nothing(pg_app, tmp_path):
    """Finding 2: a 503 that invites a retry means the write did not happen, and a client that
    retries with its Idempotency-Key writes each claim and each quote exactly once."""

    editor = make_key_headers(pg_app, "editor")
    client = pg_app.test_client()
    gauges = [f"Gauge {w}-{n} read high." for w in range(4) for n in range(8)]
    source_id = client.post("/sources", headers=editor, json={
        "title": "Gauge log", "text": " ".join(gauges)}).get_json()["id"]
    claim_id = client.post("/claims", headers=editor, json={
        "text": "The gauges read high."}).get_json()["id"]
    acknowledged, broken, unacknowledged = [], [], []

    def write(worker, n):
        if n % 2:
            kind, value = "evidence", gauges[worker * 8 + n]
            path, body = f"/claims/{claim_id}/evidence", {
                "source_id": source_id, "stance": "supports", "quote": value}
        else:
            kind, value = "claim", f"Worker {worker} wrote claim {n}."
            path, body = "/claims", {"text": value}
        headers = {**editor, "Idempotency-Key": f"{worker}-{n}"}
        session = pg_app.test_client()
        deadline = time.monotonic() + RETRY_FOR
        while time.monotonic() < deadline:
            response = session.post(path, json=body, headers=headers)
            assert "Traceback" not in response.get_data(as_text=True)
            if response.status_code == 201:
                acknowledged.append((kind, value))
                return
            assert response.status_code == 503, response.get_json()
            if "Retry-After" in response.headers and stored_copies(kind, value):
                broken.append((kind, value, response.get_json()["detail"]))
            time.sleep(RETRY_PAUSE)  # a client waits a moment before it retries
        unacknowledged.append((kind, value))

    def traffic(worker):
        for n in range(8):
            write(worker, n)

    run_while_killing_connections(traffic, every=0.05)
    assert broken == []
    assert unacknowledged == [] and len(acknowledged) == 32
    for kind, value in acknowledged:
        assert stored_copies(kind, value) == 1, (kind, value)
    assert_every_quote_verbatim_and_export_seeds_back(pg_app, tmp_path)
