"""One transaction per write request, and retries that never write twice.

A write view runs whole (the change and the answer it sends) inside one write transaction, so
nothing is read after COMMIT: once the commit succeeds the answer is ready, and a lost connection
can no longer turn a stored write into an error. A 503 therefore means the write did not happen,
except when the connection dies during COMMIT itself: then the outcome is unknown and the 503 says
so.

A write sent with an `Idempotency-Key` header (the IETF HTTP draft "The Idempotency-Key HTTP Header
Field") stores the key and its answer in that same transaction: a retry with the same key and
request gets the first answer again and writes nothing; the same key with another request is a
422. Keys are scoped per API key. Only answers that wrote something (2xx) are kept: a refused
request wrote nothing, so its retry is simply run again. A key is kept at least
IDEMPOTENCY_RETENTION_HOURS (24): the next write with a key after that, at most once every
PRUNE_EVERY seconds per process, deletes every older key, by an index on their creation time.

With `?dry_run=true` the whole write runs and is answered, then rolled back: the answer is exactly
what it would store (or why it is refused), and nothing is kept.
"""
import datetime
import functools
import hashlib
import logging
import time

from flask import Response, current_app, request
from flask_smorest import abort
from peewee import IntegrityError, InterfaceError, OperationalError

from schemas.curation import DryRunQuerySchema, IdempotencyHeaderSchema

from .auth import current_key
from .db import database
from .models import IdempotencyKey, utcnow, write_transaction

log = logging.getLogger(__name__)
PRUNE_EVERY = 60  # seconds: pruning is one indexed DELETE, not worth running on every write
CONNECTION_LOST = (OperationalError, InterfaceError)
OUTCOME_UNKNOWN = (
    "The database connection broke while the write was being committed, so whether it was stored "
    "is unknown. Read it back to find out, or send the request again with the same "
    "Idempotency-Key: it is then answered as the first was, or written once.")


def fingerprint():
    """What makes a retry the same request: method, path and query, and the body's bytes."""
    digest = hashlib.sha256(f"{request.method} {request.full_path}\n".encode())
    digest.update(request.get_data())
    return digest.hexdigest()


def replay(record):
    """The stored answer to the first request with this key, if this request is the same."""
    if record.fingerprint != fingerprint():
        abort(422, message="This Idempotency-Key was already used for a different request; "
                           "a new write needs a new key.",
              errors={"Idempotency-Key": ["Already used for a different request."]})
    response = Response(record.body, status=record.status, mimetype=record.mimetype)
    response.headers["Idempotent-Replayed"] = "true"
    return response


def answered_once(view, key, args, kwargs):
    """Run the view once per (API key, Idempotency-Key), keeping its answer for retries."""
    scope = (IdempotencyKey.api_key == current_key().id) & (IdempotencyKey.key == key)
    found = IdempotencyKey.get_or_none(scope)
    if found:
        return replay(found)
    try:
        with database.atomic():  # PostgreSQL: waits here while a request with this key runs
            record = IdempotencyKey.create(api_key=current_key().id, key=key,
                                           fingerprint=fingerprint())
    except IntegrityError:  # that request committed first
        return replay(IdempotencyKey.get(scope))
    response = view(*args, **kwargs)
    record.status, record.mimetype = response.status_code, response.mimetype
    record.body = response.get_data(as_text=True)
    record.save()
    return response


def prune_expired_keys():
    """Delete the keys older than the retention, in a transaction of its own (once every
    PRUNE_EVERY seconds per process), so they neither pile up nor lock anything a write needs."""
    state = current_app.extensions.setdefault("idempotency", {"pruned_at": None})
    if state["pruned_at"] is not None and time.monotonic() - state["pruned_at"] < PRUNE_EVERY:
        return
    cutoff = utcnow() - datetime.timedelta(hours=current_app.config["IDEMPOTENCY_RETENTION_HOURS"])
    with write_transaction():
        IdempotencyKey.delete().where(IdempotencyKey.created_at < cutoff).execute()
    state["pruned_at"] = time.monotonic()


def committed(work, dry_run=False):
    """`work()` in one write transaction, committed (rolled back for a dry run); a 503 that says
    the outcome is unknown when the connection is lost during COMMIT (any earlier loss rolls back,
    and is an ordinary 503)."""
    committing = False
    try:
        with write_transaction() as transaction:
            answer = work()
            if dry_run:
                transaction.rollback()  # and begins an empty transaction to commit
            committing = True  # leaving the block commits
    except CONNECTION_LOST as error:
        if not committing:
            raise
        log.warning("connection lost during COMMIT of %s %s: %s", request.method, request.path,
                    error)
        abort(503, message=OUTCOME_UNKNOWN)
    return answer


def refresh_index():
    """This worker's index has the change at once (the others at their next sync); if it cannot
    be refreshed now, the next sync does it: the write is stored and answered as such."""
    try:
        current_app.extensions["crosscheck"].sync(force=True)
    except CONNECTION_LOST as error:
        log.warning("index refresh after %s %s deferred: %s", request.method, request.path, error)


def write(blp):
    """Decorator for a write view, under `editors_only`: one transaction, the Idempotency-Key
    header and the `dry_run` query flag read and documented."""
    def decorator(view):
        @functools.wraps(view)
        def run(*args, dry_run, idempotency_key=None, **kwargs):
            if dry_run:
                return committed(lambda: view(*args, **kwargs), dry_run=True)
            if idempotency_key:
                prune_expired_keys()
                response = committed(lambda: answered_once(view, idempotency_key, args, kwargs))
            else:
                response = committed(lambda: view(*args, **kwargs))
            refresh_index()
            return response
        run = blp.arguments(DryRunQuerySchema, location="query", as_kwargs=True)(run)
        return blp.arguments(IdempotencyHeaderSchema, location="headers", as_kwargs=True)(run)
    return decorator
