"""A bounded load test on loopback: a few seconds of concurrent clients mixing writes, checks and
reads against a real gunicorn server ends with no failed request and every write readable."""
import http.client

from .conftest import FIXTURE_SEEDS
from .load import drive, request, served

SECONDS = 3.0
CLIENTS = 4


def test_mixed_load_fails_nothing_and_loses_no_write(database_url):
    with served(database_url, FIXTURE_SEEDS, workers=2) as (port, key):
        results, written = drive(port, key, seconds=SECONDS, clients=CLIENTS)
        failed = [(kind, status) for kind, status, _ in results if status >= 400]
        assert failed == []
        assert {kind for kind, _, _ in results} == {"write", "check", "read"}
        assert len(written) == sum(1 for kind, _, _ in results if kind == "write") > 0
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for claim_id, text in written.items():
            status, body, _ = request(connection, "GET", f"/claims/{claim_id}")
            assert (status, body["text"]) == (200, text)
        status, body, _ = request(connection, "GET", "/claims?per_page=1")
        assert body["total"] == 5 + len(written)
        connection.close()
