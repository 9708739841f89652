"""The OpenAPI document as YAML, and Swagger UI's assets served from the installed package."""
from flask import Blueprint, current_app, send_from_directory
from swagger_ui_bundle import swagger_ui_path

from ..openapi import spec_yaml

blp = Blueprint("docs", __name__)


@blp.get("/openapi.yaml")
def openapi_yaml():
    api = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
    return current_app.response_class(spec_yaml(api), mimetype="application/yaml")


@blp.get("/docs/assets/<path:filename>")
def swagger_assets(filename):
    return send_from_directory(swagger_ui_path, filename, max_age=86400)
