"""`crosscheck serve` under real gunicorn: slow and idle clients cannot starve the workers,
gunicorn's own refusals are problem+json, and an unreachable database is one clear line."""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import FIXTURE_SEEDS
from .helpers import free_port, stop_server

HALF_SENT_CLIENTS = 8  # four times the workers: each sync worker would be held by one


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`crosscheck serve` with its default two workers, on SQLite and a free port."""
    port = free_port()
    database = tmp_path_factory.mktemp("serve") / "serve.sqlite3"
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{database}",
               CROSSCHECK_SEEDS=str(FIXTURE_SEEDS))
    process = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--port", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("server did not come up")
        yield port
    finally:
        stop_server(process)


def test_healthz_answers_while_clients_hold_half_sent_requests(server):
    stalled = [socket.create_connection(("127.0.0.1", server)) for _ in range(HALF_SENT_CLIENTS)]
    try:
        for conn in stalled:
            conn.sendall(b"GET /claims HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        time.sleep(0.5)  # let every worker pick the stalled connections up
        # A liveness bound, not a benchmark: a held sync worker answers only after its 30 s timeout.
        for _ in range(4):
            with urllib.request.urlopen(f"http://127.0.0.1:{server}/healthz", timeout=5) as r:
                assert json.load(r)["database"] == "ok"
    finally:
        for conn in stalled:
            conn.close()


def raw_answer(port, request):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(request)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return head.decode("latin-1").split("\r\n"), body


@pytest.mark.parametrize("request_bytes, status", [
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 10000 + b"\r\n\r\n", 431),
    (b"NOT A REQUEST LINE\r\n\r\n", 400),
])
def test_gunicorns_own_refusals_are_problem_json(server, request_bytes, status):
    head, body = raw_answer(server, request_bytes)
    assert head[0].startswith(f"HTTP/1.1 {status} ")
    assert "Content-Type: application/problem+json" in head
    problem = json.loads(body)
    assert problem["status"] == status and problem["title"] and problem["detail"]


def test_an_unreachable_database_is_one_clear_line_and_a_failed_exit():
    env = dict(os.environ, DATABASE_URL="postgresql://postgres:s3cret@127.0.0.1:1/x")
    done = subprocess.run([sys.executable, "-m", "service.cli", "serve", "--port",
                           str(free_port())], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "cannot reach the database postgresql://postgres:***@127.0.0.1:1/x" in lines[0]
    assert "s3cret" not in done.stderr


def test_each_worker_renews_the_engine_locks_after_forking(app):
    """Made before gevent patches `threading` in the worker, the preloaded app's locks would
    block the whole worker, not one greenlet: each worker makes fresh ones once patched."""
    from service.serving import Server

    checker = app.extensions["crosscheck"]
    before = (checker.lock, checker.engine_lock)
    Server(app, "127.0.0.1:0", 1).cfg.post_worker_init(None)
    assert checker.lock is not before[0] and checker.engine_lock is not before[1]
