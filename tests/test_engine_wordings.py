"""Engine layer: a claim's supporting quotes are other outlets' wordings of its fact, so a
statement worded like a quote reaches the claim as well as one worded like the claim (the clause
of the quote that states the claim only), on a small made-up corpus."""
from service.engine import ClaimRecord, EvidenceRecord, FactChecker
from service.engine.wordings import wording_of

from .helpers import POST, WIRE

ENTITIES = [{"name": "Vira", "kind": "region", "aliases": []},
            {"name": "Relief League", "kind": "organisation", "aliases": ["RL"]}]
# The claim in one outlet's words; the wire's quote says it otherwise, beside another fact.
FERRY = ClaimRecord(1, "The ferry to Vira stopped running after the storm.", evidence=(
    EvidenceRecord(POST, "supports", "The ferry to Vira stopped running after the storm"),
    EvidenceRecord(WIRE, "supports",
                   "Islanders were left stranded without food or fuel when the Vira ferry stopped "
                   "running after the storm, and the Relief League opened three shelters in the "
                   "harbour town"),))
BRIDGE = ClaimRecord(2, "The old bridge in Vira reopened to traffic on Monday.", evidence=(
    EvidenceRecord(POST, "contradicts",
                   "The old bridge in Vira stays closed to traffic, engineers said on Monday"),))


def checker(*claims):
    return FactChecker(claims or [FERRY, BRIDGE], ENTITIES)


def analyze(text):
    return checker().matcher.analyzer.analyze(text)


def test_the_wording_is_the_clause_of_the_quote_that_states_the_claim():
    claim = analyze("The ferry to Vira stopped running after the storm.").terms
    quote = ("Officials said on Friday that the ferry to Vira had stopped running after the "
             "storm; the Relief League opened three shelters in the harbour town")
    assert wording_of(claim, quote, analyze)[0] == (
        "Officials said on Friday that the ferry to Vira had stopped running after the storm")
    assert wording_of(claim, "The Relief League opened three shelters in the town",
                      analyze) is None
    # Most of the claim's words, but not who or where: no wording.
    assert wording_of(claim, "The ferry stopped running after the storm, officials said",
                      analyze) is None


def test_a_statement_worded_like_a_supporting_quote_reaches_the_claim():
    without = checker(ClaimRecord(1, FERRY.text, evidence=FERRY.evidence[:1]), BRIDGE)
    statement = "Islanders were left stranded without food or fuel after the storm."
    assert without.check(statement).verdict == "unverified"
    result = checker().check(statement)
    assert result.verdict == "supported"
    assert [match.claim.id for match in result.matches] == [1]  # the claim, once
    assert result.matches[0].explanation.wording == (
        "Islanders were left stranded without food or fuel when the Vira ferry stopped running "
        "after the storm")
    assert checker().check(FERRY.text).matches[0].explanation.wording is None
    assert {e.source.ref for e in result.supporting} == {POST.ref, WIRE.ref}


def test_another_fact_of_the_same_quote_does_not_reach_the_claim():
    result = checker().check("The Relief League opened three shelters in the harbour town.")
    assert result.verdict == "unverified"


def test_a_contradicting_quote_is_no_wording_of_the_claim():
    checker_ = checker()
    assert 2 not in checker_.matcher.claim_wordings
    assert checker_.check("The old bridge in Vira stays closed to traffic.").verdict != "supported"


def test_a_claim_replaced_or_removed_takes_its_wordings_with_it():
    checker_ = checker()
    statement = "Islanders were left stranded without food or fuel after the storm."
    checker_.add(ClaimRecord(1, FERRY.text, evidence=FERRY.evidence[:1]))
    assert checker_.check(statement).verdict == "unverified"
    checker_.add(FERRY)
    assert checker_.check(statement).verdict == "supported"
    checker_.remove(1)
    assert checker_.check(statement).verdict == "unverified"
    assert not checker_.matcher.wordings and not checker_.matcher.wording_claim


def test_wordings_weigh_in_no_claims_score():
    """Indexed apart: a quote's words change no claim's IDF, so a statement the claim's own text
    matches best scores the same with or without the quotes."""
    bare = FactChecker([ClaimRecord(1, FERRY.text), ClaimRecord(2, BRIDGE.text)], ENTITIES)
    for statement in ("The Vira ferry stopped running after the storm.",
                      "The old bridge in Vira reopened on Monday."):
        assert ([m.score for m in checker().check(statement).matches]
                == [m.score for m in bare.check(statement).matches])


def test_wordings_are_not_searched_for_a_statement_worded_as_a_claim():
    matcher = checker().matcher
    searched = []
    candidates = matcher.wordings.candidates
    matcher.wordings.candidates = lambda *args, **kwargs: searched.append(1) or candidates(
        *args, **kwargs)
    matcher.search(FERRY.text, min_score=52.5)
    assert not searched
    matcher.search("Islanders were left stranded without food or fuel after the storm.",
                   min_score=52.5)
    assert searched
