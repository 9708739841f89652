"""One error body for every status: RFC 9457 problem details as application/problem+json."""
import logging
from http import HTTPStatus

import peewee
from flask import jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

from .engine import TextRefused

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger(__name__)


def problem(status, detail=None, errors=None, title=None, headers=None):
    """A problem+json response."""
    body = {"type": "about:blank", "title": title or HTTPStatus(status).phrase, "status": status,
            "detail": detail or HTTPStatus(status).description, "instance": request.path}
    if errors:
        body["errors"] = errors
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_MEDIA_TYPE
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _field_errors(messages):
    """webargs nests messages under the request location ('json', 'query'); callers want fields."""
    if isinstance(messages, dict) and set(messages) <= {"json", "query", "path", "headers", "form"}:
        merged = {}
        for location_messages in messages.values():
            if isinstance(location_messages, dict):
                merged.update(location_messages)
            else:
                merged.setdefault("_body", location_messages)
        return merged
    return messages


DETAILS = {
    400: "The request body is not valid JSON.",
    413: "The request body is larger than the server accepts.",
    415: "The request body must be JSON, sent with Content-Type: application/json.",
    422: "The request does not match the schema; `errors` names each field.",
}


def handle_http_exception(error):
    data = getattr(error, "data", None) or {}
    errors = _field_errors(data.get("errors") or data.get("messages"))
    detail = data.get("message") or (DETAILS.get(error.code) if error.code in (413, 415, 422)
                                     else None) or error.description
    if error.code == 400 and errors:
        detail, errors = DETAILS[400], None
    headers = dict(data.get("headers") or {})
    if error.code == 405 and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    return problem(error.code, detail=detail, errors=errors, headers=headers)


def handle_unexpected(error):
    """Anything uncaught: log it with its traceback, answer 500 without internals."""
    log.exception("unhandled error on %s %s", request.method, request.path)
    return handle_http_exception(InternalServerError(
        "The server hit an unexpected problem; it has been logged."))


def handle_database_unavailable(error):
    """The database is down, restarting or locked: a retryable 503, not a crash."""
    log.warning("database unavailable on %s %s: %s", request.method, request.path, error)
    return problem(503, detail="The database is unavailable; try again shortly.",
                   headers={"Retry-After": "5"})


def handle_text_refused(error):
    """A text the engine will not analyse: the client's to fix, with the engine's reason."""
    return problem(422, detail=f"The text cannot be checked: {error}.")


def register_error_handlers(app):
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(TextRefused, handle_text_refused)
    app.register_error_handler(peewee.OperationalError, handle_database_unavailable)
    app.register_error_handler(peewee.InterfaceError, handle_database_unavailable)
    app.register_error_handler(Exception, handle_unexpected)
