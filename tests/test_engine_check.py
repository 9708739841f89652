"""Engine layer: verdicts from plain records, no database and no Flask."""
import pytest

from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo
from .helpers import figure

GAZETTE = SourceInfo(id=1, title="Floods hit the valley", publisher="Test Gazette")
HERALD = SourceInfo(id=2, title="Valley floods: the toll rises")


CLAIMS = [
    ClaimRecord(1, "Seven children were killed in the river valley floods", evidence=(
        EvidenceRecord(GAZETTE, "supports", "killed at least 12 people, including seven children",
                       (figure("12", 12, "killed", "at least"),
                        figure("seven", 7, "children killed"))),
        EvidenceRecord(HERALD, "contradicts", "Twelve people died, two of them children",
                       (figure("Twelve", 12, "killed"), figure("two", 2, "children killed"))))),
    ClaimRecord(2, "The neighbouring country backed the rescue operation in the valley", evidence=(
        EvidenceRecord(HERALD, "supports", "the neighbouring country backed the rescue"),)),
    ClaimRecord(3, "The dam in the river valley failed during the floods", evidence=(
        EvidenceRecord(GAZETTE, "contradicts", "The dam did not fail"),)),
    ClaimRecord(4, "Artsakh held a referendum on independence in 1991"),
]
ENTITIES = [{"name": "river valley", "aliases": ["the Vale", "Valley"]},
            {"name": "Nagorno-Karabakh", "aliases": ["Artsakh", "Karabakh"]}]


@pytest.fixture(scope="module")
def checker():
    return FactChecker(CLAIMS, ENTITIES, min_score=50)


def sides(result):
    return ([e.source.id for e in result.supporting], [e.source.id for e in result.contradicting])


def test_figures_put_each_source_on_its_side(checker):
    result = checker.check("Two children were killed in the river valley floods")
    assert result.verdict == "disputed"
    assert sides(result) == ([2], [1])
    (differs,) = [n for n in result.contradicting[0].numbers if n["comparison"] == "differs"]
    assert differs["value"] == 7


def test_a_figure_no_source_gives_contradicts_both(checker):
    result = checker.check("Ten children were killed in the river valley floods")
    assert result.verdict == "contradicted"
    assert sides(result) == ([], [1, 2])


def test_stance_decides_without_figures(checker):
    result = checker.check("The dam failed in the river valley floods")
    assert result.verdict == "contradicted"
    assert result.matches[0].claim.id == 3


def test_negation_flips_the_stance(checker):
    result = checker.check("The dam in the river valley did not fail during the floods")
    assert result.verdict == "supported"
    assert result.matches[0].explanation["negation"] is True


def test_opposite_verb_flips_the_stance(checker):
    result = checker.check("The neighbouring country condemned the rescue operation in the valley")
    assert result.verdict == "contradicted"


def test_other_names_typos_and_case_still_match(checker):
    result = checker.check("the neighbouring countrey BACKED the rescue operation in the Vale")
    assert result.verdict == "supported"
    assert result.matches[0].explanation["corrected_terms"] == {"countrey": "country"}


def test_unrelated_statement_is_unverified(checker):
    result = checker.check("The central bank raised interest rates in the valley")
    assert result.verdict == "unverified"
    assert result.matches == [] and result.supporting == [] and result.contradicting == []


def test_claim_without_evidence_is_unverified_but_listed(checker):
    result = checker.check("Karabakh held a referendum on independence in 1991")
    assert result.matches[0].claim.id == 4
    assert result.verdict == "unverified"


def test_statement_figures_are_reported(checker):
    result = checker.check("At least 12 people died")
    assert result.numbers == [{"text": "12", "value": 12, "qualifier": "at least", "label": None}]


def test_index_follows_added_and_removed_claims(checker):
    local = FactChecker(CLAIMS[:1], ENTITIES, min_score=50)
    assert local.check("The dam in the valley failed").verdict == "unverified"
    local.add(CLAIMS[2])
    assert local.check("The dam in the valley failed").verdict == "contradicted"
    local.remove(3)
    assert local.check("The dam in the valley failed").verdict == "unverified"


def test_a_differing_figure_contradicts_even_against_a_negated_claim():
    """"Only 5 killed" matched to the false claim "Nobody was killed": the source saying 27 still
    contradicts the statement; the claim's negation must not turn that around."""
    source = SourceInfo(id=9, title="Toll report")
    claims = [ClaimRecord(1, "Nobody was killed in the river valley floods", evidence=(
        EvidenceRecord(source, "contradicts", "The floods killed at least 12 people",
                       (figure("12", 12, "killed", "at least"),)),))]
    checker = FactChecker(claims, ENTITIES, min_score=40)
    assert (checker.check("Only 5 people were killed in the river valley floods").verdict
            == "contradicted")
    assert (checker.check("About 12 people were killed in the river valley floods").verdict
            == "supported")
    assert checker.check("Nobody was killed in the river valley floods").verdict == "contradicted"
