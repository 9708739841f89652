"""POST /imports: many claims at once over HTTP, imported by the code `crosscheck import` runs,
with a report line per input line."""
import json

import pytest
from hypothesis import given, strategies as st

from service.db import database
from service.models import Claim, Revision

from .conftest import make_key_headers
from .helpers import assert_problem
from .test_hostile import CLAIM_FIELDS, HOSTILE, JSON_VALUES, assert_answered
from .test_import import GAZETTE_URL, GOOD, jsonl, stored


def post(client, headers, body, query="", content_type="application/x-ndjson"):
    data = body if isinstance(body, bytes) else body.encode("utf-8")
    return client.post(f"/imports{query}", data=data,
                       headers={**headers, "Content-Type": content_type})


def outcomes(answer):
    return [(line["line"], line["ref"], line["outcome"]) for line in answer["lines"]]


def claim_count():
    with database.connection_context():
        return Claim.select().count()


def test_json_lines_are_imported_line_by_line_and_each_line_reported(client, editor):
    other = dict(GOOD[0], text="The dam broke during the valley floods.")
    body = jsonl(GOOD[0], "{not json", "", GOOD[1], other, GOOD[2]).replace(
        json.dumps(GOOD[2]), json.dumps(GOOD[2]) + "\r")  # a CRLF line too
    answer = post(client, editor, body)
    assert answer.status_code == 200, answer.get_json()
    report = answer.get_json()
    assert (report["added"], report["updated"], report["unchanged"], report["refused"]) == (
        3, 0, 0, 2)
    assert outcomes(report) == [(1, "dam-held", "added"), (2, None, "refused"),
                                (4, "seven-children", "added"), (5, "dam-held", "refused"),
                                (6, "rescuers-sent", "added")]
    assert report["lines"][1]["reason"].startswith("not valid JSON")
    assert "is on line 1 of this import with other content" in report["lines"][3]["reason"]
    assert all(stored(row["ref"]) for row in GOOD)
    assert report["lines"][0]["claim_id"] == client.get(
        f"/claims/{report['lines'][0]['claim_id']}").get_json()["id"]
    # the same body again: nothing changes, and /check knows the claims at once
    again = post(client, editor, body).get_json()
    assert (again["added"], again["unchanged"], again["refused"]) == (0, 3, 2)
    found = client.post("/check", json={"statement": "Seven children died in the valley floods"})
    assert "seven-children" in [m["claim"]["ref"] for m in found.get_json()["matches"]]


def test_a_json_array_is_imported_as_the_same_lines(client, editor):
    answer = post(client, editor, json.dumps([GOOD[0], 7, GOOD[1]]),
                  content_type="application/json")
    assert answer.status_code == 200
    assert outcomes(answer.get_json()) == [(1, "dam-held", "added"), (2, None, "refused"),
                                           (3, "seven-children", "added")]
    assert answer.get_json()["lines"][1]["reason"] == "not a JSON object"


def test_figures_a_line_left_out_are_added_and_reported(client, editor):
    line = {"ref": "toll", "text": "At least 12 people died in the valley floods.", "evidence": [
        {"url": GAZETTE_URL, "stance": "supports",
         "quote": "have killed at least 12 people, including seven children",
         "numbers": [{"text": "12", "value": 12, "qualifier": "at least", "label": "killed"}]}]}
    (result,) = post(client, editor, jsonl(line), content_type="application/jsonl").get_json()[
        "lines"]
    assert result["outcome"] == "added"
    assert result["figures_added"] == [{"evidence": 0, "text": "seven", "value": 7,
                                        "qualifier": None, "label": "children killed"}]
    assert [n["text"] for n in client.get(f"/claims/{result['claim_id']}").get_json()[
        "evidence"][0]["numbers"]] == ["12", "seven"]


def test_a_dry_run_answers_what_the_import_does_and_stores_nothing(client, editor):
    body = jsonl(*GOOD, {"ref": "Not A Slug!", "text": "x"})
    before = claim_count()
    dry = post(client, editor, body, "?dry_run=true")
    assert dry.status_code == 200 and claim_count() == before
    real = post(client, editor, body)

    def without_ids(report):
        return dict(report, lines=[dict(line, claim_id=None) for line in report["lines"]])
    assert without_ids(dry.get_json()) == without_ids(real.get_json())
    assert claim_count() == before + 3


def test_all_or_nothing_stores_nothing_when_a_line_is_refused(client, editor):
    before = claim_count()
    refused = assert_problem(post(client, editor, jsonl(GOOD[0], "[1]", GOOD[1]),
                                  "?all_or_nothing=true"), 422)
    assert refused["errors"] == {"2": ["not a JSON object"]}
    assert claim_count() == before
    whole = post(client, editor, jsonl(*GOOD), "?all_or_nothing=true")
    assert whole.status_code == 200 and whole.get_json()["added"] == 3


def test_a_retry_with_the_same_idempotency_key_is_answered_once(client, editor):
    keyed = {**editor, "Idempotency-Key": '"bulk-1"'}
    first = post(client, keyed, jsonl(*GOOD))
    second = post(client, keyed, jsonl(*GOOD))
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.get_json() == first.get_json() and first.get_json()["added"] == 3
    with database.connection_context():
        assert Revision.select().where(Revision.actor == "import").count() == 3  # one per add
    assert_problem(post(client, keyed, jsonl(GOOD[0])), 422)


def test_odd_unicode_is_stored_intact_or_refused_by_line(client, editor):
    separator = {"ref": "odd-breaks", "text": "The dam\u2028held\u0085 in the valley floods."}
    surrogate = '{"ref": "lone-surrogate", "text": "The dam \\ud800 held."}'
    nul = {"ref": "nul-line", "text": "The dam\u0000 held."}
    body = b"\xef\xbb\xbf" + jsonl(separator, surrogate, nul).encode("utf-8") + b"\xff\xfe\n"
    report = post(client, editor, body).get_json()
    assert outcomes(report) == [(1, "odd-breaks", "added"), (2, "lone-surrogate", "refused"),
                                (3, "nul-line", "refused"), (4, None, "refused")]
    assert report["lines"][3]["reason"] == "not UTF-8"
    assert stored("odd-breaks")[0] == separator["text"]


def test_a_byte_order_mark_is_dropped_before_the_first_line_only(client, editor):
    """A BOM alone on the first line is no claim; one inside the body is a line's bad JSON."""
    report = post(client, editor, "\ufeff\n" + jsonl(GOOD[0]) + "\ufeff" + jsonl(GOOD[2]))
    assert outcomes(report.get_json()) == [(2, GOOD[0]["ref"], "added"),
                                           (3, None, "refused")]
    assert report.get_json()["lines"][1]["reason"].startswith("not valid JSON")


@pytest.mark.parametrize("body, content_type, status", [
    ("", "application/x-ndjson", 422),
    ("\n  \n", "application/x-ndjson", 422),
    ("\ufeff", "application/x-ndjson", 422),
    ("\ufeff\n \r\n", "application/jsonl", 422),
    ("[]", "application/json", 422),
    ('{"ref": "one", "text": "One claim."}', "application/json", 422),
    ("[{", "application/json", 400),
    ("[" * 100_000 + "]" * 100_000, "application/json", 400),
    ("ref,text\n", "text/csv", 415),
    ("{}\n" * 1001, "application/x-ndjson", 413),
])
def test_bad_bodies_are_clear_problems(client, editor, body, content_type, status):
    before = claim_count()
    problem = assert_problem(post(client, editor, body, content_type=content_type), status)
    assert problem["detail"] and claim_count() == before


def test_importing_needs_an_editor_key(client, reader):
    assert_problem(post(client, {}, jsonl(GOOD[0])), 401)
    assert_problem(post(client, reader, jsonl(GOOD[0])), 403)


def test_a_body_over_the_size_limit_is_413(make_app):
    app = make_app(MAX_CONTENT_LENGTH=2000)
    editor = make_key_headers(app, "editor")
    assert_problem(post(app.test_client(), editor, jsonl(*GOOD * 20)), 413)


IMPORT_LINES = st.lists(st.one_of(
    JSON_VALUES.map(json.dumps), CLAIM_FIELDS.map(json.dumps),
    st.binary(max_size=40), st.sampled_from([json.dumps(row) for row in GOOD])), max_size=6)


@HOSTILE
@given(lines=IMPORT_LINES)
def test_any_lines_are_imported_or_refused_line_by_line(client, editor, lines):
    body = b"\n".join(line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass")
                      for line in lines)
    response = post(client, editor, body)  # 40 examples: within the default rate limit
    answer = assert_answered(response, {200, 422})
    if response.status_code == 200:
        numbers = [n for n, line in enumerate(body.split(b"\n"), 1) if line.strip()]
        assert [line["line"] for line in answer["lines"]] == numbers


def test_a_connection_lost_mid_import_is_a_503_and_stores_nothing(client, editor, monkeypatch):
    import peewee

    from service import importer

    store = importer._store

    def lose_connection_at_the_third_line(claim, restore):
        if claim["ref"] == "rescuers-sent":
            raise peewee.OperationalError("disk I/O error")
        return store(claim, restore)

    monkeypatch.setattr(importer, "_store", lose_connection_at_the_third_line)
    before = claim_count()
    problem = assert_problem(post(client, editor, jsonl(*GOOD)), 503)
    assert "unavailable" in problem["detail"] and claim_count() == before
