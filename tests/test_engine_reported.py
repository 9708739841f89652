"""Engine layer: a statement telling who said a fact ("the Relief League says 900 are missing")
against a claim stating the fact without its speaker, the speaker named only in the quote (as
claims proposed from articles are), on a small made-up corpus."""
from service.engine import ClaimRecord, EvidenceRecord, FactChecker
from service.engine.clauses import reported_fact

from .helpers import POST, WIRE

ENTITIES = [{"name": "Vira", "kind": "region", "aliases": []},
            {"name": "Relief League", "kind": "organisation", "aliases": ["RL"]},
            {"name": "Mara Okafor", "kind": "person", "aliases": []},
            {"name": "Ivo Brandt", "kind": "person", "aliases": []}]
MISSING = ClaimRecord(1, "About 900 people are missing.", evidence=(
    EvidenceRecord(POST, "supports",
                   "Mara Okafor, head of the Relief League, said about 900 people are missing"),))
BRIDGE = ClaimRecord(2, "Ivo Brandt opened the new bridge over the river in Vira.", evidence=(
    EvidenceRecord(WIRE, "supports", "Ivo Brandt opened the new bridge over the river in Vira"),))


def checker():
    return FactChecker([MISSING, BRIDGE], ENTITIES)


def test_the_fact_a_statement_reports_is_what_follows_its_attribution():
    assert reported_fact("RL says abt 900 ppl missing in Vira") == (
        "RL says", "abt 900 ppl missing in Vira")
    assert reported_fact("Mara Okafor said that about 900 people are missing.") == (
        "Mara Okafor said", "about 900 people are missing")
    assert reported_fact("Mara Okafor told CNN the Relief League counted 900 missing") == (
        "Mara Okafor told", "the Relief League counted 900 missing")  # whom she told is no fact
    assert reported_fact("Mara Okafor told the BBC that 900 people are missing") == (
        "Mara Okafor told", "900 people are missing")
    assert reported_fact("About 900 people are missing in Vira.") is None
    assert reported_fact("Mara Okafor said so.") is None  # nothing left to check


def test_a_statement_naming_the_speaker_a_quote_names_is_judged_on_the_fact_it_reports():
    for statement in ("The Relief League says about 900 people are missing in Vira",
                      "Mara Okafor said about 900 people were missing in Vira."):
        result = checker().check(statement)
        assert result.verdict == "supported", statement
        assert result.matches[0].claim.id == 1
        assert [e.source.ref for e in result.supporting] == ["coast-post"]


def test_a_fact_reported_by_someone_no_quote_names_stays_unverified():
    result = checker().check("Ivo Brandt said about 900 people were missing in Vira.")
    assert result.verdict == "unverified"
    assert result.matches == []
