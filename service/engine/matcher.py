"""Find the curated claims closest to a statement: an inverted index picks candidates, then an
IDF-weighted, typo-tolerant overlap score ranks them."""
from dataclasses import dataclass

from .entities import EntityTable
from .index import ClaimIndex
from .numbers import FIGURE_RE, extract_figures
from .text import NEGATIONS, content_terms, words

RECALL_WEIGHT = 1.5  # F-beta: what the statement says must be in the claim more than the reverse
SAME_FIGURE_BONUS = 5.0


@dataclass
class Analysis:
    """A text reduced to what matching needs: terms, figures and negation cues."""

    text: str
    terms: list
    figures: list
    negations: list


class TextAnalyzer:
    """Turns any text into an Analysis, using the corpus's entity names."""

    def __init__(self, entities=None):
        self.entities = entities or EntityTable()

    def analyze(self, text):
        without_figures = FIGURE_RE.sub(" ", text)
        tokens = self.entities.canonicalize(words(without_figures))
        return Analysis(text=text, terms=content_terms(tokens), figures=extract_figures(text),
                        negations=[t for t in tokens if t in NEGATIONS])


class Matcher:
    """Scores a statement against every candidate claim and returns the best, best first."""

    def __init__(self, claims=(), entities=()):
        self.analyzer = TextAnalyzer(EntityTable(entities))
        self.index = ClaimIndex()
        self.analyses = {}
        for claim in claims:
            self.add(claim)

    def __len__(self):
        return len(self.index)

    def add(self, claim):
        analysis = self.analyzer.analyze(claim.text)
        self.analyses[claim.id] = analysis
        self.index.add(claim, analysis.terms)

    def remove(self, claim_id):
        self.analyses.pop(claim_id, None)
        self.index.remove(claim_id)

    def claim(self, claim_id):
        return self.index.claims.get(claim_id)

    def search(self, statement, limit=5, min_score=0.0):
        """[(claim, score, explanation)] above `min_score`, best first."""
        analysis = statement if isinstance(statement, Analysis) else self.analyzer.analyze(statement)
        typos = self.index.resolve_typos(set(analysis.terms))
        terms = [typos.get(t, t) for t in analysis.terms]
        scored = []
        values = {f.value for f in analysis.figures}
        bonus, per_key = SAME_FIGURE_BONUS * len(values), 100 * (1 + RECALL_WEIGHT ** 2)
        for claim_id in self.index.candidates(terms, RECALL_WEIGHT ** 2, limit, bonus / per_key,
                                              (min_score - bonus) / per_key):
            score, matched = self.score(terms, self.index.terms[claim_id])
            same_figures = values & {f.value for f in self.analyses[claim_id].figures}
            score = min(100.0, score + SAME_FIGURE_BONUS * len(same_figures)) if score else 0.0
            if score >= min_score and score > 0:
                explanation = {"matched_terms": sorted(matched),
                               "corrected_terms": {k: v for k, v in typos.items() if v in matched}}
                scored.append((self.index.claims[claim_id], score, explanation))
        scored.sort(key=lambda item: (-item[1], item[0].id))
        return scored[:limit]

    def score(self, statement_terms, claim_terms):
        """Weighted F-beta of shared terms, 0-100: how much of each text the other accounts for."""
        statement_set = set(statement_terms)
        matched = statement_set & claim_terms
        weight = self.index.idf
        statement_weight = sum(weight(t) for t in statement_set)
        claim_weight = sum(weight(t) for t in claim_terms)
        shared = sum(weight(t) for t in matched)
        if not shared:
            return 0.0, matched
        recall, precision = shared / statement_weight, shared / claim_weight
        beta2 = RECALL_WEIGHT ** 2
        return round(100 * (1 + beta2) * recall * precision / (beta2 * precision + recall), 1), matched

    def find(self, query):
        """Claims containing every term of `query` (typos forgiven), best first: search, not check."""
        analysis = self.analyzer.analyze(query)
        typos = self.index.resolve_typos(set(analysis.terms))
        terms = {typos.get(t, t) for t in analysis.terms}
        if not terms:
            return []
        ids = self.index.claims_with_all(terms)
        ranked = sorted(ids, key=lambda i: (-self.score(list(terms), self.index.terms[i])[0], i))
        return [self.index.claims[i] for i in ranked]
