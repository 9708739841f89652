"""App-wide HTTP economy: ETags for conditional GETs on claims and sources, gzip for large bodies,
and `Vary: Accept` on every answer whose media type was negotiated.

ETags and gzip work on finished responses, so the resource blueprints know nothing about them.
"""
from flask import after_this_request, request
from flask_compress import Compress

CONDITIONAL_BLUEPRINTS = ("claims", "sources")
COMPRESSION_DEFAULTS = {
    "COMPRESS_ALGORITHM": ["gzip"],
    "COMPRESS_MIN_SIZE": 1024,
    "COMPRESS_MIMETYPES": ["application/json", "application/problem+json", "application/yaml",
                           "text/html", "text/css", "text/javascript", "application/javascript"],
}


def negotiate(*media_types):
    """The best of `media_types` for this request's Accept header (the first on a tie or none).

    The answer then varies on Accept, and says so, so that caches keep each representation apart
    (their ETags differ too: each is a hash of its own body).
    """
    @after_this_request
    def vary_on_accept(response):
        response.vary.add("Accept")
        return response
    return request.accept_mimetypes.best_match(media_types, default=media_types[0])


def answer_conditional_get(response):
    """Tag a claim or source with a hash of its body; answer 304 when the client already has it."""
    if (request.method in ("GET", "HEAD") and request.blueprint in CONDITIONAL_BLUEPRINTS
            and response.status_code == 200):
        response.add_etag()
        response.make_conditional(request)
    return response


def init_http_caching(app):
    """Register compression, then ETags (after-request hooks run last-registered first, so the
    ETag is computed on the uncompressed body and flask-compress marks it with the encoding)."""
    for key, value in COMPRESSION_DEFAULTS.items():
        app.config.setdefault(key, value)
    Compress(app)
    app.after_request(answer_conditional_get)
