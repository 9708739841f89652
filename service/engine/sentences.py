"""Split an article into sentences with their character spans, so a CMS can underline each one.

pysbd's rules know abbreviations ("U.S.", "Sept.", "Dr."), decimals and quotes; each sentence is
then located in the original text, so spans index the text exactly as sent.
"""
import pysbd

_segmenter = pysbd.Segmenter(language="en", clean=False)


def sentence_spans(text):
    """[(start, end, sentence)] in order, without surrounding whitespace; text[start:end] == sentence."""
    spans, cursor = [], 0
    for segment in _segmenter.segment(text):
        sentence = segment.strip()
        if not sentence:
            continue
        start = text.find(sentence, cursor)
        if start < 0:  # pysbd never rewrites with clean=False; if it ever does, skip rather than lie
            continue
        cursor = start + len(sentence)
        spans.append((start, cursor, sentence))
    return spans
