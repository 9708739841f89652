"""Engine layer: general English from WordNet and lemminflect, read offline: inflections meet,
and a statement's word or phrase no claim uses is read as its synonym that claims use."""
from service.engine import ClaimRecord, FactChecker
from service.engine.lexicon import WORDNET, lemma
from service.engine.text import content_term, read_tolls

BRIDGE = ClaimRecord(1, "The old bridge over the river collapsed during the storm.")
PRICES = ClaimRecord(2, "Bread prices in the valley rose sharply in spring.")
MARKET = ClaimRecord(3, "The market in the valley opened a new hall.")


def test_wordnet_is_read_from_the_installed_package():
    assert WORDNET
    assert "collapse" in WORDNET.synonyms("give_way")
    assert "rise" in WORDNET.synonyms("climb")
    assert "fall" in WORDNET.antonyms("rise")
    assert WORDNET.is_phrase("team", "up") and not WORDNET.is_phrase("team", "river")


def test_inflections_share_a_term():
    assert lemma("collapsed") == "collapse" and lemma("gave") == "give"
    assert content_term("collapsed") == content_term("collapse")
    result = FactChecker([BRIDGE], min_score=50).check(
        "The old bridge over the river will collapse in a storm")
    assert result.matches and result.matches[0].claim.id == 1


def test_a_phrase_no_claim_uses_is_read_as_its_synonym():
    checker = FactChecker([BRIDGE, PRICES, MARKET], min_score=60)
    result = checker.check("The old bridge over the river gave way during the storm")
    assert result.matches and result.matches[0].claim.id == 1
    assert result.matches[0].explanation.corrected_terms == {"gave way": "collapse"}


def test_a_word_no_claim_uses_is_read_as_a_synonym_claims_use_with_its_other_words():
    checker = FactChecker([BRIDGE, PRICES, MARKET], min_score=60)
    assert checker.check("Bread prices in the valley climbed sharply in spring").matches[
        0].claim.id == 2
    # "climb" is read as "rise" only where a claim uses "rise" with the statement's other words.
    analysis = checker.matcher.analyze_statement("Hikers climbed the hill")
    assert "climb" in analysis.terms and not analysis.corrections


def test_words_the_corpus_uses_are_left_as_they_are():
    analysis = FactChecker([BRIDGE, MARKET]).matcher.analyze_statement(
        "The market hall collapsed")
    assert analysis.corrections == {}


def test_lives_claimed_cost_or_lost_are_people_killed():
    assert read_tolls(["storm", "claimed", "lives"]) == ["storm", "killed"]
    assert read_tolls(["they", "lost", "their", "lives"]) == ["they", "killed"]
    assert read_tolls(["she", "lives", "here"]) == ["she", "lives", "here"]
    toll = ClaimRecord(4, "The storm killed people in the valley.")
    matcher = FactChecker([toll]).matcher
    assert matcher.analyze_statement("The storm claimed lives in the valley").terms == \
        matcher.analyze_statement(toll.text).terms


def test_shorthand_is_read_as_the_word_it_stands_for():
    assert content_term("ppl") is None and content_term("govt") == content_term("government")
