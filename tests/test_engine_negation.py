"""Engine layer: a statement negating claims that say more than it ("the dam did not collapse"
against "the dam collapsed on Monday, March 3"), on a small made-up corpus."""
from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo
from service.engine.numbers import extract_figures
from service.engine.text import negation_cues, words

from .helpers import POST, WIRE

GAZETTE = SourceInfo(id=3, title="Valley news", publisher="Valley Gazette", ref="gazette")
ENTITIES = [{"name": "Vira", "kind": "region", "aliases": []}]
ON_MONDAY = ClaimRecord(1, "The dam above Vira collapsed on Monday, March 3.", evidence=(
    EvidenceRecord(POST, "supports", "the dam collapsed on Monday"),
    EvidenceRecord(WIRE, "contradicts", "the dam above Vira broke on Sunday, March 2")))
STORM = "The dam above Vira collapsed during the spring storm, flooding the valley."
IN_THE_STORM = ClaimRecord(2, STORM, evidence=(
    EvidenceRecord(WIRE, "supports", "the dam collapsed in the storm"),
    EvidenceRecord(GAZETTE, "supports", "the storm brought the dam down")))
NEGATED = "The dam above Vira did not collapse"


def sides(result):
    return (sorted(e.source.ref for e in result.supporting),
            sorted(e.source.ref for e in result.contradicting))


def test_a_source_disputing_only_a_figure_the_statement_leaves_out_does_not_back_its_negation():
    result = FactChecker([ON_MONDAY], ENTITIES, min_score=40).check(NEGATED)
    assert result.matches[0].explanation.negation
    assert result.verdict == "contradicted"
    assert sides(result) == ([], ["coast-post"])


def test_a_source_denying_the_claim_itself_still_backs_its_negation():
    held = ClaimRecord(1, "The dam above Vira collapsed on Monday, March 3.", evidence=(
        EvidenceRecord(POST, "supports", "the dam collapsed on Monday"),
        EvidenceRecord(WIRE, "contradicts", "the dam above Vira held all week")))
    result = FactChecker([held], ENTITIES, min_score=40).check(NEGATED)
    assert sides(result) == (["wire"], ["coast-post"])
    dated = FactChecker([ON_MONDAY], ENTITIES, min_score=40).check(
        "The dam above Vira collapsed on Monday, March 3")
    assert sides(dated) == (["coast-post"], ["wire"])  # a statement giving the date: as before


def test_every_claim_a_statement_negates_alike_speaks_against_it():
    """The best match is the dated claim; the storm claim says all it says of the statement too,
    and its sources report what the statement denies."""
    checker = FactChecker([ON_MONDAY, IN_THE_STORM], ENTITIES, min_score=40)
    result = checker.check(NEGATED, limit=1)
    assert result.matches[0].claim.id == 1
    assert result.verdict == "contradicted"
    assert sides(result) == ([], ["coast-post", "gazette", "wire"])
    # A statement that does not negate them is judged on its best match alone.
    assert sides(checker.check("The dam above Vira collapsed", limit=1)) == (
        ["coast-post"], ["wire"])


def test_not_only_adds_what_it_says_rather_than_denying_it():
    """"Not only did A happen, but B" says A happened: read as a negation, it turned a statement
    agreeing with a claim into one contradicting it."""
    checker = FactChecker([IN_THE_STORM], ENTITIES, min_score=40)
    result = checker.check("Not only did the dam above Vira collapse during the spring storm, "
                           "but the valley was flooded")
    assert not result.matches[0].explanation.negation
    assert result.verdict == "supported"
    assert checker.check("The dam above Vira did not collapse during the spring storm").verdict \
        == "contradicted"


VOTE_UNVERIFIED = ClaimRecord(
    3, "The turnout in the Norden election could not be independently verified.",
    evidence=(EvidenceRecord(POST, "supports", "it was not possible to verify the turnout"),))
NORDEN = [{"name": "Norden", "kind": "region", "aliases": []}]


def test_a_negated_difficulty_cancels_its_negation():
    """"nobody had any trouble verifying X" says X was verified: the difficulty governing a verb
    cancels the negation before it. A difficulty nothing negates is left to the words; "unable"
    denies as "could not" does."""
    checker = FactChecker([VOTE_UNVERIFIED], NORDEN, min_score=40)
    easy = checker.check("Nobody had any trouble independently verifying the turnout in the "
                         "Norden election.")
    assert easy.matches[0].explanation.negation
    assert easy.verdict == "contradicted"
    unable = checker.check("Observers were unable to independently verify the turnout in the "
                           "Norden election.")
    assert not unable.matches[0].explanation.negation and unable.verdict == "supported"
    assert negation_cues(words("no one found the turnout hard to verify")) == ["no", "hard"]
    assert negation_cues(words("observers had trouble verifying the turnout")) == []
    assert negation_cues(words("no trouble in the town after the election")) == ["no"]
    assert negation_cues(words("no crews worked hard to contain the wildfire")) == ["no"]


def test_not_so_far_and_hardly_deny_what_follows():
    """"have yet to contain" says the fire is not contained; "hardly anyone fled" that few fled;
    "yet" elsewhere denies nothing."""
    contained = ClaimRecord(4, "Crews contained the wildfire near Vira on Friday.", evidence=(
        EvidenceRecord(POST, "supports", "the wildfire near Vira was contained on Friday"),))
    fled = ClaimRecord(5, "Most residents fled the wildfire near Vira.", evidence=(
        EvidenceRecord(WIRE, "supports", "most residents fled the fire"),))
    checker = FactChecker([contained, fled], ENTITIES, min_score=40)
    assert checker.check("Crews have yet to contain the wildfire near Vira.").verdict \
        == "contradicted"
    assert checker.check("Hardly any residents fled the wildfire near Vira.").verdict \
        == "contradicted"
    assert negation_cues(words("the largest fire yet, and crews fled")) == []


def test_no_one_is_nobody_not_a_count_of_one():
    """"No one was hurt" gives no figure: read as a count of one, it would be compared with the
    claim's count as well as negate it."""
    assert extract_figures("No one was hurt in the wildfire near Vira.") == []
    assert extract_figures("Not one cabin near Vira burned.") == []
    assert [f.value for f in extract_figures("One cabin near Vira burned.")] == [1.0]


def test_neither_nor_negates_once():
    certified = ClaimRecord(6, "The Norden commission certified the election result.", evidence=(
        EvidenceRecord(POST, "supports", "the commission certified the result"),))
    checker = FactChecker([certified], NORDEN, min_score=40)
    for statement in ("Neither the Norden commission nor the court certified the election result.",
                      "The Norden commission did not certify the election result, nor did the "
                      "court."):
        result = checker.check(statement)
        assert result.matches[0].explanation.negation, statement
        assert result.verdict == "contradicted", statement
    assert negation_cues(words("Nor did the court certify it")) == ["nor"]


def test_lacking_and_ruling_out_deny():
    sirens = ClaimRecord(7, "Vira had no warning sirens before the flood.", evidence=(
        EvidenceRecord(POST, "supports", "the town had no sirens"),))
    arson = ClaimRecord(8, "Investigators ruled out arson as the cause of the wildfire near Vira.",
                        evidence=(EvidenceRecord(WIRE, "supports", "arson was ruled out"),))
    checker = FactChecker([sirens, arson], ENTITIES, min_score=40)
    assert checker.check("Vira lacked warning sirens before the flood.").verdict == "supported"
    assert checker.check("Arson was the cause of the wildfire near Vira, investigators "
                         "found.").verdict == "contradicted"
    assert negation_cues(words("the rules of the election")) == []
