"""Figures in text: find them with their qualifier, unit and what they count; compare them as
intervals.

"about 200 wounded" is the interval [170, 230] of things labelled "wounded"; two figures agree when
their intervals overlap and they count the same thing. Besides counts ("27", "370km", "$71 million",
"between 5,000 and 6,000"; a change, "raised from 3,958 to 11,300", is the figure it ends at, where
it started kept as `earlier`) a text names times: years ("2019-20"), dates ("10 September 2023") and
weekdays ("on Monday"). Times compare only with times, counts only with counts; clock times
("8:00 p.m."), ordinals ("3rd", "twenty-first") and bare fractions ("1/3", "two-thirds") are not
figures at all.

A date without a year ("September 10") can take one from a reference date the caller gives, e.g.
the published date of the source quoting it: `extract_figures(quote, reference=published)` and
`figure_from_record(record, reference=published)`. A weekday agrees with a date when the date,
with its year, falls on that weekday; without a year the two cannot disagree.
"""
import datetime
import math
import re
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from .text import STOPWORDS, content_term, fold, stem, words

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
NUMBER_WORDS = {**UNITS, **TENS, **SCALES, "dozen": 12}
# Parts of a whole: a count only as a part of a scale ("half a million", "a quarter of a million").
FRACTIONS = {"half": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4}
# Words after which a number word is an ordinal or a fraction, not a count ("twenty-first",
# "two-thirds").
ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                 "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                 "nineteenth twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth "
                 "ninetieth hundredth thousandth millionth thirds quarters fifths halves").split()
# Abbreviated scales ("€2bn", "$71m", "100k"); "m" only after a currency sign, where it cannot be
# metres.
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}
CURRENCIES = {"$": "$", "us$": "$", "€": "€", "£": "£", "¥": "¥"}
# Units written after a figure ("370km", "10 km", "30%", "7.1-magnitude"), each read as one unit;
# a new unit is one entry here.
UNIT_NAMES = {
    "%": "%", "per cent": "%", "percent": "%",
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m", "cm": "cm", "mm": "mm",
    "mile": "mi", "miles": "mi", "ft": "ft", "feet": "ft", "foot": "ft",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "tonne": "t", "tonnes": "t", "tons": "t",
    "hectare": "ha", "hectares": "ha", "km/h": "km/h", "mph": "mph",
    "magnitude": "magnitude", "dollars": "$", "euros": "€",
}
# What a unit measures and its size in that dimension's base unit: figures in units of one
# dimension compare ("about 10 feet" and "three metres"); a new unit is one entry here.
UNIT_DIMENSIONS = {
    "km": ("length", 1000), "m": ("length", 1), "cm": ("length", 0.01), "mm": ("length", 0.001),
    "mi": ("length", 1609.344), "ft": ("length", 0.3048),
    "kg": ("mass", 1), "t": ("mass", 1000), "km/h": ("speed", 1), "mph": ("speed", 1.609344),
}
# Units written before a figure ("magnitude 7.1").
UNIT_PREFIXES = {"magnitude": "magnitude"}
MONTH_NUMBERS = {name: number for number, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
WEEKDAYS = {name: number for number, name in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split(), start=1)}
# Short forms, read as days only after "on" ("on sun.", "on Weds"): alone, "sun", "sat" and "wed"
# are other words.
WEEKDAY_SHORT = {short: day for day, shorts in enumerate(
    ("mon", "tue tues", "wed weds", "thu thur thurs", "fri", "sat", "sun"), start=1)
    for short in shorts.split()}
FIRST_YEAR, LAST_YEAR = 1800, 2100  # a plain four-digit number in these is read as a year

# Qualifiers, longest first; each maps to (low factor, high factor) applied to the value.
QUALIFIERS = {
    "no fewer than": (1, math.inf), "no less than": (1, math.inf), "at least": (1, math.inf),
    "a minimum of": (1, math.inf), "more than": (1, math.inf), "over": (1, math.inf),
    "above": (1, math.inf), "in excess of": (1, math.inf), "upwards of": (1, math.inf),
    "exceeding": (1, math.inf), "passed": (1, math.inf), "surpassed": (1, math.inf),
    "exceeded": (1, math.inf), "topped": (1, math.inf), "past": (1, math.inf),
    "beyond": (1, math.inf),
    "nearly": (0.85, 1), "almost": (0.85, 1), "close to": (0.85, 1), "just under": (0.85, 1),
    "approximately": (0.85, 1.15), "about": (0.85, 1.15), "around": (0.85, 1.15),
    "roughly": (0.85, 1.15), "some": (0.85, 1.15), "an estimated": (0.85, 1.15),
    "estimated": (0.85, 1.15), "circa": (0.85, 1.15), "~": (0.85, 1.15),
    "up to": (0, 1), "as many as": (0, 1), "at most": (0, 1), "no more than": (0, 1),
    "fewer than": (0, 1), "less than": (0, 1), "under": (0, 1), "below": (0, 1),
    "only": (1, 1), "just": (1, 1), "merely": (1, 1), "exactly": (1, 1),
}
# One-word qualifiers that only make a figure approximate ("roughly", "nearly"): before an amount
# that is no figure ("roughly a quarter of the city", "almost half the homes", "nearly all"), they
# hedge it and say nothing of their own (unhedged). Bounds ("under", "over") say something.
HEDGES = frozenset(q for q, (low, _) in QUALIFIERS.items() if 0 < low < 1 and q.isalpha())
AMOUNT_WORDS = frozenset({*NUMBER_WORDS, *FRACTIONS, "all", "most", "much", "many", "every",
                          "entire", "whole", "dozens", "hundreds", "thousands", "millions"})
# Qualifiers whose bound excludes the figure itself: "over 200" is not 200, "nearly 9" is not 9.
# Verbs of exceeding bound a count only where it ends what is counted ("the toll had passed
# 2,000"); before a noun the figure is what was done ("parliament passed 3 bills").
EXCEEDING_VERBS = frozenset({"passed", "surpassed", "exceeded", "topped"})
# "Past" and "beyond" bound a count as "over" does ("the toll climbed past 4,000"), except after
# an article or "last", where they name a span of time ("the past 24 hours").
PAST_WORDS = frozenset({"past", "beyond"})
SPAN_BEFORE_RE = re.compile(r"\b(?:the|these|those|last)\s+$", re.IGNORECASE)
OPEN_BELOW = frozenset({"more than", "over", "above", "in excess of", "upwards of", "exceeding",
                        *EXCEEDING_VERBS, *PAST_WORDS})
OPEN_ABOVE = frozenset({"nearly", "almost", "close to", "just under", "fewer than", "less than",
                        "under", "below"})
RANGE_OPENERS = ("between", "from")  # "between 5 and 6", "from 5 to 6"
# Words saying a figure changed: "from A to B" after one of them ("raised its toll from 3,958 to
# 11,300", "a cut from 900 to 400") is no range but the figure B, A an earlier report of it.
CHANGE_WORDS = frozenset("""
    rise rises rose risen rising raise raises raised raising climb climbs climbed climbing
    increase increases increased increasing grow grows grew grown growing jump jumps jumped
    soar soared surge surged double doubled triple tripled hike hiked boost boosted upgrade
    upgraded fall falls fell fallen falling drop drops dropped dropping decline declines declined
    decrease decreases decreased cut cuts cutting lower lowers lowered lowering reduce reduces
    reduced reduction shrink shrank shrunk slash slashed plunge plunged tumble tumbled downgrade
    downgraded revise revises revised revising revision adjust adjusted update updated correct
    corrected amend amended change changes changed""".split())
# A direction right before "from" or "to" says so too ("up from 900", "down to 400").
CHANGE_DIRECTIONS = frozenset({"up", "down"})
CHANGE_WINDOW = 6  # words of the clause before "from" a change word may be ("raised its toll")


def _alternatives(words):
    """A regex alternation of `words`, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


QUALIFIER_RE = _alternatives(QUALIFIERS)
# "to" before a figure a change ends at ("rose to about 11,300 from 3,958"); not "up to", a bound
# ("hired up to 40 from 3 agencies").
TO_BEFORE_RE = re.compile(r"\bto\s+$", re.IGNORECASE)
NUMBER_WORD_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
SCALE_RE = "|".join(SCALES)
SPACE_SEPARATORS = " \u00a0\u2009\u202f"  # "120 000", with a space or a thin space
# A number in digits: "5,000", "120 000", "2.5", "2,5 million" (a decimal comma before a scale);
# digits grouped by spaces only outside a list of numbers ("1 2 3 ... 100 101" is no 100,101).
DIGITS = (rf"(?:\d{{1,3}}(?:,\d{{3}})+"
          rf"|(?<!\d[{SPACE_SEPARATORS}])\d{{1,3}}(?:[{SPACE_SEPARATORS}]\d{{3}})+"
          rf"(?![{SPACE_SEPARATORS}]?\d)|\d+)"
          rf"(?:\.\d+)?(?!,\d|\.\d|\d|/\d|:\d)"
          rf"|\d+,\d{{1,2}}(?=\s*(?:(?:{SCALE_RE})\b|%))")
# A part of a scale: "half a million", "a quarter of a million", "two and a half million".
FRACTION = (rf"(?:(?:\b(?:an?|{'|'.join(UNITS)})[\s-]+)?\b(?:{'|'.join(FRACTIONS)})(?:\s+of)?"
            rf"\s+(?:an?|one)|(?:\b(?:{NUMBER_WORD_RE})|(?<![\w.,])\d+)\s+and\s+a\s+half)"
            rf"\s+(?:dozen|{SCALE_RE})\b")
NUMBER_IN_WORDS = (rf"\b(?:{NUMBER_WORD_RE})(?:(?:\s+|-|\s+and\s+)(?:{NUMBER_WORD_RE}))*\b"
                   rf"(?![\s-]+(?:{'|'.join(ORDINAL_WORDS)})\b)")
# An amount: signed digits with a scale ("-5", "1.5 million", "$71m"), a fraction of a scale, or
# number words. It holds no named group, as a range holds two.
AMOUNT = (rf"(?:(?<![\w.,\-\u2212])[-\u2212](?=\d))?"
          rf"(?:{FRACTION}|(?<![\w.,])(?:{DIGITS})(?:\s+(?:{SCALE_RE})\b"
          rf"|(?(currency)(?:{_alternatives(SHORT_SCALES)})|(?:bn|mn|tn|k))(?!\w))?"
          rf"|{NUMBER_IN_WORDS})")
RANGE_SEPARATOR = r"\s*[-\u2013\u2014]\s*|\s+to\s+|(?(opener)\s+and\s+|(?!))"
# Month names, and "May" only capitalised (lower case, it is the verb).
MONTH = rf"\b(?:{_alternatives(set(MONTH_NUMBERS) - {'may'})}|(?-i:May))\b\.?"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w|,\d)"
DAYS = rf"(?<![\w.,]){DAY}(?:\s*[-\u2013]\s*{DAY})?"
DATE = (rf"(?:{MONTH}\s+{DAYS}|{DAYS}\s+(?:of\s+)?{MONTH})(?:,?\s+\d{{4}}(?!\d))?"
        rf"|(?<![\w.,])\d{{4}}-\d{{2}}-\d{{2}}(?!\d)")
CLOCK = (r"(?<![\w.,:])(?:[01]?\d|2[0-3])(?::[0-5]\d)+(?:\s*[ap]\.?m\b\.?)?"
         r"|(?<![\w.,:])(?:1[0-2]|0?\d)(?:[.:][0-5]\d)?\s*[ap]\.?m\b\.?")
YEAR_RANGE = r"(?<![\w.,])(?:1[89]|2[01])\d\d\s*[-\u2013/]\s*(?:\d{4}|\d\d)(?!\w)"
SLASH_FRACTION = r"(?<![\w.,/])\d+/\d+(?![\w/]|[.,]\d)"
# A share of a whole the text names, in words, read as a percentage ("a quarter of the city",
# "a quarter of Derna" are 25% of it, "half the homes" 50%); not a part of a scale ("a quarter of
# a million": AMOUNT), nor of a whole left unnamed ("two-thirds of them"), nor a time ("the
# second half of May").
SHARE_WORDS = rf"\b(?:(?:an?|one|two|three)[\s-]+)?(?P<part>{'|'.join(FRACTIONS)})\b"
SHARE = (rf"(?<!first\s)(?<!second\s)(?<!last\s)(?<!other\s){SHARE_WORDS}"
         rf"(?=\s+(?:of\s+)?(?:the\b|(?-i:[A-Z])))")
SHARE_TEXT_RE = re.compile(SHARE_WORDS, re.IGNORECASE)  # a share's own text, as curated
UNIT = rf"\s*%|\s*(?:per\s*cent|percent)\b|[\s-]?(?:{_alternatives(set(UNIT_NAMES) - {'%'})})(?!\w)"

FIGURE_RE = re.compile(
    rf"(?<!\w)(?:(?P<qualifier>{QUALIFIER_RE})(?:\s+|(?<=~))"
    rf"(?:an?\s+(?=(?:{NUMBER_WORD_RE})\b))?)?"
    rf"(?P<figure>"
    rf"(?P<date>{DATE})"
    rf"|(?P<weekday>\b(?:{'|'.join(WEEKDAYS)})\b"
    rf"|(?<=\bon\s)(?:{_alternatives(WEEKDAY_SHORT)})\b\.?)"
    rf"|(?P<clock>{CLOCK})"
    rf"|(?P<range>{YEAR_RANGE})"
    rf"|(?P<fraction>{SLASH_FRACTION})"
    rf"|(?P<share>{SHARE})"
    rf"|(?P<opener>\b(?:{'|'.join(RANGE_OPENERS)})\s+)?"
    rf"(?:(?P<prefix>\b(?:{'|'.join(UNIT_PREFIXES)}))[\s-]+)?"
    rf"(?:(?P<currency>US\$|[$\u20ac\u00a3\u00a5])\s?)?"
    rf"(?P<low>{AMOUNT})"
    rf"(?:(?P<to>{RANGE_SEPARATOR})(?:US\$|[$\u20ac\u00a3\u00a5])?(?P<high>{AMOUNT}))?"
    rf")"
    rf"(?P<unit>{UNIT})?(?!\w)",
    re.IGNORECASE)
# Where a figure can begin: a digit or a number, fraction, month or weekday word standing alone
# (the lookahead only skips, fast, the positions where none can start).
START_WORDS = [*NUMBER_WORDS, *FRACTIONS, *MONTH_NUMBERS, *WEEKDAYS, *WEEKDAY_SHORT]
START_INITIALS = "".join(sorted({word[0] for word in START_WORDS}))
FIGURE_START_RE = re.compile(
    rf"(?=[\d{START_INITIALS}])(?:\d|\b(?:{_alternatives(START_WORDS)})\b)", re.IGNORECASE)
# What may stand before a figure's first digit or word, from nearest to farthest, each after a run
# of spaces: a currency and sign ("US$-"), a unit ("magnitude-"), a range opener ("between"), "an",
# a qualifier.
LEAD_LENGTHS = (len("US$-"), len("magnitude-"), max(map(len, RANGE_OPENERS)), len("an"),
                max(len(qualifier) for qualifier in QUALIFIERS))
# What a match that begins before its first digit or word begins with.
LEAD_RE = re.compile(rf"(?<!\w)(?:{QUALIFIER_RE}|an?\b|{'|'.join(RANGE_OPENERS)}|"
                     rf"{'|'.join(UNIT_PREFIXES)}|US\$|[$\u20ac\u00a3\u00a5\-\u2212])",
                     re.IGNORECASE)
CONTEXT_CHARS = 24
NEGATIVE_QUANTIFIER = re.compile(r"\bno(?:t\s+|\s+|-)$", re.IGNORECASE)  # before "one": nobody
DATE_BEFORE = re.compile(rf"{MONTH}\s*$", re.IGNORECASE)
LABEL_WINDOW_BEFORE = 3
LABEL_WINDOW_AFTER = 4
GENERIC_LABEL_WORDS = frozenset({"people", "person", "persons", "individuals", "total", "some",
                                 "ppl"})
# Words before a figure that make it one the text takes as given, not one it states ("the two
# dams were built in 1970").
GIVEN_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
NOT_LABEL_WORDS = STOPWORDS | GENERIC_LABEL_WORDS
SENTENCE_BREAK = re.compile(r"[.,;:!?()]")
LETTERS = re.compile(r"[^\W\d_]+")
# Words of general English that count the same thing, mapped to one stem so labels compare across
# outlets; a story's own words ("peacekeepers" counted as troops) are its corpus's vocabulary,
# read by `relabelled`.
LABEL_SYNONYMS = {
    "dead": "kill", "death": "kill", "die": "kill", "died": "kill", "kill": "kill",
    "killed": "kill", "fatality": "kill", "fatalitie": "kill", "life": "kill",
    "lives": "kill", "toll": "kill",
    "wound": "injur", "wounded": "injur", "injury": "injur", "injurie": "injur", "injur": "injur",
    "hurt": "injur",
    "civilian": "civilian", "resident": "population", "inhabitant": "population",
    "population": "population", "live": "population", "living": "population", "lived": "population",
    "liv": "population", "inhabit": "population", "home": "population",
}
# The label a count of the people living somewhere reads as; beside another label word it only
# says who is counted ("12 residents missing" counts the missing).
POPULATION = "population"
# Kinds of figure (None is a count); times compare with times only.
YEAR, DATE_KIND, WEEKDAY, RANGE = "year", "date", "weekday", "range"
TIME_KINDS = frozenset({YEAR, DATE_KIND, WEEKDAY})
YEARLESS = 10_000  # a date is YYYYMMDD as a number, or MMDD when its year is unknown


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as written, its value, its qualifier, what it counts, and the interval it allows.

    `kind` is None for a count, "range" for a count given as a range (value is its low end),
    "year", "date" (value YYYYMMDD, or MMDD without a year) or "weekday" (value 1-7 from Monday);
    `is_year` is true for all three times, which never compare with counts. `unit` is "km", "%",
    "$" ... or None."""

    text: str
    value: float
    qualifier: str | None = None
    label: str | None = None
    low: float = 0
    high: float = 0
    is_year: bool = False
    context: frozenset = field(default_factory=frozenset, compare=False)
    low_open: bool = False
    high_open: bool = False
    unit: str | None = None
    kind: str | None = None
    # The label terms of the word right after it saying what it counts ("dead" in "5 people dead"),
    # and whether the text takes it as given ("the two dams"): what kind_of_count reads.
    counted: frozenset = field(default=frozenset(), compare=False)
    given: bool = field(default=False, compare=False)
    # Where a change this figure ends at started ("from 3,958" of "raised from 3,958 to 11,300"):
    # an earlier report of the same count, not part of the figure's interval.
    earlier: float | None = None

    def earlier_report(self):
        """The figure a change started from, as an exact count of the same thing, or None."""
        if self.earlier is None:
            return None
        return replace(self, value=self.earlier, low=self.earlier, high=self.earlier,
                       qualifier=None, low_open=False, high_open=False, earlier=None)

    def terms(self):
        """What a figure adds to matching, as words: "#2019" for each year it names ("the 2020
        war"), and the words of its text that are not its number ("dollars", "September",
        "Monday"), which matching would otherwise lose with the figure."""
        years = (self.low, self.high) if self.kind == YEAR else (
            (self.low // YEARLESS, self.high // YEARLESS)
            if self.kind == DATE_KIND and self.low >= YEARLESS else ())
        terms = [f"#{int(year)}" for year in dict.fromkeys(years)]
        if self.kind == WEEKDAY:  # "sun." too is "sunday"
            return [content_term(_weekday_name(self.value))]
        for word in words(self.text):
            if word not in NUMBER_WORDS and not word.isdigit():
                term = content_term(word)
                terms += [term] if term else []
        return terms

    def agrees_with(self, other):
        """Two figures agree when the ranges they allow overlap ("over 9" and "nearly 9" do not);
        a time agrees only with a time that can be the same, a count only with a count."""
        if self.is_year or other.is_year:
            return self.is_year and other.is_year and _times_agree(self, other)
        if self.earlier is not None and other.earlier is not None and not (
                self.earlier_report().agrees_with(other.earlier_report())):
            return False  # two changes agree where they start alike and end alike
        if self.unit == other.unit or not (self.unit and other.unit):
            return _overlap(self, other)
        return comparable_units(self.unit, other.unit) and _overlap(
            self.in_base_unit(), other.in_base_unit())

    def in_base_unit(self):
        """The figure with its bounds in its dimension's base unit ("10 ft" as 3.048 m)."""
        _, size = UNIT_DIMENSIONS.get(self.unit, (None, 1))
        return replace(self, low=self.low * size, high=self.high * size)

    def as_dict(self):
        """The four keys every figure has, and `unit`, `kind` and the range or date only where
        the figure has them."""
        found = {"text": self.text, "value": _plain(self.value), "qualifier": self.qualifier,
                 "label": self.label}
        if self.unit:
            found["unit"] = self.unit
        if self.kind:
            found["kind"] = self.kind
        if self.earlier is not None:
            found["earlier"] = _plain(self.earlier)
        if self.kind == RANGE:  # the interval it allows, qualifier applied
            found["low"], found["high"] = (_plain(b) if math.isfinite(b) else None
                                           for b in (self.low, self.high))
        if self.kind == DATE_KIND:
            found["date"] = _iso(self.low)
            if self.high != self.low:
                found["date_end"] = _iso(self.high)
        if self.kind == WEEKDAY:
            found["weekday"] = _weekday_name(self.value).capitalize()
        return found


def changes(figures):
    """The figures that end a change ("from 3,958 to 11,300" after "raised")."""
    return [f for f in figures if f.earlier is not None]


def reverses(change, other):
    """Whether two changes give the same two figures the other way round ("raised from 400 to
    900" against "revised down from 900 to 400"): another change."""
    return (change.earlier is not None and other.earlier is not None
            and (change.value, change.earlier) == (other.earlier, other.value)
            and change.value != change.earlier and change.unit == other.unit)


def reports_before(one, other):
    """Whether one figure ends a change and the other gives only where it started: an earlier
    report of the same count ("3,958" for "raised from 3,958 to 11,300"), which neither confirms
    nor contradicts the change."""
    return any(change.earlier is not None and plain.earlier is None
               and not change.agrees_with(plain) and change.earlier_report().agrees_with(plain)
               for change, plain in ((one, other), (other, one)))


def comparable_units(unit, other):
    """Whether figures in these units can be the same quantity: no unit on one side, the same
    unit, or two units of one dimension (feet and metres)."""
    if not (unit and other) or unit == other:
        return True
    return dimension(unit) == dimension(other)


def dimension(unit):
    """What a unit measures ("length" for feet and metres); a unit of no listed dimension is its
    own."""
    return UNIT_DIMENSIONS.get(unit, (unit,))[0]


def _plain(value):
    return int(value) if float(value).is_integer() else value


def _overlap(one, other):
    return _below(one.low, one.low_open, other.high, other.high_open) and _below(
        other.low, other.low_open, one.high, one.high_open)


def _below(low, low_open, high, high_open):
    """Whether a range starting at `low` can meet one ending at `high`."""
    return low < high or (low == high and not (low_open or high_open))


def _times_agree(one, other):
    """Whether two times can be the same: years overlap, dates are the same day (by month and day
    when one has no year), a date falls in a year or on a weekday; a weekday or a yearless date
    cannot disagree with a year, nor a yearless date with a weekday."""
    if one.kind == other.kind and one.kind != DATE_KIND:
        return _overlap(one, other)
    if one.kind != DATE_KIND:
        one, other = other, one
    if one.kind != DATE_KIND:  # a weekday and a year
        return True
    if other.kind == DATE_KIND:
        if one.low >= YEARLESS and other.low >= YEARLESS:
            return _overlap(one, other)
        return (one.low % YEARLESS <= other.high % YEARLESS
                and other.low % YEARLESS <= one.high % YEARLESS)
    if one.low < YEARLESS:
        return True
    if other.kind == YEAR:
        return one.low // YEARLESS <= other.high and other.low <= one.high // YEARLESS
    return any(day.isoweekday() == other.value for day in _days(one.low, one.high))


def _days(low, high):
    """The days from one YYYYMMDD to another, at most a week of them (enough for any weekday)."""
    first, last = _as_date(low), _as_date(high)
    count = min(7, (last - first).days + 1) if first and last else 0
    return [first + datetime.timedelta(days=n) for n in range(max(count, 0))]


def _date_parts(value):
    """(year or None, month, day) of a date figure's value."""
    value = int(value)
    year, month_day = divmod(value, YEARLESS)
    return year or None, month_day // 100, month_day % 100


def _as_date(value):
    year, month, day = _date_parts(value)
    return datetime.date(year, month, day) if year else None


def _iso(value):
    year, month, day = _date_parts(value)
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


RELATIVE_DATE = re.compile(
    r"\b(?:(?P<count>an?|one|two|three|four|five|six|seven|\d+)\s+(?P<unit>days?|weeks?)"
    r"|the\s+(?P<next>day|week))\s+(?P<way>after|before)\s+(?P<anchor>[^,;.]+)", re.IGNORECASE)
LEAP_YEAR = 2000  # a yearless date is shifted as if in a leap year: February 29 exists


def relative_date(text):
    """(days, anchor, span) of a date a text gives relative to an event ("a day after the storm
    struck": 1, "the storm struck"; "two weeks before the vote": -14), or None."""
    match = RELATIVE_DATE.search(text)
    if not match:
        return None
    count = match["count"]
    amount = 1 if not count or count.lower() in ("a", "an") else (
        int(count) if count.isdigit() else UNITS[count.lower()])
    unit = (match["unit"] or match["next"]).lower()
    days = amount * (7 if unit.startswith("week") else 1)
    return (days if match["way"].lower() == "after" else -days), match["anchor"], match.span()


def shifted_date_text(figure, days):
    """A date figure's day moved by `days`, as text ("September 11", "September 11, 2023")."""
    year, month, day = _date_parts(figure.low)
    moved = datetime.date(year or LEAP_YEAR, month, day) + datetime.timedelta(days=days)
    text = f"{moved.strftime('%B')} {moved.day}"
    return f"{text}, {moved.year}" if year else text


def _weekday_name(value):
    return next(name for name, number in WEEKDAYS.items() if number == value)


def _key(word):
    """A word as the tables here spell it: folded, and the dotless "ı" (which matches "i" in the
    patterns) made "i"."""
    return fold(word).replace("\u0131", "i")


def open_bounds(qualifier):
    """(low bound excluded, high bound excluded) for a qualifier."""
    qualifier = (qualifier or "").casefold()
    return qualifier in OPEN_BELOW, qualifier in OPEN_ABOVE


def words_to_number(text):
    """'two million' -> 2000000, 'twenty-seven' -> 27, 'a dozen' -> 12; None if not a number."""
    total, current = 0, 0
    for word in re.split(r"[\s-]+", _key(text)):
        if word in ("and", "a", ""):
            continue
        if word in UNITS or word in TENS:
            current += UNITS.get(word, TENS.get(word, 0))
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
    return total + current


class Reading(NamedTuple):
    """What a figure's text says: its kind, value, written bounds and unit."""

    kind: str | None
    value: float
    low: float
    high: float
    unit: str | None


def parse_figure_text(text):
    """The value of a figure's text: '2,000' -> 2000, '1.5 million' -> 1500000, 'seven' -> 7,
    '5,000-6,000' -> 5000 (a range's low end), 'September 10' -> 910 (a date's MMDD)."""
    reading = read_figure_text(text)
    if reading is not None:
        return reading.value
    value = words_to_number(text) if re.search(NUMBER_WORD_RE, fold(text)) else None
    return None if value is None else float(value)


@lru_cache(maxsize=1 << 14)  # curated figures repeat, and are read again at every check
def read_figure_text(text):
    """The Reading of a figure's whole text, or None when the text is not one figure; a share's
    text ("a quarter") is read without the whole it needs in a sentence."""
    match = FIGURE_RE.fullmatch(text.strip())
    if match:
        return _reading(match)
    share = SHARE_TEXT_RE.fullmatch(text.strip())
    return _share_reading(share.group(), share.group("part")) if share else None


def _share_reading(text, part):
    """A share in words ("a quarter", "two-thirds") as a percentage."""
    count = _key(re.split(r"[\s-]+", text.strip())[0])
    share = round(100 * UNITS.get(count, 1) * FRACTIONS[_key(part)], 1)
    return Reading(None, share, share, share, "%")


def _reading(match, reference=None):
    """The Reading of a figure match, or None for what is no figure (a clock time, a fraction, an
    impossible date)."""
    if match.group("date"):
        return _date_reading(match.group("date"), reference)
    if match.group("weekday"):
        name = _key(match.group("weekday")).rstrip(".")
        day = WEEKDAYS.get(name) or WEEKDAY_SHORT[name]
        return Reading(WEEKDAY, day, day, day, None)
    if match.group("clock") or match.group("fraction"):
        return None
    if match.group("share"):
        return _share_reading(match.group("share"), match.group("part"))
    if match.group("range"):
        low, high = (float(b) for b in re.split(r"\s*[-\u2013/]\s*", match.group("range")))
        if high < 100:  # "2019-20", "1999-00"
            high += low // 100 * 100 + (100 if high < low % 100 else 0)
        kind = YEAR if FIRST_YEAR <= low <= high <= LAST_YEAR else RANGE
        return Reading(kind, low, min(low, high), max(low, high), None)
    return _amount_reading(match)


def _amount_reading(match):
    """A count, a range or a year written in digits or words, with its unit."""
    low, low_scaled = _amount(match.group("low"))
    if low is None:
        return None
    unit = _unit(match)
    if not match.group("high"):
        kind = YEAR if unit is None and _plain_year(match.group("low"), low) else None
        return Reading(kind, low, low, low, unit)
    high, high_scaled = _amount(match.group("high"))
    if high is None:
        return None
    if high_scaled and not low_scaled and low * high_scaled <= high:
        low *= high_scaled  # "5 to 6 million"
    years = unit is None and _plain_year(match.group("low"), low) and _plain_year(
        match.group("high"), high) and low <= high
    return Reading(YEAR if years else RANGE, low, min(low, high), max(low, high), unit)


def _plain_year(text, value):
    """A bare four-digit number in the years a text can mean ("2019", not "2,019" or "$2019")."""
    return (re.fullmatch(r"\d{4}", text) is not None and FIRST_YEAR <= value <= LAST_YEAR)


AMOUNT_PARTS = re.compile(
    rf"(?P<sign>[-\u2212])?(?P<digits>{DIGITS})\s*(?P<scale>{SCALE_RE}|"
    rf"{_alternatives(SHORT_SCALES)})?", re.IGNORECASE)
AND_A_HALF = re.compile(r"(?P<whole>.+?)\s+and\s+a\s+half\s+(?P<scale>\w+)", re.IGNORECASE)
FRACTION_PARTS = re.compile(
    rf"(?:(?P<count>\w+)[\s-]+)?(?P<part>{'|'.join(FRACTIONS)})(?:\s+of)?\s+\w+\s+(?P<scale>\w+)",
    re.IGNORECASE)


def _amount(text):
    """(value, the scale it was multiplied by or None) of an amount's text."""
    parts = AMOUNT_PARTS.fullmatch(text)
    if parts:
        digits = parts.group("digits")
        if re.fullmatch(r"\d+,\d{1,2}", digits):
            digits = digits.replace(",", ".")  # a decimal comma
        value = float(re.sub(f"[,{SPACE_SEPARATORS}]", "", digits))
        scale = parts.group("scale")
        factor = (SCALES.get(_key(scale)) or SHORT_SCALES[_key(scale)]) if scale else None
        value = value * factor if factor else value
        return (-value if parts.group("sign") else value), factor
    and_a_half = AND_A_HALF.fullmatch(text)
    if and_a_half:
        whole, _ = _amount(and_a_half.group("whole"))
        factor = SCALES.get(_key(and_a_half.group("scale")), 12)
        return (None, None) if whole is None else ((whole + 0.5) * factor, factor)
    fraction = FRACTION_PARTS.fullmatch(text)
    if fraction:
        count = _key(fraction.group("count") or "a")
        scale = _key(fraction.group("scale"))
        factor = SCALES.get(scale, 12)
        return (UNITS.get(count, 1) * FRACTIONS[_key(fraction.group("part"))] * factor), factor
    value = words_to_number(text)
    if value is None:
        return None, None
    scales = [SCALES[w] for w in re.split(r"[\s-]+", _key(text)) if w in SCALES]
    return float(value), (scales[-1] if scales else None)


def _unit(match):
    if match.group("currency"):
        return CURRENCIES[_key(match.group("currency"))]
    if match.group("prefix"):
        return UNIT_PREFIXES[_key(match.group("prefix"))]
    unit = match.group("unit")
    return UNIT_NAMES[re.sub(r"\s+", " ", _key(unit).strip().lstrip("-"))] if unit else None


def _date_reading(text, reference):
    """A date's Reading (None for an impossible date); its year from the text, else from the
    `reference` date, else unknown."""
    iso = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", text)
    if iso:
        year, month, days = int(iso.group(1)), int(iso.group(2)), [int(iso.group(3))]
    else:
        month = next(MONTH_NUMBERS[word] for word in re.findall(r"[^\W\d_]+", _key(text))
                     if word in MONTH_NUMBERS)
        year_match = re.search(r"\d{4}", text)
        year = int(year_match.group()) if year_match else None
        days = [int(d) for d in re.findall(r"(?<!\d)\d{1,2}(?!\d)", text)]
    if year is None and reference is not None:
        year = _nearest_year(month, days[0], reference)
    try:
        first = [datetime.date(year or 2000, month, day) for day in days]  # 2000 has a 29 February
    except ValueError:
        return None
    low, high = (_date_value(year, day.month, day.day) for day in (min(first), max(first)))
    return Reading(DATE_KIND, low, low, high, None)


def _date_value(year, month, day):
    return float((year or 0) * YEARLESS + month * 100 + day)


def _nearest_year(month, day, reference):
    """The year that puts a month and day nearest the reference date."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append((abs((datetime.date(year, month, day) - reference).days), year))
        except ValueError:
            continue
    return min(candidates)[1] if candidates else None


def interval(value, qualifier, is_year=False, high=None):
    """The range of true values a figure (from `value` to `high`, one value when `high` is None)
    with this qualifier allows; a time is the time written ("over 2019" in "prices rose over
    2019" is the year 2019, not every year after it)."""
    high = value if high is None else high
    if is_year:
        return value, high
    low_factor, high_factor = QUALIFIERS.get((qualifier or "").casefold(), (1, 1))
    return tuple(sorted((_scaled(value, low_factor), _scaled(high, high_factor))))


def _scaled(value, factor):
    """`value * factor`, where an unbounded factor is unbounded and a zero one zero, whatever
    the value (never NaN)."""
    if factor == math.inf:
        return math.inf
    return 0.0 if factor == 0 else value * factor


@lru_cache(maxsize=1 << 16)  # labels repeat; the cache also shares one frozenset among figures
def label_terms(label):
    """A label's words reduced to comparable stems ('civilians killed' -> {'civilian', 'kill'})."""
    terms = set()
    for word in re.findall(r"[^\W_]+", fold(label or "")):
        if word in STOPWORDS or word in GENERIC_LABEL_WORDS:
            continue
        term = stem(word)
        terms.add(LABEL_SYNONYMS.get(word, LABEL_SYNONYMS.get(term, term)))
    return frozenset(terms)


def kind_of_count(figure, label_words=None, typos=None):
    """What a count counts, comparable across texts: its label's words and what its unit measures
    ("dead", "missing", "length"); empty for a time or a count saying neither. A text's figure
    (`label_words` given: the words the corpus's curated figures are labelled with) has for label
    the words around it that some curated figure is labelled with, read with `typos` resolved
    ({term: the corpus term}): "100 ppl killed elswhere" counts {"kill", "elsewhere"}. A text's
    figure the text takes as given ("the two dams"), or whose words right after it name what no
    curated figure counts ("three volunteers died"), has no kind."""
    if figure.is_year:
        return frozenset()
    if label_words is None:
        label = figure.context
    else:
        if figure.given or not figure.unit and any(
                (typos or {}).get(t, t) not in label_words for t in figure.counted):
            return frozenset()  # given, or counting what no curated figure counts
        label = frozenset(term for term in ((typos or {}).get(t, t) for t in figure.context)
                          if term in label_words)
        if len(label) > 1:  # "residents missing": who is counted, and what befell them
            label -= {POPULATION}
    unit = figure.unit
    return label | {dimension(unit)} if unit else label


def relabelled(figures, means):
    """The figures with the words saying what they count read through a corpus's vocabulary
    (`means`: {term: the word it means}, as text.Vocabulary holds it: "peacekeeper" counted as
    "troop"), so that labels compare in the corpus's own words too."""
    if not means:
        return figures
    return [replace(figure, context=frozenset().union(*(
        label_terms(means[term]) if term in means else (term,) for term in figure.context)))
        for figure in figures]


def figure_matches(text):
    """What `FIGURE_RE.finditer(text)` finds, faster: the pattern is only tried at the few
    positions just before each digit or number, month or weekday word (where a qualifier could
    start), not at every position."""
    matches, position = [], 0
    for start in FIGURE_START_RE.finditer(text):
        if start.start() < position:
            continue  # inside the last figure
        for at in _lead_starts(text, _qualifier_reach(text, start.start(), position),
                               start.start()):
            match = FIGURE_RE.match(text, at)
            if match is not None:
                matches.append(match)
                position = match.end()
                break
    return matches


def _lead_starts(text, reach, figure_start):
    """The positions from `reach` on where a lead word (qualifier, "a", opener, unit, currency,
    sign) begins, then `figure_start`: the only places a match can begin, leftmost first."""
    at = reach
    while (lead := LEAD_RE.search(text, at, figure_start)) is not None:
        yield lead.start()
        at = lead.start() + 1
    yield figure_start


def _qualifier_reach(text, figure_start, floor):
    """A position no later than where a match whose first digit or word is at `figure_start` can
    begin: back over each of LEAD_LENGTHS after the spaces before it (no digit or number word
    lies in between, so no earlier figure's match can begin there)."""
    start = figure_start
    for length in LEAD_LENGTHS:
        while start > floor and text[start - 1].isspace():
            start -= 1
        start = max(floor, start - length)
    return start


def unhedged(tokens):
    """The tokens without each hedge (HEDGES) right before an amount in words, or before "a" or
    "an" and one ("roughly a quarter of the city" says "a quarter of the city")."""
    if HEDGES.isdisjoint(tokens):
        return tokens
    return [token for i, token in enumerate(tokens) if token not in HEDGES or not (
        tokens[i + 1:i + 2] and tokens[i + 1] in AMOUNT_WORDS
        or tokens[i + 1:i + 2] in (["a"], ["an"]) and tokens[i + 2:i + 3]
        and tokens[i + 2] in AMOUNT_WORDS)]


def without_matches(text, matches):
    """`text` with each of `matches` (in order) replaced by a space, as `FIGURE_RE.sub` would."""
    if not matches:
        return text
    parts, position = [], 0
    for match in matches:
        parts += (text[position:match.start()], " ")
        position = match.end()
    parts.append(text[position:])
    return "".join(parts)


def extract_figures(text, reference=None):
    """Every figure in `text`, with qualifier, interval and the words around it as its context;
    a date without a year takes the year nearest the `reference` date when one is given."""
    return figures_from_matches(text, figure_matches(text), reference)


def figures_from_matches(text, matches, reference=None):
    """The figures of `text` from its `figure_matches` (`reference` as for extract_figures); a
    change from one figure to another is the figure it ends at (`_changes`)."""
    figures = []
    kept = [(m, reading) for m in matches if _keep(text, m)
            and (reading := _reading(m, reference)) is not None]
    started = _changes(text, kept)
    starts = {start for end, start in started.items() if start != end}
    for index, (match, reading) in enumerate(kept):
        if index in starts:
            continue  # where a change started: the figure it ends at keeps it
        qualifier = match.group("qualifier")
        qualifier = sys.intern(_key(qualifier)) if qualifier else None
        if qualifier in EXCEEDING_VERBS and re.match(r"\s+[^\W\d_]", text[match.end():]):
            qualifier = None  # "passed 3 bills": the bills passed, no bound
        if qualifier in PAST_WORDS and SPAN_BEFORE_RE.search(text[:match.start()]):
            qualifier = None  # "the past 24 hours": a span of time, no bound
        first, last = sorted((index, started.get(index, index)))
        start = kept[first - 1][0].end() if first else 0
        end = kept[last + 1][0].start() if last + 1 < len(kept) else len(text)
        context = _context(text[start:kept[first][0].start()], text[kept[last][0].end():end])
        figure_text = match.group("figure") + (match.group("unit") or "")
        if match.group("opener") and not match.group("high"):
            figure_text = figure_text[len(match.group("opener")):]  # "from 5 people": no range
        earlier = None
        if started.get(index, index) != index:  # "from 3,958 to about 11,300": two matches
            first_reading = kept[started[index]][1]
            reading = reading._replace(unit=reading.unit or first_reading.unit)
            earlier = first_reading.value
        elif index in started:  # "from 3,958 to 11,300" in one match: it ends at the other end
            earlier, now = reading.value, reading.high if reading.value == reading.low else (
                reading.low)
            reading = reading._replace(kind=None, value=now, low=now, high=now)
            figure_text = text[match.end("to"):match.end()]
        label = reading.kind if reading.kind in TIME_KINDS else (
            "percent" if reading.unit == "%" else None)
        given = GIVEN_BEFORE.search(text[max(0, kept[first][0].start() - CONTEXT_CHARS):
                                         kept[first][0].start()])
        figures.append(_figure(figure_text.strip(), reading, qualifier, context, label,
                               counted=_counted(text[kept[last][0].end():end]),
                               given=given is not None, earlier=earlier))
    return figures


def _changes(text, kept):
    """{index in `kept` of a figure a change ends at: the index of the figure it started from
    (its own index where one match gives both)}: "from A to B" (B may be qualified: "from 3,958
    to about 11,300") or "to B from A" after a word saying the figure changed ("raised its toll",
    "revised down"). A range no such word introduces ("from 5 to 6 people were hurt") stays a
    range, and so do years ("from 2019 to 2021")."""
    started = {}
    for index, (match, reading) in enumerate(kept):
        if (match.group("opener") or "").strip().casefold() != "from":
            continue
        before = text[:match.start("figure")]
        if match.group("high"):
            if (reading.kind == RANGE and re.fullmatch(r"\s+to\s+", match.group("to"))
                    and _changed_before(before)):
                started[index] = index
        elif index + 1 < len(kept) and re.fullmatch(
                r"\s+to\s+", text[match.end():kept[index + 1][0].start()]):
            if _changed_before(before):
                started[index + 1] = index  # "from 3,958 to about 11,300"
        elif index and re.fullmatch(r"\s+", text[kept[index - 1][0].end():match.start()]):
            before = text[:kept[index - 1][0].start()]
            if TO_BEFORE_RE.search(before) and _changed_before(TO_BEFORE_RE.sub("", before)):
                started[index - 1] = index  # "rose to 11,300 from 3,958"
    return {end: start for end, start in started.items()
            if end == start or kept[end][1].kind is None is kept[start][1].kind}


def _changed_before(text):
    """Whether the clause `text` ends says a figure changed: a change word among its last
    CHANGE_WINDOW words, or a direction as its last ("up from 900")."""
    clause = SENTENCE_BREAK.split(text[-CONTEXT_CHARS * 4:])[-1]
    tail = [fold(word) for word in LETTERS.findall(clause)][-CHANGE_WINDOW:]
    return bool(tail) and (tail[-1] in CHANGE_DIRECTIONS or not CHANGE_WORDS.isdisjoint(tail))


def _counted(after):
    """Label terms of the word right after a figure that says what it counts ("dead" in "5,000
    people dead", "deaths" in "3,922 confirmed deaths"): names, general words and participles
    before it passed over; none past a small word or a break."""
    for word in LETTERS.findall(SENTENCE_BREAK.split(after)[0])[:LABEL_WINDOW_AFTER]:
        folded = fold(word)
        if folded in STOPWORDS:
            break
        if not (word[0].isupper() or folded in GENERIC_LABEL_WORDS or folded.endswith("ed")):
            return label_terms(word)
    return frozenset()


def _figure(text, reading, qualifier, context, label, **read_around):
    """A Figure from a Reading; a time keeps the time written whatever its qualifier.
    `read_around`: `counted`, `given` and `earlier`, for a figure read in a text."""
    is_time = reading.kind in TIME_KINDS
    low, high = interval(reading.low, qualifier, is_time, reading.high)
    return Figure(text=text, value=reading.value, qualifier=qualifier, label=label, low=low,
                  high=high, is_year=is_time, context=context,
                  **_openness(qualifier, is_time or reading.kind == RANGE),
                  unit=reading.unit and sys.intern(reading.unit), kind=reading.kind,
                  **read_around)


def _openness(qualifier, exact):
    low_open, high_open = (False, False) if exact else open_bounds(qualifier)
    return {"low_open": low_open, "high_open": high_open}


def _keep(text, match):
    """Leave out a day after a month the date pattern did not take, a lone scale word, the word
    'one' used as a pronoun, and 'one' of a negative quantifier ("no one", "not one": nobody)."""
    # A short window either side is all these rules read; slicing more made long texts quadratic.
    before = text[max(0, match.start("figure") - CONTEXT_CHARS):match.start("figure")]
    after = text[match.end():match.end() + CONTEXT_CHARS]
    low = match.group("low")
    if (low and low[:1].isdigit() and not match.group("qualifier") and DATE_BEFORE.search(before)
            and re.fullmatch(r"\d{1,2}", low)):
        return False
    if low and _key(low) == "one" and NEGATIVE_QUANTIFIER.search(before):
        return False
    if low and not match.group("high") and _key(low) in (
            "one", "dozen", "hundred", "thousand", "million", "billion"):
        return bool(re.match(r"\s+[^\W\d_]", after)) and not re.match(
            r"\s+(?:of|another|side|day)\b", after, re.IGNORECASE)
    return True


def _context(before, after):
    """Label terms from the few words either side of a figure, stopping at sentence breaks."""
    before = SENTENCE_BREAK.split(before)[-1]
    after = SENTENCE_BREAK.split(after)[0]
    words = _label_words(before)[-LABEL_WINDOW_BEFORE:] + _label_words(after)[:LABEL_WINDOW_AFTER]
    # Word by word: the cache then serves the words, which repeat, where windows of them do not.
    return frozenset().union(*map(label_terms, words))


def _label_words(text):
    """Words that can say what a figure counts: "or more people were injured" -> ["injured"]."""
    return [w for w in LETTERS.findall(text) if fold(w) not in NOT_LABEL_WORDS]


def figure_from_record(record, reference=None):
    """A curated figure ({text, value, qualifier, label}, `unit` optional, or a label naming
    it) as a comparable Figure. Its text, read again, gives its kind, unit and range when it
    reads as the record's value; a year is a year only when labelled "year", as curators record
    them. A date without a year takes the year nearest the `reference` date (e.g. the source's
    published date) if given."""
    qualifier = record.get("qualifier")
    value = float(record["value"])
    label = record.get("label")
    reading = read_figure_text(str(record.get("text", "")))
    if reading is None or not _same_value(reading.value, value):
        reading = Reading(None, value, value, value, None)
    elif reading.kind == DATE_KIND and reference is not None:
        reading = _date_reading(record["text"].strip(), reference) or reading
    is_year = (label or "").casefold() == "year" and math.isfinite(value)
    if is_year != (reading.kind == YEAR):
        reading = reading._replace(kind=YEAR if is_year else None)
    # A label that is a unit's name ("feet") gives the unit and says nothing else.
    unit_named = UNIT_NAMES.get(_key(label or "").strip()) if reading.kind is None else None
    if record.get("unit") or unit_named:
        reading = reading._replace(unit=record.get("unit") or unit_named)
    context = frozenset() if unit_named else label_terms(label)
    return _figure(record["text"], reading, qualifier, context, label=label)


def _same_value(one, other):
    return one == other or abs(one - other) <= 1e-9 * max(abs(one), abs(other), 1)


def best_counterpart(figure, candidates):
    """The candidate that counts the same thing as `figure`, or None when none clearly does; a
    time's counterpart is the time that agrees with it, else the nearest of its kind."""
    same_kind = [c for c in candidates if c.is_year == figure.is_year]
    if not same_kind:
        return None
    if figure.is_year:
        return min(same_kind, key=lambda c: (
            not figure.agrees_with(c), c.kind != figure.kind,
            abs(c.value - figure.value) if c.kind == figure.kind else 0))
    same_kind = [c for c in same_kind if comparable_units(figure.unit, c.unit)]
    if not same_kind:
        return None

    def fit(candidate):
        # a unit both give says what is measured as a shared word would; the very unit first; a
        # figure giving where a change started is the earlier report's, the change's only if
        # nothing else is
        measured = figure.unit is not None and candidate.unit is not None
        shared = len(figure.context & candidate.context) + measured
        return (shared > 0 and not reports_before(figure, candidate), shared,
                measured and figure.unit == candidate.unit,
                -len(candidate.context - figure.context))

    best = max(same_kind, key=fit)
    if fit(best)[1] > 0:
        return best
    # One figure each and one side does not say what it counts: they are the same figure.
    if len(same_kind) == 1 and not (figure.context and same_kind[0].context):
        return same_kind[0]
    return None
