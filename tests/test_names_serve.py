"""Under `crosscheck serve` (gunicorn, gevent workers), a change to the names reaches every worker:
each rebuilds its engine in gevent's native thread pool (`offloop.Pending`) and keeps answering."""
import json
import os
import subprocess
import sys
import time
import urllib.request

import pytest

from service.auth import create_key
from service.db import database, init_database

from .conftest import FIXTURE_SEEDS
from .helpers import free_port, stop_server

STATEMENT = "About 300 homes were flooded in Arcadia."


def call(base, method, path, body=None, key=None):
    headers = {"Content-Type": "application/json",
               **({"Authorization": f"Bearer {key}"} if key else {})}
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{base}{path}", method=method, data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


@pytest.fixture
def served(tmp_path):
    port, url = free_port(), f"sqlite:///{tmp_path / 'serve.sqlite3'}"
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port)],
        env=dict(os.environ, DATABASE_URL=url, CROSSCHECK_SEEDS=str(FIXTURE_SEEDS),
                 RATELIMIT_ENABLED="0"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                call(base, "GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("server did not come up")
        init_database(url)
        with database.connection_context():
            _, key = create_key("serve editor", "editor")
        yield base, key
    finally:
        stop_server(process)


def matched(base):
    matches = call(base, "POST", "/check", {"statement": STATEMENT})["matches"]
    return matches[0]["explanation"]["matched_entities"] if matches else []


def test_every_gevent_worker_rebuilds_its_names_and_keeps_answering(served):
    base, key = served
    assert matched(base) == []
    call(base, "PATCH", "/entities/1", {"aliases": ["valley", "Vale", "Arcadia"]}, key)
    deadline, in_a_row = time.monotonic() + 30, 0
    while in_a_row < 12:  # both workers, many times over
        assert time.monotonic() < deadline, "a worker kept the old names"
        in_a_row = in_a_row + 1 if matched(base) == ["river valley"] else 0
