"""The corpus rules: what an evidence item, its figures and a claim must keep to be stored.

One Flask-free module used by seeding, `crosscheck import` and curation alike, so what one
accepts the others accept, and a seed folder exported from the database always seeds back.
"""
import re

from rapidfuzz import fuzz

from schemas.corpus import STANCES
from schemas.curation import REF_PATTERN as REF_REGEXP

from .engine.numbers import parse_figure_text

REF_PATTERN = re.compile(REF_REGEXP)


def figure_problems(numbers, quote):
    """Why these figures do not belong to this quote: missing from it, or the wrong value."""
    problems = []
    for number in numbers or []:
        text = str(number.get("text", ""))
        if not text or text not in quote:
            problems.append(f"figure {text!r} is not in the quote")
            continue
        parsed = parse_figure_text(text)
        value = number.get("value")
        if parsed is None or not _same_number(parsed, value):
            problems.append(f"figure {text!r} has value {value!r}, but its text says {parsed!r}")
    return problems


def evidence_problems(item, source_text, source_name):
    """What is wrong with one evidence item, by field (`source_text` is None for an unknown
    source)."""
    problems = {}
    quote = item.get("quote") or ""
    if source_text is None:
        problems["source"] = [f"unknown source {source_name!r}"]
    elif not quote or quote not in source_text:
        problems["quote"] = [f"quote is not verbatim in {source_name}: {quote!r}; the closest "
                             f"passage there is {closest_passage(quote, source_text)!r}"]
    if item.get("stance") not in STANCES:
        problems["stance"] = [f"stance must be one of {STANCES}"]
    figures = figure_problems(item.get("numbers"), quote)
    if figures:
        problems["numbers"] = figures
    return problems


# Characters that keyboards, word processors and web pages swap for one another: a quote that
# differs from its source only in these (or in whitespace) still says exactly what the source says.
INTERCHANGEABLE = {"'": "\u2018\u2019\u201a\u201b\u2032`\u00b4",
                   '"': "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb",
                   "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
# Each interchangeable character, as a regular expression matching any of its group.
ANY_OF_GROUP = {char: f"[{re.escape(plain + variants)}]"
                for plain, variants in INTERCHANGEABLE.items() for char in plain + variants}


def source_span(quote, source_text):
    """The exact passage of the source that the quote gives with other quote marks, apostrophes,
    dashes or whitespace; None when the words themselves differ."""
    pattern = "".join(r"\s+" if token.isspace() else
                      "".join(ANY_OF_GROUP.get(char) or re.escape(char) for char in token)
                      for token in re.split(r"(\s+)", quote.strip()) if token)
    found = re.search(pattern, source_text) if pattern else None
    return found and found.group()


NEEDLE = 120  # the quote's first characters suffice to find its passage, at a bounded cost


def closest_passage(quote, source_text, longest=300):
    """The passage of the source most like the quote, widened to whole words, for a refusal to
    point the editor to."""
    found = fuzz.partial_ratio_alignment(quote[:NEEDLE], source_text)
    start, end = found.dest_start, found.dest_end
    while start > 0 and source_text[start - 1].isalnum():
        start -= 1
    while end < len(source_text) and source_text[end].isalnum():
        end += 1
    return source_text[start:end].strip()[:longest]


def _same_number(parsed, value):
    """Whether `value` is the number `parsed`; a value too large for a float is not."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return abs(parsed - value) <= 1e-9
    except OverflowError:
        return False


def claim_problems(claim, texts):
    """What breaks the seed rules in one well-shaped claim, its evidence checked against `texts`
    ({source ref: text}). `crosscheck import` checks each line with this too, so whatever it
    stores, exported, seeds back."""
    problems = []
    if not claim.get("ref") or not str(claim.get("text") or "").strip():
        problems.append("`ref` and `text` are required")
    if claim.get("ref") and not REF_PATTERN.fullmatch(str(claim["ref"])):
        problems.append("ref must be a lowercase slug (a-z, 0-9, -)")
    for position, item in enumerate(claim.get("evidence") or []):
        found = evidence_problems(item, texts.get(item.get("source")), item.get("source"))
        problems.extend(f"evidence.{position}: {p}" for field in found.values() for p in field)
    return problems


def figure_records(numbers):
    """Figures as stored: exactly these four keys."""
    return [{"text": str(n["text"]), "value": n["value"], "qualifier": n.get("qualifier"),
             "label": n.get("label")} for n in numbers or []]
