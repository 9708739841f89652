"""The candidate index: the few claims it hands the matcher hold the same top results as scoring
every claim, and it stays right as claims are added, changed and removed."""
import random

import numpy as np
import pytest
from rapidfuzz import fuzz, process

from benchmarks.generate_corpus import CorpusGenerator
from service.engine import ClaimRecord
from service.engine import index as index_module
from service.engine.index import CANDIDATES, ClaimIndex
from service.engine.matcher import Matcher

SIZE = 2500


@pytest.fixture(scope="module")
def corpus():
    generator = CorpusGenerator(seed=7)
    rows = list(generator.claims(SIZE))
    claims = [ClaimRecord(id=n, text=row["text"], ref=row["ref"]) for n, row in enumerate(rows, 1)]
    return claims, list(generator.queries(rows, 100))


@pytest.fixture(scope="module")
def matcher(corpus):
    return Matcher(corpus[0])


def every_claim_scored(matcher, statement, limit=5, min_score=0):
    """The matcher's own search with every stored claim as a candidate: the index bypassed."""
    index = matcher.index
    index.candidates = lambda terms, *args, **kwargs: list(index.claims)
    try:
        return matcher.search(statement, limit=limit, min_score=min_score)
    finally:
        del index.candidates


def ranked(results):
    return [(claim.id, score) for claim, score, _ in results]


def test_top_results_equal_scoring_every_claim(corpus, matcher):
    compared = 0
    for query in corpus[1]:
        everything = ranked(every_claim_scored(matcher, query["statement"]))
        assert ranked(matcher.search(query["statement"], limit=5, min_score=0)) == everything
        assert ranked(matcher.search(query["statement"], limit=5, min_score=55)) == [
            (claim_id, score) for claim_id, score in everything if score >= 55]
        compared += len(everything)
    assert compared == 5 * len(corpus[1])  # every query had five claims to compare


@pytest.mark.parametrize("min_score", [40, 70])
def test_common_words_skipped_below_the_score_floor_change_no_result(corpus, matcher, monkeypatch,
                                                                     min_score):
    everything = {q["statement"]: ranked(every_claim_scored(matcher, q["statement"], 5, min_score))
                  for q in corpus[1][:50]}
    monkeypatch.setattr(index_module, "COMMON_POSTING", 20)  # most words count as common here
    for statement, expected in everything.items():
        assert ranked(matcher.search(statement, limit=5, min_score=min_score)) == expected


def test_claims_that_cannot_reach_the_floor_are_not_probed_for_common_words(monkeypatch):
    """Nine claims share only the rare word, each with three words of its own: even with the
    common word's weight they stay under the floor, so only claim 31's slot is looked up in the
    common word's posting list."""
    monkeypatch.setattr(index_module, "COMMON_POSTING", 5)
    texts = {**{n: ["common", f"filler{n}"] for n in range(1, 31)}, 31: ["rare", "common"],
             **{n: ["rare", f"other{n}", f"extra{n}", f"more{n}"] for n in range(32, 41)}}
    index = ClaimIndex()
    index.add_all((ClaimRecord(n, " ".join(terms)), terms) for n, terms in texts.items())
    probed, searchsorted = [], np.searchsorted
    monkeypatch.setattr(np, "searchsorted",
                        lambda posting, slots: probed.append(len(slots)) or searchsorted(
                            posting, slots))
    assert index.candidates(["rare", "common"], 2.25, 10, floor=0.2) == [31]
    assert probed == [1]


def test_candidates_are_few_even_for_common_words(matcher):
    index = matcher.index
    common = sorted(index.term_ids, key=lambda t: -index.document_frequency[index.term_ids[t]])[:8]
    assert len(index.claims_with_any(common)) > 3 * CANDIDATES
    assert 0 < len(index.candidates(common)) <= CANDIDATES


def test_the_known_claim_is_found_for_rewordings_typos_and_changed_figures(corpus, matcher):
    claims, queries = corpus
    by_ref = {c.ref: c.id for c in claims}
    expected = [q for q in queries if q["expect"]]
    hits = sum(ranked(matcher.search(q["statement"], limit=1))[0][0] == by_ref[q["expect"]]
               for q in expected)
    assert hits >= 0.95 * len(expected)


def test_typos_resolve_as_a_search_of_the_whole_vocabulary_would(matcher):
    index = matcher.index
    vocabulary = [t for t in index.term_ids if index.knows(t)]
    rng = random.Random(3)
    words = [w for w in rng.sample(vocabulary, 400) if len(w) >= 6 and not w.startswith("@")]
    misspelt = {w[:2] + w[3] + w[2] + w[4:] for w in words} | {w[:-1] for w in words}
    misspelt = {t for t in misspelt if not index.knows(t)}
    resolved = index.resolve_typos(misspelt)
    assert len(resolved) > 0.8 * len(misspelt)
    for term in misspelt:
        best = process.extractOne(term, vocabulary, scorer=fuzz.ratio, score_cutoff=84)
        found = fuzz.ratio(term, resolved[term]) if term in resolved else None
        assert found == (best[1] if best else None), term


def test_changes_leave_the_index_as_if_built_afresh(corpus):
    claims, queries = corpus
    changed = Matcher(claims[:2000])
    rng = random.Random(5)
    for claim in claims[2000:]:
        changed.add(claim)
    removed = set(rng.sample(range(1, SIZE + 1), 1300))  # enough to trigger compaction
    for claim_id in removed:
        changed.remove(claim_id)
    edited = {c.id: ClaimRecord(id=c.id, text=claims[-c.id].text, ref=c.ref)
              for c in claims[:200] if c.id not in removed}
    for claim in edited.values():
        changed.add(claim)
    final = [edited.get(c.id, c) for c in claims if c.id not in removed]
    fresh = Matcher(final)
    assert len(changed) == len(fresh) == len(final)
    for term in list(fresh.index.term_ids)[:500]:
        assert changed.index.idf(term) == pytest.approx(fresh.index.idf(term))
    for query in queries:
        statement = query["statement"]
        assert ranked(changed.search(statement, min_score=0)) == ranked(
            fresh.search(statement, min_score=0))
        terms = statement.lower().split()[:2]
        assert changed.index.claims_with_all(terms) == fresh.index.claims_with_all(terms)


def test_claims_with_all_is_the_intersection_of_their_terms():
    index = ClaimIndex()
    texts = {1: ["dam", "flood", "valley"], 2: ["flood", "valley"], 3: ["dam"], 4: ["flood"]}
    for claim_id, terms in texts.items():
        index.add(ClaimRecord(id=claim_id, text=" ".join(terms)), terms)
    index.remove(4)
    assert index.claims_with_all(["flood", "valley"]) == {1, 2}
    assert index.claims_with_all(["flood"]) == {1, 2}
    assert index.claims_with_all(["flood", "unknown"]) == set()
    assert index.claims_with_any(["dam", "valley"]) == {1, 2, 3}
    assert dict(index.terms) == {c: frozenset(t) for c, t in texts.items() if c != 4}


def test_a_related_entity_standing_in_keeps_its_claim_above_the_score_floor(corpus, monkeypatch):
    """The floor below which the index drops claims assumes the closer look only lowers a score;
    a claim naming the statement's entity through a related one ("Northland" said by its
    minister) is scored higher on that look, so it must reach it."""
    entities = [{"name": "Northland", "kind": "country", "aliases": ["Northlandic"]},
                {"name": "Boris Tamm", "kind": "person",
                 "aliases": ["Northlandic Fisheries Minister"]}]
    claim = ClaimRecord(id=SIZE + 1, text="Boris Tamm said the fishing quotas on Lake Vira "
                                          "were unfair.")
    matcher = Matcher([*corpus[0], claim], entities)
    statement = "Northland said the fishing quotas on Lake Vira were unfair"
    [(found, score, _)] = matcher.search(statement, limit=1, min_score=0)
    analysis = matcher.analyze_statement(statement)
    assert found == claim
    assert matcher.score(analysis.terms, matcher.index.terms[claim.id])[0] < score  # lifted
    monkeypatch.setattr(index_module, "COMMON_POSTING", 20)
    assert ranked(matcher.search(statement, limit=1, min_score=score)) == [(claim.id, score)]


def test_a_claim_given_twice_at_start_up_keeps_its_last_text():
    """Claims load as one batch, whose ids must differ: a repeated id is the claim changed."""
    matcher = Matcher([ClaimRecord(id=1, text="The dam flooded the valley."),
                       ClaimRecord(id=2, text="The bridge over the river held."),
                       ClaimRecord(id=1, text="Nearly 300 wells ran dry in the drought.")])
    fresh = Matcher([ClaimRecord(id=1, text="Nearly 300 wells ran dry in the drought."),
                     ClaimRecord(id=2, text="The bridge over the river held.")])
    assert len(matcher) == 2
    assert dict(matcher.index.terms) == dict(fresh.index.terms)
    assert matcher.features == fresh.features
    assert matcher.index.claims_with_any(["dam", "valley"]) == set()
    assert [f.value for f in matcher.features[1].figures] == [300]


def test_a_term_named_while_its_batch_is_being_added_has_a_weight():
    index = ClaimIndex()
    index.add(ClaimRecord(id=1, text="dam flood"), ["dam", "flood"])
    index.idf_by_id()  # the list a check computed before the batch began
    index._term_id("valley")  # the batch has named its new term, its claim is not in yet
    assert index.idf("valley") == pytest.approx(index.idf("never-seen"))


def test_a_word_no_claim_uses_any_more_corrects_no_typo():
    index = ClaimIndex()
    index.add_all([(ClaimRecord(1, "reservoir levels"), ["reservoir", "level"]),
                   (ClaimRecord(2, "reservation desk"), ["reservation", "desk"])])
    assert index.resolve_typos({"reservior"}) == {"reservior": "reservoir"}
    index.remove(1)
    assert index.resolve_typos({"reservior"}) == {}
