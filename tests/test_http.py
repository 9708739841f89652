"""HTTP layer: every endpoint, and every error status as one problem+json body."""
import http.client
import json
import urllib.error
import urllib.parse
import urllib.request

import peewee
import pytest

from service.db import database

from .conftest import FIXTURE_SEEDS
from .load import served
from .helpers import PROBLEM, assert_problem


def test_check_answers_a_disputed_figure(client):
    response = client.post("/check", json={"statement": "Two children were killed in the floods"})
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"statement", "verdict", "summary", "numbers", "supporting",
                         "contradicting", "neither", "reported", "matches", "parts"}
    assert body["verdict"] == "disputed" and body["parts"] == []  # one fact: not split
    assert [e["source"]["publisher"] for e in body["supporting"]] == [None]
    assert [e["source"]["publisher"] for e in body["contradicting"]] == ["Test Gazette"]
    assert body["numbers"] == [{"text": "Two", "value": 2, "qualifier": None, "label": None}]
    best = body["matches"][0]
    assert best["claim"]["text"] == "Seven children were killed in the river valley floods."
    assert 0 <= best["score"] <= 100 and best["verdict"] == "disputed"
    gazette = body["contradicting"][0]
    assert gazette["stance"] == "contradicts"
    assert gazette["quote"] == "killed at least 12 people, including seven children"
    assert {"text": "seven", "value": 7, "qualifier": None, "label": "children killed",
            "comparison": "differs"} in gazette["numbers"]
    assert "Disputed" in body["summary"]


def test_check_respects_limit_and_min_score(client):
    body = client.post("/check", json={"statement": "floods in the valley", "limit": 2,
                                       "min_score": 0}).get_json()
    assert len(body["matches"]) == 2
    scores = [m["score"] for m in body["matches"]]
    assert scores == sorted(scores, reverse=True)
    none = client.post("/check", json={"statement": "floods in the valley", "min_score": 100})
    assert none.get_json()["verdict"] == "unverified"


def test_check_unicode_statement(client):
    body = client.post("/check", json={"statement": "Ｔｈｅ dam 💧 in the vallée\u0000 failed"})
    assert body.status_code == 200
    assert body.get_json()["verdict"] in {"contradicted", "unverified"}


def test_malformed_json_is_400(client):
    assert_problem(client.post("/check", data="{\"statement\": ", content_type="application/json"),
                   400)


@pytest.mark.parametrize("body, says", [
    ('{"statement": ', "Expecting value at line 1, column 15 (character 14)"),
    ('{"statement": "x",}', "Expecting property name enclosed in double quotes at line 1, "
                            "column 19 (character 18)"),
    ('{"statement": "x"}\n{"limit": 2}', "Extra data at line 2, column 1 (character 19)"),
    (b'{"statement": "\xff"}', "Bytes decoding error : invalid start byte"),
])
def test_malformed_json_says_what_is_wrong_and_where(client, body, says):
    detail = assert_problem(client.post("/check", data=body, content_type="application/json"),
                            400)["detail"]
    assert detail.startswith("The request body is not valid JSON") and says in detail
    assert "nested" not in detail and "digits" not in detail


def test_deep_nesting_and_huge_numbers_are_told_apart(client):
    deep = assert_problem(client.post("/check", data='{"statement": ' + "[" * 100_000,
                                      content_type="application/json"), 400)["detail"]
    huge = assert_problem(client.post("/check", data='{"statement": "x", "limit": ' + "9" * 5000
                                      + "}", content_type="application/json"), 400)["detail"]
    assert "nested too deeply" in deep and "digits" not in deep
    assert "digits" in huge and "nested" not in huge


def test_non_json_body_is_415(client):
    assert_problem(client.post("/check", data="statement=hi",
                               content_type="application/x-www-form-urlencoded"), 415)
    assert_problem(client.post("/check"), 415)


def test_body_over_a_megabyte_is_413(client):
    statement = "x" * (1024 * 1024 + 1)
    assert_problem(client.post("/check", data=json.dumps({"statement": statement}),
                               content_type="application/json"), 413)


OVER_THE_LIMIT = 20 * 1024 * 1024


def post_with_urllib(url, body):
    """(status, problem) as Python's standard HTTP client sees them."""
    request = urllib.request.Request(url + "/check", data=body,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        assert error.headers.get_content_type() == PROBLEM
        return error.code, json.load(error)


def post_chunked(url, chunks):
    """(status, parsed body) of a POST /check sent with Transfer-Encoding: chunked."""
    address = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    connection.request("POST", "/check", body=iter(chunks), encode_chunked=True,
                       headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.getheader("Content-Type").split(";")[0] in ("application/json", PROBLEM)
    status, body = response.status, json.loads(response.read())
    connection.close()
    return status, body


def big_statement_chunks(size):
    yield b'{"statement": "'
    for _ in range(size // 65536):
        yield b"x" * 65536
    yield b'"}'


def assert_readable_413(url):
    """A 20 MB body and a chunked one over the limit each get a 413 problem the client can read;
    a chunked body within the limit is answered as usual."""
    status, problem = post_with_urllib(url, b'{"statement": "' + b"x" * OVER_THE_LIMIT + b'"}')
    assert status == 413 and problem["status"] == 413 and "1,048,576 bytes" in problem["detail"]
    status, problem = post_chunked(url, big_statement_chunks(2 * 1024 * 1024))
    assert status == 413 and problem["status"] == 413 and "1,048,576 bytes" in problem["detail"]
    status, body = post_chunked(url, [b'{"statement": "The dam', b' failed", "limit": 1}'])
    assert status == 200 and body["statement"] == "The dam failed"


def test_bodies_over_the_limit_get_a_readable_413(live_server):
    assert_readable_413(live_server)


def test_bodies_over_the_limit_get_a_readable_413_from_gunicorn(database_url):
    with served(database_url, FIXTURE_SEEDS, workers=1) as (port, _):
        assert_readable_413(f"http://127.0.0.1:{port}")


@pytest.mark.parametrize("payload, field", [
    ({}, "statement"),
    ({"statement": ""}, "statement"),
    ({"statement": "   \n\t"}, "statement"),
    ({"statement": "x" * 2001}, "statement"),
    ({"statement": 42}, "statement"),
    ({"statement": "ok", "limit": 0}, "limit"),
    ({"statement": "ok", "limit": 21}, "limit"),
    ({"statement": "ok", "limit": 5.5}, "limit"),
    ({"statement": "ok", "limit": 5.0}, "limit"),
    ({"statement": "ok", "limit": "5"}, "limit"),
    ({"statement": "ok", "limit": True}, "limit"),
    ({"statement": "ok", "min_score": 101}, "min_score"),
    ({"statement": "ok", "surprise": True}, "surprise"),
    ([1, 2, 3], "_schema"),
])
def test_schema_violations_are_422_naming_the_field(client, payload, field):
    body = assert_problem(client.post("/check", json=payload), 422)
    assert field in body["errors"]


def test_unknown_path_is_404_and_wrong_method_405(client):
    assert_problem(client.get("/nowhere"), 404)
    response = client.delete("/check")
    assert_problem(response, 405)
    assert "POST" in response.headers["Allow"]


def test_unexpected_error_is_500_without_internals(app, client, monkeypatch):
    def explode(**kwargs):
        raise RuntimeError("secret internal detail")
    monkeypatch.setattr(app.extensions["crosscheck"].checker, "check", explode)
    body = assert_problem(client.post("/check", json={"statement": "anything"}), 500)
    assert "secret" not in json.dumps(body)


def test_database_down_is_503(client, tmp_path):
    database.initialize(peewee.SqliteDatabase(str(tmp_path / "no" / "such" / "folder.sqlite3")))
    response = client.get("/healthz")
    assert_problem(response, 503)
    assert response.headers["Retry-After"]


def test_claims_are_paged_with_links(client):
    response = client.get("/claims?per_page=2&page=2")
    body = response.get_json()
    assert (body["total"], body["page"], body["per_page"], len(body["items"])) == (5, 2, 2, 2)
    links = response.headers["Link"]
    assert 'page=1&per_page=2>; rel="prev"' in links and 'page=3&per_page=2>; rel="next"' in links
    assert 'page=3&per_page=2>; rel="last"' in links
    assert set(body["items"][0]) == {"id", "ref", "text"}


@pytest.mark.parametrize("query", ["page=0", "per_page=101", "per_page=abc", "per_page=5.5",
                                   "page=2.0"])
def test_bad_paging_is_422(client, query):
    assert_problem(client.get(f"/claims?{query}"), 422)


def test_claims_search(client):
    body = client.get("/claims?q=homes flooded").get_json()
    assert [item["ref"] for item in body["items"]] == ["flood-homes"]
    assert client.get("/claims?q=volcano").get_json()["total"] == 0


def test_claim_has_its_evidence(client):
    claim_id = client.get("/claims?q=dam").get_json()["items"][0]["id"]
    body = client.get(f"/claims/{claim_id}").get_json()
    assert body["ref"] == "dam-failed"
    (evidence,) = body["evidence"]
    assert evidence["stance"] == "contradicts"
    assert evidence["source"]["title"] == "Floods hit the river valley"
    assert evidence["source"]["published"] == "2024-03-02"
    assert_problem(client.get("/claims/999999"), 404)


def test_sources_list_and_detail(client):
    body = client.get("/sources").get_json()
    assert body["total"] == 2 and "text" not in body["items"][0]
    source_id = body["items"][1]["id"]
    source = client.get(f"/sources/{source_id}").get_json()
    assert source["ref"] == "herald" and source["publisher"] is None and source["url"] is None
    assert source["text"].startswith("Twelve people died")
    assert {c["claim"]["ref"] for c in source["claims"]} == {"flood-toll", "flood-children",
                                                             "flood-homes", "rescue-teams"}
    assert_problem(client.get("/sources/424242"), 404)


def test_healthz(client):
    assert client.get("/healthz").get_json() == {
        "status": "ok", "database": "ok", "claims": 5, "unindexed_claims": 0,
        "unindexed_claim_ids": [], "rate_limits": "ok"}


def test_docs_are_served_from_this_server(client):
    page = client.get("/docs").get_data(as_text=True)
    assert "/docs/assets/swagger-ui-bundle.js" in page and "/openapi.json" in page
    assert "http://" not in page and "https://" not in page
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "swagger-ui-standalone-preset.js"):
        assert client.get(f"/docs/assets/{asset}").status_code == 200
    assert client.get("/openapi.json").get_json()["openapi"].startswith("3.")
    assert client.get("/openapi.yaml").mimetype == "application/yaml"


@pytest.mark.parametrize("path, body", [("/check/text", {"text": "ok", "limit": 2.5}),
                                        ("/check/batch", {"checks": [{"statement": "ok",
                                                                      "limit": 2.5}]})])
def test_every_count_is_strictly_an_integer(client, path, body):
    assert "limit" in json.dumps(assert_problem(client.post(path, json=body), 422)["errors"])


def test_a_claim_varies_on_accept_with_one_etag_per_representation(client):
    plain = client.get("/claims/1")
    linked = client.get("/claims/1", headers={"Accept": "application/ld+json"})
    assert plain.mimetype == "application/json" and linked.mimetype == "application/ld+json"
    for response in (plain, linked):
        assert "Accept" in response.vary, response.headers
    assert plain.headers["ETag"] != linked.headers["ETag"]
    other = client.get("/claims/1", headers={"Accept": "application/ld+json",
                                             "If-None-Match": plain.headers["ETag"]})
    assert other.status_code == 200 and other.mimetype == "application/ld+json"
    same = client.get("/claims/1", headers={"Accept": "application/ld+json",
                                            "If-None-Match": linked.headers["ETag"]})
    assert same.status_code == 304 and "Accept" in same.vary


def test_answers_that_are_not_negotiated_do_not_vary_on_accept(client):
    for path in ("/claims", "/sources/1", "/claims.jsonld"):
        assert "Accept" not in client.get(path).vary, path


def test_check_shows_each_figure_of_the_statement_as_the_engine_reads_it(client):
    numbers = client.post("/check", json={
        "statement": "Between 5,000 and 6,000 people fled 370km on Monday"}).get_json()["numbers"]
    assert numbers == [
        {"text": "Between 5,000 and 6,000", "value": 5000, "qualifier": None, "label": None,
         "kind": "range", "low": 5000, "high": 6000},
        {"text": "370km", "value": 370, "qualifier": None, "label": None, "unit": "km"},
        {"text": "Monday", "value": 1, "qualifier": None, "label": "weekday", "kind": "weekday",
         "weekday": "Monday"}]
