"""What happened to each request: a request id (taken from X-Request-ID or made, and sent back),
one JSON log line per request, and Prometheus metrics at /metrics.

With several gunicorn workers, set PROMETHEUS_MULTIPROC_DIR to an empty folder so /metrics adds up
every worker's counts; otherwise each scrape sees the worker that answered it.
"""
import logging
import os
import re
import sys
import time
import uuid

from flask import current_app, g, has_request_context, request
from prometheus_client import (CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram,
                               generate_latest, multiprocess)
from pythonjsonlogger.json import JsonFormatter

access_log = logging.getLogger("service.access")
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
ROUTE_PARAMETER = re.compile(r"<(?:[^:<>]+:)?([^:<>]+)>")
# Metric labels come from closed sets, or a client making up methods grows /metrics without bound.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


def request_id():
    """This request's id: the caller's X-Request-ID when it is a sane token, else a new one."""
    if "request_id" not in g:
        given = request.headers.get("X-Request-ID", "")
        g.request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
    return g.request_id


def method_label():
    """The request's method, or "other" for any method the API does not know."""
    return request.method if request.method in KNOWN_METHODS else "other"


def route_template():
    """The matched route as the OpenAPI spec writes it (/claims/{claim_id}): few distinct values,
    so it makes a good metric label."""
    if request.url_rule is None:
        return "unmatched"
    return ROUTE_PARAMETER.sub(r"{\1}", request.url_rule.rule)


class RequestIdFilter(logging.Filter):
    """Stamp every log record written during a request with that request's id."""

    def filter(self, record):
        record.request_id = request_id() if has_request_context() else None
        return True


class CurrentStderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (servers and test runners replace it)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


def json_formatter():
    return JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s",
                         rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
                         json_ensure_ascii=False)


def configure_logging(log_format):
    """JSON (or plain text) lines on stderr for the app's loggers; once per process."""
    logger = logging.getLogger("service")
    access_log.setLevel(logging.INFO)
    if any(isinstance(h, CurrentStderrHandler) for h in logger.handlers):
        return
    handler = CurrentStderrHandler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(json_formatter() if log_format == "json" else logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"))
    logger.addHandler(handler)


class Metrics:
    """Request counts and latencies by endpoint, and the engine index's size, in one registry."""

    def __init__(self):
        self.registry = CollectorRegistry()
        self.requests = Counter("crosscheck_http_requests", "Requests answered",
                                ["method", "endpoint", "status"], registry=self.registry)
        self.latency = Histogram("crosscheck_http_request_duration_seconds",
                                 "Time to answer a request", ["method", "endpoint"],
                                 buckets=LATENCY_BUCKETS, registry=self.registry)
        self.index_claims = Gauge("crosscheck_index_claims", "Claims in the engine index",
                                  multiprocess_mode="livemax", registry=self.registry)
        self.unindexed_claims = Gauge(
            "crosscheck_unindexed_claims",
            "Stored claims left out of the engine index: the engine cannot analyse their text",
            multiprocess_mode="livemax", registry=self.registry)

    def exposition(self, checker):
        self.index_claims.set(len(checker))
        self.unindexed_claims.set(len(checker.unindexed))
        registry = self.registry
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)


def metrics_view():
    body = current_app.extensions["metrics"].exposition(current_app.extensions["crosscheck"])
    return current_app.response_class(body, mimetype=CONTENT_TYPE_LATEST)


def init_observability(app):
    configure_logging(app.config.get("LOG_FORMAT", "json"))
    metrics = app.extensions["metrics"] = Metrics()
    app.add_url_rule("/metrics", "metrics", metrics_view)

    def start_clock():
        g.started = time.perf_counter()
    app.before_request_funcs.setdefault(None, []).insert(0, start_clock)

    @app.after_request
    def account(response):
        elapsed = time.perf_counter() - g.get("started", time.perf_counter())
        endpoint, method = route_template(), method_label()
        response.headers["X-Request-ID"] = request_id()
        metrics.requests.labels(method, endpoint, response.status_code).inc()
        metrics.latency.labels(method, endpoint).observe(elapsed)
        access_log.info("%s %s %s", request.method, request.path, response.status_code, extra={
            "method": request.method, "path": request.path, "endpoint": endpoint,
            "status": response.status_code, "duration_ms": round(elapsed * 1000, 2),
            "remote_addr": request.remote_addr})
        return response
