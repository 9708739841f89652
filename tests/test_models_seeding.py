"""Model layer: seeding writes the corpus once, keyed by ref, and never half-writes a bad one."""
import shutil

import pytest
import yaml

from service.db import database
from service.models import Claim, Entity, Evidence, Source
from service.seeding import SeedError, read_seed_folder, seed

from .conftest import FIXTURE_SEEDS, PROJECT_SEEDS


def snapshot():
    return ([tuple(s.__data__.items()) for s in Source.select().order_by(Source.id)],
            [tuple(c.__data__.items()) for c in Claim.select().order_by(Claim.id)],
            [(e.id, e.claim_id, e.source_id, e.stance, e.quote, e.numbers)
             for e in Evidence.select().order_by(Evidence.id)],
            [tuple(e.__data__.items()) for e in Entity.select().order_by(Entity.id)])


def test_app_start_loads_the_seeds_into_an_empty_database(db):
    assert Source.select().count() == 2
    assert Claim.select().count() == 5
    assert Evidence.select().count() == 8
    claim = Claim.get(Claim.ref == "flood-children")
    stances = sorted((e.source.ref, e.stance) for e in claim.evidence)
    assert stances == [("gazette", "supports"), ("herald", "contradicts")]
    assert Entity.get(Entity.name == "river valley").aliases == ["valley", "Vale"]


def test_seeding_twice_changes_nothing(db):
    before = snapshot()
    report = seed(FIXTURE_SEEDS)
    assert not report.changed
    assert snapshot() == before


def copy_seeds(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, folder)
    return folder


def test_changed_seeds_update_in_place(db, tmp_path):
    folder = copy_seeds(tmp_path)
    path = folder / "claims" / "floods.yaml"
    claims = yaml.safe_load(path.read_text())
    claims[0]["text"] = "At least twelve people were killed in the river valley floods."
    path.write_text(yaml.safe_dump(claims, allow_unicode=True))
    claim_id = Claim.get(Claim.ref == "flood-toll").id
    report = seed(folder)
    assert report.updated["claims"] == 1 and report.added["claims"] == 0
    assert Claim.get_by_id(claim_id).text.startswith("At least twelve")


@pytest.mark.parametrize("mutate, problem", [
    (lambda c: c[0]["evidence"][0].update(quote="a quote the article never printed"),
     "quote is not verbatim"),
    (lambda c: c[0]["evidence"][0]["numbers"][0].update(value=13), "has value 13"),
    (lambda c: c[0]["evidence"][0]["numbers"][0].update(text="99"), "'99' is not in the quote"),
    (lambda c: c[1].update(evidence=[]), "has no evidence"),
    (lambda c: c[1].update(ref="flood-toll"), "duplicate ref"),
    (lambda c: c[1].update(ref="Flood Toll!"), "lowercase slug"),
    (lambda c: c[0]["evidence"][0].update(source="nowhere"), "unknown source"),
    (lambda c: c[0]["evidence"][0].update(stance="maybe"), "stance must be one of"),
])
def test_bad_seeds_are_refused_whole(db, tmp_path, mutate, problem):
    folder = copy_seeds(tmp_path)
    path = folder / "claims" / "floods.yaml"
    claims = yaml.safe_load(path.read_text())
    claims.append({"ref": "new-claim", "text": "A new claim", "evidence": [
        {"source": "herald", "stance": "supports", "quote": "rescue teams", "numbers": []}]})
    mutate(claims)
    path.write_text(yaml.safe_dump(claims, allow_unicode=True))
    before = snapshot()
    with pytest.raises(SeedError) as raised:
        seed(folder)
    assert any(problem in p for p in raised.value.problems), raised.value.problems
    assert snapshot() == before


def test_read_seed_folder_refuses_a_missing_folder(tmp_path):
    with pytest.raises(SeedError, match="not a folder"):
        read_seed_folder(tmp_path / "missing")


def test_every_worker_sees_a_change_without_restart(make_app, tmp_path):
    """Two apps stand for two workers; a change written by another process reaches both."""
    first = make_app(INDEX_SYNC_SECONDS=0).test_client()
    second = make_app(INDEX_SYNC_SECONDS=0).test_client()
    statement = {"statement": "A hailstorm flattened the orchards in the river valley"}
    assert first.post("/check", json=statement).get_json()["verdict"] == "unverified"
    folder = copy_seeds(tmp_path)
    path = folder / "claims" / "floods.yaml"
    claims = yaml.safe_load(path.read_text())
    claims[-1]["text"] = "A hailstorm flattened the orchards in the river valley."
    path.write_text(yaml.safe_dump(claims, allow_unicode=True))
    with database.connection_context():
        seed(folder)
    for client in (first, second):
        body = client.post("/check", json=statement).get_json()
        assert body["verdict"] == "supported"
        assert body["matches"][0]["claim"]["ref"] == "rescue-teams"


def test_the_project_corpus_seeds_once_and_only_once(make_app):
    make_app(seeds=PROJECT_SEEDS)
    with database.connection_context():
        before = snapshot()
        assert Claim.select().count() >= 60 and Source.select().count() == 5
        assert not seed(PROJECT_SEEDS).changed
        assert snapshot() == before
