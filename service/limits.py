"""Rate limits per API key (or client address without one), and CORS for browser tools.

Flask-Limiter reads RATELIMIT_DEFAULT (e.g. "300 per minute", per endpoint) and
RATELIMIT_STORAGE_URI ("memory://" per process; "redis://host:6379/0" shares one budget between
every worker and machine). Answers carry the IETF RateLimit-Limit / -Remaining / -Reset headers;
a 429 carries Retry-After and a problem+json body.
"""
import math
import time

from flask import request
from flask_cors import CORS
from flask_limiter import Limiter, RateLimitExceeded
from werkzeug.middleware.proxy_fix import ProxyFix

from .auth import ALWAYS_OPEN, current_key
from .errors import problem

EXPOSED_HEADERS = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After",
                   "X-Request-ID", "Link", "Location", "WWW-Authenticate"]


def client_identity():
    """Whom a request counts against: its valid key, else its address."""
    key = current_key()
    return f"key:{key.id}" if key else f"address:{request.remote_addr}"


def init_limits(app):
    hops = app.config.get("PROXY_HOPS", 0)
    if hops:  # behind N trusted proxies, the client address is in X-Forwarded-For
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    # If the limit store (Redis) is down, answer unlimited rather than fail: availability first.
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    limiter = Limiter(client_identity, app=app)
    limiter.request_filter(lambda: request.endpoint in ALWAYS_OPEN or request.method == "OPTIONS")

    @app.after_request
    def rate_limit_headers(response):
        limit = limiter.current_limit if limiter.enabled else None
        if limit is not None:
            seconds_left = max(0, math.ceil(limit.window[0] - time.time()))
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
