"""Engine layer: how figures, negation and wording put each source on a side, and the summary."""
import pytest

from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo

from .helpers import figure

POST = SourceInfo(id=1, title="Storm report", publisher="Post", ref="post")
WIRE = SourceInfo(id=2, title="Storm toll", publisher="Wire", ref="wire")


CLAIMS = [
    ClaimRecord(1, "More than 40 houses were destroyed by the storm in 2021.", evidence=(
        EvidenceRecord(POST, "supports", "over 40 houses were destroyed in 2021",
                       (figure("40", 40, "houses destroyed", "over"),
                        figure("2021", 2021, "year"))),
        EvidenceRecord(WIRE, "supports", "the 2021 storm flattened the village",
                       (figure("2021", 2021, "year"),)))),
    ClaimRecord(2, "The mayor praised the rescue teams after the storm.", evidence=(
        EvidenceRecord(POST, "supports", "the mayor praised the rescue teams"),
        EvidenceRecord(WIRE, "supports", "the mayor thanked rescuers"))),
]


@pytest.fixture(scope="module")
def checker():
    return FactChecker(CLAIMS, min_score=50)


def sides(result):
    return ([e.source.ref for e in result.supporting], [e.source.ref for e in result.contradicting])


def test_a_source_silent_on_a_changed_figure_takes_no_side(checker):
    result = checker.check("Only 5 houses were destroyed by the storm in 2021")
    assert sides(result) == ([], ["post"])
    assert result.matches[0].explanation["figures"][0] == {
        "statement": "only 5", "claim": "more than 40", "comparison": "differs"}
    assert "only 5 where the claim has more than 40" in result.summary


def test_an_agreeing_year_does_not_decide_on_its_own(checker):
    result = checker.check("More than 40 houses were destroyed by the storm in 2021")
    assert sides(result) == (["post", "wire"], [])


def test_opposite_verb_and_misspelt_contraction_flip_the_sides(checker):
    assert checker.check("The mayor criticised the rescue teams after the storm").verdict == \
        "contradicted"
    result = checker.check("The mayor dind't praise the rescue teams after the storm")
    assert result.verdict == "contradicted"
    assert result.matches[0].explanation["negation_cues"] == ["n't"]
    assert "negates the claim" in result.summary


def test_missing_apostrophe_negation_is_still_negation(checker):
    assert checker.check("The mayor didnt praise the rescue teams").verdict == "contradicted"


CUP = [ClaimRecord(3, "The home team won the cup final in 2019.", evidence=(
    EvidenceRecord(POST, "supports", "the home team won the final"),))]


@pytest.mark.parametrize("statement, field, value", [
    ("The home team lost the cup final in 2019", "opposite_wording", True),
    ("The mayor critisized the rescue teams after the storm", "corrected_terms",
     {"critisiz": "criticiz"}),
])
def test_opposite_wording_even_misspelt_finds_the_claim_and_contradicts_it(statement, field, value):
    explained = FactChecker(CLAIMS + CUP, min_score=50).check(statement)
    assert (explained.verdict, explained.matches[0].explanation[field]) == ("contradicted", value)


def test_of_a_claim_and_its_negation_the_same_worded_one_ranks_first():
    twins = [ClaimRecord(1, "The bridge did not collapse in the storm.", evidence=(
                 EvidenceRecord(POST, "supports", "the bridge held"),)),
             ClaimRecord(2, "The bridge collapsed in the storm.", evidence=(
                 EvidenceRecord(POST, "contradicts", "the bridge held"),))]
    checker = FactChecker(twins, min_score=50)
    assert checker.check("The bridge collapsed in the storm").matches[0].claim.id == 2
    assert checker.check("The bridge did not collapse in the storm").matches[0].claim.id == 1


def test_the_year_picks_the_event():
    floods = [ClaimRecord(1, "Floods hit the port in 2019."),
              ClaimRecord(2, "Floods hit the port and the old town in 2021.")]
    checker = FactChecker(floods, min_score=50)
    assert checker.check("Floods hit the port in 2021").matches[0].claim.id == 2
    assert checker.check("Floods hit the port in 2019").matches[0].claim.id == 1


def test_explanation_names_years_and_leaves_out_internal_terms():
    explanation = FactChecker(CUP, min_score=50).check(
        "The home team lost the cup final in 2019").matches[0].explanation
    assert "2019" in explanation["matched_terms"]
    assert not any(term[0] in "#~@" for term in explanation["matched_terms"])


def test_a_source_figure_labelled_otherwise_is_found_through_the_claims_figure():
    village = [ClaimRecord(4, "Up to 300 people live in the village.", evidence=(
        EvidenceRecord(POST, "supports", "a headcount of up to 300",
                       (figure("300", 300, "headcount", "up to"),)),))]
    result = FactChecker(village, min_score=50).check("500 people live in the village")
    assert sides(result) == ([], ["post"])
    assert result.contradicting[0].numbers[0]["comparison"] == "differs"


POLL = [{"name": "Mara Lind", "kind": "person", "aliases": ["Lind"]},
        {"name": "Ivo Berg", "kind": "person"},
        {"name": "Valley Herald", "kind": "organization", "aliases": ["Herald"]}]
COMMISSION = SourceInfo(id=1, title="Turnout", publisher="Valley Herald", ref="herald")
RADIO = SourceInfo(id=2, title="Election night", publisher="Radio", ref="radio")
TURNOUT = ClaimRecord(1, "Turnout in the regional election was 61 percent.", evidence=(
    EvidenceRecord(COMMISSION, "supports", "Turnout reached 61 percent, he said"),
    EvidenceRecord(RADIO, "supports", "Mara Lind said turnout was 61 percent")))


@pytest.mark.parametrize("statement, supporting, neither", [
    # The Herald quotes someone else ("he"): it does not say that Lind said it.
    ("Mara Lind said turnout in the regional election was 61 percent", ["radio"], ["herald"]),
    ("Ivo Berg said turnout in the regional election was 61 percent", [], ["herald", "radio"]),
    ("Turnout in the regional election was 61 percent, according to Ivo Berg", [],
     ["herald", "radio"]),
    ("Turnout in the regional election was 61 percent, Ivo Berg told reporters", [],
     ["herald", "radio"]),
    ("Turnout in the regional election was 61 percent", ["herald", "radio"], []),
    ("The Valley Herald said turnout in the regional election was 61 percent", ["herald"],
     ["radio"]),  # the outlet speaks for itself
])
def test_a_named_speaker_is_backed_only_by_sources_saying_they_said_it(statement, supporting,
                                                                       neither):
    result = FactChecker([TURNOUT], POLL, min_score=40).check(statement)
    assert [e.source.ref for e in result.supporting] == supporting
    assert [e.source.ref for e in result.neither] == neither
    assert result.verdict == ("supported" if supporting else "unverified")
    assert all("does not say that" in e.reasons[-1] for e in result.neither)


def test_a_named_speakers_statement_is_not_contradicted_by_a_date_it_does_not_give():
    """Radio objects only to the claim's date: for "Mara Lind said the Eastvale dam collapsed",
    undated, it says nothing of what she said, nor does the Herald, which does not name her."""
    dam = ClaimRecord(2, "The Eastvale dam collapsed on Tuesday, May 7.", evidence=(
        EvidenceRecord(COMMISSION, "supports", "the dam collapsed on Tuesday"),
        EvidenceRecord(RADIO, "contradicts", "the dam broke on Monday")))
    result = FactChecker([dam], [*POLL, {"name": "Eastvale", "kind": "city"}],
                         min_score=40).check("Mara Lind said the Eastvale dam collapsed")
    assert result.verdict == "unverified"
    assert sorted(e.source.ref for e in result.neither) == ["herald", "radio"]
    assert "date" in next(e for e in result.neither if e.source.ref == "radio").reasons[-1]


CABINET = [{"name": "Mara Lind", "kind": "person", "aliases": ["Lind"]},
           {"name": "Northland", "kind": "country"},
           {"name": "Northland's coastal government", "kind": "group"},
           {"name": "Valley Herald", "kind": "organization", "aliases": ["Herald"]}]
CABINET_CLAIMS = [
    ClaimRecord(3, "Mara Lind, interior minister of Northland's coastal government, opened the "
                "new border post.",
                evidence=(EvidenceRecord(COMMISSION, "supports", "Lind opened the border post"),)),
    ClaimRecord(4, "Mara Lind said the ferry service to the islands would resume in spring.",
                evidence=(EvidenceRecord(RADIO, "supports",
                                         "the ferries will sail again in spring, she said"),)),
    ClaimRecord(5, "Northland's interior minister said the coastal road would reopen in March.",
                evidence=(EvidenceRecord(RADIO, "supports",
                                         "the coastal road reopens in March, she said"),)),
]


@pytest.mark.parametrize("statement", [
    # the statement's office names its one holder, whom the claim names
    "Coastal Northland's interior minister said the ferry service to the islands would resume in "
    "spring",
    # the claim's office names the person the statement names
    "Mara Lind said the coastal road would reopen in March",
])
def test_an_office_the_corpus_gives_a_person_names_them_as_speaker(statement):
    result = FactChecker(CABINET_CLAIMS, CABINET, min_score=40).check(statement)
    assert result.verdict == "supported"
    assert [e.source.ref for e in result.supporting] == ["radio"]
