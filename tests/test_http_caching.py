"""Conditional GETs with ETags on claims and sources, and gzip for large responses."""
import gzip
import json

import pytest

from service.db import database
from service.models import Claim, record_claim_changes


@pytest.mark.parametrize("path", ["/claims", "/claims/1", "/sources", "/sources/1",
                                  "/claims?q=floods"])
def test_claims_and_sources_answer_304_when_the_client_has_them(client, path):
    first = client.get(path)
    assert first.status_code == 200 and first.headers["ETag"]
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    other = client.get(path, headers={"If-None-Match": '"not-this-one"'})
    assert other.status_code == 200 and other.get_json() == first.get_json()


def test_the_etag_changes_when_the_claim_does(client):
    etag = client.get("/claims/1").headers["ETag"]
    with database.connection_context():
        Claim.update(text="The dam held.").where(Claim.id == 1).execute()
        record_claim_changes([1])
    changed = client.get("/claims/1", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.get_json()["text"] == "The dam held."
    assert changed.headers["ETag"] != etag


def test_check_is_not_cached(client):
    response = client.post("/check", json={"statement": "The dam failed"})
    assert "ETag" not in response.headers


def test_large_responses_are_gzipped_for_clients_that_accept_it(client):
    plain = client.get("/sources/1")
    assert "Content-Encoding" not in plain.headers
    zipped = client.get("/sources/1", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert len(zipped.data) < len(plain.data)
    assert json.loads(gzip.decompress(zipped.data)) == plain.get_json()
    again = client.get("/sources/1", headers={"Accept-Encoding": "gzip",
                                              "If-None-Match": zipped.headers["ETag"]})
    assert again.status_code == 304


def test_small_responses_are_sent_as_they_are(client):
    response = client.get("/healthz", headers={"Accept-Encoding": "gzip"})
    assert len(response.data) < 1024 and "Content-Encoding" not in response.headers
