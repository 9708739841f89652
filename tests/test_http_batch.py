"""POST /check/batch and /check/text: many checks in one request, each exactly as /check answers."""
import pytest

from .helpers import assert_problem

STATEMENTS = ["Two children were killed in the floods", "The dam failed",
              "Rescue teams came from the neighbouring country", "Nothing about this is stored"]


def test_batch_answers_each_check_as_check_would_in_order(client):
    checks = [{"statement": s, "limit": 1 + i % 3} for i, s in enumerate(STATEMENTS)]
    checks[1]["min_score"] = 0
    response = client.post("/check/batch", json={"checks": checks})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert results == [client.post("/check", json=c).get_json() for c in checks]
    assert [r["statement"] for r in results] == STATEMENTS
    assert results[0]["verdict"] == "disputed" and results[3]["verdict"] == "unverified"


@pytest.mark.parametrize("body, field", [
    ({"checks": []}, "checks"),
    ({"checks": [{"statement": "x"}] * 101}, "checks"),
    ({"checks": [{"statement": "fine"}, {"statement": " "}]}, "checks"),
    ({}, "checks"),
])
def test_batch_rejects_empty_oversized_or_invalid_checks(client, body, field):
    problem = assert_problem(client.post("/check/batch", json=body), 422)
    assert field in problem["errors"]


def test_batch_names_the_failing_check_by_position(client):
    body = {"checks": [{"statement": "fine"}, {"statement": "fine", "limit": 99}]}
    problem = assert_problem(client.post("/check/batch", json=body), 422)
    assert list(problem["errors"]["checks"]) == ["1"]


ARTICLE = ("Dr. Jones of the U.S. agency said on Sept. 4 that floods had hit the valley.  Two "
           "children were killed in the floods.\n\nThe dam failed! Rescue teams came from the "
           "neighbouring country.")


def test_text_checks_every_sentence_with_its_span(client):
    response = client.post("/check/text", json={"text": ARTICLE, "limit": 2})
    assert response.status_code == 200
    sentences = response.get_json()["sentences"]
    spans = [ARTICLE[s["start"]:s["end"]] for s in sentences]
    assert spans == ["Dr. Jones of the U.S. agency said on Sept. 4 that floods had hit the valley.",
                     "Two children were killed in the floods.",
                     "The dam failed!", "Rescue teams came from the neighbouring country."]
    for span, sentence in zip(spans, sentences):
        assert sentence["result"] == client.post(
            "/check", json={"statement": span, "limit": 2}).get_json()
    assert sentences[1]["result"]["verdict"] == "disputed"


@pytest.mark.parametrize("body, field", [
    ({"text": "   "}, "text"),
    ({"text": "x" * 100_001}, "text"),
    ({"text": "ok", "limit": 0}, "limit"),
])
def test_text_rejects_blank_oversized_or_bad_options(client, body, field):
    assert field in assert_problem(client.post("/check/text", json=body), 422)["errors"]


def test_text_gives_each_fact_of_a_sentence_its_span_in_the_sentence(client):
    text = "The dam failed. At least 12 people were killed and about 300 homes were flooded."
    sentence = client.post("/check/text", json={"text": text}).get_json()["sentences"][1]
    statement = text[sentence["start"]:sentence["end"]]
    parts = sentence["result"]["parts"]
    assert [statement[p["start"]:p["end"]] for p in parts] == [
        "At least 12 people were killed", "about 300 homes were flooded"]
    assert [p["match"]["claim"]["text"] for p in parts] == [
        "At least 12 people were killed in the river valley floods.",
        "About 300 homes were flooded in the river valley."]
    assert client.post("/check", json={"statement": statement, "limit": 3}).get_json()[
        "parts"] == parts
