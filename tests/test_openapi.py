"""The committed openapi.yaml is what the code generates, and it is valid OpenAPI 3."""
from pathlib import Path

import yaml
from openapi_spec_validator import validate

from service.openapi import spec_yaml

COMMITTED = Path(__file__).parent.parent / "openapi.yaml"
PROBLEM = "application/problem+json"


def test_committed_spec_matches_the_code(app):
    generated = spec_yaml(app.extensions["flask-smorest"]["apis"][""]["ext_obj"])
    assert COMMITTED.read_text(encoding="utf-8") == generated, (
        "openapi.yaml drifted from the code: run `crosscheck openapi` and commit the result")


def test_served_spec_is_valid_openapi_3(client):
    spec = yaml.safe_load(client.get("/openapi.yaml").get_data(as_text=True))
    validate(spec)
    assert client.get("/openapi.json").get_json() == spec


def test_every_error_response_is_problem_json(client):
    spec = client.get("/openapi.json").get_json()
    for name, response in spec["components"]["responses"].items():
        assert list(response.get("content", {PROBLEM: None})) == [PROBLEM], name
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            assert "default" in operation["responses"], (method, path)
