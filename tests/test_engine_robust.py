"""Engine layer: no text, as statement or as claim, makes the engine raise; the one kind of text
it will not analyse is refused with TextRefused and a reason."""
import random
import re
import string

import pytest

from benchmarks.robustness import SHARED, PhraseGenerator, Tally, bulk_texts, feed, real_checker
from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo, TextRefused
from service.engine import numbers
from service.engine.text import words

SOURCE = SourceInfo(id=1, title="A source")


def claim(claim_id, text, quote=None, numbers=()):
    evidence = (EvidenceRecord(SOURCE, "supports", quote or text, tuple(numbers)),)
    return ClaimRecord(claim_id, text, evidence=evidence)


@pytest.mark.parametrize("text", [
    "Prices rose over 2019", "Sales grew by at least 2019 units", "more than 2019 people",
    "Turnover 2019 was flat", "Prices rose over \u0662\u0660\u0661\u0669",  # Arabic-Indic digits
    "over 1999-2005 the town grew"])
def test_a_qualified_year_as_claim_and_as_statement_is_checked(text):
    """"over 2019" once made an interval to infinity and the year's term raised OverflowError."""
    checker = FactChecker([claim(1, text), claim(2, "The harvest failed in 2019")], min_score=0)
    result = checker.check(text)
    assert result.matches[0].claim.id == 1
    assert checker.check("The harvest failed in 2019").matches[0].claim.id == 2


def test_a_lone_negation_is_a_word_of_its_own():
    assert words("Russia did n't condemn the offensive") == [
        "russia", "did", "n't", "condemn", "the", "offensive"]
    assert words("n't") == ["n't"]


def test_a_lone_negation_as_claim_and_as_statement_is_checked():
    """An empty token from " n't" made predicate_unmatched raise IndexError."""
    checker = FactChecker([claim(1, "Russia did n't condemn the offensive"),
                           claim(2, "Russia condemned the offensive")], min_score=0)
    for statement in ["Russia did n't condemn the offensive", "Russia praised the offensive",
                      "Russia n't", "n't"]:
        assert checker.check(statement).verdict in {"supported", "contradicted", "disputed",
                                                    "unverified"}


@pytest.mark.parametrize("text", ["Russia \ud800condemned", "\udfff", "2019 \udc80 killed"])
def test_text_that_is_not_unicode_is_refused_with_a_reason(text):
    checker = FactChecker([claim(1, "Russia condemned the offensive")])
    with pytest.raises(TextRefused, match="lone surrogate"):
        checker.check(text)
    # As a claim it costs that claim only: left out of the engine, with the reason.
    stored = FactChecker()
    refused = stored.matcher.add(claim(2, text))
    assert len(stored) == 0 and "TextRefused" in refused[2] and "lone surrogate" in refused[2]
    assert issubclass(TextRefused, ValueError)


def test_a_fraction_of_a_million_is_not_a_million():
    checker = FactChecker([claim(1, "About 1 million residents fled the city",
                                 numbers=[{"text": "1 million", "value": 1_000_000,
                                           "qualifier": "about", "label": "residents fled"}])],
                          min_score=0)
    for statement in ["Half a million residents fled the city",
                      "A quarter of a million residents fled the city"]:
        assert checker.check(statement).verdict == "contradicted"
    assert checker.check("A million residents fled the city").verdict == "supported"


def test_a_word_ending_in_a_qualifier_does_not_qualify_the_figure():
    """"Moreover 27" once read as "over 27", which agrees with 30 and flipped the verdict."""
    checker = FactChecker([claim(1, "27 people were killed in the attack",
                                 quote="30 people were killed in the attack",
                                 numbers=[{"text": "30", "value": 30, "qualifier": None,
                                           "label": "killed"}])], min_score=0)
    assert checker.check("Moreover 27 people were killed in the attack").verdict == "contradicted"
    assert checker.check("Over 27 people were killed in the attack").verdict == "supported"


# Bulk: real text and generated phrases, a seeded sample of what benchmarks/robustness.py feeds.

BULK_SAMPLE = 40  # texts from each real collection
PHRASE_SAMPLE = 300


def fed_without_exceptions(texts, real):
    tally = feed(texts, real, Tally())
    assert tally.fed == len(texts)
    assert tally.exceptions == 0, "\n".join(f"{what}: {text}\n{trace}"
                                            for what, text, trace in tally.examples)


@pytest.fixture(scope="module")
def real():
    return real_checker(SHARED if SHARED.is_dir() else None, clef_limit=300)


def test_generated_phrases_full_of_figures_raise_nothing(real):
    fed_without_exceptions(PhraseGenerator(seed=13).phrases(PHRASE_SAMPLE), real)


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} (the shared material beside the "
                    "project: CLEF claims and tweets, seed articles, stories) is absent")
def test_real_text_in_bulk_raises_nothing(real):
    rng = random.Random(13)
    for name, texts in bulk_texts(SHARED).items():
        fed_without_exceptions(rng.sample(texts, min(BULK_SAMPLE, len(texts))), real)


def case_lookalikes():
    """{ASCII letter: the characters beyond ASCII a case-insensitive pattern takes for it}."""
    found = {}
    for code in range(0x80, 0x20000):
        character = chr(code)
        for letter in {character.lower(), character.casefold(), character.upper().lower()}:
            if letter in string.ascii_lowercase and re.fullmatch(letter, character, re.I):
                found.setdefault(letter, []).append(character)
    return found


def test_figure_words_spelt_with_case_lookalikes_are_read_without_raising():
    """"frıday" (a dotless i) matched the weekday pattern and then missed the weekday table."""
    lookalikes = case_lookalikes()
    table_words = [*numbers.WEEKDAYS, *numbers.MONTH_NUMBERS, *numbers.UNIT_NAMES,
                   *numbers.NUMBER_WORDS, *numbers.FRACTIONS, *numbers.QUALIFIERS,
                   *numbers.SHORT_SCALES, *numbers.RANGE_OPENERS, *numbers.UNIT_PREFIXES]
    read = 0
    for word in table_words:
        for at, letter in enumerate(word):
            for lookalike in lookalikes.get(letter, ()):
                spelt = word[:at] + lookalike + word[at + 1:]
                for text in (f"{spelt} 10", f"10 {spelt} 2023", f"$10{spelt}",
                             f"between 5 {spelt} 6", f"a {spelt} of a million"):
                    read += len(numbers.extract_figures(text))
    assert read > 100
    assert [(f.kind, f.value) for f in numbers.extract_figures("fr\u0131day, apr\u0131l 10")] == [
        ("weekday", 5), ("date", 410)]
