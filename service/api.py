"""flask-smorest with our conventions: problem+json errors, JSON-only bodies, local Swagger UI."""
import json
import sys
from http import HTTPStatus

import flask_smorest
from apispec import BasePlugin
from flask import request
from webargs.flaskparser import FlaskParser, abort, is_json_request
from werkzeug.exceptions import RequestEntityTooLarge

from schemas.common import ProblemSchema

from .errors import PROBLEM_MEDIA_TYPE, register_error_handlers

API_DESCRIPTION = (
    "Crosscheck fuzzy-matches a statement against curated claims extracted from news sources and "
    "answers with a verdict (`supported`, `contradicted`, `disputed`, `unverified`), the sources "
    "that back and contradict it, their verbatim quotes and the figures they give.\n\n"
    "Every error is an RFC 9457 problem (`application/problem+json`).")


class JSONBodyParser(FlaskParser):
    """Refuses a request body that is not JSON with 415 rather than reading it as empty."""

    def _raw_load_json(self, req):
        if not is_json_request(req):
            abort(415)
        try:
            return super()._raw_load_json(req)
        except json.JSONDecodeError as error:
            if not error.doc:
                raise  # an empty body: webargs reads it as missing, and the schema names the fields
            abort(400, message=f"The request body is not valid JSON: {error.msg} at line "
                               f"{error.lineno}, column {error.colno} (character {error.pos}).")
        except RecursionError:
            abort(400, message="The request body is JSON nested too deeply for this server to "
                               "read.")
        except ValueError:  # Python refuses to convert an integer this long
            abort(400, message="The request body holds a number with more than "
                               f"{sys.get_int_max_str_digits():,} digits, more than this server "
                               "reads.")


DRAIN_LIMIT = 64 * 1024 * 1024
DRAIN_CHUNK = 64 * 1024


def discard(stream, most):
    """Read and drop up to `most` bytes (and never more than DRAIN_LIMIT) of a body."""
    left = min(most, DRAIN_LIMIT)
    while left > 0:
        chunk = stream.read(min(DRAIN_CHUNK, left))
        if not chunk:
            return
        left -= len(chunk)


def read_whole_body():
    """before_request: read the body before anything answers, and refuse one over
    MAX_CONTENT_LENGTH with 413 only once it has been read (up to DRAIN_LIMIT).

    A server that answers and closes while the client is still sending leaves the client with a
    broken pipe instead of the answer; and a chunked body, which declares no length, would
    otherwise be cut at the limit and read as malformed JSON. Bodies within the limit are kept
    for the JSON parser, so 401s and 429s on them are readable too.
    """
    raw, limit, declared = request.environ["wsgi.input"], request.max_content_length, \
        request.content_length
    if limit is None:
        return
    if declared is not None and declared > limit:
        discard(raw, declared)
    elif not over_limit_once_read(raw, limit, declared):
        return
    abort(413, message=f"The request body is larger than this server accepts ({limit:,} bytes "
                       "at most).")


def over_limit_once_read(raw, limit, declared):
    """Read the body into the request's cache; a chunked one over the limit is read to its end."""
    try:
        data = request.get_data(cache=True)
        # Without a declared length the body was cut at the limit: is anything left?
        if declared is not None or len(data) < limit or not raw.read(1):
            return False
    except RequestEntityTooLarge:
        pass
    discard(raw, DRAIN_LIMIT)
    return True


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = JSONBodyParser()

    def arguments(self, schema, **kwargs):
        """A schema given as a class is made once here, not by webargs on every request."""
        return super().arguments(schema() if isinstance(schema, type) else schema, **kwargs)

    def problems(self, *statuses):
        """Document that a view can answer these error statuses, each with the problem body."""
        def decorator(view):
            for status in statuses:
                view = self.alt_response(status, response=HTTPStatus(status).name)(view)
            return view
        return decorator


class OperationIdPlugin(BasePlugin):
    """Names each operation after its view function, so generated clients get readable methods."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        rule = kwargs.get("rule")
        if rule is None:
            return
        name = rule.endpoint.split(".")[-1]
        for method, operation in operations.items():
            operation.setdefault("operationId",
                                 name if len(operations) == 1 else f"{name}_{method}")


class Api(flask_smorest.Api):
    ERROR_SCHEMA = ProblemSchema

    def __init__(self, app=None, **kwargs):
        kwargs.setdefault("spec_kwargs", {"extra_plugins": [OperationIdPlugin()]})
        super().__init__(app, **kwargs)

    def init_app(self, app, **kwargs):
        app.before_request(read_whole_body)
        super().init_app(app, **kwargs)

    def _register_error_handlers(self):
        register_error_handlers(self._app)

    def _register_responses(self):
        """Document error responses with the problem+json media type they are sent with."""
        self.DEFAULT_RESPONSE_CONTENT_TYPE = PROBLEM_MEDIA_TYPE
        try:
            super()._register_responses()
        finally:
            del self.DEFAULT_RESPONSE_CONTENT_TYPE


def spec_options():
    return {
        "API_TITLE": "Crosscheck",
        "API_VERSION": "0.1.0",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/",
        "OPENAPI_JSON_PATH": "openapi.json",
        "OPENAPI_SWAGGER_UI_PATH": "docs",
        "OPENAPI_SWAGGER_UI_URL": "/docs/assets/",
        "OPENAPI_SWAGGER_UI_CONFIG": {"tryItOutEnabled": True, "displayRequestDuration": True},
        "API_SPEC_OPTIONS": {
            "info": {"description": API_DESCRIPTION,
                     "license": {"name": "MIT"}},
            "servers": [{"url": "/", "description": "This server"}],
        },
    }
