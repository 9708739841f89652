"""A real client: built from the committed openapi.yaml at test time, used against a live server."""
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

SPEC = Path(__file__).parent.parent / "openapi.yaml"


@pytest.fixture(scope="module")
def generated_client(tmp_path_factory):
    """The package openapi-python-client writes for our spec, imported as `crosscheck_client`."""
    folder = tmp_path_factory.mktemp("client")
    subprocess.run([sys.executable, "-m", "openapi_python_client", "generate", "--path", str(SPEC),
                    "--meta", "none", "--output-path", str(folder / "crosscheck_client")],
                   check=True, capture_output=True, text=True)
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module("crosscheck_client")
    finally:
        sys.path.remove(str(folder))
        for name in [m for m in sys.modules if m.startswith("crosscheck_client")]:
            del sys.modules[name]


def test_generated_client_checks_pages_and_reads(generated_client, live_server):
    from crosscheck_client.api.check import check
    from crosscheck_client.api.claims import list_claims
    from crosscheck_client.api.sources import get_source
    from crosscheck_client.models import CheckRequest

    client = generated_client.Client(base_url=live_server, raise_on_unexpected_status=True)
    result = check.sync(client=client, body=CheckRequest(
        statement="Two children were killed in the floods"))
    assert result.verdict == "disputed"
    assert result.contradicting[0].source.publisher == "Test Gazette"
    differing = [n for n in result.contradicting[0].numbers if n.comparison == "differs"]
    assert [n.value for n in differing] == [7]

    first = list_claims.sync(client=client, page=1, per_page=2)
    second = list_claims.sync(client=client, page=2, per_page=2)
    assert first.total == 5 and len(first.items) == 2
    assert {c.id for c in first.items}.isdisjoint({c.id for c in second.items})

    source_id = result.contradicting[0].source.id
    source = get_source.sync(client=client, source_id=source_id)
    assert source.title == "Floods hit the river valley"
    assert "including seven children" in source.text

    missing = get_source.sync_detailed(client=client, source_id=999999)
    assert missing.status_code == 404
