"""flask-smorest with our conventions: problem+json errors, JSON-only bodies, local Swagger UI."""
from http import HTTPStatus

import flask_smorest
from apispec import BasePlugin
from webargs.flaskparser import FlaskParser, abort, is_json_request

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
        except (RecursionError, ValueError):
            abort(400, message="The request body is JSON this server will not read: nested too "
                               "deeply, or a number with too many digits.")


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
