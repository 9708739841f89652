"""Schemathesis, in-process against the served spec: every operation, with an editor key and with
valid and invalid data, answers without a server error, within the spec's schemas, and only with
statuses the spec lists."""
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance,
                                               response_schema_conformance,
                                               status_code_conformance)

from .conftest import make_key_headers

EXAMPLES_PER_OPERATION = 20
# Ids the fixture corpus has, so that most cases reach a real claim, source or evidence row.
KNOWN_IDS = st.integers(1, 9)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


def listed_status(ctx, response, case):
    """Stricter than status_code_conformance, which lets `default` cover every status."""
    listed = {str(code) for code in case.operation.responses.status_codes}
    if str(response.status_code) not in listed:
        raise AssertionError(f"{case.operation.label} answered {response.status_code}, "
                             f"which the spec does not list ({', '.join(sorted(listed))})")


@pytest.fixture
def api(make_app):
    app = make_app(RATELIMIT_ENABLED=False)
    return app, make_key_headers(app, "editor")


def test_every_operation_keeps_to_the_spec(api):
    app, editor = api
    schema = schemathesis.openapi.from_wsgi("/openapi.yaml", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20

    for operation in operations:
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True,
                  database=None, phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(case=st.one_of(operation.as_strategy(GenerationMode.POSITIVE),
                              operation.as_strategy(GenerationMode.NEGATIVE)), row=KNOWN_IDS)
        def conforms(case, row):
            if case.path_parameters:
                case.path_parameters = {name: row for name in case.path_parameters}
            # identity: the in-process transport does not undo gzip, which has its own tests
            response = case.call(headers={**editor, "Accept-Encoding": "identity"})
            case.validate_response(response, checks=CHECKS, additional_checks=[listed_status])
        conforms()
