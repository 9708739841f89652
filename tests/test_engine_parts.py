"""Engine layer: a statement stating several facts is judged fact by fact, each with its span."""
import pytest

from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo, clauses
from service.engine.records import Part
from service.engine.verdict import parts_verdict

from .helpers import figure

GAZETTE = SourceInfo(id=1, title="Bridge works", publisher="Gazette", ref="gazette")
RADIO = SourceInfo(id=2, title="Marathon day", publisher="Radio", ref="radio")
CLAIMS = [
    ClaimRecord(1, "The old bridge reopened to traffic on Monday.", evidence=(
        EvidenceRecord(GAZETTE, "supports", "the old bridge reopened to traffic on Monday"),)),
    ClaimRecord(2, "About 300 runners finished the city marathon.", evidence=(
        EvidenceRecord(RADIO, "supports", "some 300 runners finished the city marathon",
                       (figure("300", 300, "runners finished", "some"),)),)),
]
BUNDLED = ("The old bridge reopened to traffic on Monday, and about 900 runners finished the city "
           "marathon, organisers said.")


@pytest.fixture(scope="module")
def checker():
    return FactChecker(CLAIMS, min_score=50)


def test_each_fact_is_judged_with_its_span(checker):
    parts = checker.check(BUNDLED).parts
    assert [BUNDLED[p.start:p.end] for p in parts] == [p.text for p in parts]
    assert [(p.text.split()[1], p.verdict, p.match.claim.id) for p in parts] == [
        ("old", "supported", 1), ("900", "contradicted", 2)]
    assert [p.attribution for p in parts] == ["organisers said", "organisers said"]


def test_a_contradicted_fact_makes_the_bundle_contradicted(checker):
    result = checker.check(BUNDLED)
    assert result.verdict == "contradicted"
    assert [e.source.ref for e in result.supporting] == ["gazette"]
    assert [e.source.ref for e in result.contradicting] == ["radio"]
    assert result.summary.startswith("Contradicted, fact by fact (2 facts stated).")


def test_a_figure_of_another_fact_does_not_contradict_the_first(checker):
    """Judged whole, "40" is read against the claim's 300; fact by fact, it is a fact of its own."""
    result = checker.check("About 300 runners finished the city marathon and 40 were treated "
                           "for heat.")
    assert [p.verdict for p in result.parts] == ["supported", "unverified"]
    assert result.verdict == "supported"
    assert result.contradicting == []


def test_a_single_fact_is_not_split(checker):
    result = checker.check("The old bridge reopened to traffic on Monday.")
    assert result.parts == []
    assert result.verdict == "supported"


def test_a_statement_matching_a_claim_as_well_as_its_parts_keeps_its_verdict():
    statement = "The old bridge reopened on Monday, and traffic returned to the city."
    claims = [ClaimRecord(1, "The old bridge reopened on Monday.", evidence=(
                  EvidenceRecord(GAZETTE, "contradicts", "the bridge stays shut"),)),
              ClaimRecord(3, statement, evidence=(
                  EvidenceRecord(RADIO, "supports", "the bridge reopened and traffic returned"),))]
    result = FactChecker(claims, min_score=50).check(statement)
    assert [p.verdict for p in result.parts][0] == "contradicted"
    assert result.matches[0].claim.id == 3 and result.verdict == "supported"
    assert [e.source.ref for e in result.supporting] == ["radio"]


def part(verdict):
    return Part(start=0, end=1, text="x", attribution=None, verdict=verdict, summary="",
                supporting=[], contradicting=[], matches=[])


@pytest.mark.parametrize("verdicts, verdict", [
    (["supported", "contradicted"], "contradicted"),
    (["supported", "disputed"], "disputed"),
    (["supported", "unverified"], "supported"),
    (["unverified", "unverified"], "unverified"),
])
def test_parts_verdict(verdicts, verdict):
    assert parts_verdict([part(v) for v in verdicts]) == verdict


def test_a_statement_is_split_into_its_facts_once(checker, monkeypatch):
    """The verdict's parts and search's clause_negations read the same split of the statement."""
    from service.engine import analysis

    split = []
    monkeypatch.setattr(analysis, "several_facts",
                        lambda text: split.append(text) or clauses.several_facts(text))
    statement = ("The old bridge did not reopen on Monday, and about 900 runners finished the "
                 "marathon.")
    assert len(checker.check(statement).parts) == 2
    assert split.count(statement) == 1
