"""An evidence item's `as_of`: the date its figures were reported where that is not the source's
published date. Written over HTTP, kept by revisions, exported and seeded back, imported, and used
to order a count's figures in /check."""
import json

import yaml

from service.db import database
from service.export import export_corpus
from service.importer import import_claims
from service.models import Claim
from service.seeding import seed

from .helpers import assert_problem

QUOTE = "Floods in the river valley have killed at least 12 people"


def sources(client):
    return {s["ref"]: s["id"] for s in client.get("/sources").get_json()["items"]}


def test_as_of_is_written_revised_exported_and_seeded_back(app, client, editor, tmp_path):
    ids = sources(client)
    response = client.post("/claims", headers=editor, json={
        "text": "The floods killed at least 12 people.", "evidence": [
            {"source_id": ids["gazette"], "stance": "supports", "quote": QUOTE,
             "as_of": "2030-05-02"}]})
    assert response.status_code == 201, response.get_json()
    claim = response.get_json()
    (evidence,) = claim["evidence"]
    assert evidence["as_of"] == "2030-05-02"
    url = f"/claims/{claim['id']}/evidence/{evidence['id']}"
    changed = client.patch(url, headers=editor, json={"as_of": "2030-05-04"})
    assert changed.status_code == 200 and changed.get_json()["as_of"] == "2030-05-04"
    assert client.patch(url, headers=editor, json={"stance": "supports"}).get_json()[
        "as_of"] == "2030-05-04"  # kept when not given
    assert_problem(client.patch(url, headers=editor, json={"as_of": "May 4"}), 422)
    history = client.get(f"/claims/{claim['id']}/revisions").get_json()["items"]
    assert history[-1]["before"]["evidence"][0]["as_of"] == "2030-05-02"
    undo = client.post(f"/claims/{claim['id']}/revisions/{history[-1]['id']}/revert",
                       headers=editor)
    assert undo.get_json()["evidence"][0]["as_of"] == "2030-05-02"
    with app.app_context(), database.connection_context():
        export_corpus(tmp_path / "exported")
        exported = [c for path in (tmp_path / "exported" / "claims").glob("*.yaml")
                    for c in yaml.safe_load(path.read_text(encoding="utf-8"))]
        assert not seed(tmp_path / "exported").changed
    items = [e for c in exported for e in c["evidence"]]
    assert [str(e["as_of"]) for e in items if "as_of" in e] == ["2030-05-02"]


def test_an_import_line_may_date_its_evidence(app, client, editor):
    line = {"ref": "toll-dated", "text": "The floods killed at least 12 people.", "evidence": [
        {"source": "gazette", "stance": "supports", "quote": QUOTE, "as_of": "2030-05-03"}]}
    with database.connection_context():
        report = import_claims([json.dumps(line).encode()])
    assert report.added == 1, report
    with app.app_context(), database.connection_context():
        (evidence,) = Claim.get(Claim.ref == "toll-dated").evidence
        assert str(evidence.as_of) == "2030-05-03"
