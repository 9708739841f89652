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


STRIKE_ENTITIES = [{"name": "Labour Board", "kind": "organisation", "aliases": []},
                   {"name": "Dockers Union", "kind": "organisation", "aliases": []}]
STRIKERS = ClaimRecord(3, "The Labour Board counted 12,000 strikers at the port on Monday.",
                       evidence=(EvidenceRecord(POST, "supports",
                                                "the Labour Board counted 12,000 strikers"),))


def test_a_fact_credited_to_an_actor_in_the_passive_comes_from_that_actor():
    """"X was credited to the Labour Board by the union": the Board is X's source, and crediting
    is not something the claim must say too; who credits whom still reads from the names' order
    and the "by". In the active voice, and where what it is credited to is no actor (a cause),
    the verb stays."""
    credited = ClaimRecord(6, "The Dockers Union credited its strike figures to the Labour Board.")
    checker = FactChecker([STRIKERS, credited], STRIKE_ENTITIES)
    passive = "The count of 12,000 strikers at the port was credited to the Labour Board by the " \
              "Dockers Union."
    assert "credit" not in checker.matcher.analyze_statement(passive).terms
    result = checker.check(passive)
    assert result.verdict == "supported" and result.matches[0].claim.id == 3
    reversed_roles = checker.matcher.search("The strike figures were credited to the Dockers Union "
                                            "by the Labour Board.", min_score=0)
    assert [explanation.swapped_entities != [] for claim, _, explanation in reversed_roles
            if claim.id == 6] == [True]
    assert "credit" in checker.matcher.analyze_statement(
        "The Dockers Union credited the count of 12,000 strikers to the Labour Board").terms
    assert "attribute" in checker.matcher.analyze_statement(
        "The strike was attributed to low wages").terms


def test_the_organisation_a_text_refers_back_to_is_read_as_its_name():
    """"A Dockers Union spokesman said the group had not called a strike": "the group" is the
    union, which the claim names; read as the word, it is one the claim lacks."""
    claim = ClaimRecord(4, "A Dockers Union spokesman said the Dockers Union had not called a "
                           "strike at the port.")
    checker = FactChecker([claim], STRIKE_ENTITIES, min_score=0)
    referred = checker.check("A Dockers Union spokesman said the group had not called a strike "
                             "at the port.").matches[0]
    named = checker.check("A Dockers Union spokesman said the Dockers Union had not called a "
                          "strike at the port.").matches[0]
    assert referred.score == named.score
    # no organisation named before it, or a group of something: the word stays
    assert "group" in checker.matcher.analyze_statement("The group called a strike").tokens
    assert "group" in checker.matcher.analyze_statement(
        "The Dockers Union said the group of strikers had grown").tokens
