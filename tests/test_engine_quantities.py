"""Engine layer: a statement's figure is weighed against every source that gives one for the same
count of the same event, whichever claim the source is attached to."""
from datetime import date

import pytest

from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo
from service.engine.numbers import extract_figures, relative_date, shifted_date_text
from service.engine.quantities import mere_bound, neither_bound, same_quantity

from .helpers import best, figure

GAZETTE = SourceInfo(id=1, title="Valley storm", publisher="Gazette", ref="gazette")
RADIO = SourceInfo(id=2, title="Toll rises", publisher="Radio", ref="radio")
BULLETIN = SourceInfo(id=3, title="Relief bulletin", publisher="Bulletin", ref="bulletin")
ENTITIES = [{"name": "Port Alba", "kind": "city"}]

CLAIMS = [
    ClaimRecord(1, "The storm killed 40 people in Port Alba.", evidence=(
        EvidenceRecord(GAZETTE, "supports", "the storm killed 40 people",
                       (figure("40", 40, "dead"),)),)),
    ClaimRecord(2, "Rescuers said the storm killed 65 people in Port Alba.", evidence=(
        EvidenceRecord(RADIO, "supports", "65 people died, rescuers said",
                       (figure("65", 65, "dead"),)),)),
    ClaimRecord(3, "At least 30 people were killed by the storm in Port Alba.", evidence=(
        EvidenceRecord(BULLETIN, "supports", "at least 30 dead",
                       (figure("30", 30, "dead", "at least"),)),)),
    # Same words, but the claim states no count: its source's figure is incidental to it.
    ClaimRecord(4, "The storm killed people and cut power in Port Alba.", evidence=(
        EvidenceRecord(SourceInfo(id=4, title="Power", publisher="Grid", ref="grid"), "supports",
                       "the storm cut power; 12 dead", (figure("12", 12, "dead"),)),)),
]


@pytest.fixture(scope="module")
def checker():
    return FactChecker(CLAIMS, ENTITIES, min_score=50)


def refs(items):
    return sorted(e.source.ref for e in items)


def test_sources_of_other_claims_giving_the_same_count_are_weighed(checker):
    result = checker.check("The storm killed 65 people in Port Alba")
    assert result.verdict == "disputed"
    assert refs(result.supporting) == ["radio"]
    assert refs(result.contradicting) == ["gazette"]


def test_a_bound_that_merely_does_not_exclude_the_figure_takes_neither_side(checker):
    result = checker.check("The storm killed 65 people in Port Alba")
    assert refs(result.neither) == ["bulletin"]
    assert "does not exclude 65" in result.neither[0].reasons[0]
    assert "grid" not in refs([*result.supporting, *result.contradicting, *result.neither])


def test_a_disjoint_figure_contradicts_whichever_claim_carries_it(checker):
    result = checker.check("The storm killed 20 people in Port Alba")
    assert result.verdict == "contradicted"
    assert refs(result.contradicting) == ["bulletin", "gazette", "radio"]


@pytest.mark.parametrize("bound, statement, merely", [
    ("at least 175 dead", "398 dead", True),
    ("at least 27 dead", "thirty dead", False),  # within an approximation of the bound
    ("up to 900 dead", "120 dead", True),
    ("at least 175 dead", "more than 200 dead", False),  # two bounds: they agree
    ("175 dead", "398 dead", False),  # not a bound
])
def test_mere_bound(bound, statement, merely):
    assert mere_bound(extract_figures(bound)[0], extract_figures(statement)[0]) is merely


def test_a_figure_counting_something_narrower_is_not_the_same_quantity():
    people = extract_figures("Ten people were killed in the storm")[0]
    civilians = extract_figures("seven civilians killed")[0]
    dead = extract_figures("12 dead")[0]
    assert same_quantity(people, [civilians]) is None
    assert same_quantity(people, [dead]) is dead


def two_tolls(first, latest, as_of=None):
    """A check against a source giving 12 dead (published `first`, its evidence dated `as_of`)
    and one giving 40 (published `latest`)."""
    early = SourceInfo(id=6, title="First toll", publisher="Early", ref="early", published=first)
    late = SourceInfo(id=7, title="New toll", publisher="Late", ref="late", published=latest)
    claims = [ClaimRecord(1, "The storm killed 40 people in Port Alba.", evidence=(
        EvidenceRecord(late, "supports", "the toll rose to 40", (figure("40", 40, "dead"),)),
        EvidenceRecord(early, "contradicts", "12 dead so far", (figure("12", 12, "dead"),),
                       as_of=as_of)))]
    return FactChecker(claims, ENTITIES, min_score=50).check(
        "The storm killed 40 people in Port Alba")


def test_a_counts_figures_are_listed_by_date_and_the_summary_names_the_latest():
    result = two_tolls(date(2030, 5, 1), date(2030, 5, 6))
    assert [(f.text, f.source.ref) for f in result.reported] == [("12", "early"), ("40", "late")]
    assert result.summary.endswith("Latest: 40 (Late, 6 May 2030); earlier reports 12.")


def test_the_statements_very_figure_decides_the_claim_when_no_wording_clears_the_threshold():
    agency = SourceInfo(id=8, title="Agency", publisher="Agency", ref="agency")
    claims = [ClaimRecord(1, "The Relief Agency said the storm left 73 people dead in Port Alba.",
                          evidence=(EvidenceRecord(agency, "supports", "73 dead",
                                                   (figure("73", 73, "dead"),)),))]
    entities = [*ENTITIES, {"name": "Relief Agency", "kind": "organization"}]
    checker = FactChecker(claims, entities, min_score=50)
    assert checker.matcher.search("The Relief Agency put the death toll at 73", min_score=50) == []
    result = checker.check("The Relief Agency put the death toll at 73")
    assert result.verdict == "supported" and refs(result.supporting) == ["agency"]
    # Someone the claim does not name: the figure alone does not make it the statement's claim.
    assert checker.check("Mayor Ruiz put the death toll at 73").verdict == "unverified"


def test_a_count_of_everyone_killed_is_not_the_count_of_civilians_killed():
    """On the seed corpus: "Seven civilians were killed" counts civilians, so a source giving "six
    dead" in mine blasts before the offensive (attached to a claim sharing the statement's other
    words) takes no side; the source giving two civilians contradicts."""
    from service.evaluation import checker_from_seeds

    from .conftest import PROJECT_SEEDS

    result = checker_from_seeds(PROJECT_SEEDS).check(
        "Seven civilians were killed in Azerbaijan's offensive", limit=1)
    assert result.verdict == "disputed"
    assert refs(result.supporting) == ["bloomberg-defies-pressure"]
    assert refs(result.contradicting) == ["anti-terrorist-activities"]


def test_a_claim_worded_otherwise_lends_only_its_sources_giving_the_statements_very_figure():
    """"The storm killed 65" against a corpus where only a spokesman's "death toll had reached 65"
    gives 65: that claim shares no word with the statement but its source's figure counts for it;
    the same claim's other source, giving another count, is not drawn in by it."""
    ministry = SourceInfo(id=9, title="Ministry", publisher="Ministry", ref="ministry")
    wire = SourceInfo(id=10, title="Wire", publisher="Wire", ref="wire")
    claims = [
        *CLAIMS[:1],
        ClaimRecord(5, "A spokesman said the toll had reached 65 by Tuesday.", evidence=(
            EvidenceRecord(ministry, "supports", "the death toll has reached 65",
                           (figure("65", 65, "dead"),)),
            EvidenceRecord(wire, "contradicts", "a spokesman's toll of 90 dead",
                           (figure("90", 90, "dead"),)))),
    ]
    checker = FactChecker(claims, ENTITIES, min_score=50)
    statement = "The storm killed 65 people in Port Alba"
    assert [c.id for c, _, _ in checker.matcher.search(statement, min_score=50)] == [1]
    result = checker.check(statement)
    assert result.verdict == "disputed"
    assert refs(result.supporting) == ["ministry"]
    assert refs(result.contradicting) == ["gazette"]


def test_claims_giving_a_count_follow_adds_and_removals():
    checker = FactChecker(CLAIMS, ENTITIES, min_score=50)
    analysis = checker.matcher.analyze_statement("Officials put the toll at 65")
    assert [c.id for c, _, _ in checker.matcher.giving_counts(analysis)] == [2]
    checker.remove(2)
    assert checker.matcher.giving_counts(analysis) == []
    checker.add(ClaimRecord(2, "Rescuers said the storm killed 66 people in Port Alba."))
    assert checker.matcher.giving_counts(analysis) == []
    assert 65.0 not in checker.matcher.by_count


def test_a_lower_bound_statement_is_neither_confirmed_nor_contradicted_by_far_larger_counts():
    """"At least 10 killed" (a count so far) against sources giving 40 and 65: neither takes a
    side, and each says why; "at least 30" (a bound too) agrees with it."""
    result = FactChecker(CLAIMS, ENTITIES, min_score=50).check(
        "At least 10 people were killed by the storm in Port Alba")
    assert refs(result.neither) == ["gazette", "radio"]
    assert all("statement says at least 10, which the source's" in e.reasons[0]
               and "does not contradict but does not confirm either" in e.reasons[0]
               for e in result.neither)
    assert refs(result.supporting) == ["bulletin"] and result.contradicting == []


@pytest.mark.parametrize("source, statement, neither", [
    ("11,300 dead", "at least 150 dead", True),  # a lower bound far below
    ("at least 175 dead", "398 dead", True),  # the source's bound
    ("2 dead", "fewer than 10 dead", False),  # an upper bound is confirmed by a figure under it
    ("160 dead", "at least 150 dead", False),  # near the bound: the same report
])
def test_neither_bound(source, statement, neither):
    assert neither_bound(extract_figures(source)[0], extract_figures(statement)[0]) is neither


def test_an_evidence_items_as_of_dates_its_figure_over_the_sources_published_date():
    """A source published last (a live page) quoting its first toll: the figure is reported on
    its `as_of`, so the other source's figure is the latest."""
    result = two_tolls(date(2030, 5, 9), date(2030, 5, 6), as_of=date(2030, 5, 1))
    assert [(f.text, f.as_of, f.published) for f in result.reported] == [
        ("12", date(2030, 5, 1), date(2030, 5, 9)), ("40", date(2030, 5, 6), date(2030, 5, 6))]
    assert result.summary.endswith("Latest: 40 (Late, 6 May 2030); earlier reports 12.")
    assert result.contradicting[0].as_of == date(2030, 5, 1)


DAMS = [
    ClaimRecord(1, "The two dams that burst above Port Alba were old.", evidence=(
        EvidenceRecord(GAZETTE, "supports", "two old dams burst", (figure("two", 2, "dams"),)),)),
    ClaimRecord(2, "The dams above Port Alba gave way on Sunday, May 5, in the storm.", evidence=(
        EvidenceRecord(RADIO, "supports", "two dams gave way on May 5",
                       (figure("two", 2, "dams"),)),
        EvidenceRecord(BULLETIN, "contradicts", "the dams gave way on Monday", ()))),
    ClaimRecord(3, "The dams above Port Alba gave way on Monday, May 6.", evidence=(
        EvidenceRecord(BULLETIN, "supports", "the dams gave way on Monday", ()),
        EvidenceRecord(RADIO, "contradicts", "two dams gave way on May 5",
                       (figure("two", 2, "dams"),)))),
]


def test_a_date_the_best_match_is_silent_on_is_judged_on_the_claim_giving_it():
    """The best match (old dams) gives no date; the claim giving the statement's very date,
    found under the threshold, lends its sources: Radio backs it, and Bulletin, objecting to that
    claim's date, contradicts it though it says nothing of the two dams the statement adds. The
    claim giving another date (May 6) lends none."""
    checker = FactChecker(DAMS, ENTITIES, min_score=33)
    statement = "The two Port Alba dams burst on the night of May 5."
    assert [c.id for c, _, _ in checker.matcher.search(statement, min_score=33)] == [1]
    result = checker.check(statement)
    assert best(result) == 1 and result.verdict == "disputed"
    assert refs(result.supporting) == ["gazette", "radio"]
    assert refs(result.contradicting) == ["bulletin"]
    assert "gives the statement's date" in result.contradicting[0].reasons[-1]


STRIKE = [
    ClaimRecord(1, "The dockers who walked out at Port Alba were unpaid.", evidence=(
        EvidenceRecord(GAZETTE, "supports", "the unpaid dockers walked out", ()),)),
    ClaimRecord(2, "The Port Alba stoppage began on Tuesday, May 7.", evidence=(
        EvidenceRecord(RADIO, "supports", "dockers stopped work on May 7", ()),
        EvidenceRecord(BULLETIN, "contradicts", "the strike began on Wednesday", ()))),
    ClaimRecord(3, "The Port Alba stoppage began on Wednesday, May 8.", evidence=(
        EvidenceRecord(BULLETIN, "supports", "the strike began on Wednesday", ()),
        EvidenceRecord(RADIO, "contradicts", "dockers stopped work on May 7", ()))),
]


def test_a_weekday_the_best_match_is_silent_on_is_judged_on_the_claim_giving_it():
    """A weekday names a day as a date does: the best match (the pay) gives no time, so the claim
    giving the statement's Tuesday, found under the threshold, lends its sources (Radio for,
    Bulletin against); the one giving Wednesday lends none."""
    checker = FactChecker(STRIKE, ENTITIES, min_score=55)
    statement = "Port Alba's dockers walked out on Tuesday."
    assert [c.id for c, _, _ in checker.matcher.search(statement, min_score=55)] == [1]
    result = checker.check(statement)
    assert best(result) == 1 and result.verdict == "disputed"
    assert refs(result.supporting) == ["gazette", "radio"]
    assert refs(result.contradicting) == ["bulletin"]


def test_a_sources_objection_to_a_claim_holds_for_a_statement_adding_to_it():
    """Bulletin contradicts "gave way on Sunday, May 5": so it contradicts the statement that
    repeats it and adds "two dams", on which Bulletin says nothing (a backing would not cover the
    addition: the devsets' "Nearly 2,000 Russian peacekeepers" keeps that side)."""
    result = FactChecker(DAMS, ENTITIES, min_score=33).check(
        "The two dams above Port Alba gave way on Sunday, May 5")
    assert best(result) == 2 and result.verdict == "disputed"
    assert refs(result.supporting) == ["gazette", "radio"]
    assert refs(result.contradicting) == ["bulletin"]


def test_a_count_many_claims_give_is_looked_up_by_none(monkeypatch):
    from service.engine import matcher

    checker = FactChecker(CLAIMS, ENTITIES, min_score=50)
    analysis = checker.matcher.analyze_statement("Officials put the toll at 65")
    checker.add(ClaimRecord(9, "Officials in Port Alba counted 65 dead boats."))
    assert sorted(c.id for c, _, _ in checker.matcher.giving_counts(analysis)) == [2, 9]
    monkeypatch.setattr(matcher, "COMMON_COUNT", 1)
    assert checker.matcher.giving_counts(analysis) == []


def source(number, name):
    return SourceInfo(id=number, title=name, publisher=name, ref=name.lower())


SHERIFF, VOLUNTEERS, COURIER, LOOKOUT = (
    source(11, "Sheriff"), source(12, "Volunteers"), source(13, "Courier"), source(14, "Lookout"))
WILDFIRE = [
    ClaimRecord(21, "The county sheriff said 12 Pine Hollow residents were unaccounted for.",
                evidence=(EvidenceRecord(SHERIFF, "supports", "12 people remain missing",
                                         (figure("12", 12, "missing"),)),)),
    ClaimRecord(22, "Relief Corps volunteers combing the ridge above Pine Hollow could not find "
                    "about 30 residents.",
                evidence=(EvidenceRecord(VOLUNTEERS, "supports", "about 30 residents missing",
                                         (figure("30", 30, "missing", "about"),)),)),
    ClaimRecord(25, "Twenty people were missing in Cedar Falls after the floods.",
                evidence=(EvidenceRecord(source(15, "Herald"), "supports", "20 missing",
                                         (figure("20", 20, "missing"),)),)),
    ClaimRecord(23, "The Pine Hollow wildfire killed three people.",
                evidence=(EvidenceRecord(COURIER, "supports", "three dead",
                                         (figure("three", 3, "dead"),)),)),
    ClaimRecord(24, "Flames near Pine Hollow rose as high as 30 metres.",
                evidence=(EvidenceRecord(LOOKOUT, "supports", "flames up to 30 metres (100 feet)",
                                         (figure("30", 30, "metres", "up to"),
                                          figure("100", 100, "feet"))),)),
]


@pytest.fixture(scope="module")
def wildfire():
    return FactChecker(WILDFIRE, [{"name": "Pine Hollow", "kind": "city"},
                                  {"name": "Cedar Falls", "kind": "city"},
                                  {"name": "Relief Corps", "kind": "organization"}], min_score=50)


def test_with_no_claim_worded_alike_every_source_counting_the_same_thing_is_weighed(wildfire):
    """No claim's words clear the threshold: the claims whose sources count the missing are
    weighed on the figure, whatever they are worded; the count of the dead is not."""
    statement = "Fewer than 20 people remained missing on the ridge above Pine Hollow."
    assert wildfire.matcher.search(statement, min_score=50) == []
    result = wildfire.check(statement)
    assert result.verdict == "disputed"
    assert refs(result.supporting) == ["sheriff"] and refs(result.contradicting) == ["volunteers"]


def test_the_claim_judged_names_the_speaker_but_every_count_of_the_event_is_weighed(wildfire):
    """The Relief Corps' count is the claim judged (it names everyone the statement names); the
    sheriff's count of the same missing at the same place is weighed too, whoever gave it; a
    count of the missing elsewhere (Cedar Falls) is not."""
    statement = "The Relief Corps said fewer than 20 people remained missing above Pine Hollow."
    assert wildfire.matcher.search(statement, min_score=50) == []
    result = wildfire.check(statement)
    assert best(result) == 22 and result.verdict == "disputed"
    assert refs(result.supporting) == ["sheriff"] and refs(result.contradicting) == ["volunteers"]


def test_a_source_giving_a_length_in_another_unit_is_weighed_converted(wildfire):
    result = wildfire.check("In places the flames at Pine Hollow stood about 100 feet tall.")
    assert result.verdict == "supported" and refs(result.supporting) == ["lookout"]
    assert wildfire.check("The flames at Pine Hollow stood 200 feet tall.").verdict == (
        "contradicted")


@pytest.mark.parametrize("statement", [
    "The two Pine Hollow lookout towers were built in 1950.",  # a count taken as given
    "Five firefighters died in the Pine Hollow fire.",  # what no source counts
])
def test_a_count_no_source_gives_for_the_same_thing_decides_nothing(wildfire, statement):
    assert wildfire.matcher.search(statement, min_score=50) == []
    assert wildfire.check(statement).verdict == "unverified"


def test_claims_wording_the_statements_word_otherwise_share_it_alike():
    """"gave way" reads as "break" for the best match (through "collapse") and as "collapse" for
    the claim giving two levees: both share it, so the second's source is weighed too."""
    claims = [
        ClaimRecord(1, "The levees above Port Alba broke during the storm.", evidence=(
            EvidenceRecord(GAZETTE, "supports", "two levees broke",
                           (figure("two", 2, "levees"),)),)),
        ClaimRecord(2, "Two levees above Port Alba collapsed during the storm, sending a flash "
                       "flood through the old town.", evidence=(
                           EvidenceRecord(RADIO, "supports", "two levees collapsed",
                                          (figure("two", 2, "levees"),)),)),
    ]
    result = FactChecker(claims, ENTITIES, min_score=50).check(
        "Three levees above Port Alba gave way during the storm.")
    assert best(result) == 1 and result.verdict == "contradicted"
    assert refs(result.contradicting) == ["gazette", "radio"]


def test_what_sources_count_follows_adds_and_removals():
    checker = FactChecker(WILDFIRE, [{"name": "Pine Hollow", "kind": "city"}], min_score=50)
    analysis = checker.matcher.analyze_statement("Fewer than 20 people remained missing there.")
    assert checker.matcher.counting_ids(analysis) == {21, 22, 25}
    checker.remove(22)
    checker.add(ClaimRecord(21, "The county sheriff said 12 Pine Hollow residents were safe."))
    assert checker.matcher.counting_ids(analysis) == {25}
    assert checker.matcher.label_words["miss"] == 1  # Cedar Falls' 20 missing only


def test_claims_giving_a_count_the_caller_cannot_use_get_no_closer_look():
    """`wanted` picks among the best by words (the same ones as without it): the others are
    neither looked at nor returned."""
    checker = FactChecker(CLAIMS, ENTITIES, min_score=50)
    checker.add(ClaimRecord(9, "Officials in Port Alba counted 65 dead boats."))
    analysis = checker.matcher.analyze_statement("Officials put the toll at 65")
    found = checker.matcher.giving_counts(analysis, wanted=lambda claim: claim.id != 9)
    assert [c.id for c, _, _ in found] == [2]
    assert not any(claim_id == 9 for claim_id, *_ in analysis.looks)


AGENCY, GAZETTE, TIMES, CLARION, POST = (
    source(41, "Agency"), source(42, "Gazette"), source(43, "Times"), source(44, "Clarion"),
    source(45, "Post"))
EARTHQUAKE = [
    ClaimRecord(31, "The civil protection agency said the earthquake left 38 people dead in "
                    "Ravenna.",
                evidence=(EvidenceRecord(AGENCY, "supports", "38 dead",
                                         (figure("38", 38, "dead"),)),)),
    ClaimRecord(32, "The Ravenna earthquake killed at least 70 people.",
                evidence=(EvidenceRecord(GAZETTE, "supports", "killed at least 70",
                                         (figure("70", 70, "dead", "at least"),)),)),
    ClaimRecord(33, "Mayor Lina Ortiz said the earthquake's death toll in Ravenna had reached 52.",
                evidence=(EvidenceRecord(TIMES, "supports", "the toll reached 52",
                                         (figure("52", 52, "dead"),)),)),
    ClaimRecord(34, "Days before the earthquake, a landslide on the hills above Ravenna had killed "
                    "four hikers.",
                evidence=(EvidenceRecord(CLARION, "supports", "four dead",
                                         (figure("four", 4, "dead"),)),)),
    ClaimRecord(35, "The floods of the previous spring killed 55 people in Ravenna.",
                evidence=(EvidenceRecord(POST, "supports", "55 dead",
                                         (figure("55", 55, "dead"),)),)),
]


def test_counts_of_the_same_event_worded_otherwise_are_weighed_beside_the_best_match():
    """The claims counting the earthquake's dead that match the statement's words are judged; one
    worded otherwise ("the death toll had reached"), under the threshold, is weighed too,
    whoever gave the count; a count of another event at the same place (the floods) or at
    another time (before the earthquake) is not."""
    checker = FactChecker(EARTHQUAKE, [{"name": "Ravenna", "kind": "city"},
                                       {"name": "Lina Ortiz", "kind": "person"}])
    result = checker.check("The earthquake in Ravenna left more than 50 people dead.")
    assert best(result) == 32 and result.verdict == "disputed"
    assert refs(result.supporting) == ["gazette", "times"]
    assert refs(result.contradicting) == ["agency"]


def test_a_claim_whose_counts_count_something_else_leaves_the_count_to_the_claims_counting_it():
    """"Residents ... missing" counts the missing (who is counted beside what befell them): the
    town's population, a claim matching the words, says nothing of it (4,000 would "confirm"
    upwards of eleven); the claims counting the missing decide, "upwards of" a lower bound."""
    claims = [*WILDFIRE, ClaimRecord(
        26, "About 4,000 residents remained in Pine Hollow.",
        evidence=(EvidenceRecord(source(16, "Almanac"), "supports", "about 4,000 residents",
                                 (figure("4,000", 4000, "population", "about"),)),))]
    checker = FactChecker(claims, [{"name": "Pine Hollow", "kind": "city"},
                                   {"name": "Cedar Falls", "kind": "city"},
                                   {"name": "Relief Corps", "kind": "organization"}], min_score=50)
    result = checker.check("Upwards of eleven residents remained missing in Pine Hollow.")
    assert best(result) == 21 and result.verdict == "supported"
    assert refs(result.supporting) == ["sheriff"] and result.contradicting == []


def test_a_count_saying_only_who_is_counted_leaves_the_claim_judged():
    """"300 homes were wrecked" ("wrecked" labels no curated figure) tells only who is counted,
    so the claim whose 300 homes were flooded is still the statement's, not one counting
    something else."""
    claims = [ClaimRecord(1, "About 300 homes were flooded in Port Alba.", evidence=(
        EvidenceRecord(GAZETTE, "supports", "about 300 homes were flooded",
                       (figure("300", 300, "homes flooded", "about"),)),))]
    result = FactChecker(claims, ENTITIES, min_score=40).check(
        "About 300 homes were wrecked in Port Alba.")
    assert best(result) == 1 and result.verdict == "supported"
    assert refs(result.supporting) == ["gazette"]


@pytest.mark.parametrize("text, days, anchor", [
    ("The results came a day after voters went to the polls.", 1, "voters went to the polls"),
    ("Talks resumed two weeks before the strike ended, officials said.", -14,
     "the strike ended"),
    ("Crews returned the next day.", None, None),  # no event to count from
])
def test_relative_date(text, days, anchor):
    found = relative_date(text)
    assert (found and found[:2]) == ((days, anchor) if days else None)


def test_shifted_date_text():
    assert shifted_date_text(extract_figures("on May 31")[0], 1) == "June 1"
    assert shifted_date_text(extract_figures("on 28 February 2023")[0], 1) == "March 1, 2023"


def test_a_date_given_relative_to_an_event_compares_as_the_day_it_names():
    """"A day after voters went to the polls" is May 6 when a claim dates the vote May 5: the
    outlets dating the count May 6 back it, the one dating it May 8 contradicts it; the claim
    about the day after the vote (no date) no longer passes for it."""
    ballot = source(51, "Ballot"), source(52, "Tally"), source(53, "Wire"), source(54, "Echo")
    claims = [
        ClaimRecord(61, "Voters in Eastvale went to the polls on May 5.",
                    evidence=(EvidenceRecord(ballot[0], "supports", "the vote on May 5"),)),
        ClaimRecord(62, "Eastvale's votes were counted on May 6.",
                    evidence=(EvidenceRecord(ballot[1], "supports", "counted on May 6"),
                              EvidenceRecord(ballot[2], "contradicts", "counted on May 8"))),
        ClaimRecord(63, "The day after voters went to the polls, Eastvale's votes were still "
                        "uncounted.",
                    evidence=(EvidenceRecord(ballot[3], "supports", "still uncounted"),)),
    ]
    checker = FactChecker(claims, [{"name": "Eastvale", "kind": "city"}])
    result = checker.check("Eastvale's votes were counted a day after voters went to the polls.")
    assert best(result) == 62 and result.verdict == "disputed"
    assert refs(result.supporting) == ["tally"] and refs(result.contradicting) == ["wire"]


def test_a_change_is_weighed_as_the_figure_it_ends_at_and_its_start_as_an_earlier_report():
    """"Raised the price from 3 to 5 dollars": a source giving 5 backs it, one giving only 3 (the
    price before) takes no side, one giving 4 contradicts it; a change the other way round
    ("revised down from 900 to 400" against "revised up from 400 to 900") is contradicted by the
    sources backing it."""
    menu, till, board, union = (source(71, "Menu"), source(72, "Till"), source(73, "Board"),
                                source(74, "Union"))
    claims = [
        ClaimRecord(81, "Harbour Café raised the price of a coffee to 5 dollars.", evidence=(
            EvidenceRecord(menu, "supports", "a coffee now costs 5 dollars",
                           (figure("5 dollars", 5, "coffee"),)),
            EvidenceRecord(till, "supports", "a coffee cost 3 dollars",
                           (figure("3 dollars", 3, "coffee"),)),
            EvidenceRecord(board, "contradicts", "a coffee costs 4 dollars",
                           (figure("4 dollars", 4, "coffee"),)))),
        ClaimRecord(82, "The dockers' union revised its strike turnout down from 900 to 400.",
                    evidence=(EvidenceRecord(union, "supports", "400 struck, not 900",
                                             (figure("400", 400, "turnout"),
                                              figure("900", 900, "turnout"))),)),
    ]
    checker = FactChecker(claims, [{"name": "Harbour Café", "kind": "organization"}],
                          min_score=50)
    result = checker.check("Harbour Café raised the price of a coffee from 3 to 5 dollars.")
    assert result.verdict == "disputed"
    assert refs(result.supporting) == ["menu"] and refs(result.contradicting) == ["board"]
    assert refs(result.neither) == ["till"] and "earlier figure" in result.neither[0].reasons[0]
    assert checker.check("The dockers' union revised its strike turnout down from 900 to "
                         "400.").verdict == "supported"
    # the other way round: its source backs the claim's change, so it contradicts this one,
    # whether the claim is judged for its figures or (a looser threshold) for its words
    for min_score in (50, 20):
        result = checker.check("The dockers' union revised its strike turnout up from 400 to "
                               "900.", min_score=min_score)
        assert best(result) == 82 and result.verdict == "contradicted"
        assert "the claim from 900 to 400" in result.contradicting[0].reasons[0]
