"""/entities and /vocabulary: editors keep the corpus's names over HTTP, with revisions, and every
worker reads a change on its next request."""
import pytest

from service.export import corpus_as_seeds, write_seed_folder
from service.models import Entity, NameChange, Term
from service.seeding import read_seed_folder, seed

from .conftest import make_key_headers
from .test_concurrency import race
from .helpers import assert_problem

STATEMENT = "About 300 homes were flooded in Arcadia."


def matched_entities(client, statement):
    body = client.post("/check", json={"statement": statement}).get_json()
    return body["matches"][0]["explanation"]["matched_entities"] if body["matches"] else []


def post(client, path, body, headers, status=201):
    response = client.post(path, json=body, headers=headers)
    assert response.status_code == status, response.get_json()
    return response.get_json()


def test_an_entity_is_added_changed_deleted_restored_with_a_revision_each(client, editor):
    listed = client.get("/entities").get_json()
    assert listed["total"] == 1 and listed["items"][0]["name"] == "river valley"
    made = post(client, "/entities", {"name": " Valley Flood Authority ", "kind": "organization",
                                      "aliases": ["flood authority"]}, editor)
    assert made == {"id": made["id"], "name": "Valley Flood Authority", "kind": "organization",
                    "aliases": ["flood authority"]}
    url = f"/entities/{made['id']}"
    assert client.get(url).get_json() == made
    changed = client.patch(url, json={"aliases": ["VFA"]}, headers=editor)
    assert changed.status_code == 200 and changed.get_json()["aliases"] == ["VFA"]
    assert changed.get_json()["kind"] == "organization"  # left out: kept
    assert client.delete(url, headers=editor).status_code == 204
    assert_problem(client.get(url), 404)
    assert client.get("/entities").get_json()["total"] == 1
    assert client.post(f"{url}/restore", headers=editor).get_json()["aliases"] == ["VFA"]
    revisions = client.get(f"{url}/revisions").get_json()["items"]
    assert [r["action"] for r in revisions] == ["create", "update", "delete", "restore"]
    assert revisions[0]["before"] is None and revisions[0]["actor"] == "test editor"
    assert revisions[1]["before"]["aliases"] == ["flood authority"]
    assert revisions[2]["after"]["deleted"] is True
    assert_problem(client.get("/entities/999/revisions"), 404)


def test_a_term_is_added_changed_deleted_restored_with_a_revision_each(client, editor):
    made = post(client, "/vocabulary", {"word": "deluge", "means": "flood"}, editor)
    url = f"/vocabulary/{made['id']}"
    assert client.get("/vocabulary").get_json()["items"] == [made]
    assert client.patch(url, json={"means": "inundation"}, headers=editor).get_json() == dict(
        made, means="inundation")
    assert client.delete(url, headers=editor).status_code == 204
    assert client.get("/vocabulary").get_json()["total"] == 0
    assert_problem(client.patch(url, json={"means": "flood"}, headers=editor), 404)
    assert client.post(f"{url}/restore", headers=editor).status_code == 200
    actions = [r["action"] for r in client.get(f"{url}/revisions").get_json()["items"]]
    assert actions == ["create", "update", "delete", "restore"]


def revert(client, url, revision, editor):
    return client.post(f"{url}/revisions/{revision['id']}/revert", headers=editor)


def test_an_entity_change_is_undone_by_reverting_its_revision(client, editor):
    """As for claims: a revert puts the entity back as it was before a revision (reverting the
    creation deletes it, reverting that brings it back), each revert a revision too, and every
    worker reads the names it gets back."""
    made = post(client, "/entities", {"name": "Valley Flood Authority", "kind": "organization",
                                      "aliases": ["flood authority"]}, editor)
    url = f"/entities/{made['id']}"
    client.patch(url, json={"aliases": ["VFA"]}, headers=editor)
    created, updated = client.get(f"{url}/revisions").get_json()["items"]
    back = revert(client, url, updated, editor)
    assert back.status_code == 200 and back.get_json() == made
    assert revert(client, url, created, editor).get_json() == made  # the row as it now stands
    assert_problem(client.get(url), 404)
    *_, uncreated = client.get(f"{url}/revisions").get_json()["items"]
    assert (uncreated["action"], uncreated["after"]["deleted"]) == ("revert", True)
    assert revert(client, url, uncreated, editor).status_code == 200
    assert client.get(url).get_json() == made
    assert_problem(client.post(f"{url}/revisions/999999/revert", headers=editor), 404)
    assert_problem(client.post("/entities/999/revisions/1/revert", headers=editor), 404)
    client.patch("/entities/1", json={"aliases": ["Arcadia"]}, headers=editor)
    client.patch("/entities/1", json={"aliases": []}, headers=editor)
    assert matched_entities(client, STATEMENT) == []
    *_, unaliased = client.get("/entities/1/revisions").get_json()["items"]
    revert(client, "/entities/1", unaliased, editor)
    assert matched_entities(client, STATEMENT) == ["river valley"]


def test_a_revert_that_would_take_another_names_name_is_409(client, editor):
    entity = post(client, "/entities", {"name": "Valley Flood Authority"}, editor)
    entity_url = f"/entities/{entity['id']}"
    client.patch(entity_url, json={"name": "Flood Board"}, headers=editor)
    post(client, "/entities", {"name": "Authority", "aliases": ["Valley Flood Authority"]},
         editor)
    _, renamed = client.get(f"{entity_url}/revisions").get_json()["items"]
    assert_problem(revert(client, entity_url, renamed, editor), 409)
    # undoing a restore deletes it again under the name it had then, which another now has
    client.delete(entity_url, headers=editor)
    client.post(f"{entity_url}/restore", headers=editor)
    client.patch(entity_url, json={"name": "Water Board"}, headers=editor)
    post(client, "/entities", {"name": "Flood Board"}, editor)
    *_, restored, _ = client.get(f"{entity_url}/revisions").get_json()["items"]
    assert restored["action"] == "restore"
    assert "has this name" in assert_problem(revert(client, entity_url, restored, editor),
                                             409)["detail"]
    term = post(client, "/vocabulary", {"word": "deluge", "means": "flood"}, editor)
    term_url = f"/vocabulary/{term['id']}"
    client.patch(term_url, json={"word": "torrent"}, headers=editor)
    post(client, "/vocabulary", {"word": "deluges", "means": "rain"}, editor)
    _, reworded = client.get(f"{term_url}/revisions").get_json()["items"]
    assert_problem(revert(client, term_url, reworded, editor), 409)
    assert client.get(term_url).get_json()["word"] == "torrent"


def test_a_deleted_term_comes_back_by_reverting_the_delete(client, editor):
    made = post(client, "/vocabulary", {"word": "deluge", "means": "flood"}, editor)
    url = f"/vocabulary/{made['id']}"
    client.delete(url, headers=editor)
    created, deleted = client.get(f"{url}/revisions").get_json()["items"]
    assert revert(client, url, deleted, editor).get_json() == made
    assert client.get("/vocabulary").get_json()["items"] == [made]
    assert_problem(client.post(f"{url}/revisions/{created['id']}/revert"), 401)


@pytest.mark.parametrize("body, field", [
    ({"name": ""}, "name"),
    ({"name": "   "}, "name"),
    ({"name": "x" * 201}, "name"),
    ({"name": "Red\u200bCross"}, "name"),  # invisible: prints like another name
    ({"name": "Red\x07Cross"}, "name"),
    ({"name": "Red\x00Cross"}, "name"),
    ({"name": "!!!"}, "name"),  # no word the engine reads
    ({"name": "Red Cross", "aliases": ["ICRC", "!"]}, "aliases"),
    ({"name": "Red Cross", "aliases": [""]}, "aliases"),
    ({"name": "Red Cross", "aliases": ["a"] * 101}, "aliases"),
    ({"name": "Red Cross", "kind": "k" * 51}, "kind"),
    ({"name": "Red Cross", "colour": "red"}, "colour"),
])
def test_a_bad_entity_is_422_naming_the_field(client, editor, body, field):
    problem = assert_problem(client.post("/entities", json=body, headers=editor), 422)
    assert field in problem["errors"]
    assert not Entity.select().where(Entity.name.contains("Red")).exists()


def test_an_entity_may_list_spellings_the_engine_reads_alike(client, editor):
    made = post(client, "/entities", {"name": "Türkiye", "aliases": ["Turkiye", "TÜRKIYE"]}, editor)
    assert made["aliases"] == ["Turkiye", "TÜRKIYE"]


def test_a_lone_surrogate_in_a_name_is_422(client, editor):
    response = client.post("/entities", data='{"name": "Red \\ud800 Cross"}', headers=editor,
                           content_type="application/json")
    assert "name" in assert_problem(response, 422)["errors"]


@pytest.mark.parametrize("name, aliases", [
    ("Vale", []),  # another entity's alias, as a name
    ("RIVER   Valley", []),  # another entity's name, read alike
    ("Valley Flood Authority", ["VALE"]),
    ("Valley Flood Authority", ["Rivér valley"]),  # accents aside
])
def test_a_name_another_entity_has_is_409(client, editor, name, aliases):
    problem = assert_problem(client.post("/entities", json={"name": name, "aliases": aliases},
                                         headers=editor), 409)
    assert "entity 1" in problem["detail"] and ("name" in problem["errors"]
                                                or "aliases" in problem["errors"])


def test_a_change_or_restore_that_takes_another_entitys_name_is_409(client, editor):
    made = post(client, "/entities", {"name": "Valley Flood Authority"}, editor)
    url = f"/entities/{made['id']}"
    assert_problem(client.patch(url, json={"aliases": ["valley"]}, headers=editor), 409)
    assert client.patch(url, json={"name": "valley flood authority"},  # its own name: fine
                        headers=editor).status_code == 200
    client.delete(url, headers=editor)
    deleted = assert_problem(client.post("/entities", json={"name": "valley flood authority"},
                                         headers=editor), 409)
    assert "restore" in deleted["detail"]
    post(client, "/entities", {"name": "Flood Authority", "aliases": ["Valley Flood Authority"]},
         editor)
    assert_problem(client.post(f"{url}/restore", headers=editor), 409)


@pytest.mark.parametrize("body, field, status", [
    ({"word": "heavy rain", "means": "flood"}, "word", 422),
    ({"word": "deluge", "means": "big flood"}, "means", 422),
    ({"word": "deluge", "means": "Deluge"}, "means", 422),
    ({"word": "deluge"}, "means", 422),
    ({"word": "", "means": "flood"}, "word", 422),
    ({"word": "del\u200buge", "means": "flood"}, "word", 422),
    ({"word": "the", "means": "flood"}, "word", 422),  # a stop word: the engine skips it
    ({"word": "deluge", "means": "not"}, "means", 422),
    ({"word": "deluges", "means": "Deluged"}, "means", 422),
    ({"word": "DELUGE", "means": "rain"}, "word", 409),
    ({"word": "deluges", "means": "rain"}, "word", 409),  # read as the same word
])
def test_a_bad_term_is_refused_naming_the_field(client, editor, body, field, status):
    post(client, "/vocabulary", {"word": "deluge", "means": "flood"}, editor)
    problem = assert_problem(client.post("/vocabulary", json=body, headers=editor), status)
    assert field in problem["errors"]
    assert Term.select().count() == 1


@pytest.mark.parametrize("path, body", [("/entities", {"name": "Valley Flood Authority"}),
                                        ("/vocabulary", {"word": "deluge", "means": "flood"})])
def test_writes_need_an_editor_key_and_reads_a_key_when_reads_are_closed(make_app, path, body):
    app = make_app(READS_NEED_KEY=True)
    client, reader = app.test_client(), make_key_headers(app, "reader")
    assert_problem(client.post(path, json=body), 401)
    assert_problem(client.post(path, json=body, headers=reader), 403)
    assert_problem(client.get(path), 401)
    assert client.get(path, headers=reader).status_code == 200
    made = post(client, path, body, make_key_headers(app, "editor"))
    assert_problem(client.delete(f"{path}/{made['id']}", headers=reader), 403)
    assert_problem(client.get(f"{path}/{made['id']}/revisions"), 401)


@pytest.mark.parametrize("path, body", [("/entities", {"name": "Valley Flood Authority"}),
                                        ("/vocabulary", {"word": "deluge", "means": "flood"})])
def test_a_dry_run_stores_nothing_and_a_retried_key_writes_once(client, editor, path, body):
    changes = NameChange.select().count()
    dry = client.post(f"{path}?dry_run=true", json=body, headers=editor)
    assert dry.status_code == 201 and client.get(path).get_json()["items"] == [
        i for i in client.get(path).get_json()["items"] if i["id"] != dry.get_json()["id"]]
    assert NameChange.select().count() == changes
    headers = {**editor, "Idempotency-Key": '"names-1"'}
    first, retry = (client.post(path, json=body, headers=headers) for _ in range(2))
    assert first.status_code == retry.status_code == 201
    assert retry.headers["Idempotent-Replayed"] == "true" and retry.json == first.json
    assert NameChange.select().count() == changes + 1


def test_entity_changes_reach_another_worker_on_its_next_request(make_app, client, editor):
    other = make_app(INDEX_SYNC_SECONDS=0).test_client()
    assert matched_entities(other, STATEMENT) == []
    client.patch("/entities/1", json={"aliases": ["valley", "Vale", "Arcadia"]}, headers=editor)
    assert matched_entities(other, STATEMENT) == ["river valley"]
    client.delete("/entities/1", headers=editor)
    assert matched_entities(other, STATEMENT) == []
    client.post("/entities/1/restore", headers=editor)
    assert matched_entities(other, STATEMENT) == ["river valley"]


def test_a_term_reaches_another_worker_on_its_next_request(make_app, client, editor):
    other = make_app(INDEX_SYNC_SECONDS=0).test_client()
    statement = "About 300 homes were wrecked in the river valley."

    def score():
        return other.post("/check", json={"statement": statement}).json["matches"][0]["score"]
    before = score()
    term = post(client, "/vocabulary", {"word": "wreck", "means": "flood"}, editor)
    assert score() > before
    client.delete(f"/vocabulary/{term['id']}", headers=editor)
    assert score() == before


def test_an_acronym_a_new_claim_or_source_defines_reaches_every_worker(make_app, client, editor):
    other = make_app(INDEX_SYNC_SECONDS=0).test_client()
    claim = "The Northern Weather Office warned of storms over the river valley."
    post(client, "/claims", {"text": claim}, editor)
    statement = "NWO warned of storms over the river valley."
    assert "Northern Weather Office" not in matched_entities(other, statement)
    post(client, "/sources", {"title": "Storm warning", "text": "The Northern Weather Office "
                              "(NWO) warned of storms."}, editor)
    assert "Northern Weather Office" in matched_entities(other, statement)
    assert "Northern Weather Office" in matched_entities(client, statement)
    post(client, "/claims", {"text": "The Valley Dam Authority (VDA) opened the spillways."},
         editor)
    assert "Valley Dam Authority" in matched_entities(other, "The VDA opened the spillways.")


def test_a_source_edited_to_drop_its_acronym_stops_defining_it(make_app, client, editor):
    other = make_app(INDEX_SYNC_SECONDS=0).test_client()
    post(client, "/claims", {"text": "The Northern Weather Office warned of storms over the "
                                     "river valley."}, editor)
    statement = "NWO warned of storms over the river valley."
    source = post(client, "/sources", {"title": "Storm warning", "text": "The Northern Weather "
                                       "Office (NWO) warned of storms."}, editor)
    assert "Northern Weather Office" in matched_entities(other, statement)
    client.patch(f"/sources/{source['id']}", headers=editor,
                 json={"text": "The Northern Weather Office warned of storms."})
    assert "Northern Weather Office" not in matched_entities(other, statement)


def test_names_written_over_http_are_exported_and_seeded_back_unchanged(client, editor, tmp_path):
    client.patch("/entities/1", json={"aliases": ["valley", "Vale", "Arcadia"]}, headers=editor)
    gone = post(client, "/entities", {"name": "Valley Flood Authority"}, editor)
    client.delete(f"/entities/{gone['id']}", headers=editor)
    post(client, "/vocabulary", {"word": "wreck", "means": "flood"}, editor)
    corpus, _ = corpus_as_seeds()
    write_seed_folder(tmp_path / "out", corpus)
    read = read_seed_folder(tmp_path / "out")
    assert read["entities"] == [{"name": "river valley", "kind": "region",
                                 "aliases": ["valley", "Vale", "Arcadia"]}]
    assert read["vocabulary"] == {"wreck": "flood"}
    report = seed(tmp_path / "out")
    assert not report.changed, (report.added, report.updated)


def test_two_editors_giving_one_name_to_two_entities_at_once_get_one_201_and_one_409(make_app):
    app = make_app(RATELIMIT_ENABLED=False)
    editor = make_key_headers(app, "editor")
    for n in range(6):
        alias = f"Shared Name {n}"
        entities = [{"name": f"{side} {n}", "aliases": [alias]} for side in ("North", "South")]
        responses = race(app, *(("post", "/entities", editor, body) for body in entities))
        assert sorted(r.status_code for r in responses) == [201, 409], [r.json for r in responses]
        terms = [{"word": f"word{n}x", "means": means} for means in ("flood", "storm")]
        responses = race(app, *(("post", "/vocabulary", editor, body) for body in terms))
        assert sorted(r.status_code for r in responses) == [201, 409]
