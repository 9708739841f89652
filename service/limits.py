"""Rate limits per API key (or client address without one), and CORS for browser tools.

Flask-Limiter reads RATELIMIT_DEFAULT (e.g. "300 per minute", per endpoint) and
RATELIMIT_STORAGE_URI ("memory://" per process; "redis://host:6379/0" shares one budget between
every worker and machine). Answers carry the IETF RateLimit-Limit / -Remaining / -Reset headers;
a 429 carries Retry-After and a problem+json body.

The limit store answers within RATELIMIT_STORAGE_TIMEOUT seconds or is taken to be down: requests
then go through unlimited (availability first), the outage is logged once and shown in /healthz,
and the store is tried again every OUTAGE_RETRY_SECONDS.
"""
import logging
import math
import time

from flask import request
from flask_cors import CORS
from flask_limiter import Limiter, RateLimitExceeded
from werkzeug.middleware.proxy_fix import ProxyFix

from .auth import ALWAYS_OPEN, current_key
from .errors import problem

log = logging.getLogger(__name__)
OUTAGE_RETRY_SECONDS = 5.0
EXPOSED_HEADERS = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After",
                   "X-Request-ID", "Link", "Location", "WWW-Authenticate"]


def client_identity():
    """Whom a request counts against: its valid key, else its address."""
    key = current_key()
    return f"key:{key.id}" if key else f"address:{request.remote_addr}"


class StorageOutage:
    """Whether the limit store is down, as the last request to ask it found. While it is, asking
    it again waits until `retry_at`: an outage costs a request nothing, and it is logged once when
    it starts and once when it ends, not on every request."""

    def __init__(self, retry_seconds=OUTAGE_RETRY_SECONDS):
        self.retry_seconds = retry_seconds
        self.since = None
        self.retry_at = 0.0

    @property
    def active(self):
        return self.since is not None

    def waiting(self):
        """True while the store is known down and not yet due another try."""
        return self.active and time.monotonic() < self.retry_at

    def failed(self, error):
        if not self.active:
            self.since = time.time()
            log.error("the rate-limit store is unavailable (%s: %s): requests go through "
                      "unlimited until it answers", type(error).__name__, error)
        self.retry_at = time.monotonic() + self.retry_seconds

    def answered(self):
        if self.active:
            log.warning("the rate-limit store answers again after %.0f s: limits apply",
                        time.time() - self.since)
            self.since = None


class FailOpenLimiter(Limiter):
    """Flask-Limiter that lets a request through unlimited when the store fails, and tells its
    StorageOutage (Flask-Limiter alone would log a traceback per request and retry every time)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, swallow_errors=False, **kwargs)
        self.outage = StorageOutage()

    def _check_request_limit(self, *args, **kwargs):
        if self.outage.waiting():
            return
        try:
            super()._check_request_limit(*args, **kwargs)
        except RateLimitExceeded:
            self.outage.answered()
            raise
        except Exception as error:  # whatever the store's client raises: redis, a socket, limits
            self.outage.failed(error)
            return
        self.outage.answered()

    def storage_state(self):
        """"ok", "unavailable" or "off", asking the store (within its timeout) unless it is
        known down."""
        if not self.enabled:
            return "off"
        if not self.outage.waiting():
            try:
                if not self.storage.check():
                    raise ConnectionError("the store did not answer a ping")
                self.outage.answered()
            except Exception as error:
                self.outage.failed(error)
        return "unavailable" if self.outage.active else "ok"


def storage_options(app):
    """Timeouts for a Redis store, so that one which accepts connections and never answers
    costs a request at most RATELIMIT_STORAGE_TIMEOUT seconds, once per outage."""
    timeout = app.config.get("RATELIMIT_STORAGE_TIMEOUT", 0.2)
    if not app.config.get("RATELIMIT_STORAGE_URI", "memory://").startswith("redis"):
        return {}
    return {"socket_connect_timeout": timeout, "socket_timeout": timeout}


def init_limits(app):
    hops = app.config.get("PROXY_HOPS", 0)
    if hops:  # behind N trusted proxies, the client address is in X-Forwarded-For
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", storage_options(app))
    limiter = FailOpenLimiter(client_identity, app=app)
    limiter.request_filter(lambda: request.endpoint in ALWAYS_OPEN or request.method == "OPTIONS")

    @app.after_request
    def rate_limit_headers(response):
        limit = limiter.current_limit if limiter.enabled else None
        if limit is not None:
            try:
                window = limit.window  # read from the store
            except Exception as error:
                limiter.outage.failed(error)
                return response
            seconds_left = max(0, math.ceil(window[0] - time.time()))
            response.headers["RateLimit-Limit"] = str(limit.limit.amount)
            response.headers["RateLimit-Remaining"] = str(limit.remaining)
            response.headers["RateLimit-Reset"] = str(seconds_left)
            if response.status_code == 429:
                response.headers["Retry-After"] = str(max(1, seconds_left))
        return response

    app.register_error_handler(RateLimitExceeded, lambda error: problem(
        429, detail=f"Too many requests: the limit is {error.description} for this key or "
                    "address. Retry after the number of seconds in Retry-After."))
    origins = app.config.get("CORS_ORIGINS")
    if origins:
        CORS(app, origins=origins, expose_headers=EXPOSED_HEADERS,
             allow_headers=["Authorization", "X-API-Key", "Content-Type", "X-Request-ID"])
    app.extensions["limiter"] = limiter
    return limiter
