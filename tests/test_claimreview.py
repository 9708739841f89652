"""ClaimReview JSON-LD: valid schema.org terms, a rating derived from the evidence, stable ids."""
import pytest
from rdflib import namespace

SCHEMA_TERMS = set(namespace.SDO.__annotations__)
JSONLD = "application/ld+json"


def unknown_terms(node):
    """Every @type and property name in a JSON-LD tree that schema.org does not define."""
    unknown = set()
    if isinstance(node, list):
        for item in node:
            unknown |= unknown_terms(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@type":
                unknown |= {value} - SCHEMA_TERMS
            elif not key.startswith("@"):
                unknown |= {key} - SCHEMA_TERMS
                unknown |= unknown_terms(value)
    return unknown


@pytest.fixture
def feed(client):
    response = client.get("/claims.jsonld")
    assert response.status_code == 200 and response.mimetype == JSONLD
    return response.get_json(force=True)


def reviews_by_text(feed):
    return {r["claimReviewed"]: r for r in feed["dataFeedElement"]}


def test_feed_is_a_datafeed_with_one_claimreview_per_claim(feed, client):
    assert feed["@context"] == "https://schema.org" and feed["@type"] == "DataFeed"
    assert len(feed["dataFeedElement"]) == client.get("/claims").get_json()["total"]
    assert {r["@type"] for r in feed["dataFeedElement"]} == {"ClaimReview"}


def test_every_type_and_property_exists_in_schema_org(feed):
    assert unknown_terms(feed) == set()
    assert unknown_terms({"@type": "ClaimReview", "verdictOfTheDay": 1}) == {"verdictOfTheDay"}


def test_rating_is_derived_from_the_evidence(feed):
    reviews = reviews_by_text(feed)
    disputed = reviews["Seven children were killed in the river valley floods."]["reviewRating"]
    assert (disputed["alternateName"], disputed["ratingValue"]) == ("Disputed", 3)
    false = reviews["The dam in the river valley failed during the floods."]["reviewRating"]
    assert (false["alternateName"], false["ratingValue"]) == ("False", 1)
    true = reviews["About 300 homes were flooded in the river valley."]["reviewRating"]
    assert (true["alternateName"], true["ratingValue"], true["bestRating"]) == ("True", 5, 5)


def test_claim_appears_in_the_sources_that_state_it(feed):
    review = reviews_by_text(feed)["Seven children were killed in the river valley floods."]
    appearances = review["itemReviewed"]["appearance"]
    assert [a["headline"] for a in appearances] == ["Floods hit the river valley"]
    assert appearances[0]["publisher"] == {"@type": "Organization", "name": "Test Gazette"}
    assert {c["abstract"] for c in review["citation"]} == {
        "killed at least 12 people, including seven children",
        "Twelve people died in the valley floods, two of them children"}


def test_ids_are_stable_and_author_comes_from_configuration(make_app):
    client = make_app(PUBLIC_URL="https://factcheck.example.org", CLAIMREVIEW_AUTHOR="Desk",
                      CLAIMREVIEW_AUTHOR_URL="https://desk.example.org").test_client()
    first = client.get("/claims.jsonld").get_json(force=True)["dataFeedElement"]
    again = client.get("/claims.jsonld").get_json(force=True)["dataFeedElement"]
    assert [r["@id"] for r in first] == [r["@id"] for r in again]
    claim_id = client.get("/claims").get_json()["items"][0]["id"]
    assert first[0]["@id"] == f"https://factcheck.example.org/claims/{claim_id}#review"
    assert first[0]["author"] == {"@type": "Organization", "name": "Desk",
                                  "url": "https://desk.example.org"}
    assert first[0]["datePublished"] <= first[0]["dateModified"]


def test_a_claim_answers_claimreview_when_asked_for_json_ld(client, feed):
    claim_id = client.get("/claims?q=dam").get_json()["items"][0]["id"]
    response = client.get(f"/claims/{claim_id}", headers={"Accept": JSONLD})
    assert response.status_code == 200 and response.mimetype == JSONLD
    review = response.get_json(force=True)
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "The dam in the river valley failed during the floods."
    assert unknown_terms(review) == set()
    in_feed = {r["@id"]: r for r in feed["dataFeedElement"]}[review["@id"]]
    assert {k: v for k, v in review.items() if k != "@context"} == in_feed
    plain = client.get(f"/claims/{claim_id}", headers={"Accept": "application/json"})
    assert plain.mimetype == "application/json" and plain.get_json()["ref"] == "dam-failed"
    assert client.get("/claims/999999", headers={"Accept": JSONLD}).status_code == 404


def test_the_spec_documents_json_ld(client):
    spec = client.get("/openapi.json").get_json()
    assert JSONLD in spec["paths"]["/claims/{claim_id}"]["get"]["responses"]["200"]["content"]
    assert JSONLD in spec["paths"]["/claims.jsonld"]["get"]["responses"]["200"]["content"]
