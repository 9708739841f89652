"""Curation over HTTP: validated writes, revisions, soft delete and undo, the index kept current,
and the export that seeding reads back unchanged."""
import json
import shutil

import peewee
import pytest
import yaml
from click.testing import CliRunner

from service.cli import main
from service.db import database, init_database
from service.export import export_corpus
from service.importer import import_claims
from service.models import Claim, Evidence, Revision, create_tables
from service.seeding import seed

from .conftest import FIXTURE_SEEDS
from .helpers import assert_every_quote_verbatim_and_export_seeds_back, assert_problem

QUOTE = "Floods in the river valley have killed at least 12 people"


@pytest.fixture
def ids(client):
    return {s["ref"]: s["id"] for s in client.get("/sources").get_json()["items"]}


def create(client, editor, **body):
    response = client.post("/claims", json=body, headers=editor)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def revisions(client, claim_id):
    return client.get(f"/claims/{claim_id}/revisions").get_json()["items"]


def best_match(client, statement):
    body = client.post("/check", json={"statement": statement}).get_json()
    return body["matches"][0]["claim"]["ref"] if body["matches"] else None


def test_claim_from_text_alone_gets_a_ref_and_a_revision(client, editor):
    claim = create(client, editor, text="  The bridge over the river valley was closed.  ")
    assert claim["text"] == "The bridge over the river valley was closed."
    assert claim["ref"] == f"claim-{claim['id']}" and claim["evidence"] == []
    assert client.get(f"/claims/{claim['id']}").get_json() == claim
    (revision,) = revisions(client, claim["id"])
    assert revision["action"] == "create" and revision["actor"] == "test editor"
    assert revision["before"] is None
    assert revision["after"] == {"ref": claim["ref"], "text": claim["text"], "deleted": False,
                                 "evidence": []}
    assert best_match(client, "The bridge over the valley was closed") == claim["ref"]


def test_claim_with_evidence_reads_figures_from_the_quote(client, editor, ids):
    claim = create(client, editor, ref="valley-toll", text="The floods killed 12 people.",
                   evidence=[{"source_id": ids["gazette"], "stance": "supports", "quote": QUOTE}])
    (evidence,) = claim["evidence"]
    assert evidence["source"]["ref"] == "gazette" and evidence["id"] > 0
    assert evidence["numbers"] == evidence["figures_added"] == [
        {"text": "12", "value": 12, "qualifier": "at least", "label": "killed"}]
    body = client.post("/check", json={"statement": "The floods killed 12 people"}).get_json()
    assert body["matches"][0]["claim"]["ref"] == "valley-toll"


def test_given_figures_are_kept_as_written(client, editor, ids):
    numbers = [{"text": "12", "value": 12, "qualifier": "at least", "label": "killed"}]
    claim = create(client, editor, text="The floods killed 12 people.", evidence=[
        {"source_id": ids["gazette"], "stance": "supports", "quote": QUOTE, "numbers": numbers}])
    assert claim["evidence"][0]["numbers"] == numbers
    assert claim["evidence"][0]["figures_added"] == []


def test_figures_the_editor_left_out_are_added_and_named(app, client, editor, ids, tmp_path):
    """Every figure of the quote is stored, the editor's as given, the others read and labelled
    by the engine; the answer names those added. A clock time is no count and is not added."""
    source = client.post("/sources", headers=editor, json={
        "title": "Night report", "text": "At 0900 GMT, 27 people, including seven civilians, "
                                         "were killed and 40 wounded, said the 3rd report."}
                         ).get_json()
    quote = "27 people, including seven civilians, were killed and 40 wounded"
    mine = {"text": "27", "value": 27, "qualifier": None, "label": "people killed"}
    claim = create(client, editor, text="27 people were killed.", evidence=[{
        "source_id": source["id"], "stance": "supports", "quote": quote, "numbers": [mine]}])
    (evidence,) = claim["evidence"]
    added = [{"text": "seven", "value": 7, "qualifier": None, "label": "civilians"},
             {"text": "40", "value": 40, "qualifier": None, "label": "wounded"}]
    assert evidence["figures_added"] == added
    assert evidence["numbers"] == [mine, *added]
    assert client.get(f"/claims/{claim['id']}").get_json()["evidence"][0] == {
        key: value for key, value in evidence.items() if key != "figures_added"}
    # re-listing them all adds nothing; a new quote reads its own
    url = f"/claims/{claim['id']}/evidence/{evidence['id']}"
    same = client.patch(url, headers=editor, json={"numbers": evidence["numbers"]}).get_json()
    assert same["figures_added"] == [] and same["numbers"] == evidence["numbers"]
    timed = client.patch(url, headers=editor, json={
        "quote": "At 0900 GMT, 27 people", "numbers": [mine]}).get_json()
    assert timed["numbers"] == [mine] and timed["figures_added"] == []
    ordinal = client.post(f"/claims/{claim['id']}/evidence", headers=editor, json={
        "source_id": source["id"], "stance": "supports", "quote": "said the 3rd report"})
    assert ordinal.status_code == 201 and ordinal.get_json()["numbers"] == []
    assert_every_quote_verbatim_and_export_seeds_back(app, tmp_path)  # stored as exported


def test_an_evidence_write_that_changes_nothing_keeps_the_figures_and_leaves_no_revision(
        client, editor):
    """Sending the stored quote again (in other quote marks too), or the same change twice,
    keeps the figures as the editor labelled them, adds none twice and keeps no revision."""
    source = client.post("/sources", headers=editor, json={
        "title": "Harbour notice", "text": "The port's 3 cranes lifted 450 containers."}).get_json()
    quote = "The port's 3 cranes lifted 450 containers"
    mine = {"text": "450", "value": 450, "qualifier": None, "label": "containers lifted"}
    claim = create(client, editor, text="Cranes lifted 450 containers.", evidence=[{
        "source_id": source["id"], "stance": "supports", "quote": quote, "numbers": [mine]}])
    (evidence,) = claim["evidence"]
    assert [n["text"] for n in evidence["numbers"]] == ["450", "3"]
    url = f"/claims/{claim['id']}/evidence/{evidence['id']}"
    for body in ({"quote": quote}, {"quote": quote.replace("'", "\u2019")},
                 {"stance": "supports"}, {"numbers": evidence["numbers"]}):
        again = client.patch(url, headers=editor, json=body).get_json()
        assert again["numbers"] == evidence["numbers"] and again["figures_added"] == [], body
    assert [r["action"] for r in revisions(client, claim["id"])] == ["create"]


@pytest.mark.parametrize("item, field, words", [
    ({"quote": "Floods killed 40 people"}, "quote", "not verbatim"),
    ({"numbers": [{"text": "99", "value": 99}]}, "numbers", "'99' is not in the quote"),
    ({"numbers": [{"text": "12", "value": 13}]}, "numbers", "has value 13"),
    ({"source_id": 424242}, "source", "unknown source"),
])
def test_evidence_that_breaks_a_rule_is_422_naming_it(client, editor, ids, item, field, words):
    good = {"source_id": ids["herald"], "stance": "supports", "quote": "Twelve people died"}
    bad = dict({"source_id": ids["gazette"], "stance": "supports", "quote": QUOTE}, **item)
    body = assert_problem(client.post("/claims", json={"text": "Floods killed people.",
                                                       "evidence": [good, bad]},
                                      headers=editor), 422)
    assert words in " ".join(body["errors"]["evidence"]["1"][field])
    with database.connection_context():
        assert Claim.select().count() == 5
        assert Revision.select().where(Revision.action != "seed").count() == 0


@pytest.mark.parametrize("body, field", [
    ({}, "text"), ({"text": "  "}, "text"), ({"text": "x", "ref": "Not A Slug"}, "ref"),
    ({"text": "nul \u0000 inside"}, "text"), ({"text": "lone \ud800 surrogate"}, "text"),
    ({"text": "x", "evidence": [{"source_id": 1, "stance": "maybe", "quote": "q"}]}, "evidence"),
    ({"text": "x", "evidence": [{"source_id": 2**40, "stance": "supports", "quote": "q"}]},
     "evidence"),
    ({"text": "x", "deleted": True}, "deleted"),
])
def test_bad_claim_bodies_are_422(client, editor, body, field):
    assert field in assert_problem(client.post("/claims", json=body, headers=editor), 422)["errors"]


def test_duplicate_ref_is_409(client, editor):
    assert_problem(client.post("/claims", json={"ref": "flood-toll", "text": "x"},
                               headers=editor), 409)
    claim = create(client, editor, text="Another claim.")
    assert_problem(client.patch(f"/claims/{claim['id']}", json={"ref": "flood-toll"},
                                headers=editor), 409)


def test_edit_keeps_a_revision_and_reaches_every_worker(make_app, client, editor):
    other_worker = make_app(INDEX_SYNC_SECONDS=0).test_client()
    claim = create(client, editor, text="The bridge over the river valley was closed.")
    response = client.patch(f"/claims/{claim['id']}", headers=editor,
                            json={"text": "A hailstorm flattened the orchards in the valley."})
    assert response.status_code == 200
    create_revision, update = revisions(client, claim["id"])
    assert update["action"] == "update" and update["before"] == create_revision["after"]
    assert update["after"]["text"] == "A hailstorm flattened the orchards in the valley."
    assert best_match(other_worker, "A hailstorm flattened the orchards") == claim["ref"]


def test_delete_is_soft_and_restore_brings_it_back(client, editor):
    claim_id = client.get("/claims?q=dam").get_json()["items"][0]["id"]
    statement = "The dam in the river valley failed during the floods"
    assert best_match(client, statement) == "dam-failed"
    assert client.delete(f"/claims/{claim_id}", headers=editor).status_code == 204
    assert_problem(client.get(f"/claims/{claim_id}"), 404)
    assert claim_id not in [c["id"] for c in client.get("/claims").get_json()["items"]]
    assert client.get("/claims").get_json()["total"] == 4
    assert best_match(client, statement) != "dam-failed"
    assert_problem(client.delete(f"/claims/{claim_id}", headers=editor), 404)
    assert [r["action"] for r in revisions(client, claim_id)] == ["seed", "delete"]
    feed = client.get("/claims.jsonld").get_json(force=True)["dataFeedElement"]
    assert len(feed) == 4 and f"/claims/{claim_id}" not in str(feed)
    restored = client.post(f"/claims/{claim_id}/restore", headers=editor)
    assert restored.status_code == 200 and restored.get_json()["ref"] == "dam-failed"
    assert best_match(client, statement) == "dam-failed"
    assert [r["action"] for r in revisions(client, claim_id)] == ["seed", "delete", "restore"]


def test_an_edit_the_seeds_overwrite_can_be_brought_back(client, editor):
    claim_id = client.get("/claims?q=dam").get_json()["items"][0]["id"]
    edited = "The river valley dam failed on the second day of the floods."
    client.patch(f"/claims/{claim_id}", json={"text": edited}, headers=editor)
    with database.connection_context():
        assert seed(FIXTURE_SEEDS).updated["claims"] == 1
    seeded, edit, reseeded = revisions(client, claim_id)
    assert (seeded["action"], seeded["actor"], seeded["before"]) == ("seed", "seed", None)
    assert reseeded["action"] == "seed" and reseeded["before"] == edit["after"]
    assert client.get(f"/claims/{claim_id}").get_json()["text"] != edited
    back = client.post(f"/claims/{claim_id}/revisions/{reseeded['id']}/revert", headers=editor)
    assert back.get_json()["text"] == edited


def test_an_edit_an_import_overwrites_can_be_brought_back(client, editor):
    claim_id = client.get("/claims?q=dam").get_json()["items"][0]["id"]
    edited = "The river valley dam failed on the second day of the floods."
    client.patch(f"/claims/{claim_id}", json={"text": edited}, headers=editor)
    line = json.dumps({"ref": "dam-failed", "text": "The dam broke."}).encode()
    with database.connection_context():
        assert import_claims([line]).updated == 1
    *_, edit, imported = revisions(client, claim_id)
    assert (imported["action"], imported["actor"]) == ("import", "import")
    assert imported["before"] == edit["after"] and imported["after"]["text"] == "The dam broke."
    back = client.post(f"/claims/{claim_id}/revisions/{imported['id']}/revert", headers=editor)
    assert back.get_json()["text"] == edited


def test_evidence_add_change_remove_and_revert(client, editor, ids):
    claim = create(client, editor, text="The floods killed 12 people.")
    url = f"/claims/{claim['id']}/evidence"
    added = client.post(url, headers=editor, json={
        "source_id": ids["gazette"], "stance": "supports", "quote": QUOTE})
    assert added.status_code == 201
    evidence_id = added.get_json()["id"]
    changed = client.patch(f"{url}/{evidence_id}", headers=editor, json={
        "source_id": ids["herald"], "quote": "Twelve people died in the valley floods"})
    assert changed.status_code == 200
    assert changed.get_json()["numbers"] == [{"text": "Twelve", "value": 12, "qualifier": None,
                                              "label": "died"}]
    assert_problem(client.patch(f"{url}/{evidence_id}", headers=editor,
                                json={"quote": "Thirteen people died"}), 422)
    assert client.delete(f"{url}/{evidence_id}", headers=editor).status_code == 204
    assert client.get(f"/claims/{claim['id']}").get_json()["evidence"] == []
    history = revisions(client, claim["id"])
    assert [r["action"] for r in history] == ["create", "add-evidence", "update-evidence",
                                              "delete-evidence"]
    undo = client.post(f"/claims/{claim['id']}/revisions/{history[-1]['id']}/revert",
                       headers=editor)
    assert undo.status_code == 200
    (evidence,) = undo.get_json()["evidence"]
    assert evidence["quote"] == "Twelve people died in the valley floods"
    assert revisions(client, claim["id"])[-1]["after"] == history[-1]["before"]


def test_reverting_the_creation_deletes_the_claim(client, editor):
    claim = create(client, editor, text="The bridge over the river valley was closed.")
    (creation,) = revisions(client, claim["id"])
    assert client.post(f"/claims/{claim['id']}/revisions/{creation['id']}/revert",
                       headers=editor).status_code == 200
    assert_problem(client.get(f"/claims/{claim['id']}"), 404)
    assert_problem(client.post(f"/claims/{claim['id']}/revisions/999999/revert",
                               headers=editor), 404)


def test_sources_are_curated_with_their_quotes_kept_verbatim(client, editor, ids):
    gazette = f"/sources/{ids['gazette']}"
    text = client.get(gazette).get_json()["text"]
    body = assert_problem(client.patch(gazette, json={"text": "All new text."}, headers=editor),
                          422)
    assert "flood-toll" in " ".join(body["errors"]["text"])
    renamed = client.patch(gazette, json={"title": "Floods: the valley counts its dead",
                                          "text": text + "\nA later paragraph."}, headers=editor)
    assert renamed.status_code == 200
    check = client.post("/check", json={"statement": "The dam failed"}).get_json()
    assert check["contradicting"][0]["source"]["title"] == "Floods: the valley counts its dead"
    assert [r["action"] for r in client.get(f"{gazette}/revisions").get_json()["items"]] == [
        "seed", "update"]


def test_a_cited_source_cannot_be_deleted_and_a_new_one_can(client, editor, ids):
    body = assert_problem(client.delete(f"/sources/{ids['herald']}", headers=editor), 409)
    assert "rescue-teams" in body["errors"]["claims"]
    created = client.post("/sources", headers=editor, json={
        "title": "Dam engineers report", "text": "The dam held.", "published": "2024-03-04"})
    assert created.status_code == 201
    source = created.get_json()
    assert source["ref"] == f"source-{source['id']}" and source["published"] == "2024-03-04"
    assert client.delete(f"/sources/{source['id']}", headers=editor).status_code == 204
    assert_problem(client.get(f"/sources/{source['id']}"), 404)
    assert client.get("/sources").get_json()["total"] == 2
    assert_problem(client.post("/claims/1/evidence", headers=editor, json={
        "source_id": source["id"], "stance": "supports", "quote": "The dam held."}), 422)
    assert client.post(f"/sources/{source['id']}/restore", headers=editor).status_code == 200
    assert client.get("/sources").get_json()["total"] == 3


def test_a_source_change_is_undone_by_reverting_its_revision(client, editor):
    """As for claims: a revert puts the source back as it was before a revision, unless its
    text would drop a quote evidence relies on (422) or undoing its creation would delete it
    while claims cite it (409)."""
    made = client.post("/sources", headers=editor, json={
        "title": "Harbour notice", "published": "2024-03-02",
        "text": "The harbour closed after the storm."}).get_json()
    url = f"/sources/{made['id']}"
    client.patch(url, headers=editor, json={
        "title": "Harbour notice, updated", "published": "2024-03-03",
        "text": "The harbour closed after the storm. 14 boats sank at their moorings."})
    created, updated = revisions_of_source(client, url)
    create(client, editor, text="Fourteen boats sank in the harbour.", evidence=[{
        "source_id": made["id"], "stance": "supports", "quote": "14 boats sank"}])
    assert_problem(client.post(f"{url}/revisions/{updated['id']}/revert", headers=editor), 422)
    assert_problem(client.post(f"{url}/revisions/{created['id']}/revert", headers=editor), 409)
    client.patch(url, headers=editor, json={"title": "Harbour closed"})
    *_, retitled = revisions_of_source(client, url)
    back = client.post(f"{url}/revisions/{retitled['id']}/revert", headers=editor)
    assert back.status_code == 200 and back.get_json()["title"] == "Harbour notice, updated"
    assert back.get_json()["published"] == "2024-03-03"
    assert revisions_of_source(client, url)[-1]["action"] == "revert"
    assert_problem(client.post(f"{url}/revisions/999999/revert", headers=editor), 404)
    other = client.post("/sources", headers=editor, json={
        "title": "Unused notice", "text": "Nothing happened."}).get_json()
    (creation,) = revisions_of_source(client, f"/sources/{other['id']}")
    assert client.post(f"/sources/{other['id']}/revisions/{creation['id']}/revert",
                       headers=editor).status_code == 200
    assert_problem(client.get(f"/sources/{other['id']}"), 404)


def revisions_of_source(client, url):
    return client.get(f"{url}/revisions").get_json()["items"]


def test_a_claim_whose_quote_left_its_source_cannot_come_back(client, editor, ids):
    claim = create(client, editor, text="Officials spoke on Saturday.", evidence=[
        {"source_id": ids["gazette"], "stance": "supports", "quote": "officials said on Saturday"}])
    assert client.delete(f"/claims/{claim['id']}", headers=editor).status_code == 204
    text = client.get(f"/sources/{ids['gazette']}").get_json()["text"]
    edited = text.replace("officials said on Saturday", "officials said")
    assert client.patch(f"/sources/{ids['gazette']}", json={"text": edited},
                        headers=editor).status_code == 200
    body = assert_problem(client.post(f"/claims/{claim['id']}/restore", headers=editor), 409)
    assert "not verbatim" in str(body["errors"])


def folder_text(folder):
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*.yaml"))}


def test_export_is_read_back_unchanged(client, editor, ids, database_url, monkeypatch, tmp_path):
    create(client, editor, text="A draft without evidence yet.")
    create(client, editor, ref="multi-line", text="Homes were flooded, engineers said.", evidence=[
        {"source_id": ids["gazette"], "stance": "supports",
         "quote": "about 300 homes were flooded. The dam did not fail"}])
    client.post("/sources", headers=editor, json={
        "ref": "ünïcode-free", "title": "x", "text": "y"})  # refused: not a slug
    client.post("/sources", headers=editor, json={
        "ref": "notes", "title": "Notes: “quotes” — dashes", "text": "Line one.  \n\tTabbed\n"})
    monkeypatch.setenv("DATABASE_URL", database_url)
    first = tmp_path / "first"
    result = CliRunner().invoke(main, ["export", str(first)])
    assert result.exit_code == 0, result.output
    assert "left out 1 claim(s) without evidence" in result.output
    with database.connection_context():
        assert not seed(first).changed
    assert CliRunner().invoke(main, ["export", str(first)]).exit_code == 1
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", fresh)
    assert CliRunner().invoke(main, ["seed", str(first)]).exit_code == 0
    second = tmp_path / "second"
    assert CliRunner().invoke(main, ["export", str(second)]).exit_code == 0
    assert folder_text(second) == folder_text(first)
    assert set(folder_text(first)) == {"claims/claims.yaml", "entities.yaml",
                                       "sources/gazette.yaml", "sources/herald.yaml",
                                       "sources/notes.yaml"}
    init_database(database_url)


def test_export_keeps_a_deleted_source_that_a_live_claim_cites(client, editor, tmp_path):
    source = client.post("/sources", headers=editor, json={
        "ref": "notes", "title": "Notes", "text": "The bridge was closed."}).get_json()
    assert client.delete(f"/sources/{source['id']}", headers=editor).status_code == 204
    folder = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, folder)
    (folder / "claims" / "bridge.yaml").write_text(yaml.safe_dump([{
        "ref": "bridge-closed", "text": "The bridge was closed.", "evidence": [{
            "source": "notes", "stance": "supports", "quote": "The bridge was closed.",
            "numbers": []}]}]))
    (folder / "sources" / "notes.yaml").write_text(yaml.safe_dump(
        {"ref": "notes", "title": "Notes", "text": "The bridge was closed."}))
    with database.connection_context():
        seed(folder)  # seeding knows nothing of deletion: the live claim cites a deleted source
        export_corpus(tmp_path / "out")
    assert (tmp_path / "out" / "sources" / "notes.yaml").exists()
    with database.connection_context():
        assert not seed(tmp_path / "out").changed


def test_an_older_database_gains_the_new_columns(database_url):
    class OldClaim(peewee.Model):
        """The claim table as it was before soft delete."""

        ref = peewee.CharField(max_length=200, unique=True, null=True)
        text = peewee.TextField()

        class Meta:
            database = database
            table_name = "claim"

    init_database(database_url)
    with database.connection_context():
        database.create_tables([OldClaim])
        OldClaim.create(ref="kept", text="A claim from before.")
        create_tables()
        claim = Claim.get(Claim.ref == "kept")
        assert claim.text == "A claim from before." and claim.deleted_at is None
        assert [c.ref for c in Claim.live()] == ["kept"]
        assert Revision.select().count() == 0 and Evidence.select().count() == 0
        create_tables()
        assert "deleted_at" in {c.name for c in database.get_columns("claim")}


def imported_modules(path):
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
            for alias in node.names} | {node.module.split(".")[0] for node in ast.walk(tree)
                                        if isinstance(node, ast.ImportFrom) and node.module}


def test_the_corpus_rules_and_curation_know_nothing_of_flask():
    from pathlib import Path

    service = Path(__file__).parent.parent / "service"
    for name in ("curation.py", "rules.py", "importer.py", "seeding.py"):
        assert not imported_modules(service / name) & {"flask", "flask_smorest", "werkzeug"}, name


def test_curation_raises_its_own_errors_and_records_the_actor_it_is_given(app, ids, db):
    from service import curation

    with pytest.raises(curation.NotFound):
        curation.update_claim(424242, {"text": "Nothing here."}, "desk")
    with pytest.raises(curation.Refused) as refused:
        curation.create_claim({"text": "Misquoted.", "evidence": [
            {"source_id": ids["gazette"], "stance": "supports", "quote": "never printed"}]},
            "desk")
    assert refused.value.status == 422 and "quote" in refused.value.errors["evidence"]["0"]
    claim = curation.create_claim({"text": "Quoted.", "evidence": [
        {"source_id": ids["gazette"], "stance": "supports", "quote": QUOTE}]}, "desk")
    with pytest.raises(curation.Conflict):
        curation.delete_source(ids["gazette"], "desk")
    assert [r.actor for r in curation.revisions_of("claim", claim.id)] == ["desk"]


SPILLWAY = "The dam's spillway \u2014 built in 1970 \u2014 held,\n  engineers said."


@pytest.mark.parametrize("typed", [
    "The dam\u2019s spillway \u2013 built in 1970 \u2013 held, engineers said.",
    "dam's spillway - built in 1970 - held,   engineers",
    " The dam`s spillway \u2212 built ",
])
def test_a_quote_differing_only_in_marks_dashes_or_spacing_is_stored_as_the_source_says_it(
        client, editor, typed):
    source = client.post("/sources", headers=editor, json={"title": "Spillway",
                                                           "text": SPILLWAY}).get_json()
    claim = create(client, editor, text="The spillway held.", evidence=[
        {"source_id": source["id"], "stance": "supports", "quote": typed}])
    stored = claim["evidence"][0]["quote"]
    assert stored in SPILLWAY
    assert stored.replace("\u2014", "-").split() == typed.replace("\u2019", "'").replace(
        "\u2013", "-").replace("\u2212", "-").replace("`", "'").split()


def test_a_quote_with_other_words_is_refused_naming_the_closest_passage(client, editor):
    source = client.post("/sources", headers=editor, json={"title": "Spillway",
                                                           "text": SPILLWAY}).get_json()
    response = client.post("/claims", headers=editor, json={"text": "It held.", "evidence": [
        {"source_id": source["id"], "stance": "supports", "quote": "built in 1971"}]})
    body = assert_problem(response, 422)
    assert "the closest passage there is 'built in 1970'" in body["errors"]["evidence"]["0"][
        "quote"][0]


@pytest.mark.parametrize("path", ["/claims", "/sources"])
def test_a_ref_ending_in_a_newline_is_refused_as_seeding_would(client, editor, path):
    body = {"ref": "new-ref\n", "text": "The dam held.", "title": "Dam"}
    if path == "/claims":
        del body["title"]
    response = client.post(path, json=body, headers=editor)
    assert "ref" in assert_problem(response, 422)["errors"]


@pytest.mark.parametrize("quote, added", [
    ("The sirens sounded at 9 o'clock", []),
    ("The dam broke at 0300 GMT", []),
    ("Rescuers searched until 2300 hours", []),
    ("Rescuers searched for 24 hours", [("24", "searched in hours")]),  # a duration counts
    ("The 3rd wave reached 12 villages", [("12", "villages")]),
    ("On Monday, September 11, 2023, the dams broke", []),
    ("The dams, built in 1977, broke", [("1977", "year")]),  # a year is a figure
])
def test_clock_times_dates_and_ordinals_are_not_added(quote, added):
    from service.curation import completed_figures

    numbers, found = completed_figures([], quote)
    assert [(f["text"], f["label"]) for f in found] == added and numbers == found
