"""Engine layer: a name of several words misspelt word by word is still the name, where each word
alone may be too far from its name word to be read as it safely."""
from service.engine import ClaimRecord, FactChecker
from service.engine.entities import EntityTable, capitals_of, needs_capitals
from service.engine.text import one_slip_apart, words

ENTITIES = [
    {"name": "Sirtan Red Crescent", "kind": "organization"},
    {"name": "Red Cross", "kind": "organization"},
    {"name": "Ardania", "kind": "region"},
    {"name": "Tomas Berg", "kind": "person",
     "aliases": ["Berg", "Ardania human rights ombudsman"]},
]
UNKNOWN = lambda word: False  # noqa: E731 - every word is a candidate misspelling


def test_a_name_misspelt_word_by_word_is_read_whole():
    table = EntityTable(ENTITIES)
    tokens, corrections = table.correct(["the", "sritan", "red", "cresent", "said"], UNKNOWN)
    # "sritan" alone is too far from "sirtan" for a name word (fuzz.ratio < TYPO_CUTOFF)
    assert table.canonicalize(tokens) == ["the", "@sirtan_red_crescent", "said"]
    assert corrections == {"sritan": "sirtan", "cresent": "crescent"}


def test_another_name_or_a_possessive_is_not_read_as_a_misspelt_name():
    table = EntityTable(ENTITIES)
    tokens, _ = table.correct(["the", "lebanese", "red", "cross"], UNKNOWN)
    assert table.canonicalize(tokens) == ["the", "lebanese", "@red_cross"]
    # a possessive of a name is not a misspelling of a longer name it resembles
    tokens, corrections = table.correct(["ardania's", "human", "rights", "ombudsman"], UNKNOWN)
    assert tokens[0] == "ardania's" and corrections == {}


def test_a_misspelt_name_finds_its_claim():
    claim = ClaimRecord(1, "The Sirtan Red Crescent denied the toll of 300.")
    checker = FactChecker([claim], ENTITIES, min_score=50)
    result = checker.check("the Sritan Red Cresent denied the toll of 300")
    assert result.matches and result.matches[0].claim.id == 1
    assert result.matches[0].explanation.corrected_terms == {"sritan": "sirtan",
                                                             "cresent": "crescent"}


def test_a_slipped_function_word_is_read_as_it_not_as_a_word_no_claim_has():
    """"frm" and "teh" are "from" and "the": left in, each would be a word of the statement no
    claim says, and the statement would score lower than written right. A slip that is a word of
    its own ("form"), or one the corpus uses, stays."""
    claim = ClaimRecord(1, "Thousands fled Ardania after the storm.")
    checker = FactChecker([claim], ENTITIES, min_score=0)
    slipped = checker.check("Thousands fled frm Ardania after teh storm").matches[0]
    assert slipped.score == checker.check("Thousands fled from Ardania after the storm"
                                          ).matches[0].score
    assert slipped.explanation.corrected_terms == {"frm": "from", "teh": "the"}
    assert "form" not in checker.check("Thousands form Ardania").matches[0].explanation \
        .corrected_terms
    # A name's word is no slip ("Tha" of "Tha Ridge", not "the").
    ridge = [*ENTITIES, {"name": "Tha Ridge", "kind": "region"}]
    checker = FactChecker([ClaimRecord(2, "Thousands fled Tha Ridge.")], ridge, min_score=0)
    assert checker.check("Thousands fled frm Tha Ridge").matches[0].explanation \
        .matched_entities == ["Tha Ridge"]


FIRE_ENTITIES = [
    {"name": "Sibyl Ridge", "kind": "region"},
    {"name": "Ridge Fire Authority", "kind": "organization", "aliases": ["RFA"]},
    {"name": "World Weather Office", "kind": "organization", "aliases": ["WHO"]},
]
CABINS = ClaimRecord(1, "The Ridge Fire Authority said a blaze near Sibyl Ridge destroyed forty "
                        "cabins.")


def test_a_slip_that_fuzz_ratio_counts_twice_is_still_read_as_the_word():
    """A wrong, swapped or doubled letter in a short word ("blaez", "sybil", "cabbins") scores
    under TYPO_CUTOFF with fuzz.ratio, which counts it as two edits; one slip apart, in a word
    that is no English word, it is the word."""
    checker = FactChecker([CABINS], FIRE_ENTITIES, min_score=0)
    right = checker.check("The Ridge Fire Authority said a blaze near Sibyl Ridge destroyed forty "
                          "cabins").matches[0]
    slipped = checker.check("The Ridge Fire Authority said a blaez near Sybil Ridge destroyed "
                            "forty cabbins").matches[0]
    assert slipped.score == right.score
    assert slipped.explanation.corrected_terms == {"sybil": "sibyl", "blaez": "blaze",
                                                   "cabbin": "cabin"}
    assert one_slip_apart("popluation", "population") and one_slip_apart("lybia", "libya")
    # an English word is no slip of another ("denial" of "daniel"), nor is another first letter
    assert not one_slip_apart("denial", "daniel") and not one_slip_apart("gaze", "blaze")


def test_an_acronym_that_is_no_english_word_is_read_in_lower_case():
    checker = FactChecker([CABINS], FIRE_ENTITIES, min_score=0)
    lower = checker.check("the rfa said a blaze near sibyl ridge destroyed forty cabins")
    assert lower.matches[0].explanation.matched_entities == ["Ridge Fire Authority", "Sibyl Ridge"]
    table = EntityTable(FIRE_ENTITIES)
    assert table.canonicalize(words("people who fled"), capitals_of("people who fled")) == [
        "people", "who", "fled"]
    # a word of running English needs capitals; one WordNet lists only as a name ("un") does not
    assert [needs_capitals(name, (name.lower(),)) for name in ("WHO", "AID", "UN", "RFA")] == [
        True, True, False, False]


def test_a_slipped_verb_form_is_read_with_the_e_its_stem_lost():
    """No lemma restores the "e" of a misspelt "relased", so the light stem cuts it to "relas",
    two edits from "release"; with the "e" back it is one slip away."""
    checker = FactChecker([ClaimRecord(1, "Crews released water from the reservoir above "
                                          "Sibyl Ridge.")], FIRE_ENTITIES, min_score=0)
    match = checker.check("crews relased water from the reservoir above sibyl ridge").matches[0]
    assert match.explanation.corrected_terms == {"relas": "release"}
    assert match.score == 100
