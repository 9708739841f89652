"""Engine layer: the general rules found by blind sets (a person is not their country, a statement
must share what it says and not only names, a demand is not the deed, a source's own figure speaks
for it, a place is not an actor), on a small made-up corpus."""
import pytest

from service.engine import ClaimRecord, EvidenceRecord, FactChecker
from service.engine.analysis import without_spokesbody
from service.engine.entities import EntityTable
from service.engine.matcher import event_order, other_place, qualifies
from service.engine.rules import ORDER_RULES, SCORE_RULES, opposes, predicate_unmatched
from service.engine.text import reports_demand, reports_speech, sides_taken, words

from .helpers import POST, WIRE, best

ENTITIES = [
    {"name": "Northland", "kind": "country", "aliases": ["Northlandic"]},
    {"name": "Southland", "kind": "country", "aliases": ["Southlandic"]},
    {"name": "Lake Vira", "kind": "region", "aliases": ["Vira"]},
    {"name": "Anna Kowalczyk", "kind": "person", "aliases": ["Kowalczyk"]},
    {"name": "Boris Tamm", "kind": "person", "aliases": ["Tamm", "Northlandic Fisheries Minister"]},
    {"name": "Ivo Sud", "kind": "person", "aliases": ["Southlandic Premier"]},
]


def figure(text, value, label):
    return {"text": text, "value": value, "qualifier": None, "label": label}


CLAIMS = [
    ClaimRecord(1, "Northland called for a ceasefire on Lake Vira.", evidence=(
        EvidenceRecord(POST, "supports", "Northland called for a ceasefire"),)),
    ClaimRecord(2, "Boris Tamm said the fishing quotas on Lake Vira were unfair.", evidence=(
        EvidenceRecord(WIRE, "supports", "Tamm called the quotas unfair"),)),
    ClaimRecord(3, "Anna Kowalczyk condemned the Southlandic blockade in a call with Boris Tamm.",
                evidence=(EvidenceRecord(POST, "supports", "Kowalczyk told Tamm she condemned it"),
                          )),
    ClaimRecord(4, "Southland has deployed coastguard vessels around Lake Vira.", evidence=(
        EvidenceRecord(WIRE, "supports", "Southlandic coastguard vessels circle the lake"),)),
    ClaimRecord(5, "Fishermen demanded Ivo Sud's resignation.", evidence=(
        EvidenceRecord(POST, "supports", "fishermen demanded the premier's resignation"),)),
    ClaimRecord(6, "Seven boats sank in the storm on Lake Vira.", evidence=(
        EvidenceRecord(POST, "supports", "seven boats sank", (figure("seven", 7, "boats sank"),)),
        EvidenceRecord(WIRE, "contradicts", "two boats sank", (figure("two", 2, "boats sank"),)))),
    ClaimRecord(7, "Fishermen in Southland blamed Anna Kowalczyk for the empty nets.", evidence=(
        EvidenceRecord(WIRE, "supports", "fishermen blamed Kowalczyk"),)),
]


@pytest.fixture(scope="module")
def checker():
    return FactChecker(CLAIMS, ENTITIES, min_score=50)


def sides(result):
    return (sorted(e.source.ref for e in result.supporting),
            sorted(e.source.ref for e in result.contradicting))


def test_a_named_person_is_not_their_country(checker):
    assert checker.check("Boris Tamm called for a ceasefire on Lake Vira").verdict == "unverified"
    table = EntityTable(ENTITIES)
    assert not table.stands_for("@boris_tamm", "@northland")
    assert table.stands_for("@northland", "@boris_tamm")
    assert not table.stands_for("@northland", "@southland")


def test_a_country_still_acts_through_its_officials(checker):
    result = checker.check("Northland said the fishing quotas on Lake Vira were unfair")
    assert best(result) == 2 and result.verdict == "supported"


def test_a_person_the_statement_addresses_may_be_read_as_their_country():
    end = ClaimRecord(1, "Anna Kowalczyk called for an end to Southland's blockade of Lake Vira.",
                      evidence=(EvidenceRecord(POST, "supports", "Kowalczyk called for an end"),))
    checker = FactChecker([end, *CLAIMS[1:]], ENTITIES, min_score=50)
    result = checker.check("Anna Kowalczyk urged Ivo Sud to end the blockade of Lake Vira")
    assert best(result) == 1 and result.verdict == "supported"


def test_another_persons_title_in_the_claims_place_is_a_swap(checker):
    result = checker.check("Anna Kowalczyk condemned the blockade in a call with the Southlandic "
                           "Premier")
    assert result.verdict == "unverified"
    result = checker.check("Anna Kowalczyk condemned the blockade in a call with Boris Tamm")
    assert best(result) == 3 and result.verdict == "supported"


def test_a_claim_sharing_only_names_is_not_the_statement():
    guards = ClaimRecord(1, "Southland guards Lake Vira.", evidence=(
        EvidenceRecord(WIRE, "supports", "Southlandic guards on the lake"),))
    checker = FactChecker([guards], ENTITIES, min_score=40)
    assert checker.check("Southland annexed Lake Vira").verdict == "unverified"
    assert checker.check("Southland guards Lake Vira").verdict == "supported"


def test_only_names_shared_unless_a_word_is_a_near_misspelling():
    claim = {"@turkey", "@nato", "member"}
    assert predicate_unmatched(["@turkey", "annex", "@nato"], {"@turkey", "@nato"}, claim)
    assert not predicate_unmatched(["@turkey", "membre", "@nato"], {"@turkey", "@nato"}, claim)
    assert not predicate_unmatched(["@turkey", "@nato"], {"@turkey", "@nato"}, claim)
    assert not predicate_unmatched(["@turkey", "member"], {"@turkey", "member"}, claim)


@pytest.mark.parametrize("first, second, finds_first, finds_second", [
    # a demand is not the deed
    ("Fishermen demanded Ivo Sud's resignation.", "Fishermen reported Ivo Sud's resignation.",
     "Fishermen demanded that Ivo Sud resign", "Ivo Sud resigned"),
    # of a claim and its reported twin, the one attributed like the statement
    ("Southland warned Northland before the raid.",
     "Southland said it informed Northland before launching the raid.",
     "Southland warned Northland before the raid",
     "Northland was notified before the raid, Southland said")])
def test_of_twin_claims_the_one_worded_like_the_statement_ranks_first(first, second, finds_first,
                                                                      finds_second):
    """Equal scores rank the first claim first: the second wins only by the rule."""
    checker = FactChecker([ClaimRecord(1, first), ClaimRecord(2, second)], ENTITIES, min_score=0)
    assert best(checker.check(finds_first)) == 1
    assert best(checker.check(finds_second)) == 2


@pytest.mark.parametrize("text, demand", [
    ("Protesters demanded his resignation", True), ("The minister urged calm", True),
    ("France requested a meeting", True), ("They called for a ceasefire", True),
    ("The ministry wants the parties to stop", True),
    ("She called the attack unacceptable", False), ("a phone call with the premier", False),
    ("The premier resigned", False)])
def test_demand_wording_is_recognised(text, demand):
    assert reports_demand(words(text)) is demand


def test_a_source_whose_own_figure_agrees_backs_the_statement(checker):
    result = checker.check("Fewer than ten boats sank in the storm on Lake Vira")
    assert best(result) == 6
    assert result.verdict == "supported" and sides(result) == (["coast-post", "wire"], [])
    result = checker.check("Two boats sank in the storm on Lake Vira")
    assert result.verdict == "disputed" and sides(result) == (["wire"], ["coast-post"])


def test_a_name_after_in_is_where_not_the_actor(checker):
    result = checker.check("Anna Kowalczyk was blamed for the empty nets")
    assert best(result) == 7 and result.verdict == "supported"


@pytest.mark.parametrize("text, kept", [
    ("Southland's defence ministry said", ["@southland", "said"]),
    ("the Southlandic Ministry of Defence said", ["the", "@southland", "said"]),
    ("Northlandic officials said", ["@northland", "said"]),
    ("Northland's human rights officials said", ["@northland", "human", "rights", "officials",
                                                 "said"]),  # more than a body's name
    ("the ministry said", ["the", "ministry", "said"])])  # no actor named: the words stay
def test_the_body_an_actor_speaks_through_is_left_out(text, kept):
    assert without_spokesbody(EntityTable(ENTITIES).canonicalize(words(text))) == kept


def test_a_ministry_speaks_for_its_country():
    aim = ClaimRecord(1, "Southland said its operation aimed to disarm and secure the withdrawal "
                         "of Northland's fishing fleets from Lake Vira.")
    ministry = ClaimRecord(2, "The fisheries ministry closed the harbour.")  # a known word
    checker = FactChecker([aim, ministry], ENTITIES, min_score=0)
    by_ministry = checker.check("Southland's defence ministry said it would disarm Northlandic "
                                "fleets")
    by_country = checker.check("Southland said it would disarm Northlandic fleets")
    assert best(by_ministry) == best(by_country) == 1
    assert by_ministry.matches[0].score == by_country.matches[0].score


def test_a_claims_negation_of_what_the_statement_leaves_out_does_not_flip_it():
    talks = ClaimRecord(1, "Northland mediated talks over Lake Vira, without reaching an "
                           "agreement.", evidence=(EvidenceRecord(POST, "supports",
                                                                  "Northland mediated talks"),))
    checker = FactChecker([talks], ENTITIES, min_score=40)
    assert checker.check("Northland mediated talks over Lake Vira").verdict == "supported"
    assert checker.check("Northland mediated talks over Lake Vira and reached an agreement"
                         ).verdict == "contradicted"
    assert checker.check("Northland never mediated talks over Lake Vira").verdict == "contradicted"


def test_speech_wording_is_recognised():
    assert reports_speech(words("Southland said it informed Northland"))
    assert not reports_speech(words("Southland informed Northland"))


@pytest.mark.parametrize("negations, claim_negations, marks, claim_marks, flipped", [
    (["not"], [], set(), set(), True),  # "did not win" against "won"
    (["not"], ["not"], set(), set(), False),  # both negated
    ([], [], {0}, {1}, True),  # "lost" against "won"
    (["not"], [], {0}, {1}, False),  # "did not lose" against "won": the two cancel
    ([], [], {0}, {0, 1}, False),  # the claim takes both sides: no opposite wording
    (["rejected"], [], {0}, set(), True),  # "rejected the toll" against "gave the toll"
    (["rejected"], ["denied"], {0}, set(), False),  # "rejected" is "denied" there
    (["rejected"], [], {0}, {1}, True),  # "rejected" against "accepted": a side, read once
    (["rejected"], ["rejected"], {0}, {0}, False),
    (["denied"], ["rejected"], set(), {0}, False),
])
def test_opposes_is_one_reading_of_negation_and_opposite_wording(negations, claim_negations,
                                                                 marks, claim_marks, flipped):
    assert opposes(negations, claim_negations, marks, claim_marks).flipped is flipped


def test_every_rule_is_a_listed_function_with_a_factor_below_one():
    for rule, factor in (*SCORE_RULES, *ORDER_RULES):
        assert callable(rule) and rule.__doc__ and 0 < factor < 1


def test_an_order_rule_leaves_the_shown_score_alone():
    won = ClaimRecord(1, "Northland won the regatta on Lake Vira.")
    lost = ClaimRecord(2, "Northland lost the regatta on Lake Vira.")
    result = FactChecker([won, lost], ENTITIES, min_score=0).check(
        "Northland did not win the regatta on Lake Vira")
    assert best(result) == 1  # worded like the statement, negation aside
    assert result.matches[0].score == result.matches[1].score
    assert result.matches[0].explanation.negation and not result.matches[0].explanation[
        "opposite_wording"]


def test_of_claims_worded_alike_the_one_giving_the_statements_figure_ranks_first():
    lower = ClaimRecord(1, "The regatta on Lake Vira drew 40 boats.")
    higher = ClaimRecord(2, "The regatta on Lake Vira drew 65 boats.")
    result = FactChecker([lower, higher], ENTITIES, min_score=0).check(
        "The regatta on Lake Vira drew about 60 boats")
    assert best(result) == 2


@pytest.mark.parametrize("text, pairs", [
    ("Northland hit Southland first and then Lake Vira",
     {("@northland", "@lake_vira"), ("@southland", "@lake_vira")}),
    ("Before it reached Southland, the fleet had visited Lake Vira",
     {("@lake_vira", "@southland")}),
    ("After Southland, the fleet visited Lake Vira", {("@southland", "@lake_vira")}),
    ("The fleet visited Lake Vira after Southland", {("@southland", "@lake_vira")}),
    ("Northland and Southland signed a treaty", set()),
])
def test_event_order_reads_which_named_event_came_first(text, pairs):
    assert event_order(EntityTable(ENTITIES).canonicalize(words(text))) == pairs


def test_events_in_the_other_order_are_another_claim():
    first = ClaimRecord(1, "Before it reached Southland, the fleet had visited Lake Vira.",
                        evidence=(EvidenceRecord(POST, "supports", "visited Lake Vira first"),))
    result = FactChecker([first], ENTITIES, min_score=0).check(
        "The fleet visited Southland first and then Lake Vira")
    assert result.matches[0].explanation.swapped_entities
    assert result.verdict == "unverified"


FIRE_PLACES = [{"name": "Eastvale", "kind": "city"}, {"name": "Ridgeton", "kind": "city"},
               {"name": "Westford", "kind": "city"}, {"name": "Lena Ortiz", "kind": "person"}]


@pytest.mark.parametrize("statement, verdict", [
    ("Lena Ortiz, a firefighter from Ridgeton, told reporters in Eastvale that whole streets "
     "burned", "unverified"),  # the places in each other's slots
    ("Lena Ortiz, a firefighter from Ridgeton, said whole streets burned", "unverified"),
    ("Lena Ortiz, a firefighter from Eastvale, told reporters in Ridgeton that whole streets "
     "burned", "supported"),
    ("Lena Ortiz, a firefighter from Eastvale and Ridgeton, said whole streets burned in "
     "Ridgeton", "supported"),  # one of the places she is from
])
def test_another_place_in_the_same_phrase_is_a_swap(statement, verdict):
    """A place after the same word and preposition ("a firefighter from A") that is another
    place in the claim is said of someone else, though both texts name both places."""
    claim = ClaimRecord(1, "Lena Ortiz, a firefighter from Eastvale and Westford, said whole "
                           "streets burned in Ridgeton.", evidence=(
                               EvidenceRecord(POST, "supports", "whole streets burned"),))
    result = FactChecker([claim], FIRE_PLACES, min_score=40).check(statement)
    assert result.verdict == verdict


def test_doubting_a_claim_is_a_negation_cue_so_never_doubting_it_affirms_it():
    """"questioned"/"doubted" deny like "denied": "never questioned" is two negations, the claim
    "denied" one, so the statement says the opposite of the claim."""
    denied = ClaimRecord(1, "Boris Tamm denied approving the fishing quota for Lake Vira.",
                         evidence=(EvidenceRecord(POST, "supports", "Tamm denied approving it"),))
    checker = FactChecker([denied], ENTITIES, min_score=40)
    result = checker.check("Boris Tamm never questioned the fishing quota for Lake Vira")
    assert result.matches[0].explanation.negation
    assert result.verdict == "contradicted"
    assert checker.check("Boris Tamm doubted the fishing quota for Lake Vira").verdict == (
        "supported")


def test_a_city_in_its_countrys_place_is_not_another_place():
    table = EntityTable([*FIRE_PLACES, {"name": "Norland", "kind": "country"},
                         {"name": "Sudland", "kind": "country"}])

    def read(text):
        return table.canonicalize(words(text))

    assert other_place(read("a firefighter from Eastvale"), read("a firefighter from Ridgeton"),
                       table) == [("@eastvale", "@ridgeton")]
    assert other_place(read("a firefighter from Norland"), read("a firefighter from Sudland"),
                       table) == [("@norland", "@sudland")]
    assert other_place(read("streets burned in Eastvale in Norland"),
                       read("streets burned in Norland, most in Eastvale"), table) == []


@pytest.mark.parametrize("claim, verdict", [
    ("Boris Tamm accepted the fishing quota for Lake Vira.", "contradicted"),
    ("Boris Tamm rejected the fishing quota for Lake Vira.", "supported"),
    ("Boris Tamm denied the fishing quota for Lake Vira.", "supported"),
])
def test_rebuffing_or_refuting_denies_what_follows(claim, verdict):
    record = ClaimRecord(1, claim, evidence=(EvidenceRecord(POST, "supports", claim),))
    checker = FactChecker([record], ENTITIES, min_score=30)
    for statement in ("Boris Tamm rebuffed the fishing quota for Lake Vira",
                      "Boris Tamm refuted the fishing quota for Lake Vira"):
        assert checker.check(statement).verdict == verdict


def test_rejecting_what_the_claim_says_was_done_is_denying_it():
    """"rejected the warning" against a claim taking no side of reject/accept negates "issued the
    warning" and agrees with "denied issuing the warning", which ranks first."""
    issued = ClaimRecord(1, "Boris Tamm issued the storm warning for Lake Vira.", evidence=(
        EvidenceRecord(POST, "supports", "Tamm issued the warning"),))
    denied = ClaimRecord(2, "Boris Tamm denied issuing the storm warning for Lake Vira.",
                         evidence=(EvidenceRecord(WIRE, "supports", "Tamm denied it"),))
    statement = "Boris Tamm rejected the storm warning for Lake Vira"
    result = FactChecker([issued], ENTITIES, min_score=40).check(statement)
    assert result.verdict == "contradicted" and result.matches[0].explanation.negation
    result = FactChecker([issued, denied], ENTITIES, min_score=40).check(statement)
    assert best(result) == 2 and result.verdict == "supported"
    assert [e.source.ref for e in result.supporting] == ["wire"]


@pytest.mark.parametrize("statement, verdict", [
    ("Boris Tamm never denied approving the fishing quota for Lake Vira", "supported"),
    ("Boris Tamm did not fail to approve the fishing quota for Lake Vira", "supported"),
    ("Boris Tamm did not approve the fishing quota for Lake Vira", "contradicted"),
])
def test_two_negations_in_one_clause_cancel(statement, verdict):
    approved = ClaimRecord(1, "Boris Tamm approved the fishing quota for Lake Vira.",
                           evidence=(EvidenceRecord(POST, "supports", "Tamm approved it"),))
    assert FactChecker([approved], ENTITIES, min_score=40).check(statement).verdict == verdict


def test_a_claim_taking_no_side_of_the_statements_pair_of_opposites_ranks_lower():
    """"rejected" (one side of reject/accept) against a claim taking neither side: the claim does
    not say what the statement says, so it scores below a statement with a neutral verb."""
    quota = ClaimRecord(1, "Northland set the fishing quota for Lake Vira.", evidence=(
        EvidenceRecord(POST, "supports", "Northland set the quota"),))
    accepted = ClaimRecord(2, "Southland accepted the fishing quota for Lake Vira.", evidence=(
        EvidenceRecord(POST, "supports", "Southland accepted the quota"),))
    checker = FactChecker([quota, accepted], ENTITIES, min_score=0)

    def score(statement, claim_id):
        return next(m.score for m in checker.check(statement).matches if m.claim.id == claim_id)

    rejected = "Northland rejected the fishing quota for Lake Vira"
    assert score(rejected, 1) < score("Northland inspected the fishing quota for Lake Vira", 1)
    # A claim taking the other side is the statement's opposite, not another story.
    assert score("Southland rejected the fishing quota for Lake Vira", 2) == 100


def test_a_pair_word_telling_only_the_verbs_aspect_takes_no_side():
    """"kept searching" says the search went on; a claim that crews searched does not leave a side
    untaken, so it scores as it would against a neutral word in the same place ("tried")."""
    search = ClaimRecord(1, "Northland crews searched the shore of Lake Vira.", evidence=(
        EvidenceRecord(POST, "supports", "crews searched the shore"),))
    checker = FactChecker([search], ENTITIES, min_score=0)

    def score(statement):
        return checker.check(statement).matches[0].score

    assert score("Northland crews kept searching the shore of Lake Vira") == score(
        "Northland crews tried searching the shore of Lake Vira")
    assert sides_taken(words("crews kept searching")) == set()
    assert sides_taken(words("crews kept the shore")) == {8}


@pytest.mark.parametrize("claim, statement", [
    ("Northland lies north of Southland.", "Southland is north of Northland"),
    ("Northland is larger than Southland.", "Southland is larger than Northland"),
])
def test_a_copula_before_a_word_that_orders_keeps_the_relations_direction(claim, statement):
    record = ClaimRecord(1, claim, evidence=(EvidenceRecord(POST, "supports", claim),))
    checker = FactChecker([record], ENTITIES, min_score=0)
    reversed_ = checker.check(statement)
    assert reversed_.matches[0].explanation.swapped_entities
    assert reversed_.verdict == "unverified"
    assert checker.check(claim).verdict == "supported"


@pytest.mark.parametrize("claim, statement", [
    ("Northland lies north of Southland.", "Southland is south of Northland"),
    ("Northland is larger than Southland.", "Southland is smaller than Northland"),
])
def test_the_converse_wording_keeps_the_relation(claim, statement):
    record = ClaimRecord(1, claim, evidence=(EvidenceRecord(POST, "supports", claim),))
    result = FactChecker([record], ENTITIES, min_score=0).check(statement)
    assert not result.matches[0].explanation.swapped_entities
    assert result.verdict == "supported"


def test_a_copula_alone_leaves_the_order_open():
    allies = ClaimRecord(1, "Northland is an ally of Southland.", evidence=(
        EvidenceRecord(POST, "supports", "the two are allies"),))
    result = FactChecker([allies], ENTITIES, min_score=0).check(
        "Southland is an ally of Northland")
    assert result.verdict == "supported"


@pytest.mark.parametrize("statement, negated", [
    ("Northland did not sign the fishing treaty, and Southland never left the talks", True),
    ("Southland never left the talks, but Northland signed the fishing treaty", False),
    ("Northland never failed to sign the fishing treaty", False),
])
def test_a_negation_counts_in_its_own_clause(statement, negated):
    """Two negations in different clauses do not cancel: each counts only where its clause shares
    a word with the claim."""
    signed = ClaimRecord(1, "Northland signed the fishing treaty.", evidence=(
        EvidenceRecord(POST, "supports", "Northland signed it"),))
    matcher = FactChecker([signed], ENTITIES, min_score=0).matcher
    (_, _, explanation), = matcher.search(statement)
    assert explanation.negation is negated


def test_an_actor_the_claim_leaves_out_lowers_its_score_a_place_does_not():
    """"to Southland": the claim says nothing of Southland's part, so it is less likely the
    statement's claim than where the extra name is only a place."""
    quota = ClaimRecord(1, "Northland set a fishing quota.", evidence=(
        EvidenceRecord(POST, "supports", "Northland set a quota"),))
    checker = FactChecker([quota, ClaimRecord(2, "The storm sank seven boats.")], ENTITIES,
                          min_score=0)

    def score(statement):
        return next(m.score for m in checker.check(statement).matches if m.claim.id == 1)

    assert score("Northland credited its fishing quota to Southland") < score(
        "Northland credited its fishing quota to Lake Vira")
    # A country named as where something happens is a place there too.
    assert score("Northland set a fishing quota as storms struck southern Southland") == score(
        "Northland set a fishing quota as storms struck southern Lake Vira")


@pytest.mark.parametrize("tokens, qualifies_", [
    (["the", "@northland", "website", "@lake_post", "reported"], True),
    (["@northland", "head", "of", "the", "@lake_post", "said"], True),
    (["@northland", "destroyed", "a", "@lake_post", "boat"], False),  # a verb between: two actors
    (["@northland", "said", "that", "its", "fishermen", "@lake_post"], False),  # too far
])
def test_a_name_right_before_another_only_qualifies_it(tokens, qualifies_):
    assert qualifies(tokens, "@northland", "@lake_post") is qualifies_


def test_an_actor_qualified_by_a_country_is_the_statements_actor():
    entities = [*ENTITIES, {"name": "Lake Post", "kind": "organization"}]
    text = "More than 300 nets were cut, the Northlandic website Lake Post reported."
    claims = [ClaimRecord(1, text, evidence=(
        EvidenceRecord(POST, "supports", "300 nets were cut, Lake Post reported"),))]
    result = FactChecker(claims, entities, min_score=50).check(
        "More than 300 nets were cut, Lake Post reported.")
    assert best(result) == 1 and not result.matches[0].explanation.swapped_entities


@pytest.mark.parametrize("statement, verdict", [
    ("The ministry revised its count of flooded farms from 900 to 400.", "supported"),
    ("The ministry revised its count of flooded farms from 400 to 900.",
     "unverified"),  # the same two figures, the change the other way round
])
def test_a_change_the_other_way_round_is_another_claim(statement, verdict):
    claims = [ClaimRecord(1, "The ministry revised its count of flooded farms from 900 to 400.",
                          evidence=(EvidenceRecord(WIRE, "supports", "revised from 900 to 400"),))]
    assert FactChecker(claims, ENTITIES, min_score=50).check(statement).verdict == verdict
