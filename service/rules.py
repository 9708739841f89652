"""The corpus rules: what an evidence item, its figures and a claim must keep to be stored.

One Flask-free module used by seeding, `crosscheck import` and curation alike, so what one
accepts the others accept, and a seed folder exported from the database always seeds back.
"""
import re

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
        problems["quote"] = [f"quote is not verbatim in {source_name}: {quote!r}"]
    if item.get("stance") not in STANCES:
        problems["stance"] = [f"stance must be one of {STANCES}"]
    figures = figure_problems(item.get("numbers"), quote)
    if figures:
        problems["numbers"] = figures
    return problems


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
