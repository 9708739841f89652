"""Alignment without storage: a source's facts against claims, stance by figures, then wording."""
import datetime

from service.alignment import Fact, align_proposals, coverage, restates, with_sentences
from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo
from service.engine.entities import EntityTable
from service.engine.extraction import Extractor
from service.engine.matcher import TextAnalyzer

ENTITIES = [{"name": "Russia", "kind": "country"},
            {"name": "United States", "kind": "country", "aliases": ["US"]},
            {"name": "Derna", "kind": "city"}]
OUTLET = SourceInfo(id=1, title="First outlet")


def claim(number, text, figures=()):
    return ClaimRecord(id=number, text=text, ref=f"claim-{number}", evidence=(EvidenceRecord(
        source=OUTLET, stance="supports", quote=text, numbers=tuple(figures)),))


CLAIMS = [
    claim(1, "The floods in Derna killed 381 people.",
          [{"text": "381", "value": 381, "qualifier": None, "label": "killed"}]),
    claim(2, "The United States brokered the ceasefire in Derna."),
    claim(3, "Rescue teams reached Derna by road."),
    claim(4, "A second war over the region was fought in 2020."),
]


FALSEHOOD = ClaimRecord(id=5, text="The mayor of Derna ordered the evacuation.", ref="claim-5",
                        evidence=(EvidenceRecord(source=OUTLET, stance="contradicts",
                                                 quote="Nobody ordered an evacuation."),))


def aligned(text, claims=CLAIMS):
    proposals = with_sentences(text, Extractor(ENTITIES).propose(text))
    found = align_proposals(FactChecker(claims, ENTITIES), proposals, ENTITIES)
    return {a.claim.ref: (a.stance, a.decided_by) for a in found}


def test_another_count_for_the_same_quantity_is_a_proposed_contradiction():
    assert aligned("The floods in Derna killed 398 people, officials said.")["claim-1"] == (
        "contradicts", "figures")


def test_the_same_count_supports():
    assert aligned("Officials said 381 people were killed by the floods in Derna.")[
        "claim-1"] == ("supports", "figures")


def test_the_same_count_denied_contradicts():
    assert aligned("Officials denied that the floods in Derna killed 381 people.")[
        "claim-1"] == ("contradicts", "figures")


def test_another_actor_in_the_claim_s_place_contradicts():
    assert aligned("Russia brokered the ceasefire in Derna.")["claim-2"] == (
        "contradicts", "wording")


def test_a_fact_naming_others_about_something_else_is_no_changed_actor():
    assert aligned("Russia said the ceasefire in Derna was holding.")["claim-2"] == (
        "supports", "wording")


def test_wording_decides_without_figures():
    assert aligned("Rescue teams reached Derna by road after a long drive.")["claim-3"] == (
        "supports", "wording")
    assert aligned("Rescue teams never reached Derna by road.")["claim-3"] == (
        "contradicts", "wording")


def test_a_claim_every_source_contradicts_is_contradicted_by_a_further_source():
    text = "The mayor of Derna said an evacuation was not needed."
    assert aligned(text, [FALSEHOOD])["claim-5"] == ("contradicts", "wording")
    # the same wording against a claim its sources support reads as support
    supported = ClaimRecord(id=5, text=FALSEHOOD.text, ref="claim-5", evidence=(EvidenceRecord(
        source=OUTLET, stance="supports", quote=FALSEHOOD.text),))
    assert aligned(text, [supported])["claim-5"] == ("supports", "wording")


def test_another_year_is_another_event_not_a_disagreement():
    assert "claim-4" not in aligned("A first war over the region was fought in 1991.")


def test_unrelated_facts_propose_nothing():
    assert aligned("The central bank raised interest rates by half a point.") == {}


def test_a_fact_taking_the_other_side_of_an_opposite_covers_less():
    analyzer = TextAnalyzer(EntityTable(ENTITIES))
    claim_analysis = analyzer.analyze("Russia condemned the operation in Derna.")
    same, other = (Fact.of(p, analyzer) for p in Extractor(ENTITIES).propose(
        "Russia condemned the operation in Derna. Russia backed the operation in Derna."))
    assert coverage(claim_analysis, same) == 1.0
    assert coverage(claim_analysis, other) < coverage(claim_analysis, same)


def test_a_long_fact_giving_the_claim_s_quantity_finds_it_by_its_figure():
    """The wording search ranks a short claim low against a long sentence; the figure for the
    quantity it counts still brings the claim up."""
    who = claim(6, "The WHO had confirmed 3,922 deaths from the floods.",
                [{"text": "3,922", "value": 3922, "qualifier": None, "label": "deaths"}])
    text = ("The relief office said that a week after the storm hit the coast, unleashing "
            "devastating damage that swept away whole districts and bridges and harbours, the toll "
            "of the disaster continues to mount, citing the WHO as saying that unprecedented "
            "flooding in the valley and hills left 3,958 people dead and more than 9,000 still "
            "missing in the region.")
    entities = [*ENTITIES, {"name": "World Health Organization", "kind": "organization",
                            "aliases": ["WHO"]}]
    proposals = with_sentences(text, Extractor(entities).propose(text))
    found = align_proposals(FactChecker([who], entities), proposals, entities)
    assert [(a.claim.ref, a.stance) for a in found] == [("claim-6", "contradicts")]


def test_a_count_far_past_an_open_bound_is_another_count_left_to_the_wording():
    """"More than 200" reports a count near 200: 260 agrees by figures, 11,300 is another report."""
    bound = [claim(7, "The floods in Derna killed more than 200 people.",
                   [{"text": "200", "value": 200, "qualifier": "more than", "label": "killed"}])]
    assert aligned("The floods in Derna killed 260 people.", bound)["claim-7"] == (
        "supports", "figures")
    assert aligned("The floods in Derna killed 11,300 people.", bound)["claim-7"][1] == "wording"
    assert aligned("The floods in Derna killed 150 people.", bound)["claim-7"] == (
        "contradicts", "figures")


def test_a_figure_passed_on_from_another_bears_on_who_gave_it_not_on_the_count():
    """"The union cited a figure of 9,000 from the port authority" reports what the authority
    gave: no count of the idled workers to set against the claim's, but it backs a claim that
    someone gave the figure."""
    strike = [claim(8, "The strike at the port idled 4,200 workers.",
                    [{"text": "4,200", "value": 4200, "qualifier": None, "label": "workers"}]),
              claim(9, "The union said the strike at the port idled 9,000 workers.",
                    [{"text": "9,000", "value": 9000, "qualifier": None, "label": "workers"}])]
    cited = aligned("The union cited a figure of 9,000 idled workers at the port from the port "
                    "authority.", strike)
    assert "claim-8" not in cited and cited["claim-9"] == ("supports", "figures")
    assert aligned("The strike at the port idled 9,000 workers, the port authority said.",
                   strike)["claim-8"] == ("contradicts", "figures")


def test_a_fact_giving_a_disputed_figure_bears_on_the_figure_not_on_the_dispute():
    """"The commission denied that turnout reached 72 percent": another's report of 72 percent
    neither backs nor contradicts the denial; the commission's own tally of it does bear on it."""
    entities = [*ENTITIES, {"name": "Electoral Commission", "kind": "organization"}]
    denial = [claim(10, "The Electoral Commission denied that turnout in Derna reached 72 percent.",
                    [{"text": "72", "value": 72, "qualifier": None, "label": "turnout"}])]

    def found(text):
        proposals = with_sentences(text, Extractor(entities).propose(text))
        return [a.claim.ref for a in align_proposals(FactChecker(denial, entities), proposals,
                                                     entities)]
    assert found("Turnout in Derna reached 72 percent, observers said.") == []
    assert found("Turnout in Derna reached 72 percent, according to a tally from the Electoral "
                 "Commission.") == ["claim-10"]


def test_a_figure_meets_the_fact_s_figure_labelled_with_what_it_counts():
    """"Two bridges collapsed in the town" meets "two bridges burned", not the town's 8,000
    people, labelled with the one word "town" it shares."""
    bridges = [claim(11, "Two bridges collapsed in the town during the wildfire.",
                     [{"text": "Two", "value": 2, "qualifier": None, "label": "bridges"}])]
    assert aligned("Two bridges burned near the ridge during the wildfire, cutting off the "
                   "town of around 8,000 people.", bridges)["claim-11"] == ("supports", "figures")


def test_a_doubt_cast_on_what_came_before_backs_no_claim():
    """"A spokesman cast doubt on that": what it doubts is in an earlier sentence, so the names it
    shares with a claim are no support for it."""
    assert "claim-3" not in aligned("A spokesman for the rescue teams in Derna cast doubt on that.")
    assert "claim-3" not in aligned("The rescue teams in Derna later rejected them.")
    assert aligned("A spokesman for the rescue teams in Derna cast doubt on that, saying rescue "
                   "teams reached Derna by road.")["claim-3"] == ("supports", "wording")


def test_a_fact_worded_otherwise_restates_the_claim_the_engine_answers_it_with():
    """A fact holding half a claim's terms states it again where the engine answers the fact's
    claim text with that claim at its threshold: accepting it as a claim would store it twice."""
    attribution = claim(7, "The port authority attributed these numbers to the coastguard.")
    text = "The port agency attributed the figures to the coastguard."

    def restated(min_score):
        checker = FactChecker([*CLAIMS, attribution], ENTITIES, min_score=min_score)
        found, = (a for a in align_proposals(checker, with_sentences(
            text, Extractor(ENTITIES).propose(text)), ENTITIES) if a.claim.ref == "claim-7")
        assert found.stance == "supports" and 50 <= found.score < 100
        return restates(checker, found)

    assert restated(min_score=48.0)
    assert not restated(min_score=90.0)  # the engine would not answer it with the claim


def test_a_fact_holding_all_the_claim_s_terms_restates_it_and_one_holding_few_does_not():
    checker = FactChecker(CLAIMS, ENTITIES)

    def restated(text):
        proposals = with_sentences(text, Extractor(ENTITIES).propose(text))
        return {a.claim.ref: restates(checker, a)
                for a in align_proposals(checker, proposals, ENTITIES)}

    assert restated("Rescue teams reached Derna by road on Monday.")["claim-3"]
    assert not restated("Rescue teams were sent.")["claim-3"]  # two of its five terms
    # a contradiction is no restatement, however worded
    assert not restated("Rescue teams never reached Derna by road.")["claim-3"]


def test_a_fact_giving_a_count_the_claim_does_not_states_more_than_it():
    checker = FactChecker(CLAIMS, ENTITIES)

    def restated(text):
        proposals = with_sentences(text, Extractor(ENTITIES).propose(text))
        return {a.claim.ref: restates(checker, a)
                for a in align_proposals(checker, proposals, ENTITIES)}.get("claim-3")

    assert restated("Rescue teams reached Derna by road with their trucks.")
    assert restated("Rescue teams reached Derna by road with 40 trucks.") is False


def test_an_earlier_source_backs_a_later_claim_but_an_earlier_count_does_not_contradict_it():
    """The simulated editor aligns each source once more against the claims added after it:
    an earlier outlet's words back them, and its earlier count of a changing quantity is no
    contradiction of the later one."""
    from benchmarks.curate_from_proposals import accept_alignments
    earlier = "Rescue teams reached Derna by road. The floods in Derna killed 120 people."
    later = [{"ref": "later-1", "text": "Rescue teams reached Derna by road.", "evidence": [
                 {"source": "later", "stance": "supports", "quote": "Teams reached Derna."}]},
             {"ref": "later-2", "text": "The floods in Derna killed 381 people.", "evidence": [
                 {"source": "later", "stance": "supports", "quote": "381 were killed.",
                  "numbers": [{"text": "381", "value": 381, "qualifier": None,
                               "label": "killed"}]}]}]
    corpus = {"sources": [{"ref": "earlier", "title": "Earlier", "text": earlier},
                          {"ref": "later", "title": "Later", "text": "..."}],
              "claims": later, "entities": ENTITIES, "vocabulary": {}}

    def accepted(**options):
        for claim_line in later:
            del claim_line["evidence"][1:]
        found = accept_alignments(corpus, "earlier", Extractor(ENTITIES).propose(earlier),
                                  {"accepted": 0}, **options)
        return {a.claim.ref: a.stance for _, a in found}

    assert accepted() == {"later-1": "supports", "later-2": "contradicts"}
    assert accepted(earlier=True) == {"later-1": "supports"}


def dated_claim(number, text, published):
    source = SourceInfo(id=2, title="Morning paper", published=published)
    return ClaimRecord(id=number, text=text, ref=f"claim-{number}", evidence=(EvidenceRecord(
        source=source, stance="supports", quote=text),))


def aligned_on(text, claims, published):
    proposals = with_sentences(text, Extractor(ENTITIES).propose(text))
    found = align_proposals(FactChecker(claims, ENTITIES), proposals, ENTITIES,
                            published=published)
    return {a.claim.ref: (a.stance, a.decided_by) for a in found}


def test_the_same_event_on_another_date_is_a_proposed_contradiction():
    claims = [dated_claim(6, "The Kellow bridge closed on Tuesday, March 4.",
                          datetime.date(2025, 3, 5))]
    assert aligned_on("The Kellow bridge closed on March 3, the evening paper said.", claims,
                      datetime.date(2025, 3, 10))["claim-6"] == ("contradicts", "figures")
    assert aligned_on("The Kellow bridge closed on March 4, the evening paper said.", claims,
                      datetime.date(2025, 3, 10))["claim-6"] == ("supports", "figures")


def test_a_weekday_and_a_yearless_date_compare_by_the_published_dates():
    """March 3, 2025 was a Monday: the published dates give both their calendar."""
    claims = [dated_claim(7, "The Kellow bridge closed on Tuesday.", datetime.date(2025, 3, 6))]
    text = "The Kellow bridge closed on March 3, the evening paper said."
    assert aligned_on(text, claims, datetime.date(2025, 3, 10))["claim-7"] == (
        "contradicts", "figures")
    assert aligned_on(text, claims, None).get("claim-7", ("supports",))[0] == "supports"


def test_something_else_on_another_date_is_another_event():
    claims = [dated_claim(6, "The Kellow bridge closed on Tuesday, March 4.",
                          datetime.date(2025, 3, 5))]
    assert "claim-6" not in aligned_on("The ferry resumed its crossings on March 3.", claims,
                                       datetime.date(2025, 3, 10))
