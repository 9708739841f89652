"""Engine layer: names, misspelt names and swapped actors, on a small made-up corpus."""
import pytest

from service.engine import ClaimRecord, EvidenceRecord, FactChecker
from service.engine.entities import EntityTable, Role, other_role, roles, titled
from service.engine.text import words
from .helpers import POST, WIRE, best


ENTITIES = [
    {"name": "Northland", "kind": "country", "aliases": ["Nordia", "Northlandic"]},
    {"name": "Southland", "kind": "country", "aliases": ["Sudport", "Southlandic"]},
    {"name": "Eastland", "kind": "country", "aliases": []},
    {"name": "Northland Foreign Ministry", "kind": "organization", "aliases": []},
    {"name": "Lake Vira", "kind": "region", "aliases": ["Vira"]},
    {"name": "Anna Kowalczyk", "kind": "person", "aliases": ["Kowalczyk"]},
    {"name": "Boris Tamm", "kind": "person", "aliases": ["Tamm", "Northlandic Fisheries Minister"]},
]
CLAIMS = [
    ClaimRecord(1, "Northland condemned Southland's blockade of Lake Vira.", evidence=(
        EvidenceRecord(POST, "supports", "Northland condemned the blockade"),
        EvidenceRecord(WIRE, "supports", "Nordia condemned it"))),
    ClaimRecord(2, "Eastland backed Southland's blockade of Lake Vira.", evidence=(
        EvidenceRecord(WIRE, "supports", "Eastland backed the blockade"),)),
    ClaimRecord(3, "Southland accused Northland of smuggling fish across Lake Vira.", evidence=(
        EvidenceRecord(POST, "supports", "Southland accused Northland of smuggling"),)),
    ClaimRecord(4, "Anna Kowalczyk spoke by phone with Boris Tamm about the fishing quotas.",
                evidence=(EvidenceRecord(WIRE, "supports", "Kowalczyk phoned Tamm"),)),
    ClaimRecord(5, "The Northland Foreign Ministry said the blockade breaks maritime law.",
                evidence=(EvidenceRecord(POST, "supports",
                                         "the ministry said the blockade breaks maritime law"),)),
    ClaimRecord(6, "Boris Tamm said the fishing quotas on Lake Vira were unfair.", evidence=(
        EvidenceRecord(WIRE, "supports", "Tamm called the quotas unfair"),)),
    ClaimRecord(7, "Southland, backed by Eastland, closed the harbour of Lake Vira.", evidence=(
        EvidenceRecord(POST, "supports", "Southland closed the harbour with Eastland's backing"),)),
    ClaimRecord(8, "Patrol boats clashed on Lake Vira in the night.", evidence=(
        EvidenceRecord(WIRE, "supports", "patrol boats clashed overnight on the lake"),)),
    ClaimRecord(9, "Northland hosts Southland's only foreign naval base.", evidence=(
        EvidenceRecord(POST, "supports", "Southland's only naval base abroad is in Northland"),)),
]


@pytest.fixture(scope="module")
def checker():
    return FactChecker(CLAIMS, ENTITIES, min_score=50)


def test_another_actor_in_the_claims_place_is_not_that_claim(checker):
    result = checker.check("Eastland condemned Southland's blockade of Lake Vira")
    assert best(result) != 1
    assert result.verdict == "contradicted"  # Eastland backed it: the opposite verb decides


def test_an_actor_no_claim_speaks_of_is_unverified():
    entities = ENTITIES + [{"name": "Westland", "kind": "country"}]
    checker = FactChecker(CLAIMS, entities, min_score=50)
    result = checker.check("Westland condemned Southland's blockade of Lake Vira")
    assert result.verdict == "unverified" and result.matches == []


def test_a_claim_about_someone_else_takes_no_side_even_under_a_low_threshold():
    result = FactChecker(CLAIMS, ENTITIES + [{"name": "Westland", "kind": "country"}]).check(
        "Westland condemned Southland's blockade of Lake Vira", min_score=0)
    assert result.matches[0].explanation["swapped_entities"]
    assert (result.verdict, result.supporting, result.contradicting) == ("unverified", [], [])


def test_swapped_entities_are_explained(checker):
    found = checker.matcher.search("Northland backed Southland's blockade of Lake Vira", limit=5)
    explanation = {claim.id: ex for claim, _, ex in found}[2]
    assert explanation["swapped_entities"] == [{"statement": "Northland", "claim": "Eastland"}]


def test_reversed_roles_are_a_different_claim(checker):
    result = checker.check("Northland accused Southland of smuggling fish across Lake Vira")
    assert result.verdict == "unverified"


def test_a_speaker_the_claim_does_not_name_is_another_claim(checker):
    assert checker.check("Southland said the fishing quotas on Lake Vira were unfair").verdict == \
        "unverified"
    # a person's title names their country: Northland speaking through its minister is the claim
    result = checker.check("Northland said the fishing quotas on Lake Vira were unfair")
    assert best(result) == 6 and result.verdict == "supported"
    # and counts as naming the claim's speaker
    by_name = checker.check("Boris Tamm said the fishing quotas on Lake Vira were unfair")
    assert result.matches[0].score == by_name.matches[0].score


def test_a_passive_agent_keeps_its_role(checker):
    result = checker.check("Eastland backed Southland when it closed the harbour of Lake Vira")
    assert best(result) == 7 and result.verdict == "supported"
    assert checker.check("Eastland, backed by Southland, closed the harbour of Lake Vira"
                         ).verdict == "unverified"


def test_a_country_for_a_place_is_a_swap_only_one_for_one(checker):
    assert checker.check("Northland condemned Southland's blockade of Eastland").verdict == \
        "unverified"
    # two countries where the claim has a place: the same event, framed otherwise
    result = checker.check("Patrol boats of Northland and Southland clashed in the night")
    assert best(result) == 8 and result.verdict == "supported"


@pytest.mark.parametrize("where", ["in Northland", "in northern Northland", "across Northland"])
def test_a_place_after_in_is_where_not_who(checker, where):
    """A name after a place marker (matcher.names_a_place) says where, for the order of roles
    too."""
    result = checker.check(f"Southland has a naval base {where}, its only foreign one")
    assert best(result) == 9 and result.verdict == "supported"
    assert checker.check("Southland hosts Northland's only foreign naval base").verdict == \
        "unverified"


def test_symmetric_wording_keeps_reversed_names_the_same_claim(checker):
    result = checker.check("Boris Tamm spoke by phone with Anna Kowalczyk about the fishing quotas")
    assert best(result) == 4 and result.verdict == "supported"


def test_a_part_of_a_name_is_not_a_swap(checker):
    result = checker.check("Northland said the blockade breaks maritime law")
    assert best(result) == 5 and result.verdict == "supported"


def test_other_names_and_misspelt_names_match(checker):
    result = checker.check("nordia condemned SUDPORTS blockade of Lake Virra")
    assert best(result) == 1 and result.verdict == "supported"
    result = checker.check("Ana Kowalczik spoke by phone with Boris Tam about the fishing quotas")
    assert best(result) == 4
    assert result.matches[0].explanation["corrected_terms"]["kowalczik"] == "kowalczyk"


def test_possessives_with_or_without_apostrophe_are_the_name():
    table = EntityTable(ENTITIES)
    for text in ["Southland's", "Southland’s", "Southlands", "southland"]:
        assert table.canonicalize(words(text)) == ["@southland"]


def test_entities_named_inside_a_name_are_related_not_interchangeable():
    table = EntityTable(ENTITIES)
    assert not table.interchangeable("@northland", "@northland_foreign_ministry")
    assert table.interchangeable("@northland", "@southland")
    assert not table.interchangeable("@northland", "@lake_vira")
    assert table.interchangeable("@northland", "@lake_vira", places=True)  # a country is a place
    assert not table.interchangeable("@anna_kowalczyk", "@lake_vira", places=True)


def test_names_are_found_whole_with_possessives_and_plurals():
    """Canonicalising looks names up only from a name's first word; every form still counts."""
    table = EntityTable([
        {"name": "Nagorno-Karabakh", "kind": "region", "aliases": ["Artsakh", "Karabakh"]},
        {"name": "Azerbaijan", "kind": "country"},
        {"name": "United States", "kind": "country", "aliases": ["US"]}])
    tokens = words("Azerbaijan's army and the Azerbaijans entered Nagorno-Karabakh; Artsakhs said "
                   "the United States' envoy and the United Nations left Karabakh")
    assert table.canonicalize(tokens) == [
        "@azerbaijan", "army", "and", "the", "@azerbaijan", "entered", "@nagorno_karabakh",
        "@nagorno_karabakh", "said", "the", "@united_states", "envoy", "and", "the", "united",
        "nations", "left", "@nagorno_karabakh"]


ROLE_ENTITIES = [*ENTITIES, {"name": "Coast Guild", "kind": "organization", "aliases": []},
                 {"name": "Lake Council", "kind": "organization", "aliases": []}]


def _roles(text):
    table = EntityTable(ROLE_ENTITIES)
    return roles(table.canonicalize(words(text)))


@pytest.mark.parametrize("text, found", [
    ("The Northlandic foreign minister said", [Role("minister", "foreign", "@northland")]),
    ("A spokesman for the Coast Guild said", [Role("spokesperson", None, "@coast_guild")]),
    ("The country's prime minister said", [Role("prime minister")]),
    ("The premier said", [Role("prime minister")]),
    ("Boris Tamm said", []),
    ("Northland's envoy to the Lake Council said", [Role("ambassador", None, "@lake_council")]),
])
def test_roles_read_office_qualifier_and_body(text, found):
    assert _roles(text) == found


@pytest.mark.parametrize("one, other, same", [
    ("the minister", "the foreign minister", True),
    ("the health minister", "the foreign minister", False),
    ("the president", "the prime minister", False),
    ("a Coast Guild spokeswoman", "a spokesman for the Coast Guild", True),
    ("a Coast Guild spokesman", "a Lake Council spokesman", False),
    ("a spokesman", "a Lake Council spokesman", True),
    ("the envoy to the Lake Council", "the Lake Council ambassador", True),
])
def test_two_offices_are_one_holder_only_alike_and_of_one_body(one, other, same):
    table = EntityTable(ROLE_ENTITIES)
    assert table.same_holder(_roles(one)[0], _roles(other)[0]) is same


ROLE_CLAIMS = [
    ClaimRecord(1, "The Southlandic president said the fishing ban on Lake Vira would end.",
                evidence=(EvidenceRecord(POST, "supports", "the president said the ban ends"),)),
    ClaimRecord(2, "A Coast Guild spokesman called the new fishing quota unfair.",
                evidence=(EvidenceRecord(WIRE, "supports", "the guild's spokesman said unfair"),)),
]


@pytest.mark.parametrize("statement", [
    "The Southlandic prime minister said the fishing ban on Lake Vira would end",
    "A Lake Council spokesman called the new fishing quota unfair",
])
def test_another_office_or_another_bodys_office_is_someone_else(statement):
    result = FactChecker(ROLE_CLAIMS, ROLE_ENTITIES, min_score=0).check(statement)
    assert result.matches[0].explanation.swapped_entities
    assert result.verdict == "unverified"


@pytest.mark.parametrize("statement, claim_id", [
    ("The Southlandic president said the fishing ban on Lake Vira would end", 1),
    ("A spokesman for the Coast Guild called the new fishing quota unfair", 2),
])
def test_the_same_office_is_the_claims(statement, claim_id):
    result = FactChecker(ROLE_CLAIMS, ROLE_ENTITIES, min_score=0).check(statement)
    assert best(result) == claim_id and result.verdict == "supported"


def test_a_persons_title_names_their_office():
    table = EntityTable(ROLE_ENTITIES)
    assert table.roles_named(table.canonicalize(words("Boris Tamm said"))) == [
        Role("minister", "fisheries", "@northland")]


@pytest.mark.parametrize("statement, swapped", [
    ("The Northlandic foreign minister said the fishing quotas on Lake Vira were unfair", True),
    ("Northland's fisheries minister said the fishing quotas on Lake Vira were unfair", False),
])
def test_an_office_in_words_is_weighed_against_a_named_persons_title(statement, swapped):
    quotas = ClaimRecord(1, "Boris Tamm said the fishing quotas on Lake Vira were unfair.",
                         evidence=(EvidenceRecord(POST, "supports", "Tamm said unfair"),))
    result = FactChecker([quotas], ROLE_ENTITIES, min_score=0).check(statement)
    assert bool(result.matches[0].explanation.swapped_entities) is swapped
    assert result.verdict == ("unverified" if swapped else "supported")


@pytest.mark.parametrize("one, other", [
    ("the dep. spokesman", "the deputy spokesman"),
    ("the foriegn minister", "the foreign minister"),
])
def test_a_shortened_or_misspelt_qualifier_is_the_same_office(one, other):
    table = EntityTable(ROLE_ENTITIES)
    assert table.same_holder(_roles(one)[0], _roles(other)[0])


def test_offices_are_not_weighed_where_both_texts_name_the_person():
    table = EntityTable(ROLE_ENTITIES)
    statement = table.canonicalize(words("The vice president Anna Kowalczyk said"))
    claim = table.canonicalize(words("The prime minister Anna Kowalczyk said"))
    assert other_role(statement, claim, table) is None
    assert other_role(statement, table.canonicalize(words("The prime minister said")), table)


@pytest.mark.parametrize("statement, claim", [
    ("Northlanders know the mayor wasn't even President when the dam broke",
     "Senator Ruud defended President Marta Olsen over the dam"),
    ("Protesters are outraged. Mayor of Vira Town flies the flag",
     "The ex-Mayor said the flag flew over Vira Town"),
])
def test_a_word_written_apart_from_an_office_does_not_qualify_it(statement, claim):
    """Informal texts put a word of the sentence before a capitalised office ("even President",
    "defended President", "outraged. Mayor"): read as the office's qualifier, every office
    became another one and every claim naming one lost its score."""
    table = EntityTable()
    ours, theirs = (table.canonicalize(words(text)) for text in (statement, claim))
    assert other_role(ours, theirs, table)  # the tokens alone cannot tell
    assert other_role(ours, theirs, table, (statement, claim)) is None


@pytest.mark.parametrize("text, qualifier", [
    ("the Vice President said", "vice"), ("Foreign minister Tamm said", "foreign"),
    ("the dep. spokesman said", "dep"), ("THE DEPUTY MAYOR SAID", "deputy"),
    ("Jordan defended President Olsen", None), ("the ex-President said", None),
])
def test_a_title_keeps_a_qualifier_written_in_its_case(text, qualifier):
    table = EntityTable()
    assert [role.qualifier for role in titled(roles(table.canonicalize(words(text))), text)] == [
        qualifier]


def test_offices_are_not_weighed_where_one_text_names_the_others_title_holder():
    """"Vice President Mike Pence" and "Mike Pence is visiting": one person, known to the corpus
    or not, whatever else the statement names an office of."""
    table = EntityTable()
    statement = "The Mayor of Vira Town is outraged that Marta Olsen is visiting"
    claim = "Vice President Marta Olsen was greeted by flags in Vira Town"
    ours, theirs = (table.canonicalize(words(text)) for text in (statement, claim))
    assert other_role(ours, theirs, table)
    assert other_role(ours, theirs, table, (statement, claim)) is None


SPEAKER_ENTITIES = [*ROLE_ENTITIES,
                    {"name": "Jan Vos", "kind": "person", "aliases": ["Vos"]},
                    {"name": "Eva Lind", "kind": "person", "aliases": ["Prime Minister Eva Lind"]}]
SPEAKER_SOURCE = "Jan Vos, a spokesman for the Coast Guild, said the harbour would stay shut."
SPEAKER_CLAIMS = [
    ClaimRecord(1, "Jan Vos said the new fishing quota was unfair.",
                evidence=(EvidenceRecord(WIRE, "supports", "Vos said unfair"),)),
    ClaimRecord(2, "Eva Lind said the fishing ban on Lake Vira would end in spring.",
                evidence=(EvidenceRecord(POST, "supports", "Lind said it ends"),)),
    ClaimRecord(3, "The fisheries minister of Northland said the harbour dues would double.",
                evidence=(EvidenceRecord(POST, "supports", "the minister said dues double"),)),
]


def test_a_corpus_text_gives_a_person_the_office_of_a_body():
    table = EntityTable(SPEAKER_ENTITIES, [SPEAKER_SOURCE])
    assert Role("spokesperson", None, "@coast_guild") in table.offices["@jan_vos"]
    assert "@coast_guild" in table.related["@jan_vos"]
    assert "@coast_guild" not in EntityTable(SPEAKER_ENTITIES).related["@jan_vos"]


@pytest.mark.parametrize("statement, verdict", [
    ("The Coast Guild spokesman said the new fishing quota was unfair", "supported"),
    ("A Lake Council spokesman said the new fishing quota was unfair", "unverified"),
])
def test_a_bodys_spokesman_is_the_person_the_corpus_says_speaks_for_it(statement, verdict):
    checker = FactChecker(SPEAKER_CLAIMS, SPEAKER_ENTITIES, min_score=0, texts=[SPEAKER_SOURCE])
    result = checker.check(statement)
    assert best(result) == 1 and result.verdict == verdict
    assert bool(result.matches[0].explanation.swapped_entities) is (verdict == "unverified")


def test_a_title_names_its_one_holder():
    table = EntityTable(SPEAKER_ENTITIES)
    tokens = table.canonicalize(words("the northern prime minister said"))
    assert table.with_holders(tokens) == [*tokens[:-1], "@eva_lind", "said"]
    two = EntityTable([*SPEAKER_ENTITIES, {"name": "Ola Berg", "kind": "person",
                                           "aliases": ["Prime Minister Ola Berg"]}])
    assert two.with_holders(tokens) == tokens  # two prime ministers: nobody in particular
    checker = FactChecker(SPEAKER_CLAIMS, SPEAKER_ENTITIES, min_score=0)
    result = checker.check("The northern prime minister said the fishing ban on Lake Vira "
                           "would end in spring")
    assert best(result) == 2 and result.verdict == "supported"


def test_a_claim_naming_a_person_by_their_office_of_a_body_is_not_another_actor():
    result = FactChecker(SPEAKER_CLAIMS, ROLE_ENTITIES, min_score=0).check(
        "Boris Tamm said the harbour dues would double")
    assert best(result) == 3 and not result.matches[0].explanation.swapped_entities


def test_an_unnamed_speaker_does_not_weigh_against_a_claim_that_attributes_nothing():
    shut = ClaimRecord(4, "The harbour of Lake Vira will stay shut all winter.",
                       evidence=(EvidenceRecord(WIRE, "supports", "officials said it stays shut"),))
    checker = FactChecker([*SPEAKER_CLAIMS, shut], ROLE_ENTITIES, min_score=0)

    def score(statement):
        result = checker.check(statement)
        assert best(result) == 4
        return result.matches[0].score

    fact = score("The harbour of Lake Vira will stay shut all winter")
    assert score("Officials said the harbour of Lake Vira will stay shut all winter") == fact
    assert score("The harbour of Lake Vira will stay shut all winter, says a spokesman") == fact
    # A named speaker may be the wrong one: it still weighs.
    assert score("Boris Tamm said the harbour of Lake Vira will stay shut all winter") < fact


def test_a_person_the_claim_names_by_their_office_is_not_missing_from_it():
    dues = ClaimRecord(5, "A Coast Guild spokesman said the harbour dues were too high.",
                       evidence=(EvidenceRecord(WIRE, "supports", "dues too high, he said"),))
    checker = FactChecker([*SPEAKER_CLAIMS, dues], SPEAKER_ENTITIES, min_score=0,
                          texts=[SPEAKER_SOURCE])
    # The statement's office names Vos (with_holders); the claim's names him the same way.
    by_office = checker.check("A Coast Guild spokesman said the harbour dues were too high")
    assert best(by_office) == 5 and by_office.matches[0].score == 100.0
    assert best(checker.check("Jan Vos said the harbour dues were too high")) == 5


def test_the_source_after_according_to_is_not_a_party():
    claim = ClaimRecord(20, "Eastland said Southland had closed the harbour of Lake Vira.",
                        evidence=(EvidenceRecord(WIRE, "supports", "Southland closed it"),))
    checker = FactChecker([claim], ENTITIES, min_score=50)
    result = checker.check("Southland closed the harbour of Lake Vira, according to Eastland")
    assert best(result) == 20 and result.verdict == "supported"
