"""Find the curated claims closest to a statement: an inverted index picks candidates, an
IDF-weighted, typo-tolerant overlap score ranks them, and the best few get a closer look (the
rules of rules.py: swapped actors, other dates, negated twins) before the final order is set."""
from collections import Counter, defaultdict

from .analysis import Analysis, ClaimFeatures, TextAnalyzer, word_stand_ins
from .clauses import attribution_of
from .entities import ACTOR_CLASSES, EntityTable, other_role, with_acronyms
from .index import ClaimIndex
from .lexicon import is_verb_form
from .numbers import figure_from_record, kind_of_count, relabelled
from .meaning import encoder
from .records import ClaimRecord, Explanation
from .rules import DEFAULT_MIN_SCORE, ORDER_RULES, SCORE_RULES, Candidate, apply, opposes
from .text import (STOPWORDS, content_terms, is_negation, negation_cues, polarize, reports_speech,
                   speaker, stem, words)
from .wordings import claim_wordings

RECALL_WEIGHT = 1.5  # F-beta: what the statement says must be in the claim more than the reverse
SAME_FIGURE_BONUS = 5.0  # per statement figure the claim gives too, for the same range
# Of a claim term the statement says in other words (a WordNet synonym or near relation), the
# share of its weight that counts as shared: near, not the same. Only a claim scoring this much
# on the statement's own words is read so: near words confirm what the words already point to; on
# a weak match they only reorder noise.
STAND_IN_SHARE = 0.5
STAND_IN_BASE = 30.0
# Where no claim clears the threshold by its words, nor by words standing in for them, and the
# statement gives no count, what the sentences mean decides (meaning.py) among the MEANING_LOOKS
# best by their words scoring at least MEANING_BASE: a cosine similarity of MEANING_FLOOR or more
# scores from the default threshold up to 100 for the same meaning (lifted_by_meaning). Chosen
# on the development sets: lower floors matched statements no source makes ("Turkey sent
# troops" to "Turkey backed Azerbaijan").
MEANING_BASE = 20.0
MEANING_FLOOR = 0.75
MEANING_LOOKS = 5
# How far search reaches for a claim: its words, words standing in for the claim's, or what the
# two mean; each reach is tried only when the one before found nothing.
WORDS, STAND_INS, MEANING = "words", "stand-ins", "meaning"
RERANKED = 10  # only this many top candidates get the closer look
# A claim whose own text scores this much is worded as the statement is: its quotes' wordings
# (wordings.py) are not searched then.
WORDED_ALIKE = 80.0
COMMON_COUNT = 50  # a count given by more claims than this identifies no event (giving_counts)
# Of the claims whose sources count what a statement's figure counts (counting), the best this
# many by their words get the closer look; a kind of count more claims give is left out.
COUNTING_LOOKS = 20
COMMON_KIND = 500
PASSIVE_LINK_LENGTH = 2  # "A, backed by B": B acts on A
# Words between two names that make their order not matter ("A spoke with B", "A and B"; "A did
# it, according to B": B is the source, not a party); a copula does too ("A is B's ally"), unless
# a word that orders follows it ("A is north of B", "A is larger than B").
SYMMETRIC_LINKS = frozenset({"and", "with", "between", "each", "both", "or", "according"})
COPULAS = frozenset({"is", "are", "was", "were"})
# Of each pair of converse ordering words, the one that reads the order the other way round: "A is
# south of B" is "B is north of A", "A is smaller than B" is "B is larger than A".
CONVERSE_LINKS = frozenset({"south", "west", "southwest", "southeast", "below", "downstream",
                            "smaller", "fewer", "less", "lower", "shorter", "younger", "weaker",
                            "poorer"})
ORDERING_LINKS = CONVERSE_LINKS | {"than", "north", "east", "northeast", "northwest", "above",
                                   "upstream"}
# Words that order what a text names: what comes before "then" happened first; "A before B" and
# "B after A" put A first, and so do "after A, B" and "before B, A" at the head of a text.
THEN_MARKERS = frozenset({"then", "later", "subsequently", "afterwards", "thereafter"})
# Words right before a name that make it where something happens, not who does it ("protesters
# in Yerevan", "the storm struck eastern Libya").
PLACE_MARKERS = frozenset({"in", "at", "across", "throughout", "inside", "eastern", "western",
                           "northern", "southern", "central", "northeastern", "northwestern",
                           "southeastern", "southwestern"})
# Prepositions that locate something ("an aid worker from A", "reporters in B"); not "of", which
# relates two things, either way round as often as not ("A is an ally of B").
PLACE_PREPOSITIONS = frozenset({"from", "in", "at", "near", "outside"})
BEFORE, AFTER = "before", "after"
QUALIFIER_GAP = 3  # words between a name and the name it qualifies ("head of the")


def claim_texts(claims):
    """The claims' own texts and their quotes: corpus text that may define names."""
    return [text for claim in claims for text in (claim.text, *(e.quote for e in claim.evidence))]


class Matcher:
    """Scores a statement against every candidate claim and returns the best, best first."""

    def __init__(self, claims=(), entities=(), texts=(), vocabulary=None):
        """`texts` (source texts, plain strings) and the claims' own texts and quotes name things
        for themselves: an acronym they define becomes an alias (entities.with_acronyms).
        `vocabulary`: the corpus's own synonyms, {word: the word it means}."""
        claims = {claim.id: claim for claim in claims}  # a repeated id: its last text
        corpus_texts = [*texts, *claim_texts(claims.values())]
        self.analyzer = TextAnalyzer(EntityTable(with_acronyms(entities, corpus_texts),
                                                 corpus_texts), vocabulary)
        self.index = ClaimIndex()
        self.features = {}
        self.by_count = defaultdict(set)  # {a count's value: ids of the claims giving it}
        # {what a source's figure counts (numbers.kind_of_count): ids of the claims it backs or
        # disputes}, and the words the corpus's curated figures are labelled with.
        self.by_kind = defaultdict(set)
        self.label_words = Counter()
        # The claims' other wordings (wordings.py), indexed apart so that they weigh in no
        # claim's IDF: numbered below zero, so their ids meet no claim's in `features`.
        self.wordings = ClaimIndex()
        self.wording_claim = {}  # {wording id: its claim's id}
        self.claim_wordings = defaultdict(list)  # {claim id: its wordings' ids}
        self.wordings_made = 0
        self.wording_weights = (None, {})  # (the IDF list they were weighed by, {id: weight})
        self.add(*claims.values())

    def __len__(self):
        return len(self.index)

    def add(self, *claims):
        """Store the claims (distinct ids), each replacing a stored one of its id, as one batch:
        every claim is analysed before the index changes, which then fills its postings and
        weights once, at the end, or not at all. A claim whose text cannot be analysed costs that
        claim only: it is left out (its stored version removed) and returned, {claim id: why}."""
        analysed, refused = self.analysed_claims(claims)
        for claim, _, _ in analysed:
            self._unlist_counts(claim.id)
            self._drop_wordings(claim.id)
        self.index.add_all((claim, terms) for claim, terms, _ in analysed)
        self._add_wordings(analysed)
        self.features.update((claim.id, features) for claim, _, features in analysed)
        for claim, _, features in analysed:
            for value in counted_values(features.figures):
                self.by_count[value].add(claim.id)
            for figure in self.sourced_counts(claim):
                self.label_words.update(figure.context)
                self.by_kind[kind_of_count(figure)].add(claim.id)
        for claim_id in refused:
            self.remove(claim_id)
        return refused

    def analysed_claims(self, claims):
        """([(claim, terms, features)], {claim id: why its text cannot be analysed}): asked of
        every claim before it is stored, here and before an editor's claim is written."""
        analysed, refused = [], {}
        for claim in claims:
            try:
                analysis = self.analyzer.analyze(claim.text)
                analysed.append((claim, analysis.terms, ClaimFeatures.of(analysis)))
            except Exception as error:  # any text the analyser trips on, not only known cases
                refused[claim.id] = f"{type(error).__name__}: {error}"
        return analysed, refused

    def remove(self, claim_id):
        self._unlist_counts(claim_id)
        self._drop_wordings(claim_id)
        self.features.pop(claim_id, None)
        self.index.remove(claim_id)

    def _add_wordings(self, analysed):
        """Index the other wordings of the analysed claims [(claim, terms, features)]; a wording
        whose text cannot be analysed is left out (its claim keeps its own text)."""
        added = []
        for claim, terms, _ in analysed:
            for text, analysis in claim_wordings(claim, terms, self._analysed):
                self.wordings_made += 1
                wording_id = -self.wordings_made
                self.wording_claim[wording_id] = claim.id
                self.claim_wordings[claim.id].append(wording_id)
                self.features[wording_id] = ClaimFeatures.of(analysis)
                added.append((ClaimRecord(id=wording_id, text=text, ref=claim.ref),
                              analysis.terms))
        if added:
            self.wordings.add_all(added)

    def _analysed(self, text):
        """A text's analysis as a claim's, or None when it cannot be analysed."""
        try:
            return self.analyzer.analyze(text)
        except Exception:  # any text the analyser trips on: no wording, the claim stays
            return None

    def _drop_wordings(self, claim_id):
        """Out of the index first: a check running meanwhile finds no wording it cannot read."""
        for wording_id in self.claim_wordings.pop(claim_id, ()):
            self.wordings.remove(wording_id)
            del self.wording_claim[wording_id]
            self.features.pop(wording_id, None)

    def _unlist_counts(self, claim_id):
        features = self.features.get(claim_id)
        for value in counted_values(features.figures) if features else ():
            _unlist(self.by_count, value, claim_id)
        claim = self.index.claims.get(claim_id)
        for figure in self.sourced_counts(claim) if claim else ():
            for word in figure.context:
                self.label_words[word] -= 1
                if not self.label_words[word]:
                    del self.label_words[word]  # no figure is labelled with it now
            _unlist(self.by_kind, kind_of_count(figure), claim_id)

    def source_figures(self, evidence):
        """The evidence's curated figures, what they count read in the corpus's vocabulary too."""
        return relabelled([figure_from_record(n) for n in evidence.numbers],
                          self.analyzer.vocabulary.means)

    def sourced_counts(self, claim):
        """The counts the claim's sources give that say what they count (a label or a unit)."""
        return [figure for item in claim.evidence for figure in self.source_figures(item)
                if kind_of_count(figure)]

    def claim(self, claim_id):
        return self.index.claims.get(claim_id)

    def claim_features(self, claim):
        """The stored claim's features, or its text's when it is no longer stored."""
        return self.features.get(claim.id) or ClaimFeatures.of(self.analyzer.analyze(claim.text))

    def analyze_statement(self, statement):
        knows = self.index.knows
        return self.analyzer.analyze(statement, is_known=lambda word: knows(stem(word)),
                                     corpus=self.index)

    def search(self, statement, limit=5, min_score=0.0):
        """[(claim, score, explanation)] above `min_score`, best first. A claim whose own words
        score under `min_score` is looked at for the words it says otherwise (word_stand_ins)
        only when no claim clears it, and for what it means (MEANING) only when still none does
        and the statement counts nothing: walking the index down to a lower floor costs, a
        sentence's meaning more, and a sentence model tells neither figures nor what they count
        apart ("five firefighters died" is close to "the fire killed three people")."""
        analysis = (statement if isinstance(statement, Analysis)
                    else self.analyze_statement(statement))
        found = self._ranked(analysis, limit, min_score, WORDS)
        if not found and min_score > STAND_IN_BASE:
            found = self._ranked(analysis, limit, min_score, STAND_INS)
        if not found and min_score > MEANING_BASE and not analysis.counts:
            found = self._ranked(analysis, limit, min_score, MEANING)
        return found

    def statement_reading(self, analysis):
        """(typos, terms with typos resolved, clause_negations, speaker_terms) of a statement:
        the same for each search of a check, so read once and kept on its analysis."""
        if analysis.reading is None:
            typos = self.index.resolve_misspellings(set(analysis.terms))
            analysis.reading = (typos, [typos.get(t, t) for t in analysis.terms],
                                self.clause_negations(analysis),
                                self.speaker_terms(analysis, typos))
        return analysis.reading

    def _ranked(self, analysis, limit, min_score, reach):
        """search's results among the claims whose key clears _key_floor (candidates found and
        scored once per floor: a lower threshold's search often comes down to the same one)."""
        # The index keeps every claim a figure bonus could still lift into the top results.
        bonus_slack = SAME_FIGURE_BONUS * len(analysis.figures) / (100 * (1 + RECALL_WEIGHT ** 2))
        floor = self._key_floor(analysis, min_score, bonus_slack, reach)
        key = (floor, MEANING_LOOKS if reach == MEANING else max(RERANKED, limit))
        if key not in analysis.scored:
            terms = self.statement_reading(analysis)[1]
            candidates = self.index.candidates(terms, RECALL_WEIGHT ** 2, key[1], bonus_slack,
                                               floor)
            scored = self._scored(terms, analysis.figures, candidates)
            # Only as many wordings as get a closer look: each stands for a claim found already.
            reworded = self._scored_wordings(terms, analysis.figures, self.wordings.candidates(
                terms, RECALL_WEIGHT ** 2, key[1], bonus_slack, floor, count=key[1])
                if self.wordings and not any(item[0] >= WORDED_ALIKE for item in scored)
                else [])
            analysis.scored[key] = self._best_wordings(scored, reworded)
        return best_looked([
            self._closer_look(analysis, entry_id, score, matched, min_score, decode,
                              by_meaning=reach == MEANING)
            for score, entry_id, matched, decode in analysis.scored[key][:key[1]]], limit)

    def _best_wordings(self, scored, reworded):
        """[(score, claim or wording id, matched, how to decode matched)], best first, one per
        claim: its best scoring wording (its own text on a tie), so that a claim's wordings cost
        no more closer looks than its text alone."""
        vocabulary = self.index.vocabulary

        def decode(ids):
            return {vocabulary[t] for t in ids}

        if not reworded:
            return sorted(((*item, decode) for item in scored),
                          key=lambda item: (-item[0], item[1]))
        best = {}
        for score, entry_id, matched, decoder in [*((*item, decode) for item in scored),
                                                  *((*item, None) for item in reworded)]:
            claim_id = self.wording_claim.get(entry_id, entry_id)
            if claim_id not in best or score > best[claim_id][0]:
                best[claim_id] = (score, entry_id, matched, decoder)
        return [entry for _, entry in sorted(best.items(), key=lambda item: (-item[1][0], item[0]))]

    def giving_counts(self, analysis, known=(), wanted=None):
        """[(claim, score, explanation)], best first, of the claims besides `known` (ids) that
        give one of the statement's counts, its very value, however they are worded ("the death
        toll had reached 5,200" for "the flood killed about 5,200"): the best RERANKED by their
        words get the closer look, at any score. A value more than COMMON_COUNT claims give
        tells no event apart, and is left out. `wanted` (claim -> bool), when given, says which
        claims the caller can use: of the best (chosen first, so the same ones), only those get
        the costly closer look and are returned."""
        ids = set().union(*(claims for value in counted_values(analysis.figures)
                            if len(claims := self.by_count.get(value, ())) <= COMMON_COUNT)
                          ) - set(known)
        return self._looked_at(analysis, ids, RERANKED, wanted)

    def _looked_at(self, analysis, ids, looks, wanted=None):
        """[(claim, score, explanation)] of the best `looks` of these claims by their words,
        after the closer look, at any score; only those `wanted` (claim -> bool) when given."""
        if not ids:
            return []
        terms = self.statement_reading(analysis)[1]
        scored = sorted(((*self.score(terms, self.index.terms[i]), i) for i in ids),
                        key=lambda item: (-item[0], item[2]))[:looks]
        claims = self.index.claims
        return best_looked([self._closer_look(analysis, claim_id, score, matched, 0.0)
                            for score, matched, claim_id in scored
                            if wanted is None or wanted(claims[claim_id])], looks)

    def counting(self, analysis, known=()):
        """[(claim, score, explanation)], best first, of the claims besides `known` (ids) whose
        sources give a figure counting what one of the statement's counts counts (the same
        label words, the same dimension: "dead", "missing", a length), whatever its value and
        however the claim is worded ("the toll passed 2,000" for "two thousand lives were
        lost"): the best COUNTING_LOOKS by their words get the closer look, at any score."""
        return self._looked_at(analysis, self.counting_ids(analysis) - set(known),
                               COUNTING_LOOKS)

    def counting_ids(self, analysis):
        """The ids of the claims whose sources count what one of the statement's counts counts
        (a kind more than COMMON_KIND claims give left out)."""
        typos = self.statement_reading(analysis)[0]
        kinds = {kind_of_count(figure, self.label_words, typos) for figure in analysis.figures}
        return set().union(*(claims for kind in kinds if kind
                             and len(claims := self.by_kind.get(kind, ())) <= COMMON_KIND))

    def speaker_terms(self, analysis, typos):
        """The terms of the unnamed speaker a statement cites ("officials said"), typos resolved."""
        return {typos.get(t, t) for t in content_terms(unnamed_speaker(analysis.tokens))}

    def _closer_look(self, analysis, claim_id, score, matched, min_score, decode=None,
                     by_meaning=False):
        """(claim, shown score, explanation, order score) of a candidate after the rules of the
        closer look, or None when it falls under `min_score`; `matched`: the shared terms, or
        what `decode` turns into them; `by_meaning`: what the two mean may lift its score
        (lifted_by_meaning). Kept on the analysis: a check's searches look again at the same
        candidates."""
        key = (claim_id, score, min_score, by_meaning)
        if key not in analysis.looks:
            analysis.looks[key] = self._look(analysis, claim_id, score,
                                             decode(matched) if decode else matched, min_score,
                                             by_meaning)
        return analysis.looks[key]

    def _look(self, analysis, claim_id, score, matched, min_score, by_meaning=False):
        """_closer_look's work."""
        typos, terms, clause_cues, speaker_terms = self.statement_reading(analysis)
        claim_features = self.features[claim_id]
        stand_ins = self.related_stand_ins(analysis, claim_features)
        stored = self._stored(claim_id)
        claim_text = stored.claims[claim_id].text
        claim_terms = stored.terms[claim_id]  # decoded from the index once a look
        claim_words = words(claim_text)
        unsaid = (self.unsaid_speaker(speaker_terms, claim_terms, claim_words)
                  | self.named_by_office(analysis, claim_id, claim_text, claim_words))
        words_in_place = word_stand_ins(
            analysis, terms, claim_terms, self.index,
            claim_features.polarity) if score >= STAND_IN_BASE else {}
        if stand_ins or words_in_place or unsaid:
            kept = [t for t in terms if t in stand_ins or t in words_in_place or t not in unsaid]
            score, matched = self.score(
                [said for t in kept
                 for said in (words_in_place[t].terms if t in words_in_place
                              else (stand_ins.get(t, t),))],
                claim_terms,
                {said for stand_in in words_in_place.values() for said in stand_in.terms})
        meaning = None
        if by_meaning and score < min_score:
            meaning = encoder().similarity(analysis.text, claim_text)
            score = lifted_by_meaning(meaning, score)
        if score < min_score:
            return None  # the rest of the closer look can only lower a score
        candidate = Candidate(analysis, terms, claim_features, claim_terms, claim_words, matched)
        candidate.swaps = self.swapped_entities(analysis, claim_id, claim_words)
        candidate.unshared_actors = self.unshared_actors(analysis, claim_features)
        score = apply(SCORE_RULES, candidate, score)
        shown = round(min(100.0, score), 1)
        if shown < min_score:
            return None
        candidate.opposition = self.opposition(analysis, claim_text, claim_features, terms,
                                               candidate.claim_terms, clause_cues)
        score = apply(ORDER_RULES, candidate, score)
        wording = claim_text if claim_id in self.wording_claim else None
        return (self.index.claims[self.wording_claim.get(claim_id, claim_id)], shown,
                self.explain(candidate, typos, words_in_place, wording, meaning), score)

    def opposition(self, analysis, claim_text, claim_features, statement_terms,
                   claim_terms, clause_cues):
        """How the statement stands to the claim (rules.opposes), the claim's negation cues taken
        only where they bear on what the statement says, and the statement's only in its clauses
        that share a word with the claim (`clause_cues`, from clause_negations)."""
        negations = analysis.negations
        if clause_cues:
            negations = [cue for terms, cues in clause_cues if not terms.isdisjoint(claim_terms)
                         for cue in cues]
        return opposes(negations,
                       self.negations_in_scope(claim_text, claim_features, analysis,
                                               statement_terms),
                       analysis.polarity, claim_features.polarity)

    def clause_negations(self, analysis):
        """[(terms, negation cues)] of each clause of a statement stating several facts, or None
        for a one-clause statement: a negation counts in its own clause ("A did not win, and B
        never lost" negates what A did, not what B did)."""
        if not analysis.negations:
            return None
        clauses = analysis.facts
        if not clauses:
            return None
        read = []
        for clause in clauses:
            tokens = self.analyzer.tokens(clause.text)
            read.append((frozenset(polarize(content_terms(tokens))[0]),
                         negation_cues(tokens)))
        return read

    def negations_in_scope(self, claim_text, claim_features, analysis, statement_terms):
        """The claim's negation cues that bear on what the statement says: a cue the statement
        does not use and whose rest of the claim shares no word with the statement negates
        something the statement leaves out ("... mediated talks, without reaching an agreement";
        "called for dialogue, saying there could be no solution by force")."""
        if not claim_features.negated:
            return []
        tokens = self.analyzer.tokens(claim_text)
        said = set(statement_terms)
        return [token for i, token in enumerate(tokens) if is_negation(tokens, i)
                and (token in analysis.negations
                     or not said.isdisjoint(polarize(content_terms(tokens[i + 1:]))[0]))]

    def explain(self, candidate, typos, words_in_place, wording=None, meaning=None):
        """Why the claim matched, in fields a newsroom tool can render: shared words (stems, years
        without their mark; pairs of opposites are told by `opposite_wording` instead), shared
        entities by name, corrected spellings and words the claim says otherwise (word_stand_ins),
        swapped entities, how the statement stands to the claim, the claim's other wording
        (a supporting quote's clause) it matched through, if any, and the similarity of their
        meanings where that, not their words, matched them."""
        name = self.analyzer.entities.name
        analysis, matched = candidate.analysis, candidate.matched
        corrected = {**analysis.corrections,
                     **{k: v for k, v in typos.items() if v in matched},
                     **{k: v.lemma.replace("_", " ") for k, v in words_in_place.items()}}
        return Explanation(
            matched_terms=sorted(t.lstrip("#") for t in matched if t[0] not in "@~"),
            matched_entities=sorted(name(t) for t in matched if t.startswith("@")),
            corrected_terms=corrected,
            swapped_entities=[{"statement": name(a), "claim": name(b)}
                              for a, b in candidate.swaps],
            negation=candidate.opposition.negated,
            opposite_wording=candidate.opposition.opposite_wording,
            negation_cues=list(dict.fromkeys(analysis.negations)),
            wording=wording, meaning=None if meaning is None else round(meaning, 3))

    def unshared_actors(self, analysis, claim_features):
        """The statement's actors (countries, organisations, people) the claim neither names nor
        names a part or whole of; a country named only as where something happens ("struck
        eastern Libya") is a place there, not an actor."""
        table, named, tokens = self.analyzer.entities, claim_features.entities, analysis.tokens
        return [e for e in analysis.entities if e not in named
                and table.kind_class.get(e) in ACTOR_CLASSES and not table.part_of_any(e, named)
                and not all(names_a_place(tokens, i) for i, t in enumerate(tokens) if t == e)]

    def unshared_places(self, analysis, claim_features):
        """The statement's places (entities that are no actors) the claim neither names nor names
        a part or whole of."""
        table, named = self.analyzer.entities, claim_features.entities
        return [e for e in analysis.entities if e not in named and table.kind_class.get(e)
                not in ACTOR_CLASSES and not table.part_of_any(e, named)]

    @staticmethod
    def unsaid_speaker(speaker_terms, claim_terms, claim_words):
        """The statement's unnamed speaker's terms a claim that attributes nothing leaves out:
        the claim states what was said as fact, its evidence saying who said it, so "Officials
        said X" is not less "X" for them."""
        if not speaker_terms or reports_speech(claim_words):
            return set()
        return speaker_terms - claim_terms

    def named_by_office(self, analysis, claim_id, claim_text, claim_words):
        """The statement's people the claim names only by an office they alone hold ("a Coast
        Guild spokesman said" for "Jan Vos said"): said in other words, not missing from it."""
        table = self.analyzer.entities
        absent = [p for p in persons(analysis.entities, table)
                  if p not in self.features[claim_id].entities]
        if not absent:
            return set()
        named = table.with_holders(table.canonicalize(claim_words, table.capitals(claim_text)))
        return {p for p in absent if p in named}

    def named_speakers(self, analysis):
        """The actors the statement's attribution names ("Jan Vos said ...", "..., the Coast
        Guild said", "according to Jan Vos"), the one holder of an office it names among them
        ("the Red Cross spokesman said": Jan Vos); [] where it names nobody or has none."""
        attribution = attribution_of(analysis.text)
        if not attribution:
            return []
        table = self.analyzer.entities
        tokens = table.with_holders(list(self.analyzer.analyze(attribution).tokens))
        return [token for token in dict.fromkeys(tokens)
                if table.kind_class.get(token) in ACTOR_CLASSES]

    def names_any(self, actors, text):
        """Whether `text` names one of `actors`, a part or whole of one, or an office only one of
        them holds."""
        table = self.analyzer.entities
        named = set(table.with_holders(table.canonicalize(words(text), table.capitals(text))))
        return any(actor in named or table.part_of_any(actor, named) for actor in actors)

    def unnamed_actors(self, text, texts):
        """The actors of `text` (unshared_actors) that none of `texts` names or relates to."""
        analyze = self.analyzer.analyze
        return self.unshared_actors(analyze(text), ClaimFeatures.of(analyze(" ".join(texts))))

    def related_stand_ins(self, analysis, claim_features):
        """{statement entity: claim entity} where the claim names the statement's entity through
        a related one ("France" said by "Catherine Colonna", "French Foreign Minister")."""
        related = self.analyzer.entities.related
        return {s: c for s in analysis.entities if s not in claim_features.entities
                for c in claim_features.entities
                if c not in analysis.entities and c in related.get(s, ())}

    def swapped_entities(self, analysis, claim_id, claim_words):
        """Pairs (statement entity, claim entity) where the statement names someone else in the
        claim's place: another entity of the same class, another office (entities.other_role),
        or the same two in reversed roles."""
        table = self.analyzer.entities
        claim_entities = self.features[claim_id].entities
        extra_statement = [e for e in analysis.entities if e not in claim_entities]
        extra_claim = [e for e in claim_entities if e not in analysis.entities]
        # A person in another person's place is a swap even where the claim names the first one's
        # country elsewhere ("a call with Aliyev" for "a call with Pashinyan" about Azerbaijan's
        # attack).
        swaps = [(a, b) for a in persons(extra_statement, table)
                 for b in persons(extra_claim, table) if table.interchangeable(a, b)]
        if swaps:
            return swaps[:1]
        only_statement = [e for e in extra_statement if not table.part_of_any(e, claim_entities)]
        only_claim = [e for e in extra_claim if not table.part_of_any(e, analysis.entities)]
        # A country in a region's place is a swap only one for one ("against Armenia" for "against
        # Nagorno-Karabakh"), not a reframing ("the war between Armenia and Azerbaijan" for "the
        # war over Nagorno-Karabakh").
        one_for_one = len(only_statement) == len(only_claim) == 1
        swaps = [(a, b) for a in only_statement for b in only_claim
                 if table.interchangeable(a, b, places=one_for_one)]
        if swaps:
            return swaps[:1]
        claim_text = self._stored(claim_id).claims[claim_id].text
        claim_tokens = table.canonicalize(claim_words, table.capitals(claim_text))
        agents = other_agent(analysis, claim_tokens, table)
        if agents:
            return agents
        offices = other_role(analysis.tokens, claim_tokens, table, (analysis.text, claim_text))
        if offices:
            return [tuple(map(table.describe, offices))]
        places = other_place(analysis.tokens, claim_tokens, table)
        if places:
            return places
        # Read a claim's entity as the statement's related one ("Karabakh Armenians" for
        # "Armenia") so that their roles can be compared too.
        stand_ins = {c: s for s in extra_statement for c in extra_claim
                     if c in table.related.get(s, ())}
        claim_tokens = [stand_ins.get(t, t) for t in claim_tokens]
        shared = [e for e in analysis.entities if e in claim_tokens]
        return (reversed_roles(shared, analysis.tokens, claim_tokens, table)
                or reordered_events(analysis.tokens, claim_tokens))

    def _key_floor(self, analysis, min_score, bonus_slack, reach=WORDS):
        """The index key below which no claim can reach `min_score`: the score is the key times
        100 (1 + beta^2), plus at most the figure bonus, and the closer look only lowers it,
        except where a related entity stands in for one of the statement's or a speaker may go
        unsaid (then no floor) and, with STAND_INS, where the statement's words stand in for
        the claim's (word_stand_ins): then the floor is 1 - STAND_IN_SHARE of `min_score`, but
        not under STAND_IN_BASE, below which no claim is read so (a margin, not a bound); with
        MEANING, MEANING_BASE."""
        related = self.analyzer.entities.related
        if unnamed_speaker(analysis.tokens) or any(related.get(entity)
                                                   for entity in analysis.entities):
            return 0.0
        reachable = {WORDS: min_score, MEANING: min(min_score, MEANING_BASE),
                     STAND_INS: min(min_score, max(STAND_IN_BASE,
                                                   min_score * (1 - STAND_IN_SHARE)))}[reach]
        return max(0.0, reachable / (100 * (1 + RECALL_WEIGHT ** 2)) - bonus_slack)

    def _scored(self, terms, figures, candidates):
        """[(score with figure bonus, claim id, matched term ids)] of the candidates sharing a
        term: the hot loop of every check, so it works on term ids and defers decoding them."""
        index = self.index
        weights = {t: index.idf(t) for t in set(terms)}
        statement_weight = sum(weights.values())
        known = {index.term_ids[t]: w for t, w in weights.items() if t in index.term_ids}
        idf_by_id = index.idf_by_id().__getitem__
        scored = []
        for claim_id in candidates:
            term_ids = index.term_ids_of(claim_id)
            matched = known.keys() & term_ids
            score = matched and f_beta(sum(known[t] for t in matched), statement_weight,
                                       sum(map(idf_by_id, term_ids)))
            if score:
                bonus = SAME_FIGURE_BONUS * shared_figures(figures, self.features[claim_id].figures)
                scored.append((score + bonus, claim_id, matched))
        return scored

    def _scored_wordings(self, terms, figures, candidates):
        """_scored for the claims' other wordings, their terms weighed as the claims' are (the
        claims' IDF): [(score with figure bonus, wording id, matched terms)]."""
        weight = self.index.idf
        weights = {t: weight(t) for t in set(terms)}
        statement_weight = sum(weights.values())
        scored = []
        for wording_id in candidates:
            wording_terms, wording_weight = self._wording_weight(wording_id)
            matched = weights.keys() & wording_terms
            if matched:
                score = f_beta(sum(weights[t] for t in matched), statement_weight,
                               wording_weight)
                bonus = SAME_FIGURE_BONUS * shared_figures(figures,
                                                           self.features[wording_id].figures)
                scored.append((score + bonus, wording_id, matched))
        return scored

    def _wording_weight(self, wording_id):
        """(a wording's terms, their total weight by the claims' IDF of the moment): kept until
        the claims change (the index makes a new IDF list then)."""
        idf = self.index.idf_by_id()
        if self.wording_weights[0] is not idf:
            self.wording_weights = (idf, {})
        kept = self.wording_weights[1]
        if wording_id not in kept:
            terms = self.wordings.terms[wording_id]
            kept[wording_id] = terms, sum(map(self.index.idf, terms))
        return kept[wording_id]

    def _stored(self, entry_id):
        """The index holding a claim's or a wording's terms and text."""
        return self.wordings if entry_id in self.wording_claim else self.index

    def score(self, statement_terms, claim_terms, said_in_place=frozenset()):
        """Weighted F-beta of shared terms, 0-100: how much of each text the other accounts for;
        a claim term the statement says in other words (`said_in_place`) shares part of its
        weight only (STAND_IN_SHARE)."""
        weight = self.index.idf
        weights = {t: weight(t) for t in set(statement_terms)}
        matched = weights.keys() & claim_terms
        shared = sum(weights[t] * (STAND_IN_SHARE if t in said_in_place else 1) for t in matched)
        if not shared:
            return 0.0, matched
        return f_beta(shared, sum(weights.values()), sum(weight(t) for t in claim_terms)), matched

    def find(self, query):
        """Claims with every term of `query` (typos forgiven), best first: search, not check."""
        analysis = self.analyzer.analyze(query)
        typos = self.index.resolve_misspellings(set(analysis.terms))
        terms = {typos.get(t, t) for t in analysis.terms}
        if not terms:
            return []
        ids = self.index.claims_with_all(terms)
        ranked = sorted(ids, key=lambda i: (-self.score(list(terms), self.index.terms[i])[0], i))
        return [self.index.claims[i] for i in ranked]


def lifted_by_meaning(similarity, score):
    """The score of a candidate its words leave under the threshold, given how alike the two
    texts mean: where they mean the same (MEANING_FLOOR or more), DEFAULT_MIN_SCORE at the floor
    up to 100 for the same meaning, so a caller's higher threshold asks for closer meanings and
    the rules of the closer look can still drop it. A candidate the rules dropped from over the
    threshold stays dropped: they found its words say something else."""
    if similarity < MEANING_FLOOR:
        return score
    return max(score, 100.0 - (1.0 - similarity) * (100.0 - DEFAULT_MIN_SCORE)
               / (1.0 - MEANING_FLOOR))


def f_beta(shared, statement_weight, claim_weight):
    """The score, 0-100, of a claim sharing `shared` of the statement's and its own IDF weight."""
    recall, precision = shared / statement_weight, shared / claim_weight
    beta2 = RECALL_WEIGHT ** 2
    return round(100 * (1 + beta2) * recall * precision / (beta2 * precision + recall), 1)


def _unlist(ids_by_key, key, claim_id):
    """Take a claim off one key of an index {key: claim ids}, dropping a key no claim is under."""
    ids_by_key[key].discard(claim_id)
    if not ids_by_key[key]:
        del ids_by_key[key]


def best_looked(looked, limit):
    """The `limit` best of closer looks (None for a claim left out), as (claim, score,
    explanation), by their order score."""
    kept = sorted((item for item in looked if item is not None), key=lambda item: -item[3])
    return [item[:3] for item in kept[:limit]]


def counted_values(figures):
    """The values of the counts among `figures` (not times, not ranges)."""
    return {figure.value for figure in figures if not figure.is_year and figure.kind is None}


def shared_figures(figures, claim_figures):
    """How many of `figures` (counts, not years) the claim gives too, so that of claims worded
    alike the ones giving the statement's figure rank first: the same value, or a figure for the
    same count (a word around both) whose range agrees ("about 60 boats" and "65 boats")."""
    return sum(1 for figure in figures if not figure.is_year and any(
        not other.is_year and figure.agrees_with(other)
        and (figure.value == other.value or figure.context & other.context)
        for other in claim_figures))


def unnamed_speaker(tokens):
    """The statement's speaker (text.speaker) where it names nobody ("officials", "a ministry
    spokesman"); [] where it names an entity: a named speaker may be the wrong one ("Vos said X"
    when Tamm said it), so it still weighs."""
    said_by = speaker(tokens)
    return [] if any(t.startswith("@") for t in said_by) else said_by


def persons(entities, table):
    return [e for e in entities if table.kind_class.get(e) == "person"]


def other_agent(analysis, claim_tokens, table):
    """The statement's first actor (usually its subject) is not the claim's, and the statement never
    names the claim's, even by a title ("Armenia launched ..." against "Azerbaijan destroyed an
    Armenian facility"; "Azerbaijan said ..." against "Pashinyan demanded ..."); passives ("by")
    leave the order open. A name right after "in" or "at" says where, not who ("Protesters in
    Yerevan demanded ...": names_a_place)."""
    def first_actor(tokens):
        return next((t for i, t in enumerate(tokens) if t.startswith("@")
                     and table.kind_class.get(t) in ("actor", "person", None)
                     and not names_a_place(tokens, i)), None)

    ours, theirs = first_actor(analysis.tokens), first_actor(claim_tokens)
    if (ours and theirs and ours != theirs and theirs not in analysis.entities
            and not table.stands_for(ours, theirs) and not qualifies(claim_tokens, theirs, ours)
            and not spoken_through(ours, theirs, claim_tokens, table)
            and "by" not in analysis.tokens and "by" not in claim_tokens):
        return [(ours, theirs)]
    return []


def qualifies(tokens, first, second):
    """Whether the name `first` only qualifies `second`, named a few words after it with no verb
    between: one actor ("the Libyan website Babwat al-Wasat", "Kais Fhakeri, head of the Red
    Crescent"), not two ("Azerbaijan destroyed an Armenian facility")."""
    start = tokens.index(first)
    following = tokens[start + 1:start + 2 + QUALIFIER_GAP]
    if second not in following:
        return False
    return not any(is_verb_form(word) for word in following[:following.index(second)])


def spoken_through(ours, theirs, claim_tokens, table):
    """Whether the claim's first actor is a body the statement's actor holds an office of, and the
    claim names that actor too, by name or by an office only they hold ("the fisheries minister
    of Northland said" for "Boris Tamm said")."""
    return theirs in table.related.get(ours, ()) and ours in table.with_holders(claim_tokens)


def other_place(statement_tokens, claim_tokens, table):
    """The first pair (statement place, claim place) where both texts put places after the same
    word and preposition, none of them the same ("an aid worker from A told reporters from B"
    against "an aid worker from B said ... in A"): the thing is said of another place, even where
    both texts name both places."""
    ours, theirs = place_slots(statement_tokens, table), place_slots(claim_tokens, table)
    for slot, places in ours.items():
        others = theirs.get(slot, set())
        if places.isdisjoint(others):
            # Of one class only: a city in its country's place is not another place ("killed in
            # A, in B" against "killed in B, mostly in A").
            pairs = sorted((a, b) for a in places for b in others if table.interchangeable(a, b))
            if pairs:
                return pairs[:1]
    return []


def place_slots(tokens, table):
    """{(stem of a word, preposition after it): the places (and countries) named right after the
    two, those joined by "and" or "or" too} ("workers from A and B" gives A and B to ("worker",
    "from"))."""
    slots = defaultdict(set)
    for i in range(2, len(tokens)):
        word, preposition = tokens[i - 2], tokens[i - 1]
        if preposition not in PLACE_PREPOSITIONS or word.startswith("@") or word in STOPWORDS:
            continue
        j = i
        while j < len(tokens) and (table.kind_class.get(tokens[j]) == "place"
                                   or table.kind.get(tokens[j]) == "country"):
            slots[stem(word), preposition].add(tokens[j])
            if tokens[j + 1:j + 2] not in (["and"], ["or"]):
                break
            j += 2
    return slots


def names_a_place(tokens, i):
    """Whether the name at tokens[i] says where something happens (PLACE_MARKERS before it)."""
    return i > 0 and tokens[i - 1] in PLACE_MARKERS


def reversed_roles(shared, statement_tokens, claim_tokens, table):
    """The first pair of interchangeable entities whose roles the two texts reverse."""
    for i, first in enumerate(shared):
        for second in shared[i + 1:]:
            if table.interchangeable(first, second):
                ours = _direction(statement_tokens, first, second)
                theirs = _direction(claim_tokens, first, second)
                if ours and theirs and ours != theirs:
                    return [(first, second)]
    return []


def _direction(tokens, first, second):
    """1 when `first` acts on `second` ("A backed B", "A is north of B", "B is south of A"), -1
    the other way round ("A, backed by B", "B ... A"), None when the words between make the order
    unclear ("A spoke with B", "A is B's ally", "A condemned the operation launched by B", "A has
    a base in B": the later name says where, `names_a_place`)."""
    start, end = tokens.index(first), tokens.index(second)
    between = tokens[min(start, end) + 1:max(start, end)]
    if (not SYMMETRIC_LINKS.isdisjoint(between) or names_a_place(tokens, max(start, end))
            or not COPULAS.isdisjoint(between) and ORDERING_LINKS.isdisjoint(between)):
        return None  # order says nothing, or the later one is only where it happens
    direction = 1 if start < end else -1
    if not CONVERSE_LINKS.isdisjoint(between):
        direction = -direction
    if "by" in between:
        return -direction if len(between) <= PASSIVE_LINK_LENGTH else None
    return direction


def event_order(tokens):
    """{(earlier entity, later entity)} as the tokens order the events they name."""
    pairs = set()
    for i, token in enumerate(tokens):
        if token not in THEN_MARKERS and token not in (BEFORE, AFTER):
            continue
        ahead = [t for t in tokens[:i] if t.startswith("@")]
        behind = [t for t in tokens[i + 1:] if t.startswith("@")]
        if token in (BEFORE, AFTER) and not ahead and behind:
            # "Before it reached A, B ..." / "After A, B ...": the first name is the clause's.
            first, rest = behind[0], behind[1:]
            pairs |= {(r, first) if token == BEFORE else (first, r) for r in rest}
        elif token == AFTER:
            pairs |= {(b, a) for a in ahead for b in behind}
        else:
            pairs |= {(a, b) for a in ahead for b in behind}
    return {(a, b) for a, b in pairs if a != b}


def reordered_events(statement_tokens, claim_tokens):
    """The first pair of entities whose events the statement and the claim order the other way
    round ("hit A first and then B" against "before it reached A, it had hit B")."""
    ours = event_order(statement_tokens)
    if not ours:
        return []
    theirs = event_order(claim_tokens)
    return [pair for pair in sorted(ours) if pair[::-1] in theirs][:1]
