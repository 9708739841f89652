"""Request ids, JSON log lines, and Prometheus metrics."""
import json
import logging
import re

import pytest

from service.observability import RequestIdFilter, json_formatter

from .helpers import metric


def test_a_given_request_id_is_returned_and_logged(client, caplog):
    with caplog.at_level(logging.INFO, logger="service.access"):
        response = client.get("/claims", headers={"X-Request-ID": "desk-42.retry:1"})
    assert response.headers["X-Request-ID"] == "desk-42.retry:1"
    (record,) = [r for r in caplog.records if r.name == "service.access"]
    assert (record.request_id, record.status, record.endpoint) == (
        "desk-42.retry:1", 200, "/claims")
    assert record.duration_ms >= 0


@pytest.mark.parametrize("given", [None, "", "x" * 129, "bad id {\"level\": \"forged\"}"])
def test_a_missing_or_unsafe_request_id_is_replaced(client, given):
    headers = {} if given is None else {"X-Request-ID": given}
    response = client.get("/claims/999", headers=headers)
    assert response.status_code == 404
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])


def test_log_lines_are_json_with_the_request_id(app):
    record = logging.LogRecord("service.errors", logging.WARNING, __file__, 1,
                               "database unavailable: %s", ("locked",), None)
    with app.test_request_context("/claims", headers={"X-Request-ID": "abc"}):
        RequestIdFilter().filter(record)
        line = json.loads(json_formatter().format(record))
    assert line["request_id"] == "abc" and line["level"] == "WARNING"
    assert line["message"] == "database unavailable: locked" and line["logger"] == "service.errors"
    assert "time" in line


def test_metrics_count_requests_and_latency_by_endpoint(client):
    for _ in range(2):
        client.get("/claims")
    client.get("/claims/424242")
    client.post("/check", json={"statement": "floods"})
    response = client.get("/metrics")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert metric(text, "crosscheck_http_requests_total", endpoint="/claims", method="GET",
                  status="200") == 2
    assert metric(text, "crosscheck_http_requests_total", method="GET", status="404",
                  endpoint="/claims/{claim_id}") == 1
    assert metric(text, "crosscheck_http_request_duration_seconds_count", endpoint="/check",
                  method="POST") == 1
    assert metric(text, "crosscheck_index_claims") == 5


def test_index_size_follows_curation(client, editor):
    client.post("/claims", json={"text": "The bridge over the river valley was closed."},
                headers=editor)
    assert metric(client.get("/metrics").get_data(as_text=True), "crosscheck_index_claims") == 6
