"""Engine layer: sentence spans index the text exactly, whatever its shape."""
import sys
import threading

import pytest

from service.engine.sentences import MAX_SENTENCE, sentence_spans


def spans_of(text):
    spans = sentence_spans(text)
    assert all(text[start:end] == sentence for start, end, sentence in spans)
    return [sentence for _, _, sentence in spans]


def test_abbreviations_decimals_and_quotes_do_not_end_a_sentence():
    text = "The U.S. envoy met Dr. Smith on Sept. 20. He said 2.5 million fled.\n\nA “quoted.” Done"
    assert spans_of(text) == ["The U.S. envoy met Dr. Smith on Sept. 20.",
                              "He said 2.5 million fled.", "A “quoted.”", "Done"]


@pytest.mark.parametrize("text", [
    " ".join(f"{n} people" for n in range(1, 10_001)),   # one 90,000-character 'sentence'
    "word " * 30_000,
    ("A short sentence. " * 3000) + "x" * 5000,
])
def test_no_sentence_is_longer_than_check_accepts_and_nothing_is_lost(text):
    sentences = spans_of(text)
    assert max(len(s) for s in sentences) <= MAX_SENTENCE
    assert "".join("".join(s.split()) for s in sentences) == "".join(text.split())


def test_threads_splitting_at_once_each_get_their_own_sentences():
    """pysbd keeps the text it segments on the segmenter: threads sharing one split each other's
    text (the curation page's extract and align requests once did)."""
    texts = [" ".join(f"Sentence {n} of text {t} says {n * t} things." for n in range(60))
             for t in range(1, 5)]
    expected = [sentence_spans(text) for text in texts]
    results = {}
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so that sharing shows
    try:
        threads = [threading.Thread(target=lambda i=i: results.__setitem__(
            i, [sentence_spans(texts[i]) for _ in range(5)])) for i in range(len(texts))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    for i, spans in results.items():
        assert all(run == expected[i] for run in spans)
