"""Splitting a sentence into the facts it states, with spans into the sentence."""
import pytest

from service.engine.clauses import attribution_of, clause_spans, several_facts, split_clauses
from service.engine.sentences import sentence_spans
from service.engine.text import fold, speaker, speaker_span, words


def texts(sentence):
    return [clause.text for clause in split_clauses(sentence)]


def test_spans_index_the_sentence_exactly():
    sentence = "Azerbaijan began its operation on Tuesday, and the ministry said 27 troops died."
    for clause in split_clauses(sentence):
        assert sentence[clause.start:clause.end] == clause.text


def test_a_compound_sentence_states_two_facts():
    assert texts("Azerbaijan began its operation on Tuesday, and the ministry said 27 troops "
                 "died.") == ["Azerbaijan began its operation on Tuesday",
                              "the ministry said 27 troops died"]


def test_two_figures_joined_by_and_are_two_facts():
    assert texts("At least 27 people have been killed and 200 wounded.") == [
        "At least 27 people have been killed", "200 wounded"]


@pytest.mark.parametrize("sentence", [
    "Between 5,000 and 6,000 people are missing.",
    "Russia and the United States called for calm.",
    "The storm hit the coast and flooded the old town.",
])
def test_a_single_fact_stays_whole(sentence):
    assert texts(sentence) == [sentence.rstrip(".")]
    assert several_facts(sentence) == []


@pytest.mark.parametrize("sentence", [
    "At least 27 people have been killed and 200 wounded, they said.",
    "Azerbaijan began the operation on Tuesday, and the ministry said 27 people died.",
    "  ",
])
def test_several_facts_are_the_clauses_of_a_sentence_stating_more_than_one(sentence):
    assert several_facts(sentence) == (split_clauses(sentence)
                                       if len(split_clauses(sentence)) > 1 else [])


def test_no_cut_inside_quotation_marks():
    sentence = "“Stop the bloodshed, and stop hostilities,” the ministry said in a statement."
    assert len(split_clauses(sentence)) == 1


def test_a_tail_attribution_covers_every_clause():
    clauses = split_clauses("At least 27 people have been killed and 200 wounded, they said.")
    assert [c.attribution for c in clauses] == ["they said", "they said"]


def test_an_opening_attribution_carries_forward_not_back():
    clauses = split_clauses("The dam burst on Sunday night, and the WHO said 3,958 people died.")
    assert [c.attribution for c in clauses] == [None, "the WHO said"]
    clauses = split_clauses("The WHO says the flood killed 27 people, and injured over 200.")
    assert [c.attribution for c in clauses] == ["The WHO says", "The WHO says"]


@pytest.mark.parametrize("sentence, attribution", [
    ("Some 10,000 are missing, according to the Red Crescent.", "according to the Red Crescent"),
    ("Pashinyan said the region was being shelled.", "Pashinyan said"),
    ("The region was shelled overnight.", None),
    ("Rescue teams kept recovering bodies from the flooded valley, said", "said"),
    # an opening "Claims" is a noun here: a speaker after the verb is as short as one before it
    ("Claims of looting in the harbour district were denied by the port authority on Monday "
     "morning.", None),
])
def test_attribution_of(sentence, attribution):
    assert attribution_of(sentence) == attribution


@pytest.mark.parametrize("sentence, statement_speaker, attribution", [
    ("Harbour officials said the pier collapsed.", ["harbour", "officials"],
     "Harbour officials said"),
    ("The old wooden pier collapsed overnight, says the port spokesman.",
     ["the", "port", "spokesman"], "says the port spokesman"),
    ("The pier collapsed into the bay on a stormy night.", [], None),
])
def test_a_statement_and_a_clause_read_their_speaker_alike(sentence, statement_speaker,
                                                           attribution):
    """Who said it is read in one place (text.speaker_span): for a statement's tokens and for a
    clause's attribution, each over its own words."""
    assert speaker(words(sentence.replace(",", ""))) == statement_speaker
    assert attribution_of(sentence) == attribution
    span = speaker_span([fold(word) for word in sentence.strip(".").split()])
    assert (span is None) is (attribution is None)


def test_clause_spans_index_the_whole_text():
    text = "The river rose overnight. Some 40 homes were destroyed and 12 people were missing."
    spans = clause_spans(text, sentence_spans(text))
    assert [text[start:end] for start, end, _ in spans] == [
        "The river rose overnight", "Some 40 homes were destroyed", "12 people were missing"]
