"""Split a sentence into the facts it states, each with its character span in the sentence.

"Azerbaijan began the operation on Tuesday, and the ministry said 27 people died" states two facts;
"At least 27 people have been killed and 200 wounded" states two figures, each a fact to check.
A sentence is cut where a clause boundary (a semicolon, a comma before a conjunction) or a
conjunction between two figure-bearing parts stands, never inside quotation marks, and never where
a part would be too short to state anything. An attribution ("..., they said", "according to the
WHO", "the WHO said ...") stays with what it attributes: every clause it covers carries it.
Plain functions over plain strings; the rules are data (one list entry each).
"""
import re
from dataclasses import dataclass

from .numbers import extract_figures
from .text import SPEECH_WORDS, fold, speaker_span

# Where one clause ends and the next begins, with whether both parts must bear a figure.
# A newcomer adds a boundary here (one pattern, one test).
BOUNDARIES = [
    (re.compile(r"\s*;\s+"), False),
    (re.compile(r",\s+(?:and|but|while|whereas|yet|although|though)\s+", re.IGNORECASE), False),
    (re.compile(r"\s+(?:but|whereas)\s+", re.IGNORECASE), False),
    # "27 killed and 200 wounded": a conjunction between two figures splits two counts.
    (re.compile(r",?\s+(?:and|while|with)\s+(?=\S)", re.IGNORECASE), True),
]
# A part before the cut that ends like this belongs with what follows ("between 5,000 and 6,000").
NO_CUT_AFTER = [
    re.compile(r"\bbetween\s+\S+$", re.IGNORECASE),
    re.compile(r"\bboth\s+\S+$", re.IGNORECASE),
]
MIN_WORDS = 4  # a part shorter than this states nothing alone ("and Iran")
MIN_WORDS_WITH_FIGURE = 2  # unless it bears a figure ("200 wounded")
# Attributions: a speech verb in a short comma-bounded tail or head of the sentence, or
# "according to ..." anywhere.
ATTRIBUTION_MAX_WORDS = 12
TAIL_MAX_WORDS = 7
ACCORDING_TO = re.compile(r"\baccording to\b[^,.;]*", re.IGNORECASE)
QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»"}
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Clause:
    """A fact as stated: text[start:end] of the sentence, and the words attributing it, if any."""

    start: int
    end: int
    text: str
    attribution: str | None = None


def _word_count(text):
    return len(WORD_RE.findall(text))


def _has_speech_word(text):
    if text.isascii():  # fold only lowers an ASCII word, and lowering moves no word boundary
        return not SPEECH_WORDS.isdisjoint(WORD_RE.findall(text.lower()))
    return any(fold(word) in SPEECH_WORDS for word in WORD_RE.findall(text))


def _quoted(sentence):
    """Character positions inside quotation marks, where no cut is made."""
    if not any(mark in sentence for mark in QUOTE_PAIRS):
        return set()
    inside, closing = set(), None
    for position, char in enumerate(sentence):
        if closing is None and char in QUOTE_PAIRS:
            closing = QUOTE_PAIRS[char]
        elif closing is not None and char == closing:
            closing = None
        elif closing is not None:
            inside.add(position)
    return inside if closing is None else set()  # an unclosed quote: trust nothing


def attribution_of(text, head=True):
    """The words of `text` that attribute it to someone ("they said", "according to the WHO",
    "Pashinyan said"), or None when it states its content as fact. A short comma-bounded tail
    ("..., the ministry said") attributes all that precedes it; with `head`, so does an opening
    ("The ministry said ...")."""
    according = ACCORDING_TO.search(text)
    if according:
        return according.group().strip()
    segments = [s.strip(" .!?:") for s in re.split(r"[,“”\"]", text) if s.strip(" .!?:")]
    if len(segments) > 1 and _word_count(segments[-1]) <= TAIL_MAX_WORDS:
        found = _attribution_in(segments[-1], TAIL_MAX_WORDS)
        if found:
            return found
    if head and segments:  # the speech verb among the head's first ATTRIBUTION_MAX_WORDS words
        return _attribution_in(segments[0], ATTRIBUTION_MAX_WORDS - 1)
    return None


# Whom a speaker told ("told CNN the UN ...", "told the BBC that ...", "told reporters ..."): a
# name in capitals, or one word, after an optional "the".
ADDRESSEE = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*|\w+)\s+(?=\S)")


def reported_fact(text):
    """(the words attributing `text`, what they report someone said): "IFRC says 10,000 are
    missing" -> ("IFRC says", "10,000 are missing"); None when nothing attributes it or too
    little is left (MIN_WORDS)."""
    attribution = attribution_of(text)
    if not attribution or attribution not in text:
        return None
    rest = text.replace(attribution, " ", 1).strip(" ,.:")
    if re.search(r"\b(?:told|tells|tell|telling)$", attribution, re.IGNORECASE):
        rest = ADDRESSEE.sub("", rest, count=1)
    rest = re.sub(r"^that\s+", "", rest, flags=re.IGNORECASE)
    return (attribution, rest) if _word_count(rest) >= MIN_WORDS else None


def _attribution_in(segment, max_words):
    """The words of a segment that attribute it, where `speaker_span` finds its speaker and speech
    verb within `max_words` of its start: up to the verb ("the ministry said"), or all of it where
    the speaker follows the verb ("said the ministry"); None where it finds none."""
    found = list(WORD_RE.finditer(segment))
    span = speaker_span([fold(word.group()) for word in found], max_words)
    if span is None or span[2] > max_words:
        return None
    start, _, verb = span
    return segment[:found[verb].end()].strip() if start == 0 else segment.strip()


def _cuts(sentence):
    """[(start, end)] of the boundaries to cut at, in order."""
    quoted = _quoted(sentence)
    figure_bearing = {}

    def bears_figure(part):
        if part not in figure_bearing:
            figure_bearing[part] = any(not f.is_year for f in extract_figures(part))
        return figure_bearing[part]

    cuts, last = [], 0
    candidates = sorted({(m.start(), m.end(), needs_figures)
                         for pattern, needs_figures in BOUNDARIES
                         for m in pattern.finditer(sentence)})
    for start, end, needs_figures in candidates:
        if start < last or start in quoted or end - 1 in quoted:
            continue
        before, after = sentence[last:start], sentence[end:_next_stop(sentence, end)]
        if any(rule.search(before) for rule in NO_CUT_AFTER):
            continue
        if needs_figures and not (bears_figure(before) and bears_figure(after)):
            continue
        if not (_long_enough(before, bears_figure) and _long_enough(after, bears_figure)):
            continue
        cuts.append((start, end))
        last = end
    return cuts


def _next_stop(sentence, position):
    """Where the part starting at `position` ends at the latest: the next clause-like break."""
    stop = re.compile(r"[;]|,\s+(?:and|but|while|whereas|yet)\s+", re.IGNORECASE).search(
        sentence, position)
    return stop.start() if stop else len(sentence)


def _long_enough(part, bears_figure):
    if _has_speech_word(part) and _word_count(part) <= 3 and not bears_figure(part):
        return False  # "they said" alone is an attribution, not a fact
    return _word_count(part) >= (MIN_WORDS_WITH_FIGURE if bears_figure(part) else MIN_WORDS)


def split_clauses(sentence):
    """The facts a sentence states, as Clauses whose spans index `sentence` exactly."""
    if not sentence.strip():
        return []
    return _clauses(sentence, _cuts(sentence))


def several_facts(sentence):
    """split_clauses where the sentence states several facts, else []: a sentence with no cut
    (most) is not read for its attributions."""
    cuts = _cuts(sentence) if sentence.strip() else []
    clauses = _clauses(sentence, cuts) if cuts else []
    return clauses if len(clauses) > 1 else []


def _clauses(sentence, cuts):
    """The Clauses of a sentence cut at `cuts`."""
    whole_attribution = attribution_of(sentence, head=False)
    pieces, position = [], 0
    for start, end in cuts:
        pieces.append((position, start))
        position = end
    pieces.append((position, len(sentence)))
    clauses, carried = [], None
    for start, end in pieces:
        text = sentence[start:end]
        start += len(text) - len(text.lstrip())
        text = _trim(text)
        if not text:
            continue
        own = attribution_of(text)
        # "X said A, and B": what follows an opening attribution is still X's.
        carried = own or carried
        clauses.append(Clause(start=start, end=start + len(text), text=text,
                              attribution=carried or whole_attribution))
    return clauses


def _trim(text):
    """The part without surrounding space, joining punctuation or a sentence's closing full stop
    (kept after a capital, as in "U.S.")."""
    text = text.strip().rstrip(",;:")
    if text.endswith(".") and len(text) > 1 and not text[-2].isupper():
        text = text[:-1]
    return text


def clause_spans(text, sentence_spans):
    """[(start, end, Clause)] over a whole text, from its sentence spans [(start, end, sentence)]:
    the clause's span indexes `text`."""
    return [(start + clause.start, start + clause.end, clause)
            for start, _, sentence in sentence_spans for clause in split_clauses(sentence)]
