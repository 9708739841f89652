"""Engine layer: figures found in text, and how they compare."""
import random

import pytest

from service.engine.numbers import (FIGURE_RE, NUMBER_WORDS, QUALIFIERS, best_counterpart,
                                    extract_figures, figure_from_record, figure_matches,
                                    parse_figure_text, without_matches)


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


def test_dates_and_clock_times_are_not_figures():
    assert figures("On September 19 at 2 p.m. the army moved") == []


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


def test_a_year_after_a_month_is_a_figure_but_a_day_is_not():
    found = extract_figures("In September 2022 the sides clashed; on September 19 it began again")
    assert [(f.text, f.is_year) for f in found] == [("2022", True)]


def test_many_figures_are_found_in_linear_time():
    """10,000 figures in one text: every one found (a quadratic scan took half a minute)."""
    text = " ".join(f"{n} people" for n in range(1, 10_001))
    assert len(extract_figures(text)) == 10_000


def test_figure_matches_are_what_scanning_every_position_finds():
    """The pattern is tried only just before digits and number words; that must find exactly
    what trying it everywhere finds, qualifiers (even inside a word: "roundabout") and "a"/"an"
    before the figure included."""
    pieces = [*QUALIFIERS, *NUMBER_WORDS, "a", "an", "and", "roundabout", "September", "19",
              "2020", "1988-94", "3.5", "12,000", "%", "per cent", "p.m.", "/3", "of", "wounded",
              "covid19", "ONE", "\u017fix"]
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
    ("a roundabout 40 metres away", [("40", 40, None)]),
    ("often seven people", [("seven", 7, None)]),
    ("over 27 people were killed", [("27", 27, "over")]),
])
def test_qualifiers_and_number_words_are_whole_words(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", ["prices rose over 2019", "at least 2019", "more than 2019",
                                  "under \u0968\u0966\u0967\u096f"])  # Devanagari digits
def test_a_qualified_year_is_the_year_written(text):
    (year,) = extract_figures(text)
    assert (year.is_year, year.low, year.high, year.years()) == (True, 2019, 2019, (2019,))


def test_a_curated_year_with_a_bounding_qualifier_is_the_year():
    year = record("2019", 2019, "over", label="year")
    assert (year.low, year.high, year.years()) == (2019, 2019, (2019,))
