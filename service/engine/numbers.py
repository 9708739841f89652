"""Figures in text: find them with their qualifier and what they count; compare them as intervals.

"about 200 wounded" is the interval [170, 230] of things labelled "wounded"; two figures agree when
their intervals overlap and they count the same thing.
"""
import math
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache

from .text import STOPWORDS, fold, stem

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
NUMBER_WORDS = {**UNITS, **TENS, **SCALES, "dozen": 12}

# Qualifiers, longest first; each maps to (low factor, high factor) applied to the value.
QUALIFIERS = {
    "no fewer than": (1, math.inf), "no less than": (1, math.inf), "at least": (1, math.inf),
    "a minimum of": (1, math.inf), "more than": (1, math.inf), "over": (1, math.inf),
    "above": (1, math.inf), "in excess of": (1, math.inf), "upwards of": (1, math.inf),
    "exceeding": (1, math.inf),
    "nearly": (0.85, 1), "almost": (0.85, 1), "close to": (0.85, 1), "just under": (0.85, 1),
    "approximately": (0.85, 1.15), "about": (0.85, 1.15), "around": (0.85, 1.15),
    "roughly": (0.85, 1.15), "some": (0.85, 1.15), "an estimated": (0.85, 1.15),
    "estimated": (0.85, 1.15), "circa": (0.85, 1.15), "~": (0.85, 1.15),
    "up to": (0, 1), "as many as": (0, 1), "at most": (0, 1), "no more than": (0, 1),
    "fewer than": (0, 1), "less than": (0, 1), "under": (0, 1), "below": (0, 1),
    "only": (1, 1), "just": (1, 1), "merely": (1, 1), "exactly": (1, 1),
}
# Qualifiers whose bound excludes the figure itself: "over 200" is not 200, "nearly 9" is not 9.
OPEN_BELOW = frozenset({"more than", "over", "above", "in excess of", "upwards of", "exceeding"})
OPEN_ABOVE = frozenset({"nearly", "almost", "close to", "just under", "fewer than", "less than",
                        "under", "below"})
QUALIFIER_RE = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
NUMBER_WORD_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
          "june|july|august|september|october|november|december")

FIGURE_RE = re.compile(
    rf"(?:(?<!\w)(?P<qualifier>{QUALIFIER_RE})\s+(?:an?\s+(?=(?:{NUMBER_WORD_RE})\b))?)?"
    rf"(?P<figure>"
    rf"(?P<range>\b\d{{4}}\s*[-/]\s*\d{{2,4}}\b)"
    rf"|(?P<digits>(?<![\w.,])\d+(?:,\d{{3}})*(?:\.\d+)?(?![\w/]|,\d|\.\d))"
    rf"(?:\s+(?P<digit_scale>hundred|thousand|million|billion|trillion)\b)?"
    rf"|(?P<words>\b(?:{NUMBER_WORD_RE})(?:(?:\s+|-|\s+and\s+)(?:{NUMBER_WORD_RE}))*\b)"
    rf")"
    rf"(?P<percent>\s*(?:%|per\s*cent\b|percent\b))?",
    re.IGNORECASE)
# Where a figure can begin: a digit or a number word standing alone (the lookahead only skips, fast,
# the positions where neither can start).
NUMBER_WORD_INITIALS = "".join(sorted({word[0] for word in NUMBER_WORDS}))
FIGURE_START_RE = re.compile(
    rf"(?=[\d{NUMBER_WORD_INITIALS}])(?:\d|\b(?:{NUMBER_WORD_RE})\b)", re.IGNORECASE)
LONGEST_QUALIFIER = max(len(qualifier) for qualifier in QUALIFIERS)
CONTEXT_CHARS = 24
DATE_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s*$", re.IGNORECASE)
NOT_A_FIGURE_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|/\d)", re.IGNORECASE)
LABEL_WINDOW_BEFORE = 3
LABEL_WINDOW_AFTER = 4
GENERIC_LABEL_WORDS = frozenset({"people", "person", "persons", "individuals", "total", "some"})
NOT_LABEL_WORDS = STOPWORDS | GENERIC_LABEL_WORDS
SENTENCE_BREAK = re.compile(r"[.,;:!?()]")
LETTERS = re.compile(r"[^\W\d_]+")
# Words that count the same thing, mapped to one stem so labels compare across outlets.
LABEL_SYNONYMS = {
    "dead": "kill", "death": "kill", "die": "kill", "died": "kill", "kill": "kill",
    "killed": "kill", "fatality": "kill", "fatalitie": "kill", "life": "kill",
    "lives": "kill", "toll": "kill",
    "wound": "injur", "wounded": "injur", "injury": "injur", "injurie": "injur", "injur": "injur",
    "hurt": "injur", "soldier": "troop", "troop": "troop", "personnel": "troop",
    "civilian": "civilian", "resident": "population", "inhabitant": "population",
    "population": "population", "live": "population", "living": "population", "lived": "population",
    "liv": "population", "inhabit": "population", "home": "population",
    "peacekeeper": "troop", "peacekeeping": "troop",
}


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as written, its value, its qualifier, what it counts, and the interval it allows."""

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

    def years(self):
        """The years a year figure names, as whole numbers (none for a count)."""
        if not self.is_year:
            return ()
        return tuple(dict.fromkeys(int(bound) for bound in (self.low, self.high)))

    def agrees_with(self, other):
        """Two figures agree when the ranges they allow overlap ("over 9" and "nearly 9" do not)."""
        return _below(self.low, self.low_open, other.high, other.high_open) and _below(
            other.low, other.low_open, self.high, self.high_open)

    def as_dict(self):
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"text": self.text, "value": value, "qualifier": self.qualifier, "label": self.label}


def _below(low, low_open, high, high_open):
    """Whether a range starting at `low` can meet one ending at `high`."""
    return low < high or (low == high and not (low_open or high_open))


def open_bounds(qualifier):
    """(low bound excluded, high bound excluded) for a qualifier."""
    qualifier = (qualifier or "").casefold()
    return qualifier in OPEN_BELOW, qualifier in OPEN_ABOVE


def words_to_number(text):
    """'two million' -> 2000000, 'twenty-seven' -> 27, 'a dozen' -> 12; None if not a number."""
    total, current = 0, 0
    for word in re.split(r"[\s-]+", fold(text)):
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


def parse_figure_text(text):
    """The value of a figure's text: '2,000' -> 2000, '1.5 million' -> 1500000, 'seven' -> 7."""
    match = FIGURE_RE.fullmatch(text.strip())
    if match:
        return _value_of(match)
    value = words_to_number(text) if re.search(NUMBER_WORD_RE, fold(text)) else None
    return None if value is None else float(value)


def _value_of(match):
    if match.group("range"):
        return float(re.split(r"\s*[-/]\s*", match.group("range"))[0])
    if match.group("digits"):
        value = float(match.group("digits").replace(",", ""))
        if match.group("digit_scale"):
            value *= SCALES[match.group("digit_scale").lower()]
        return value
    value = words_to_number(match.group("words"))
    return None if value is None else float(value)


def interval(value, qualifier, is_year=False):
    """The range of true values a figure with this qualifier allows; a year is the year written
    ("over 2019" in "prices rose over 2019" is the year 2019, not every year after it)."""
    if is_year:
        return value, value
    low_factor, high_factor = QUALIFIERS.get((qualifier or "").casefold(), (1, 1))
    return value * low_factor, value * high_factor


def _is_year(match, value):
    return bool(match.group("range")) or (
        match.group("digits") is not None and "," not in match.group("digits")
        and "." not in match.group("digits") and not match.group("digit_scale")
        and 1800 <= value <= 2100 and not match.group("percent"))


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


def figure_matches(text):
    """What `FIGURE_RE.finditer(text)` finds, faster: the pattern is only tried from just before
    each digit or number word (where a qualifier could start), not at every position."""
    matches, position = [], 0
    while (start := FIGURE_START_RE.search(text, position)) is not None:
        match = FIGURE_RE.search(text, _qualifier_reach(text, start.start(), position))
        if match is None:
            break
        matches.append(match)
        position = match.end()
    return matches


def _qualifier_reach(text, figure_start, floor):
    """A position no later than where a match whose figure starts at `figure_start` can begin:
    back over the spaces, an "a" or "an", more spaces and the longest qualifier (no digit or
    number word lies in between, so no earlier figure's match can begin there)."""
    start = figure_start
    while start > floor and text[start - 1].isspace():
        start -= 1
    start = max(floor, start - len("an"))
    while start > floor and text[start - 1].isspace():
        start -= 1
    return max(floor, start - LONGEST_QUALIFIER)


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


def extract_figures(text):
    """Every figure in `text`, with qualifier, interval and the words around it as its context."""
    return figures_from_matches(text, figure_matches(text))


def figures_from_matches(text, matches):
    """The figures of `text` from its `figure_matches`."""
    figures = []
    matches = [m for m in matches if _keep(text, m)]
    for index, match in enumerate(matches):
        value = _value_of(match)
        if value is None:
            continue
        qualifier = match.group("qualifier")
        qualifier = sys.intern(qualifier.lower()) if qualifier else None
        is_year = _is_year(match, value)
        low, high = interval(value, qualifier, is_year)
        if match.group("range"):
            bounds = [float(b) for b in re.split(r"\s*[-/]\s*", match.group("range"))]
            if bounds[1] < 100:
                bounds[1] += bounds[0] // 100 * 100
            low, high = bounds[0], bounds[1]
        start = matches[index - 1].end() if index else 0
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        context = _context(text[start:match.start()], text[match.end():end])
        figure_text = match.group("figure") + (match.group("percent") or "")
        figures.append(Figure(text=figure_text.strip(), value=value, qualifier=qualifier,
                              label="year" if is_year else ("percent" if match.group("percent")
                                                            else None),
                              low=low, high=high, is_year=is_year, context=context,
                              **_openness(qualifier, match.group("range") or is_year)))
    return figures


def _openness(qualifier, is_range):
    low_open, high_open = (False, False) if is_range else open_bounds(qualifier)
    return {"low_open": low_open, "high_open": high_open}


def _keep(text, match):
    """Leave out the day in 'September 19', clock times, and the word 'one' used as a pronoun."""
    # A short window either side is all these rules read; slicing more made long texts quadratic.
    before = text[max(0, match.start("figure") - CONTEXT_CHARS):match.start("figure")]
    after = text[match.end():match.end() + CONTEXT_CHARS]
    if (match.group("digits") and DATE_BEFORE.search(before) and not match.group("qualifier")
            and float(match.group("digits").replace(",", "")) <= 31):
        return False
    if NOT_A_FIGURE_AFTER.match(after):
        return False
    words = match.group("words")
    if words and fold(words) in ("one", "dozen", "hundred", "thousand", "million", "billion"):
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


def figure_from_record(record):
    """A curated figure ({text, value, qualifier, label}) as a comparable Figure."""
    qualifier = record.get("qualifier")
    value = float(record["value"])
    label = record.get("label")
    is_year = (label or "").casefold() == "year" and math.isfinite(value)
    low, high = interval(value, qualifier, is_year)
    if is_year and re.fullmatch(r"\d{4}\s*[-–/]\s*\d{2,4}", record["text"].strip()):
        bounds = [float(b) for b in re.split(r"\s*[-–/]\s*", record["text"].strip())]
        low, high = bounds[0], bounds[1] + (bounds[0] // 100 * 100 if bounds[1] < 100 else 0)
    return Figure(text=record["text"], value=value, qualifier=qualifier, label=label, low=low,
                  high=high, is_year=is_year, context=label_terms(label),
                  **_openness(qualifier, is_year))


def best_counterpart(figure, candidates):
    """The candidate that counts the same thing as `figure`, or None when none clearly does."""
    same_kind = [c for c in candidates if c.is_year == figure.is_year]
    if not same_kind:
        return None
    if figure.is_year:
        return min(same_kind,
                   key=lambda c: 0 if figure.agrees_with(c) else abs(c.value - figure.value))

    def fit(candidate):
        return (len(figure.context & candidate.context),
                -len(candidate.context - figure.context))

    best = max(same_kind, key=fit)
    if fit(best)[0] > 0:
        return best
    # One figure each and one side does not say what it counts: they are the same figure.
    if len(same_kind) == 1 and not (figure.context and same_kind[0].context):
        return same_kind[0]
    return None
