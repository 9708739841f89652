"""Rate limits per key or address, shared through Redis when configured; CORS for browser tools."""
import uuid

import pytest

from .conftest import make_key_headers
from .helpers import REDIS, assert_problem, redis_is_up


@pytest.fixture
def limited(make_app):
    return make_app(RATELIMIT_DEFAULT="3 per minute")


def test_the_fourth_request_in_a_minute_is_429_with_retry_after(limited):
    client = limited.test_client()
    remaining = []
    for _ in range(3):
        response = client.get("/claims")
        assert response.status_code == 200
        assert response.headers["RateLimit-Limit"] == "3"
        assert 0 < int(response.headers["RateLimit-Reset"]) <= 60
        remaining.append(response.headers["RateLimit-Remaining"])
    assert remaining == ["2", "1", "0"]
    response = client.get("/claims")
    body = assert_problem(response, 429)
    assert "3 per 1 minute" in body["detail"]
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert response.headers["RateLimit-Remaining"] == "0"


def test_each_key_and_each_address_has_its_own_budget(limited):
    client = limited.test_client()
    first, second = make_key_headers(limited, "reader"), make_key_headers(limited, "reader")
    for _ in range(3):
        assert client.get("/sources", headers=first).status_code == 200
    assert_problem(client.get("/sources", headers=first), 429)
    assert client.get("/sources", headers=second).status_code == 200
    assert client.get("/sources").status_code == 200
    other_address = {"REMOTE_ADDR": "127.0.0.2"}
    for _ in range(3):
        assert client.get("/sources", environ_overrides=other_address).status_code == 200
    assert_problem(client.get("/sources", environ_overrides=other_address), 429)


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget(make_app):
    def spent(client, forwarded_for):
        return [client.get("/sources", headers={"X-Forwarded-For": forwarded_for}).status_code
                for _ in range(3)]
    proxied = make_app(RATELIMIT_DEFAULT="2 per minute", PROXY_HOPS=1).test_client()
    assert spent(proxied, "203.0.113.7") == [200, 200, 429]
    assert spent(proxied, "203.0.113.8") == [200, 200, 429]
    direct = make_app(RATELIMIT_DEFAULT="2 per minute").test_client()
    assert spent(direct, "203.0.113.7") == [200, 200, 429]
    assert spent(direct, "203.0.113.8") == [429, 429, 429]  # a forged header changes nothing


def test_refused_requests_count_against_the_budget(make_app):
    client = make_app(RATELIMIT_DEFAULT="2 per minute", READS_NEED_KEY=True).test_client()
    for _ in range(2):
        assert_problem(client.get("/claims"), 401)
    assert_problem(client.get("/claims"), 429)


def test_probes_and_docs_are_not_limited(limited):
    client = limited.test_client()
    for _ in range(5):
        for path in ("/healthz", "/metrics", "/openapi.json"):
            assert client.get(path).status_code == 200, path


def test_limits_can_be_turned_off(make_app):
    client = make_app(RATELIMIT_DEFAULT="1 per minute", RATELIMIT_ENABLED=False).test_client()
    for _ in range(3):
        response = client.get("/claims")
        assert response.status_code == 200 and "RateLimit-Limit" not in response.headers


@pytest.mark.skipif(not redis_is_up(), reason="no Redis on 127.0.0.1:6379")
def test_workers_share_one_budget_through_redis(make_app):
    """Two apps stand for two workers; with Redis storage they spend one budget together."""
    config = {"RATELIMIT_DEFAULT": "4 per minute",
              "RATELIMIT_STORAGE_URI": f"redis://{REDIS[0]}:{REDIS[1]}/3",
              "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    workers = [make_app(**config).test_client(), make_app(**config).test_client()]
    statuses = [workers[i % 2].get("/claims").status_code for i in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert_problem(workers[0].get("/claims"), 429)


def test_an_unreachable_limit_store_does_not_stop_the_service(make_app):
    client = make_app(RATELIMIT_DEFAULT="1 per minute",
                      RATELIMIT_STORAGE_URI="redis://127.0.0.1:9/0").test_client()
    for _ in range(3):
        assert client.get("/claims").status_code == 200


def test_cors_is_off_unless_configured(client):
    response = client.get("/claims", headers={"Origin": "https://desk.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_lets_a_configured_origin_send_keys(make_app):
    client = make_app(CORS_ORIGINS=["https://desk.example"]).test_client()
    preflight = client.options("/claims", headers={
        "Origin": "https://desk.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Authorization, Content-Type"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://desk.example"
    assert "authorization" in preflight.headers["Access-Control-Allow-Headers"].lower()
    response = client.get("/claims", headers={"Origin": "https://desk.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "https://desk.example"
    assert "RateLimit-Remaining" in response.headers["Access-Control-Expose-Headers"]
    stranger = client.get("/claims", headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in stranger.headers
