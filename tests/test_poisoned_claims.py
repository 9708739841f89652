"""A bad claim costs one claim, never the service: a claim text the engine cannot analyse is refused
on write, left out of the index when already stored (logged, counted in /healthz and /metrics),
and a sync applies its batch whole or not at all, so no index can wedge."""
import io
import json
import logging

import numpy as np
import pytest

from service.corpus import LiveChecker
from service.db import database
from service.engine import ClaimRecord
from service.engine import index as index_module
from service.engine.index import ClaimIndex
from service.engine.matcher import Matcher, TextAnalyzer
from service.importer import import_claims
from service.models import Claim, record_claim_changes, utcnow
from .helpers import metric

POISON = "poisoned"
POISONED_TEXT = f"The {POISON} wells were sealed in the river valley."


@pytest.fixture
def poisoned(monkeypatch):
    """The analyser raises for any text naming POISON, as it once did for "over 2019"."""
    analyze = TextAnalyzer.analyze

    def failing(self, text, *args, **kwargs):
        if POISON in text:
            raise OverflowError("cannot convert float infinity to integer")
        return analyze(self, text, *args, **kwargs)
    monkeypatch.setattr(TextAnalyzer, "analyze", failing)


def claims(*texts, first_id=1):
    return [ClaimRecord(id=n, text=text, ref=f"c{n}") for n, text in enumerate(texts, first_id)]


CORPUS = claims("Floods killed twelve people in the river valley.",
                "The dam upstream of the town burst after three days of rain.",
                "Rescue teams evacuated two hundred residents by boat.",
                "The regional governor declared a state of emergency.")


def index_state(index):
    """Everything an index holds, as plain values to compare."""
    return {"claims": dict(index.claims), "slots": dict(index.slots),
            "term_ids": dict(index.term_ids), "vocabulary": list(index.vocabulary),
            "document_frequency": list(index.document_frequency),
            "postings": [list(p) for p in index.postings],
            "trigrams": {g: list(ids) for g, ids in index.trigram_postings.items()},
            "slot_terms": list(index.slot_terms), "slot_offsets": list(index.slot_offsets),
            "dead": index.dead,
            **{name: getattr(index, name).values[:getattr(index, name).size].tolist()
               for name in ("slot_claim", "slot_alive", "slot_weight", "term_length")}}


def fail_on_call(monkeypatch, owner, name, call):
    """Make owner.name raise MemoryError on its `call`-th call, as a failing allocation would."""
    original, calls = getattr(owner, name), []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == call:
            raise MemoryError("injected")
        return original(*args, **kwargs)
    monkeypatch.setattr(owner, name, failing)


@pytest.mark.parametrize("owner, name, call", [
    (ClaimIndex, "_claim_weights", 1),  # last step: postings, frequencies and slots all grown
    (index_module._GrowingArray, "extend", 3),  # between the slot arrays
])
def test_a_batch_failing_inside_add_all_leaves_the_index_as_it_was(monkeypatch, owner, name, call):
    index = Matcher(CORPUS).index
    before = index_state(index)
    changed = ClaimRecord(id=2, text="The dam burst after a week of torrential rain.", ref="c2")
    batch = [(changed, ["dam", "burst", "week", "torrential", "rain"]),
             (claims("Aid convoys reached the flooded villages.", first_id=9)[0],
              ["aid", "convoy", "reach", "flooded", "village"])]
    fail_on_call(monkeypatch, owner, name, call)
    with pytest.raises(MemoryError):
        index.add_all(batch)
    assert index_state(index) == before
    monkeypatch.undo()
    index.add_all(batch)  # a later batch applies, and the index is the one built in one go
    fresh = ClaimIndex()
    fresh.add_all([(c, index.terms[c.id]) for c in (CORPUS[0], CORPUS[2], CORPUS[3])])
    fresh.add_all(batch)
    for terms in (["dam", "rain"], ["convoy", "village"], ["flood", "river"]):
        assert index.candidates(terms) == fresh.candidates(terms)
    assert index.claims_with_any(["dam"]) == {2}


def test_the_matcher_leaves_out_a_claim_it_cannot_analyse_and_stores_the_rest(poisoned):
    matcher = Matcher(CORPUS)
    refused = matcher.add(ClaimRecord(id=1, text=POISONED_TEXT, ref="c1"),
                          *claims("Aid convoys reached the flooded villages.", first_id=9))
    assert list(refused) == [1] and "OverflowError" in refused[1]
    assert matcher.claim(1) is None  # its stored version went too: it no longer says this
    assert [c.id for c, _, _ in matcher.search("Aid convoys reached the villages")][:1] == [9]
    assert len(matcher) == len(CORPUS)


def store_claims(*texts, deleting=()):
    """Write claims (and delete others) straight to the database, as another worker would, or
    this one before claims were vetted; returns their ids."""
    with database.connection_context(), database.atomic():
        ids = [Claim.create(ref=f"stored-{n}-{text[:10]}", text=text).id
               for n, text in enumerate(texts)]
        Claim.update(deleted_at=utcnow()).where(Claim.id.in_(list(deleting) or [0])).execute()
        record_claim_changes([*ids, *deleting])
    return ids


@pytest.fixture
def poisoned_app(make_app, poisoned):
    """An app started over a database already holding a claim the engine cannot analyse."""
    make_app()
    claim_id, = store_claims(POISONED_TEXT)
    return make_app(), claim_id


def test_a_stored_claim_the_engine_cannot_analyse_is_left_out_at_start_up(poisoned_app, caplog):
    app, claim_id = poisoned_app
    client = app.test_client()
    health = client.get("/healthz").get_json()
    assert health["status"] == "degraded"
    assert (health["unindexed_claims"], health["unindexed_claim_ids"]) == (1, [claim_id])
    assert health["claims"] == 5  # every other claim is served
    assert metric(client.get("/metrics").get_data(as_text=True),
                  "crosscheck_unindexed_claims") == 1
    answer = client.post("/check", json={"statement": "Twelve people died in the valley floods"})
    assert answer.status_code == 200 and answer.get_json()["verdict"] == "supported"


def test_start_up_logs_each_claim_it_leaves_out(make_app, poisoned, caplog):
    make_app()
    claim_id, = store_claims(POISONED_TEXT)
    with caplog.at_level(logging.ERROR, logger="service.corpus"):
        make_app()
    assert [r.claim_id for r in caplog.records if "left out of the index" in r.getMessage()] == [
        claim_id]


def stored_count():
    with database.connection_context():
        return Claim.select().count()


def test_writing_a_claim_the_engine_cannot_analyse_is_refused_and_nothing_is_stored(
        client, editor, poisoned):
    before = stored_count()
    response = client.post("/claims", json={"text": POISONED_TEXT}, headers=editor)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert "cannot analyse" in response.get_json()["errors"]["text"][0]
    assert stored_count() == before
    claim_id = client.post("/claims", json={"text": "Aid convoys reached the villages."},
                           headers=editor).get_json()["id"]
    response = client.patch(f"/claims/{claim_id}", json={"text": POISONED_TEXT}, headers=editor)
    assert response.status_code == 422
    assert client.get(f"/claims/{claim_id}").get_json()["text"] == (
        "Aid convoys reached the villages.")
    assert client.get("/healthz").get_json()["status"] == "ok"


def test_a_claim_synced_with_other_changes_costs_only_itself(app, poisoned):
    """Written by another worker (or before this check existed) in one batch with a good change:
    the good one is applied, no request fails, and later syncs still apply."""
    client = app.test_client()
    checker = app.extensions["crosscheck"]
    checker.interval = checker.next_sync = 0  # every request syncs
    bad, good = store_claims(POISONED_TEXT, "Aid convoys reached the flooded villages.")
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.get_json()["unindexed_claim_ids"] == [bad]
    assert [c.id for c in checker.find("aid convoys")] == [good]
    later, = store_claims("Bridges reopened once the waters receded.", deleting=[bad])
    health = client.get("/healthz").get_json()
    assert (health["status"], health["unindexed_claims"]) == ("ok", 0)
    assert [c.id for c in checker.find("bridges reopened")] == [later]


def test_a_sync_that_fails_answers_the_request_and_is_retried(app, monkeypatch, caplog):
    client = app.test_client()
    checker = app.extensions["crosscheck"]
    checker.interval = checker.next_sync = 0
    index = checker.checker.matcher.index
    before = index_state(index)
    claim_id, = store_claims("Aid convoys reached the flooded villages.")
    fail_on_call(monkeypatch, ClaimIndex, "_claim_weights", 1)
    with caplog.at_level(logging.ERROR, logger="service.corpus"):
        assert client.get("/claims").status_code == 200
    assert "next sync retries" in caplog.text
    assert index_state(index) == before
    assert client.get("/claims").status_code == 200  # the retry
    assert [c.id for c in checker.find("aid convoys")] == [claim_id]


def test_the_importer_refuses_a_line_the_engine_cannot_analyse(app, poisoned, db):
    lines = [json.dumps({"ref": ref, "text": text, "evidence": []}).encode()
             for ref, text in (("ok-1", "Aid convoys reached the villages."),
                               ("bad", POISONED_TEXT), ("ok-2", "Bridges reopened."))]
    report = import_claims(io.BytesIO(b"\n".join(lines)))
    assert report.added == 2
    assert [number for number, _ in report.rejected] == [2]
    assert "cannot analyse" in report.rejected[0][1]
    assert not Claim.select().where(Claim.ref == "bad").exists()


def test_a_live_checker_over_a_poisoned_corpus_builds(app, poisoned, db):
    """What `crosscheck serve` and `crosscheck check` build at start-up."""
    with database.atomic():
        Claim.create(ref="poisoned", text=POISONED_TEXT)
    checker = LiveChecker(min_score=52.0)
    assert len(checker) == 5 and len(checker.unindexed) == 1
    assert np.isfinite(checker.checker.matcher.index.slot_weight.values[:5]).all()
