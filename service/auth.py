"""API keys: made with `crosscheck keys create`, sent as `Authorization: Bearer KEY` or `X-API-Key`.

Writes need an editor key; reads need a key (any role) only when READS_NEED_KEY is set. Only a key's
SHA-256 is stored: keys are long random tokens, so a fast hash is enough and a leaked table reveals
no key.
"""
import functools
import hashlib
import secrets

from flask import current_app, g, request
from flask_smorest import abort

from .models import ApiKey, utcnow

KEY_PREFIX = "cc_"
SECURITY_SCHEMES = {
    "bearerAuth": {"type": "http", "scheme": "bearer",
                   "description": "An API key from `crosscheck keys create`"},
    "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key",
                     "description": "The same API key, in its own header"},
}
EITHER_SCHEME = [{"bearerAuth": []}, {"apiKeyHeader": []}]
# Endpoints that never need a key: probes, metrics and the API's own documentation.
ALWAYS_OPEN = {"health.health", "metrics", "docs.openapi_yaml", "docs.swagger_assets",
               "api-docs.openapi_json", "api-docs.openapi_swagger_ui", "pages.home", "static"}


def hash_key(key):
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def create_key(name, role):
    """Store a new key's hash; returns the row and the key itself, which is never stored."""
    if role not in ApiKey.ROLES:
        raise ValueError(f"role must be one of {ApiKey.ROLES}")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    row = ApiKey.create(name=name, role=role, key_hash=hash_key(key), prefix=key[:10])
    return row, key


def revoke_key(key_id):
    """Revoke a key; returns whether a live key had this id."""
    return bool(ApiKey.update(revoked_at=utcnow())
                .where((ApiKey.id == key_id) & ApiKey.revoked_at.is_null()).execute())


def presented_key():
    """The key sent with this request, from either header, or None."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return request.headers.get("X-API-Key", "").strip() or None


def current_key():
    """The valid, unrevoked key sent with this request (looked up once per request), or None."""
    if "api_key" not in g:
        key = presented_key()
        row = key and ApiKey.get_or_none(ApiKey.key_hash == hash_key(key))
        g.api_key = row if row and row.revoked_at is None else None
        g.api_key_refusal = (None if g.api_key else "missing" if key is None
                             else "revoked" if row else "unknown")
    return g.api_key


HOW_TO_SEND = "send `Authorization: Bearer KEY` or `X-API-Key: KEY`"
REFUSALS = {
    "missing": f"This needs an API key and the request has none: {HOW_TO_SEND}.",
    "unknown": "The API key sent is not one this server knows: check it was copied whole, "
               "or make a new one with `crosscheck keys create`.",
    "revoked": "The API key sent has been revoked: ask for a new one.",
}


def require_key(role=None):
    """401 without a valid key (saying whether none, an unknown or a revoked key was sent),
    403 when the key's role is not `role`."""
    key = current_key()
    if key is None:
        refusal = g.api_key_refusal
        challenge = "Bearer" if refusal == "missing" else 'Bearer error="invalid_token"'
        abort(401, message=REFUSALS[refusal], headers={"WWW-Authenticate": challenge})
    if role and key.role != role:
        abort(403, message=f"This needs an {role} key; the key sent is a {key.role} key.")
    return key


def actor_name():
    """Who is writing, for the revision log."""
    key = current_key()
    return key.name if key else None


def editors_only(blp):
    """Decorator for a write view: checks the key before anything else and documents it."""
    def decorator(view):
        @functools.wraps(view)
        def guarded(*args, **kwargs):
            require_key("editor")
            return view(*args, **kwargs)
        guarded.needs_role = "editor"
        return blp.doc(security=EITHER_SCHEME)(blp.problems(401, 403)(guarded))
    return decorator


def check_read_access():
    """before_request: when reads are closed, every non-open endpoint needs a key of any role.

    OPTIONS never does: browsers send CORS preflights without credentials, so a preflight that
    needs a key would stop every cross-origin call; an OPTIONS answer reads nothing.
    """
    if (not current_app.config.get("READS_NEED_KEY") or request.endpoint in ALWAYS_OPEN
            or request.method == "OPTIONS"):
        return
    view = current_app.view_functions.get(request.endpoint)
    if view is not None and not getattr(view, "needs_role", None):
        require_key()


def init_auth(app, api):
    """Document the key schemes in the OpenAPI spec and close reads when configured."""
    for name, scheme in SECURITY_SCHEMES.items():
        api.spec.components.security_scheme(name, scheme)
    app.before_request(check_read_access)
