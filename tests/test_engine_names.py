"""Engine layer: names the corpus defines for itself, and acronyms read only in capitals."""
from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo
from service.engine.entities import EntityTable, capitals_of, defined_acronyms, with_acronyms
from service.engine.text import words

SURVEY = SourceInfo(id=1, title="Quake report", publisher="Post", ref="post")


def test_acronyms_defined_in_a_text_are_found_with_their_names():
    text = ("The quake was measured by the US Geological Survey (USGS). Aid came from the "
            "International Federation of Red Cross and Red Crescent Societies (IFRC), and "
            "nobody (NOBODY) else.")
    assert defined_acronyms([text]) == {
        "USGS": "US Geological Survey",
        "IFRC": "International Federation of Red Cross and Red Crescent Societies"}


def test_a_defined_acronym_becomes_an_alias_of_an_existing_or_a_new_entity():
    entities = with_acronyms([{"name": "Harbour Authority", "kind": "organization"}],
                             ["the Harbour Authority (HA) said", "the Valley Water Board (VWB)"])
    assert entities[0]["aliases"] == ["HA"]
    assert entities[1] == {"name": "Valley Water Board", "kind": None, "aliases": ["VWB"]}


def test_a_statement_naming_the_acronym_finds_the_claim_naming_it_in_full():
    claim = ClaimRecord(1, "The US Geological Survey put the quake's magnitude at 6.8.",
                        evidence=(EvidenceRecord(SURVEY, "supports",
                                                 "the US Geological Survey (USGS) said"),))
    checker = FactChecker([claim], min_score=60)
    result = checker.check("USGS put the quake's magnitude at 6.8")
    assert result.matches and result.matches[0].explanation.matched_entities == [
        "US Geological Survey"]


def test_a_short_capital_alias_matches_only_in_capitals():
    table = EntityTable([{"name": "World Health Organization", "aliases": ["WHO"]}])
    text = "The WHO helped people who lost their homes"
    tokens = table.canonicalize(words(text), capitals_of(text))
    assert tokens.count("@world_health_organization") == 1 and "who" in tokens
    lower = "people who lost their homes"
    assert "@world_health_organization" not in table.canonicalize(words(lower), capitals_of(lower))
