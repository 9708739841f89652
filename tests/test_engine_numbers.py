"""Engine layer: figures found in text, and how they compare."""
import datetime
import math
import random

import pytest

from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo
from service.engine.numbers import (FIGURE_RE, NUMBER_WORDS, QUALIFIERS, best_counterpart,
                                    extract_figures, figure_from_record, figure_matches,
                                    kind_of_count, parse_figure_text, relabelled,
                                    reports_before, reverses, unhedged, without_matches)


def figures(text):
    return [(f.text, f.value, f.qualifier) for f in extract_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("killed 27 people", [("27", 27, None)]),
    ("at least 27 people", [("27", 27, "at least")]),
    ("seven civilians", [("seven", 7, None)]),
    ("two million people", [("two million", 2_000_000, None)]),
    ("nearly 2,000 troops", [("2,000", 2000, "nearly")]),
    ("1.5 million people", [("1.5 million", 1_500_000, None)]),
    ("twenty-seven dead", [("twenty-seven", 27, None)]),
    ("over 5,600 deaths", [("5,600", 5600, "over")]),
    ("only 5 killed", [("5", 5, "only")]),
    ("up to 40 soldiers", [("40", 40, "up to")]),
])
def test_finds_figures_with_qualifiers(text, expected):
    assert figures(text) == expected


def test_a_date_is_a_time_not_a_count_and_a_clock_time_is_no_figure():
    found = extract_figures("On September 19 at 2 p.m. the army moved")
    assert [(f.text, f.kind, f.is_year) for f in found] == [("September 19", "date", True)]


def test_years_and_ranges_are_years():
    found = extract_figures("the war of 1988-1994 and another in 2020")
    assert [(f.text, f.is_year, f.low, f.high) for f in found] == [
        ("1988-1994", True, 1988, 1994), ("2020", True, 2020, 2020)]


@pytest.mark.parametrize("text, value", [
    ("seven", 7), ("2,000", 2000), ("two million", 2_000_000), ("120,000", 120_000), ("1994", 1994),
    ("forty-two", 42), ("a dozen", 12)])
def test_parse_figure_text(text, value):
    assert parse_figure_text(text) == value


def record(text, value, qualifier=None, label="wounded"):
    return figure_from_record({"text": text, "value": value, "qualifier": qualifier,
                               "label": label})


@pytest.mark.parametrize("statement, source, agrees", [
    ("about 200 wounded", record("200", 200, "over"), True),
    ("about 200 wounded", record("200", 200), True),
    ("about 200 wounded", record("35", 35), False),
    ("only 5 wounded", record("27", 27, "at least"), False),
    ("over 250 wounded", record("300", 300, "about"), True),
    ("nearly 2,000 wounded", record("2,000", 2000, "almost"), True),
    ("3,000 wounded", record("2,000", 2000, "nearly"), False),
    ("nearly 9 wounded", record("9", 9, "over"), False),
    ("200 wounded", record("200", 200, "over"), False),
    ("at least 200 wounded", record("200", 200, "up to"), True),
    ("more than a million wounded", record("million", 1_000_000, "more than"), True),
])
def test_intervals_decide_agreement(statement, source, agrees):
    (figure,) = extract_figures(statement)
    assert figure.agrees_with(source) is agrees


def test_counterpart_is_the_figure_counting_the_same_thing():
    quote = [record("27", 27, label="killed"), record("two", 2, label="civilians killed"),
             record("200", 200, "over", "injured")]
    (civilians,) = extract_figures("ten civilians were killed")
    (wounded,) = extract_figures("about 200 people were wounded")
    (total,) = extract_figures("27 people were killed")
    assert best_counterpart(civilians, quote).value == 2
    assert best_counterpart(wounded, quote).value == 200
    assert best_counterpart(total, quote).value == 27


def test_years_are_only_compared_with_years():
    (year,) = extract_figures("the war in 2020")
    assert best_counterpart(year, [record("27", 27, label="killed")]) is None


def test_a_year_after_a_month_is_a_year_and_a_day_after_it_a_date():
    found = extract_figures("In September 2022 the sides clashed; on September 19 it began again")
    assert [(f.text, f.kind) for f in found] == [("2022", "year"), ("September 19", "date")]


def test_many_figures_are_found_in_linear_time():
    """10,000 figures in one text: every one found (a quadratic scan took half a minute)."""
    text = " ".join(f"{n} people" for n in range(1, 10_001))
    assert len(extract_figures(text)) == 10_000


def test_figure_matches_are_what_scanning_every_position_finds():
    """The pattern is tried only just before digits and number words; that must find exactly
    what trying it everywhere finds, qualifiers (and words ending in one: "roundabout"), "a"/"an",
    range openers, currencies, units, signs, dates and weekdays included."""
    pieces = [*QUALIFIERS, *NUMBER_WORDS, "a", "an", "and", "roundabout", "September", "19",
              "2020", "1988-94", "3.5", "12,000", "%", "per cent", "p.m.", "/3", "of", "wounded",
              "covid19", "ONE", "\u017fix", "half", "quarter", "thirds", "US$", "$", "\u20ac",
              "km", "magnitude", "between", "from", "to", "May", "may", "Sept.", "Monday", "8:00",
              "000", "2,5", "bn", "m", "-", "\u2212", "\u2013", "3rd", "twenty-first", "1/3"]
    separators = ["", " ", "   ", "-", ",", ".", "\t", "\n", "\u2009"]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(separators)
                       for _ in range(rng.randint(1, 12)))
        found = figure_matches(text)
        assert [(m.span(), m.groupdict()) for m in found] == [
            (m.span(), m.groupdict()) for m in FIGURE_RE.finditer(text)], text
        assert without_matches(text, found) == FIGURE_RE.sub(" ", text)


@pytest.mark.parametrize("text, expected", [
    ("Moreover 27 people were killed", [("27", 27, None)]),
    ("Turnover 2019 was flat", [("2019", 2019, None)]),
    ("it was commonly 5 days", [("5", 5, None)]),
    ("founder 2023 edition", [("2023", 2023, None)]),
    ("the cover 2015 story", [("2015", 2015, None)]),
    ("a roundabout 40 cars away", [("40", 40, None)]),
    ("often seven people", [("seven", 7, None)]),
    ("over 27 people were killed", [("27", 27, "over")]),
])
def test_qualifiers_and_number_words_are_whole_words(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", ["prices rose over 2019", "at least 2019", "more than 2019",
                                  "under \u0968\u0966\u0967\u096f"])  # Devanagari digits
def test_a_qualified_year_is_the_year_written(text):
    (year,) = extract_figures(text)
    assert (year.is_year, year.low, year.high, year.terms()) == (True, 2019, 2019, ["#2019"])


def test_a_curated_year_with_a_bounding_qualifier_is_the_year():
    year = record("2019", 2019, "over", label="year")
    assert (year.low, year.high, year.terms()) == (2019, 2019, ["#2019"])


def read(text):
    return [(f.text, f.value, f.qualifier, f.unit, f.kind) for f in extract_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("Half a million residents fled", [("Half a million", 500_000, None, None, None)]),
    ("a quarter of a million people", [("a quarter of a million", 250_000, None, None, None)]),
    ("three quarters of a million", [("three quarters of a million", 750_000, None, None, None)]),
    ("half a dozen houses", [("half a dozen", 6, None, None, None)]),
    ("120 000 people", [("120 000", 120_000, None, None, None)]),
    ("120\u2009000 people", [("120\u2009000", 120_000, None, None, None)]),
    ("1\u202f000\u202f000 people", [("1\u202f000\u202f000", 1_000_000, None, None, None)]),
    ("in 2019 100 people", [("2019", 2019, None, None, "year"), ("100", 100, None, None, None)]),
    ("it fell to -5 overnight", [("-5", -5, None, None, None)]),
    ("about \u22125", [("\u22125", -5, "about", None, None)]),
    ("2,5 million people", [("2,5 million", 2_500_000, None, None, None)]),
    ("sections 2,5 and 7", [("7", 7, None, None, None)]),
])
def test_figures_once_misread(text, expected):
    assert read(text) == expected


def test_a_negative_figure_allows_an_ordered_interval():
    (about,) = extract_figures("about -20 degrees")
    assert (about.low, about.high) == (-23, -17)
    (over_zero,) = extract_figures("over 0 degrees")
    assert (over_zero.low, over_zero.high) == (0, float("inf"))  # never NaN


@pytest.mark.parametrize("text, value, unit", [
    ("370km", 370, "km"), ("10km", 10, "km"), ("10 km", 10, "km"),
    ("a 40-kilometre line", 40, "km"),
    ("a 7.1-magnitude quake", 7.1, "magnitude"), ("magnitude 7.1", 7.1, "magnitude"),
    ("$71 million", 71_000_000, "$"), ("US$5m", 5_000_000, "$"), ("\u20ac2bn", 2e9, "\u20ac"),
    ("30%", 30, "%"), ("30 per cent", 30, "%"), ("12 tonnes", 12, "t"),
    ("5 million dollars", 5e6, "$"),
])
def test_units_are_read_with_the_value(text, value, unit):
    (figure,) = extract_figures(text)
    assert (figure.value, figure.unit, figure.kind) == (value, unit, None)
    assert figure.as_dict()["unit"] == unit


@pytest.mark.parametrize("text", ["at 8:00 p.m.", "at 20:00", "at 8pm", "at 8 a.m.", "the 3rd day",
                                  "the first day", "the 21st floor", "the twenty-first century",
                                  "two-thirds of them", "1/3 of them", "open 24/7"])
def test_clock_times_ordinals_and_bare_fractions_are_no_figures(text):
    assert extract_figures(text) == []


@pytest.mark.parametrize("text, low, high", [
    ("between 5,000 and 6,000 missing", 5000, 6000), ("5,000-6,000 missing", 5000, 6000),
    ("5,000\u20136,000 missing", 5000, 6000), ("5,000 to 6,000 missing", 5000, 6000),
    ("from 5 to 6 missing", 5, 6), ("5 to 6 million missing", 5e6, 6e6),
    ("5000-6000 missing", 5000, 6000),
])
def test_a_range_is_one_figure_from_low_to_high(text, low, high):
    (figure,) = extract_figures(text)
    assert (figure.kind, figure.value, figure.low, figure.high, figure.is_year) == (
        "range", low, low, high, False)
    assert figure.as_dict() | {"low": low, "high": high} == figure.as_dict()
    assert parse_figure_text(figure.text) == low


def test_a_range_agrees_with_the_figures_inside_it():
    (source_range,) = extract_figures("between 5,000 and 6,000 missing")
    assert source_range.agrees_with(record("5,500", 5500, label="missing"))
    assert source_range.agrees_with(record("6,000", 6000, "about", "missing"))
    assert not source_range.agrees_with(record("10,000", 10000, label="missing"))
    curated = figure_from_record({"text": "5,000-6,000", "value": 5000, "label": "missing"})
    assert (curated.low, curated.high) == (5000, 6000)


def test_years_written_as_a_range_stay_years():
    assert [(f.kind, f.low, f.high) for f in extract_figures("the 2019-20 season, 1999-00")] == [
        ("year", 2019, 2020), ("year", 1999, 2000)]
    assert [(f.kind, f.low, f.high) for f in extract_figures("from 2019 to 2021")] == [
        ("year", 2019, 2021)]


@pytest.mark.parametrize("text, value, iso", [
    ("September 10", 910, "--09-10"), ("on 10 September 2023", 20230910, "2023-09-10"),
    ("Sept. 10", 910, "--09-10"), ("Sep 10, 2023", 20230910, "2023-09-10"),
    ("the 10th of September", 910, "--09-10"), ("2023-09-10", 20230910, "2023-09-10"),
    ("May 5", 505, "--05-05"),
])
def test_dates_are_times_not_counts(text, value, iso):
    (date,) = extract_figures(text)
    assert (date.kind, date.value, date.is_year, date.label) == ("date", value, True, "date")
    assert date.as_dict()["date"] == iso
    assert parse_figure_text(date.text) == value
    assert not date.agrees_with(record(str(value), value))  # never a count


def test_days_of_the_month_are_never_counts():
    for text in ["On September 19 the army moved", "by 19 September", "Sept. 19-20", "May 5"]:
        assert all(f.kind == "date" for f in extract_figures(text) if f.value in (5, 19, 20))


def test_an_impossible_date_is_no_figure():
    assert [f.kind for f in extract_figures("February 30 and 31 April 2023")] == []


def date(text, reference=None):
    (found,) = extract_figures(text, reference=reference)
    return found


def test_dates_agree_when_they_are_the_same_day():
    assert date("10 September 2023").agrees_with(date("Sept. 10, 2023"))
    assert date("September 10").agrees_with(date("10 September 2023"))  # no year: month and day
    assert not date("September 11").agrees_with(date("10 September 2023"))
    assert not date("10 September 2022").agrees_with(date("10 September 2023"))
    assert date("September 10-12").agrees_with(date("September 11"))
    assert date("10 September 2023").agrees_with(date("in 2023"))
    assert not date("10 September 2023").agrees_with(date("in 2021"))


def test_a_weekday_agrees_with_a_date_that_falls_on_it():
    monday = date("on Monday")
    assert (monday.kind, monday.value, monday.as_dict()["weekday"]) == ("weekday", 1, "Monday")
    assert monday.agrees_with(date("11 September 2023"))  # a Monday
    assert not monday.agrees_with(date("10 September 2023"))  # a Sunday
    assert monday.agrees_with(date("September 10"))  # no year: cannot disagree
    assert not monday.agrees_with(date("on Tuesday"))
    assert not monday.agrees_with(record("1", 1))  # never a count


@pytest.mark.parametrize("text, day", [
    ("the strike began on sun.", 7), ("polls closed on Weds", 3), ("talks resume on Thurs", 4),
])
def test_a_short_weekday_after_on_is_the_day_and_reads_as_its_name(text, day):
    (weekday,) = extract_figures(text)
    assert (weekday.kind, weekday.value) == ("weekday", day)
    assert weekday.terms() == [date(f"on {weekday.as_dict()['weekday']}").terms()[0]]


@pytest.mark.parametrize("text", ["we sat in the sun", "the sun was out", "wed in June"])
def test_a_short_weekday_not_after_on_is_another_word(text):
    assert extract_figures(text) == []


def test_a_reference_date_gives_a_yearless_date_its_year():
    published = datetime.date(2023, 9, 13)
    sunday = date("September 10", reference=published)
    assert (sunday.value, sunday.as_dict()["date"]) == (20230910, "2023-09-10")
    assert not date("on Monday").agrees_with(sunday)
    assert date("December 30", reference=datetime.date(2024, 1, 2)).value == 20231230
    assert date("10 September 2021", reference=published).value == 20210910  # its own year first
    curated = figure_from_record({"text": "September 10", "value": 910, "label": "date"},
                                 reference=published)
    assert not date("on Monday").agrees_with(curated)
    assert date("on Sunday").agrees_with(curated)


def test_times_are_counterparts_of_times_and_counts_of_counts():
    quote = extract_figures("On 10 September 2023, 27 people died in 2023")
    assert best_counterpart(date("September 10"), quote).kind == "date"
    assert best_counterpart(date("in 2023"), quote).kind == "year"
    (count,) = extract_figures("27 died")
    assert best_counterpart(count, quote).value == 27


def test_figures_in_other_units_never_agree():
    (km,) = extract_figures("10 km")
    (miles,) = extract_figures("10 miles")
    assert not km.agrees_with(miles)
    assert km.agrees_with(record("10", 10, label="km"))
    (tonnes,) = extract_figures("10 tonnes")
    assert best_counterpart(km, [tonnes]) is None  # another dimension: no counterpart at all


@pytest.mark.parametrize("one, other, agree", [
    ("about 10 feet deep", "up to three metres", True),
    ("about 10 feet deep", "five metres", False),
    ("a 6-mile queue", "a queue of about 10 km", True),
    ("a 6-mile queue", "a queue of 20 km", False),
    ("about 80 mph", "130 km/h", True),
])
def test_figures_in_units_of_one_dimension_compare_converted(one, other, agree):
    (figure,) = extract_figures(one)
    (counterpart,) = extract_figures(other)
    assert best_counterpart(figure, [counterpart]) is counterpart
    assert figure.agrees_with(counterpart) is agree


def test_a_curated_label_naming_a_unit_gives_the_unit():
    """"10" labelled "feet" is 10 ft, and is the counterpart of a figure in feet rather than the
    same source's figure in metres."""
    feet, metres = record("10", 10, label="feet"), record("three", 3, label="metres")
    assert (feet.unit, metres.unit) == ("ft", "m")
    (statement,) = extract_figures("the water stood about 10 feet deep")
    assert best_counterpart(statement, [metres, feet]) is feet


def test_as_dict_keeps_its_four_keys_for_a_plain_count():
    (count,) = extract_figures("at least 12 killed")
    assert count.as_dict() == {"text": "12", "value": 12, "qualifier": "at least", "label": None}


def test_a_list_of_numbers_is_not_one_number_grouped_by_spaces():
    assert [f.value for f in extract_figures("98 99 100 101 102 103.")] == [
        98, 99, 100, 101, 102, 103]


@pytest.mark.parametrize("text, value", [
    ("one and a half million people", 1_500_000), ("2 and a half thousand homes", 2500),
    ("two and a half dozen eggs", 30)])
def test_and_a_half_of_a_scale(text, value):
    assert [f.value for f in extract_figures(text)] == [value]


def test_what_a_figure_counts_is_read_in_the_corpus_vocabulary_too():
    """Story words are the corpus's: "peacekeepers" count troops only where its vocabulary says
    so, and then in the statement, the claims and the sources' figures alike."""
    from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo

    from .helpers import figure

    troops = extract_figures("Northland sent 2,000 troops")[0]
    peacekeepers = extract_figures("some 1,960 peacekeepers arrived")[0]
    assert best_counterpart(troops, [peacekeepers]) is None
    (relabelled_figure,) = relabelled([peacekeepers], {"peacekeeper": "troop"})
    assert best_counterpart(troops, [relabelled_figure]) is relabelled_figure
    wire = SourceInfo(id=1, title="Wire", publisher="Wire", ref="wire")
    claims = [ClaimRecord(1, "Northland sent peacekeepers to the border.", evidence=(
        EvidenceRecord(wire, "supports", "about 1,960 peacekeepers",
                       (figure("1,960", 1960, "peacekeepers", "about"),)),))]
    statement = "Northland sent 5,000 troops to the border"
    plain = FactChecker(claims, min_score=30).check(statement)
    assert plain.contradicting == []
    result = FactChecker(claims, min_score=30, vocabulary={"peacekeeper": "troop"}).check(statement)
    assert [e.source.ref for e in result.contradicting] == ["wire"]


@pytest.mark.parametrize("text, qualifier, low, high", [
    ("the strike's turnout had passed 2,000", "passed", 2000, math.inf),
    ("the wildfire had surpassed 600 hectares", "surpassed", 600, math.inf),  # a unit ends it
    ("parliament passed 3 bills", None, 3, 3),
    ("votes counted topped 40%", "topped", 40, math.inf),
    ("~170 ppl", "~", 144.5, 195.5),
    ("arround 100k", None, 100_000, 100_000),
    ("the strike's turnout climbed past 2,000", "past", 2000, math.inf),
    ("the river rose beyond 9 metres", "beyond", 9, math.inf),
    ("in the past 24 hours", None, 24, 24),  # a span of time, no bound
])
def test_verbs_of_exceeding_signs_and_short_scales(text, qualifier, low, high):
    (figure,) = extract_figures(text)
    assert figure.qualifier == qualifier
    assert (figure.low, figure.high) == pytest.approx((low, high))


@pytest.mark.parametrize("text, kind", [
    ("the strike left 5,000 people dead", {"kill"}),
    ("the ballots of 3,922 confirmed voters were lost", {"voter"}),  # a participle before it
    ("the flames stood about 100 feet tall", {"length"}),  # the unit says what is measured
    ("the two dams collapsed", set()),  # taken as given, not stated
    ("three volunteers died", set()),  # what no curated figure counts
])
def test_a_figure_counts_the_labelled_words_around_it(text, kind):
    (figure,) = extract_figures(text)
    assert kind_of_count(figure, frozenset({"kill", "voter", "dam", "miss"})) == kind


@pytest.mark.parametrize("text, kept", [
    ("roughly a quarter of the vineyards burned", "a quarter of the vineyards burned"),
    ("almost half the crews were volunteers", "half the crews were volunteers"),
    ("nearly all roads closed", "all roads closed"),
    ("the bridge nearly collapsed", "the bridge nearly collapsed"),  # no amount: it says something
    ("around the town", "around the town"),
])
def test_a_hedge_before_an_amount_in_words_says_nothing_of_its_own(text, kept):
    assert unhedged(text.split()) == kept.split()


def test_a_hedged_amount_in_words_scores_as_the_amount():
    """"Roughly a third of Eastvale's vineyards burned" is the claim's "a third" said with a
    hedge: the hedge is no word the claim lacks."""
    checker = FactChecker([ClaimRecord(1, "A third of the vineyards in Eastvale burned.")],
                          [{"name": "Eastvale", "kind": "city"}])
    plain, hedged = (checker.matcher.search(statement)[0][1] for statement in (
        "A third of Eastvale's vineyards burned.",
        "Roughly a third of Eastvale's vineyards burned."))
    assert hedged == plain


@pytest.mark.parametrize("text, value, qualifier", [
    ("a quarter of the vineyards", 25, None),
    ("roughly a quarter of Eastvale", 25, "roughly"),
    ("almost half the homes", 50, "almost"),
    ("two-thirds of the crews", 66.7, None),
])
def test_a_share_of_a_named_whole_in_words_is_a_percentage(text, value, qualifier):
    (share,) = extract_figures(text)
    assert (share.value, share.unit, share.qualifier) == (value, "%", qualifier)


@pytest.mark.parametrize("text, value", [("a quarter", 25), ("two-thirds", 66.7), ("half", 50),
                                         ("a quarter of a million", 250_000)])
def test_a_shares_own_text_reads_as_its_percentage(text, value):
    """A curated figure's text ("a quarter") is read without the whole it needs in a sentence."""
    assert parse_figure_text(text) == value


def test_a_share_in_words_compares_with_the_claims_share():
    """"Almost half" is not the claim's quarter; "25%" is."""
    source = SourceInfo(id=1, title="Fire", publisher="Gazette", ref="gazette")
    claim = ClaimRecord(1, "A quarter of the vineyards in Eastvale burned.", evidence=(
        EvidenceRecord(source, "supports", "a quarter of the vineyards burned"),))
    checker = FactChecker([claim], [{"name": "Eastvale", "kind": "city"}], min_score=40)
    assert checker.check("25% of the vineyards in Eastvale burned").verdict == "supported"
    assert checker.check("Almost half of the vineyards in Eastvale burned").verdict != "supported"


@pytest.mark.parametrize("text, now, earlier, qualifier, unit", [
    ("The café raised the price of a coffee from 3 to 5 dollars.", 5, 3, None, "$"),
    ("The union revised its strike turnout down from 900 to 400.", 400, 900, None, None),
    ("Strike turnout climbed from 400 to about 900 workers.", 900, 400, "about", None),
    ("The price of a coffee rose to $5 from $3.", 5, 3, None, "$"),
    ("Strike turnout rose to about 900 from 400.", 900, 400, "about", None),
    ("The strike turnout, down from 900 to 400, worried the union.", 400, 900, None, None),
])
def test_a_change_from_one_figure_to_another_is_the_figure_it_ends_at(
        text, now, earlier, qualifier, unit):
    (change,) = extract_figures(text)
    assert (change.value, change.earlier, change.qualifier, change.unit, change.kind) == (
        now, earlier, qualifier, unit, None)
    assert (change.low, change.high) == (
        extract_figures(f"{qualifier or ''} {now}")[0].low,
        extract_figures(f"{qualifier or ''} {now}")[0].high)
    assert change.as_dict()["earlier"] == earlier and change.earlier_report().value == earlier


@pytest.mark.parametrize("text", [
    "From 5 to 6 people were hurt at the strike.",
    "The café raised its prices. From 5 to 6 people were hurt.",
    "Coffee prices rose from 2019 to 2021.",  # years: a span of time
    "Between 5,000 and 6,000 workers struck after the café raised its prices.",
])
def test_a_range_no_change_word_introduces_stays_a_range(text):
    assert [f.earlier for f in extract_figures(text)] == [None]
    assert extract_figures(text)[0].kind in ("range", "year")


@pytest.mark.parametrize("text", [
    "The café hired up to 40 waiters from 3 agencies.", "The café hired up to 40 from 3 agencies.",
])
def test_a_bound_and_a_figure_after_it_are_no_change_without_a_change_word(text):
    assert [(f.value, f.qualifier, f.earlier) for f in extract_figures(text)] == [
        (40, "up to", None), (3, None, None)]


def test_a_change_agrees_with_where_it_ends_and_takes_no_side_on_where_it_started():
    (raised,) = extract_figures("The café raised the price of a coffee from 3 to 5 dollars")
    (lowered,) = extract_figures("The café cut the price of a coffee from 5 to 3 dollars")
    five, three = (record(f"{n} dollars", n, label="coffee") for n in (5, 3))
    assert raised.agrees_with(five) and not raised.agrees_with(three)
    assert not reports_before(raised, five) and reports_before(raised, three)
    assert reports_before(three, raised)  # either way round
    assert reverses(raised, lowered) and not raised.agrees_with(lowered)
    assert not reverses(raised, raised) and raised.agrees_with(raised)
    # of a source giving both, the figure it ends at is the change's counterpart
    assert best_counterpart(raised, [three, five]) == five
    assert best_counterpart(raised, [three]) == three
