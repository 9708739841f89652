"""POST /sources/{id}/extract and /align: proposals over HTTP, accepted as ordinary writes."""
import re

from .helpers import assert_problem

ARTICLE = ("Floods in the river valley have killed 19 people, the mayor said. "
           "About 300 homes were flooded, and the old bridge was closed on Monday.")


def add_source(client, editor, text=ARTICLE):
    response = client.post("/sources", json={"title": "Valley Courier", "text": text},
                           headers=editor)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def test_extract_proposes_verbatim_facts_that_post_as_claims(client, editor):
    source_id = add_source(client, editor)
    response = client.post(f"/sources/{source_id}/extract", headers=editor)
    assert response.status_code == 200, response.get_json()
    proposals = response.get_json()["proposals"]
    assert all(ARTICLE[p["start"]:p["end"]] == p["quote"] for p in proposals)
    killed = next(p for p in proposals if "19" in p["quote"])
    assert killed["figures"] == [{"text": "19", "value": 19, "qualifier": None,
                                  "label": "killed", "unit": None, "kind": None,
                                  "high": None}]
    assert killed["attribution"] == "the mayor said"
    scores = [p["check_worthiness"] for p in proposals]
    assert scores == sorted(scores, reverse=True)
    accepted = client.post("/claims", json=killed["accept"], headers=editor)
    assert accepted.status_code == 201, accepted.get_json()
    revisions = client.get(f"/claims/{accepted.get_json()['id']}/revisions").get_json()
    assert revisions["items"][0]["action"] == "create"


def test_align_finds_a_disagreeing_figure_and_the_evidence_posts(client, editor):
    source_id = add_source(client, editor)
    response = client.post(f"/sources/{source_id}/align", headers=editor)
    assert response.status_code == 200, response.get_json()
    alignments = {a["claim"]["ref"]: a for a in response.get_json()["alignments"]}
    toll = alignments["flood-toll"]  # "at least 12" killed in the corpus: 19 agrees
    assert (toll["stance"], toll["decided_by"]) == ("supports", "figures")
    homes = alignments["flood-homes"]
    assert homes["stance"] == "supports"
    added = client.post(f"/claims/{toll['claim']['id']}/evidence", json=toll["evidence"],
                        headers=editor)
    assert added.status_code == 201, added.get_json()
    again = client.post(f"/sources/{source_id}/align", headers=editor).get_json()
    assert "flood-toll" not in {a["claim"]["ref"] for a in again["alignments"]}


def test_a_different_count_is_proposed_as_a_contradiction(client, editor):
    source_id = add_source(client, editor, "The river valley floods killed exactly 5 people.")
    alignments = client.post(f"/sources/{source_id}/align", headers=editor).get_json()
    toll = {a["claim"]["ref"]: a for a in alignments["alignments"]}["flood-toll"]
    assert (toll["stance"], toll["decided_by"]) == ("contradicts", "figures")


def test_proposals_need_an_editor_and_a_live_source(client, editor, reader):
    assert_problem(client.post("/sources/1/extract", headers=reader), 403)
    assert_problem(client.post("/sources/1/align"), 401)
    assert_problem(client.post("/sources/999999/extract", headers=editor), 404)
    assert_problem(client.post("/sources/999999/align", headers=editor), 404)
    assert_problem(client.post("/sources/1/extract?min_worthiness=2", headers=editor), 422)
    assert_problem(client.post("/sources/1/align?min_coverage=-1", headers=editor), 422)


def test_a_stricter_coverage_proposes_less(client, editor):
    source_id = add_source(client, editor)
    loose = client.post(f"/sources/{source_id}/align?min_coverage=0.3", headers=editor)
    strict = client.post(f"/sources/{source_id}/align?min_coverage=1", headers=editor)
    assert len(strict.get_json()["alignments"]) < len(loose.get_json()["alignments"])


def test_the_newsroom_page_links_the_curation_page(client):
    page = client.get("/").get_data(as_text=True)
    link = re.search(r'<a href="([^"]*)">Curate a source</a>', page)
    assert link, "the newsroom page names no curation page"
    assert client.get(link.group(1)).status_code == 200
    assert "Curate a source" in client.get(link.group(1)).get_data(as_text=True)
