"""A rate-limit store that accepts connections and never answers costs requests nothing: short
timeouts, requests go through unlimited, the outage is logged once and shown in /healthz."""
import logging
import socket
import threading
import uuid

import pytest

from service.limits import StorageOutage
from .helpers import REDIS, redis_is_up

OUTAGE_LOGGED = "rate-limit store is unavailable"


@pytest.fixture
def silent_store():
    """A TCP server on a free port that accepts every connection and never sends a byte."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted, stop = [], threading.Event()

    def serve():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except socket.timeout:
                continue
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0", accepted
    stop.set()
    thread.join(timeout=5)
    for conn in accepted:
        conn.close()
    listener.close()


def within(seconds, action):
    """Run `action` in a thread; its result, or fail if it is still waiting after `seconds` (a
    liveness bound: without timeouts a silent store holds a request forever)."""
    results = []
    thread = threading.Thread(target=lambda: results.append(action()), daemon=True)
    thread.start()
    thread.join(timeout=seconds)
    assert results, f"still waiting after {seconds} s"
    return results[0]


def test_a_silent_store_lets_requests_through_logs_once_and_shows_in_healthz(
        make_app, silent_store, caplog):
    uri, accepted = silent_store
    app = make_app(RATELIMIT_DEFAULT="1 per minute", RATELIMIT_STORAGE_URI=uri)
    client = app.test_client()
    with caplog.at_level(logging.WARNING, logger="service.limits"):
        statuses = within(30, lambda: [client.get("/claims").status_code for _ in range(5)])
        health = within(30, lambda: client.get("/healthz").get_json())
    assert statuses == [200] * 5  # unlimited: a working store would refuse the second
    assert [r.levelname for r in caplog.records if OUTAGE_LOGGED in r.getMessage()] == ["ERROR"]
    assert health["status"] == "degraded" and health["rate_limits"] == "unavailable"
    assert len(accepted) == 1  # asked once in the outage, not once per request


def test_the_store_gets_short_configurable_timeouts(make_app, silent_store):
    app = make_app(RATELIMIT_STORAGE_URI=silent_store[0], RATELIMIT_STORAGE_TIMEOUT=0.05)
    pool = app.extensions["limiter"].storage.storage.connection_pool
    assert pool.connection_kwargs["socket_timeout"] == 0.05
    assert pool.connection_kwargs["socket_connect_timeout"] == 0.05


def test_an_outage_is_logged_when_it_starts_and_when_it_ends(caplog):
    outage = StorageOutage(retry_seconds=60)
    with caplog.at_level(logging.INFO, logger="service.limits"):
        for _ in range(3):
            outage.failed(TimeoutError("Timeout reading from socket"))
        assert outage.waiting() and outage.active
        outage.answered()
        outage.answered()
    assert [r.levelname for r in caplog.records] == ["ERROR", "WARNING"]
    assert not outage.active


@pytest.mark.skipif(not redis_is_up(), reason="no Redis on 127.0.0.1:6379")
def test_with_a_working_redis_limits_apply_and_healthz_says_ok(make_app):
    client = make_app(RATELIMIT_DEFAULT="2 per minute",
                      RATELIMIT_STORAGE_URI=f"redis://{REDIS[0]}:{REDIS[1]}/7",
                      RATELIMIT_KEY_PREFIX=f"test-{uuid.uuid4().hex}").test_client()
    assert [client.get("/claims").status_code for _ in range(3)] == [200, 200, 429]
    health = client.get("/healthz").get_json()
    assert health["status"] == "ok" and health["rate_limits"] == "ok"
