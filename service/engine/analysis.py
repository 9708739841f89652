"""Text analysis: any text reduced to what matching needs (terms, figures, negation cues, entities
in order), and the few features of a stored claim that search and judging read besides its terms."""
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from .clauses import several_facts
from .entities import ACTOR_CLASSES, TYPO_CUTOFF, TYPO_MIN_LENGTH, EntityTable
from .lexicon import WORDNET, is_english, lemma
from .numbers import figure_matches, figures_from_matches, relabelled, unhedged, without_matches
from .text import (FUNCTION_WORD_SLIPS, NO_MARKS, OPPOSITE_WORDS, STOPWORDS, SYNONYMS,
                   Vocabulary, content_term, content_terms, curated_term, negation_cues,
                   one_slip_apart, polarize, read_tolls, words)

# Words the index never holds as such: synonyms are stored as their common term, opposites as
# their pair's term, so a misspelling of them is corrected here.
MERGED_WORDS = sorted(word for word in {*SYNONYMS, *OPPOSITE_WORDS} if len(word) >= TYPO_MIN_LENGTH)
# Bodies an actor speaks through, and how many words ("foreign", "defence") may stand between.
SPOKESBODIES = frozenset({"ministry", "spokesman", "spokeswoman", "spokesperson", "office",
                          "officials", "department"})
MAX_SPOKESBODY_GAP = 1
# Verbs that credit a fact to its source, and what may stand between "to" and the source.
CREDIT_VERBS = frozenset({"credit", "attribute", "ascribe"})
ARTICLES = frozenset({"the", "a", "an"})
# What a text calls an organisation it has named ("the agency"; not "the body", too often a dead
# person's), and the kinds of entity it names.
ORGANISATION_NOUNS = frozenset({"organisation", "organization", "agency", "group"})
ORGANISATION_KINDS = frozenset({"organization", "organisation", "group"})
# Of the statement's other words, how many (the rarest) a synonym is tried against: it is taken
# only where a claim uses it with one of them; and how many synonyms claims use are tried.
SYNONYM_CONTEXT = 3
SYNONYMS_TRIED = 4


@dataclass
class Analysis:
    """A text reduced to what matching needs: terms, figures, negation cues, entities in order."""

    text: str
    terms: list
    figures: list
    negations: list
    polarity: frozenset = frozenset()
    entities: tuple = ()
    tokens: list = field(default_factory=list, repr=False)
    corrections: dict = field(default_factory=dict)
    readings: dict = field(default=None, repr=False)  # readings(), asked for on first need
    near: dict = field(default_factory=dict, repr=False)  # near_terms, term by term
    # What search reads of the statement (Matcher.statement_reading), its candidates scored by
    # (key floor, how many kept) and its closer looks by (claim id, score, floor): a check
    # searches one statement several times, often down to the same floor.
    reading: tuple = field(default=None, repr=False)
    scored: dict = field(default_factory=dict, repr=False)
    looks: dict = field(default_factory=dict, repr=False)

    @cached_property
    def counts(self):
        """The text's figures that are no years: what it counts, measures or dates by day."""
        return [f for f in self.figures if not f.is_year]

    @cached_property
    def facts(self):
        """The facts the text states where it states several (clauses.several_facts), else []:
        split once for search and the verdict."""
        return several_facts(self.text)


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    """What search and judging read of a stored claim besides its terms (which the index holds),
    kept small: a million of these stay in memory."""

    figures: tuple = ()
    negated: bool = False  # has a negation cue; which ones is read again from the text if needed
    polarity: frozenset = NO_MARKS
    entities: tuple = ()

    @classmethod
    def of(cls, analysis):
        features = cls(tuple(analysis.figures), bool(analysis.negations), analysis.polarity,
                       analysis.entities)
        return NO_FEATURES if features == NO_FEATURES else features


NO_FEATURES = ClaimFeatures()


class TextAnalyzer:
    """Turns any text into an Analysis, using the corpus's entity names and its vocabulary
    ({word: the word it means}, the corpus's own synonyms)."""

    def __init__(self, entities=None, vocabulary=None):
        self.entities = entities or EntityTable()
        self.vocabulary = Vocabulary(vocabulary)
        listed = [term for term in self.vocabulary.means if len(term) >= TYPO_MIN_LENGTH]
        self.merged_words = sorted({*MERGED_WORDS, *listed})

    def tokens(self, text):
        """The text's tokens with entity names and the corpus's vocabulary read."""
        table = self.entities
        return self.vocabulary.rewrite(table.canonicalize(words(text), table.capitals(text)))

    def analyze(self, text, is_known=None, corpus=None):
        """`is_known` (word -> bool), given for statements, lets misspelt names be corrected;
        `corpus` (the claim index), given for statements, lets words no claim uses be read as
        their synonyms that claims use."""
        matches = figure_matches(text)
        wording = without_matches(text, matches)
        tokens, corrections = words(wording), {}
        if is_known is not None:
            tokens, corrections = self.entities.correct(tokens, is_known)
        tokens = self.entities.canonicalize(tokens, self.entities.capitals(wording))
        if is_known is not None:
            # After the names are read: a name's word is no slip.
            tokens = unslipped(tokens, is_known, corrections)
            # A statement's office names its one holder; a claim's is left as written, its
            # holder related to it (a term added to a claim would only dilute its score).
            tokens = self.entities.with_holders(tokens)
        tokens = unhedged(read_tolls(self.read_credits(self.read_back_references(tokens))))
        tokens = self.vocabulary.rewrite(tokens)
        if corpus is not None:
            tokens = paraphrased(without_adverbs(tokens), corpus, corrections)
        entities = tuple(dict.fromkeys(t for t in tokens if t.startswith("@")))
        # Only a named actor speaks through a body; most texts have none to look for.
        terms = content_terms(without_spokesbody(tokens) if entities else tokens)
        if is_known is not None:
            terms = [self._misspelt_merged(term, is_known, corrections) for term in terms]
        terms, polarity = polarize(terms)
        figures = relabelled(figures_from_matches(text, matches), self.vocabulary.means)
        terms += year_terms(figures)
        return Analysis(text=text, terms=terms, polarity=polarity, figures=figures,
                        negations=negation_cues(tokens),
                        entities=entities, tokens=tokens, corrections=corrections)

    def read_back_references(self, tokens):
        """The tokens with each "the organisation" (agency, group) read as the organisation
        the text named last before it ("the Red Crescent's spokesman said the organisation had
        not announced it"): a claim names it, not the word the text refers to it by."""
        if ORGANISATION_NOUNS.isdisjoint(tokens):
            return tokens
        kinds = self.entities.kind
        read, last = list(tokens), None
        for i, token in enumerate(tokens):
            if kinds.get(token) in ORGANISATION_KINDS:
                last = token
            elif (last and token in ORGANISATION_NOUNS and i and tokens[i - 1] == "the"
                  and tokens[i + 1:i + 2] != ["of"]):
                read[i - 1:i + 1] = ["", last]
        return [token for token in read if token]

    def read_credits(self, tokens):
        """The tokens without the verb of each passive "<be> credited|attributed|ascribed to
        <actor>": the actor is where the fact comes from, which a claim may say without the verb
        ("the figure was credited to the WHO by an agency spokesperson" for "the WHO had
        confirmed the figure"); who credits whom still reads from the order of the names and the
        "by" (matcher._direction). In the active voice ("the agency attributed the toll to X")
        the verb stays: that someone credits it is what is claimed."""
        kinds = self.entities.kind_class
        kept = []
        for i, token in enumerate(tokens):
            if not (0 < i < len(tokens) - 1 and tokens[i + 1] == "to"
                    and lemma(token) in CREDIT_VERBS and lemma(tokens[i - 1]) == "be"
                    and kinds.get(next((t for t in tokens[i + 2:i + 4] if t not in ARTICLES),
                                       "")) in ACTOR_CLASSES):
                kept.append(token)
        return kept

    def _misspelt_merged(self, term, is_known, corrections):
        """A misspelt word whose spelling the index never sees because it stores a merged term
        ('lanched' for 'launched', indexed as 'start'; 'condemed' for 'condemned')."""
        if (len(term) < TYPO_MIN_LENGTH or term.startswith("@") or term in OPPOSITE_WORDS
                or is_known(term)):
            return term
        best = process.extractOne(term, self.merged_words, scorer=fuzz.ratio,
                                  score_cutoff=TYPO_CUTOFF)
        word = best[0] if best else next(
            (word for word in self.merged_words if one_slip_apart(term, word)), None)
        if word is None:
            return term
        corrections[term] = word
        if word in self.vocabulary.means:
            return self.vocabulary.term(word)
        return SYNONYMS.get(word, word)


def unslipped(tokens, is_known, corrections):
    """The tokens with each slip of a function word ("frm" for "from") read as that word, where
    the slip is no word of its own: no claim uses it, WordNet and lemminflect do not know it.
    A slip left in stands for a word the statement says and no claim has, lowering every score."""
    read = []
    for token in tokens:
        word = FUNCTION_WORD_SLIPS.get(token)
        if word and not is_known(token) and not is_english(token):
            corrections[token] = word
            token = word
        read.append(token)
    return read


def without_spokesbody(tokens):
    """Tokens without the body a named actor speaks through ("Azerbaijan's defence ministry",
    "the Azerbaijani Ministry of Defence", "Russian officials"): what the actor said is the claim,
    and which office said it is a detail the other text may leave out."""
    kept, i = [], 0
    while i < len(tokens):
        kept.append(tokens[i])
        if tokens[i].startswith("@"):
            for gap in range(MAX_SPOKESBODY_GAP + 1):
                end = i + 1 + gap
                if end < len(tokens) and tokens[end] in SPOKESBODIES and not any(
                        t.startswith("@") for t in tokens[i + 1:end]):
                    if tokens[end + 1:end + 2] == ["of"] and end + 2 < len(tokens):
                        end += 2  # "Ministry of Defence"
                    i = end
                    break
        i += 1
    return kept


def year_terms(figures):
    """Years are words that name an event ("the 2020 war"): they match like any other term."""
    return [term for figure in figures for term in figure.terms()]


def without_adverbs(tokens):
    """The tokens without the second word of each adverb of two words, the first a stopword, that
    WordNet also gives as one word ("so far", "as well", "at once") and no content word follows
    ("in public schools" is no adverb): said in passing, not what a fact is about ("the numbers
    confirmed so far" are "the numbers confirmed")."""
    return [token for i, token in enumerate(tokens)
            if not (i and tokens[i - 1] in STOPWORDS and token.isalpha() and token not in STOPWORDS
                    and (i + 1 == len(tokens) or tokens[i + 1] in STOPWORDS)
                    and WORDNET.is_one_word_adverb(tokens[i - 1], token))]


def paraphrased(tokens, corpus, corrections):
    """The tokens with each word no claim uses, and each WordNet phrase ("gave way", "teamed up"),
    replaced by its synonym that claims use together with the statement's other words ("climb"
    -> "rise", "gave way" -> "collapse"), else a phrase by its verb alone where that is its
    synonym ("stayed put" -> "stay"); `corrections` records each replacement."""
    terms = [content_term(token) for token in tokens]
    known = {t for t in terms if t is not None and corpus.knows(t)}
    out, i = [], 0
    while i < len(tokens):
        unit, size = _unit(tokens, terms, i, corpus)
        replacement = unit and (_synonym_in_use(unit, known - set(terms[i:i + size]), corpus)
                                or _verb_alone(unit))
        if replacement:
            corrections[" ".join(tokens[i:i + size])] = replacement.replace("_", " ")
            out.extend(replacement.split("_"))
            i += size
        else:
            out.append(tokens[i])
            i += 1
    return out


def _unit(tokens, terms, i, corpus):
    """(lemma, size) of what starts at tokens[i] and may be read as a synonym: a WordNet phrase
    of two words no claim uses together, or a word no claim uses; (None, 1) otherwise, and for
    words the engine's own tables give a meaning to."""
    token = tokens[i]
    if token.startswith("@") or not token.isalpha() or curated_term(token):
        return None, 1
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    if (following.isalpha() and not curated_term(following)
            and WORDNET.is_phrase(lemma(token), following)):
        own = {t for t in terms[i:i + 2] if t is not None}
        if not all(corpus.knows(t) for t in own) or not corpus.claims_with_all(own):
            return f"{lemma(token)}_{following}", 2
    if terms[i] is None or corpus.knows(terms[i]):
        return None, 1
    return lemma(token), 1


def _verb_alone(unit):
    """The verb of a WordNet phrase that WordNet gives as the phrase's synonym ("stay put" ->
    "stay"): its particle says nothing a claim need say too; None for a word or another phrase."""
    verb, _, particle = unit.partition("_")
    return verb if particle and verb in WORDNET.synonyms(unit) else None


def _synonym_in_use(unit, context, corpus):
    """The first of the unit's synonyms whose every word claims use and which some claim uses
    with the rarest of the statement's other terms; None when there is none."""
    own = set(unit.split("_"))
    in_use = []
    for synonym in WORDNET.synonyms(unit):
        parts = synonym.split("_")
        if own & set(parts) or not all(part.isalpha() for part in parts):
            continue
        synonym_terms = {t for t in map(content_term, parts) if t is not None}
        if synonym_terms and all(corpus.knows(t) for t in synonym_terms):
            in_use.append((synonym, synonym_terms))
            if len(in_use) == SYNONYMS_TRIED:
                break
    if not in_use:
        return None
    context = sorted(context, key=lambda term: (-corpus.idf(term), term))[:SYNONYM_CONTEXT]
    for synonym, synonym_terms in in_use:
        if any(corpus.claims_with_all(synonym_terms | {term}) for term in context):
            return synonym
    return None


def readings(tokens, corrections):
    """{term: the lemmas its words were read from, a WordNet phrase first ("teamed up" ->
    "team_up", "team"), then those of the words a correction replaced ("escape" read as "get off"
    is read as "escape" too)}: what WordNet is asked about a statement's terms."""
    found = {}
    for i, token in enumerate(tokens):
        term = content_term(token)
        if term is None or not token.isalpha():
            continue
        base, following = lemma(token), tokens[i + 1] if i + 1 < len(tokens) else ""
        lemmas = found.setdefault(term, {})
        if following.isalpha() and WORDNET.is_phrase(base, following):
            lemmas[f"{base}_{following}"] = None
        lemmas[base] = None
    for original, replacement in corrections.items():
        for term in filter(None, map(content_term, replacement.split())):
            found.setdefault(term, {})["_".join(map(lemma, original.split()))] = None
    return {term: tuple(lemmas) for term, lemmas in found.items()}


class StandIn(NamedTuple):
    """A WordNet lemma that may be said in a word's place: its terms ("join_forces" -> ("join",
    "force")) and the marks of the side of a pair of opposites it takes ("rise")."""

    terms: tuple
    marks: frozenset
    lemma: str


@lru_cache(maxsize=1 << 16)
def stand_in_terms(word, related=True):
    """The StandIns of a word, its synonyms first, then lemmas one relation away
    (lexicon.related); without `related`, the synonyms of its most frequent senses only."""
    found = {}
    lemmas = (*WORDNET.synonyms(word), *WORDNET.related(word)) if related else \
        WORDNET.synonyms(word, senses=1)
    for other in lemmas:
        parts = other.split("_")
        if all(part.isalpha() for part in parts):
            terms, marks = polarize([t for t in map(content_term, parts) if t is not None])
            if terms:
                found.setdefault((tuple(terms), marks), StandIn(tuple(terms), marks, other))
    return tuple(found.values())


def near_terms(analysis, term, corpus):
    """The StandIns of a statement term whose terms claims use, nearest first: asked of WordNet
    on first need and kept with the analysis, so each candidate claim is a few set tests. A word
    no claim uses may be read as a near relation; a word claims use only as a synonym of its most
    frequent sense."""
    if analysis.readings is None:
        analysis.readings = readings(analysis.tokens, analysis.corrections)
    if term not in analysis.near:
        related = not corpus.knows(term)
        analysis.near[term] = tuple(dict.fromkeys(
            stand_in for word in analysis.readings.get(term, ())
            for stand_in in stand_in_terms(word, related)
            if all(map(corpus.knows, stand_in.terms))))
    return analysis.near[term]


def word_stand_ins(analysis, terms, claim_terms, corpus, claim_marks=NO_MARKS):
    """{statement term: the StandIn the claim says in its place} for each statement term the
    claim lacks whose WordNet synonym or near relation the claim uses, on the same side of a
    pair of opposites (`claim_marks`), and the statement does not ("shifted landmines" for
    "moved landmines", "competing governments" for "rival governments")."""
    free = claim_terms.difference(terms)
    found = {}
    for term in set(terms).difference(claim_terms) if free else ():
        found[term] = next((stand_in for stand_in in near_terms(analysis, term, corpus)
                            if free.issuperset(stand_in.terms) and stand_in.marks <= claim_marks),
                           None)
    return {term: stand_in for term, stand_in in found.items() if stand_in}
