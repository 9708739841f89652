"""The candidate index: claims by term, with document frequencies for IDF weights."""
import math
from collections import defaultdict

from rapidfuzz import fuzz, process

TYPO_CUTOFF = 84
TYPO_MIN_LENGTH = 5


class ClaimIndex:
    """Claims by term, with document frequencies for IDF weights."""

    def __init__(self):
        self.claims = {}
        self.terms = {}
        self.postings = defaultdict(set)

    def __len__(self):
        return len(self.claims)

    def add(self, claim, terms):
        self.remove(claim.id)
        unique = frozenset(terms)
        self.claims[claim.id] = claim
        self.terms[claim.id] = unique
        for term in unique:
            self.postings[term].add(claim.id)

    def remove(self, claim_id):
        for term in self.terms.pop(claim_id, ()):
            ids = self.postings[term]
            ids.discard(claim_id)
            if not ids:
                del self.postings[term]
        self.claims.pop(claim_id, None)

    def idf(self, term):
        """Rare terms weigh more; a term no claim uses weighs most of all."""
        return math.log((len(self.claims) + 1) / (len(self.postings.get(term, ())) + 0.5)) + 1

    def resolve_typos(self, terms):
        """Map each unknown term to the closest known one, if it is close enough to be a typo."""
        vocabulary = list(self.postings)
        resolved = {}
        for term in terms:
            if term in self.postings or len(term) < TYPO_MIN_LENGTH or term.startswith("@"):
                continue
            best = process.extractOne(term, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
            if best:
                resolved[term] = best[0]
        return resolved

    def candidates(self, terms):
        found = set()
        for term in terms:
            found |= self.postings.get(term, set())
        return found
