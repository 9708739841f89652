"""Split an article into sentences with their character spans, so a CMS can underline each one.

pysbd's rules know abbreviations ("U.S.", "Sept.", "Dr."), decimals and quotes; each sentence is
then located in the original text, so spans index the text exactly as sent. pysbd slows down with
the square of its input, so it is fed paragraphs cut into pieces of at most PIECE characters, and no
sentence is longer than MAX_SENTENCE (what /check accepts).
"""
import re
import threading

import pysbd

PIECE = 4000
MAX_SENTENCE = 2000
_local = threading.local()


def _segmenter():
    """This thread's pysbd Segmenter: one keeps the text it segments on itself, so two threads
    sharing one would split each other's text."""
    if not hasattr(_local, "segmenter"):
        _local.segmenter = pysbd.Segmenter(language="en", clean=False)
    return _local.segmenter


def _cut(text, start, limit, boundary):
    """(offset, piece) of text[start:] in pieces of at most `limit` characters, each ending at the
    last `boundary` match inside the limit where there is one."""
    while len(text) - start > limit:
        window = text[start:start + limit]
        ends = [m.end() for m in boundary.finditer(window)]
        end = start + (ends[-1] if ends and ends[-1] > 0 else limit)
        yield start, text[start:end]
        start = end
    if start < len(text):
        yield start, text[start:]


SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
WHITESPACE = re.compile(r"\s+")


def _sentences(text):
    """(offset, sentence) pairs straight from pysbd, paragraph by paragraph, piece by piece."""
    for paragraph in re.finditer(r"[^\n]+", text):
        for offset, piece in _cut(paragraph.group(), 0, PIECE, SENTENCE_END):
            cursor = 0
            for segment in _segmenter().segment(piece):
                found = piece.find(segment.strip(), cursor) if segment.strip() else -1
                if found < 0:  # pysbd never rewrites with clean=False; if it ever does, skip
                    continue
                cursor = found + len(segment.strip())
                yield paragraph.start() + offset + found, segment.strip()


def sentence_spans(text):
    """[(start, end, sentence)] in order, stripped of whitespace; text[start:end] == sentence."""
    spans = []
    for start, sentence in _sentences(text):
        for offset, part in _cut(sentence, 0, MAX_SENTENCE, WHITESPACE):
            part_start = start + offset + (len(part) - len(part.lstrip()))
            part = part.strip()
            if part:
                spans.append((part_start, part_start + len(part), part))
    return spans
