"""The candidate index: claims by term, with document frequencies for IDF weights.

Built to stay fast at a million claims: postings are compact integer arrays over dense slots, a
search adds up the IDF weight each claim shares with the statement in numpy and keeps only the
best few dozen for the matcher to score, and typos are resolved against the words that share
character trigrams with them rather than against the whole vocabulary.
"""
import math
import threading
from array import array
from collections.abc import Mapping

import numpy as np
from rapidfuzz import fuzz, process

from .text import one_slip_apart

TYPO_CUTOFF = 84
TYPO_MIN_LENGTH = 5
# A misspelt word of 5+ letters close enough to pass TYPO_CUTOFF shares at least this many padded
# trigrams with the word it was meant to be (one edit breaks at most three of them).
TYPO_SHARED_TRIGRAMS = 2
CANDIDATES = 32
# Posting lists longer than this belong to common words: walked only when they could matter.
COMMON_POSTING = 1000
# Scores are rounded, so claims whose keys differ by less than this fraction may tie in score.
KEY_TOLERANCE = 0.01
# Claim weights are cached with the IDF of the moment; recompute them when the corpus has grown or
# shrunk by this fraction since.
WEIGHT_REFRESH_DRIFT = 0.1


def trigrams(term):
    padded = f"  {term}  "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


class _GrowingArray:
    """A numpy array with spare capacity: amortised O(1) appends; readers keep a stable view."""

    def __init__(self, dtype, fill=0):
        self.values = np.full(1024, fill, dtype=dtype)
        self.fill = fill
        self.size = 0

    def extend(self, values):
        end = self.size + len(values)
        if end > len(self.values):
            grown = np.full(max(end, 2 * len(self.values)), self.fill, dtype=self.values.dtype)
            grown[:self.size] = self.values[:self.size]
            self.values = grown
        self.values[self.size:end] = values
        self.size = end


class _Undo:
    """What a batch of `ClaimIndex.add_all` changes, noted before it changes it, and how to put
    it back: sizes to cut the grown arrays to, the replaced claims to revive, the frequencies."""

    def __init__(self, index):
        self.index = index
        self.vocabulary_size = len(index.vocabulary)
        self.slot_count = index.slot_claim.size
        self.slot_terms_size = len(index.slot_terms)
        self.document_frequency = list(index.document_frequency)
        self.dead = index.dead
        self.added = []
        self.dropped = []
        self.posting_lengths = {}

    def apply(self):
        index, known = self.index, self.vocabulary_size
        for term in index.vocabulary[known:]:
            index.term_ids.pop(term, None)
            for gram in trigrams(term):
                grams = index.trigram_postings.get(gram)
                while grams and grams[-1] >= known:
                    grams.pop()
                if grams is not None and not grams:
                    del index.trigram_postings[gram]
        del index.vocabulary[known:], index.postings[known:]
        index.term_length.size = known
        for term, length in self.posting_lengths.items():
            if term < known:  # a new term's posting went with the vocabulary
                del index.postings[term][length:]
        index.document_frequency = self.document_frequency
        del index.slot_terms[self.slot_terms_size:]
        del index.slot_offsets[self.slot_count + 1:]
        for grown in (index.slot_claim, index.slot_alive, index.slot_weight):
            grown.size = self.slot_count
        for claim in self.added:
            index.slots.pop(claim.id, None)
            index.claims.pop(claim.id, None)
        for claim_id, slot, claim in filter(None, self.dropped):
            index.slots[claim_id], index.claims[claim_id] = slot, claim
            index.slot_alive.values[slot] = True
        index.dead = self.dead
        index.term_weights = None


class ClaimTerms(Mapping):
    """Read-only view: claim id -> frozenset of its terms, decoded from the compact store."""

    def __init__(self, index):
        self.index = index

    def __getitem__(self, claim_id):
        return frozenset(self.index.term_list(self.index.slots[claim_id]))

    def __iter__(self):
        return iter(self.index.slots)

    def __len__(self):
        return len(self.index.slots)


class ClaimIndex:
    """Claims by term, with document frequencies for IDF weights.

    Each stored claim has a slot (a dense integer); a changed claim gets a new slot and its old one
    is marked dead, so postings only ever grow until `compact` drops the dead slots.
    """

    def __init__(self):
        self.claims = {}
        self.slots = {}
        self.term_ids = {}
        self.vocabulary = []
        self.document_frequency = []
        self.postings = []
        self.trigram_postings = {}
        self.slot_claim = _GrowingArray(np.int64)
        self.slot_alive = _GrowingArray(np.bool_, fill=False)
        self.slot_weight = _GrowingArray(np.float32)
        self.term_length = _GrowingArray(np.int32)
        self.slot_terms = array("i")
        self.slot_offsets = array("q", [0])
        self.dead = 0
        self.weights_sized_for = 0
        self.local = threading.local()
        self.term_weights = None

    @property
    def terms(self):
        """Claim id -> its terms: a view made on each use (held by the index, it would tie the two
        in a reference cycle that only the cyclic GC could free)."""
        return ClaimTerms(self)

    def __len__(self):
        return len(self.claims)

    def _term_id(self, term):
        term_id = self.term_ids.get(term)
        if term_id is None:
            term_id = self.term_ids[term] = len(self.vocabulary)
            self.vocabulary.append(term)
            self.document_frequency.append(0)
            self.postings.append(array("i"))
            self.term_length.extend([len(term)])
            for gram in trigrams(term):
                self.trigram_postings.setdefault(gram, array("i")).append(term_id)
        return term_id

    def add(self, claim, terms):
        self.add_all([(claim, terms)])

    def add_all(self, claims_terms):
        """Store each (claim, terms), replacing a stored claim of the same id; the ids must differ
        from each other. Per claim only its term ids are gathered: postings, frequencies and
        weights are filled in afterwards in a few numpy passes, which is most of what makes a
        million claims fast to load.

        The batch goes in whole or not at all: whatever fails part way (memory, a bug) puts the
        index back as it was before raising, so no later batch meets half-added slots."""
        undo = _Undo(self)
        try:
            self._add_batch(claims_terms, undo)
        except BaseException:
            undo.apply()
            raise
        self._compact_if_worthwhile()

    def _add_batch(self, claims_terms, undo):
        first_slot = self.slot_claim.size
        term_id, slot_terms, slot_offsets = self._term_id, self.slot_terms, self.slot_offsets
        added = undo.added
        for claim, terms in claims_terms:
            undo.dropped.append(self._drop(claim.id))
            slot_terms.extend(sorted({term_id(t) for t in terms}))
            slot_offsets.append(len(slot_terms))
            added.append(claim)
        # The new slots exist before any posting names them, dead until they are complete: a
        # check running meanwhile skips them.
        self.slot_claim.extend([claim.id for claim in added])
        self.slot_alive.extend(np.zeros(len(added), dtype=np.bool_))
        self.slot_weight.extend(np.zeros(len(added), dtype=np.float32))
        offsets = np.array(slot_offsets[first_slot:], dtype=np.int64)
        entries = np.array(slot_terms[offsets[0]:], dtype=np.int32)
        slots = np.repeat(np.arange(first_slot, first_slot + len(added), dtype=np.int32),
                          np.diff(offsets))
        by_term = np.argsort(entries, kind="stable")  # stable: each posting stays in slot order
        term_ids, starts, counts = np.unique(entries[by_term], return_index=True,
                                             return_counts=True)
        slots = slots[by_term]
        undo.posting_lengths = {term: len(self.postings[term]) for term in term_ids.tolist()}
        for term, start, count in zip(term_ids.tolist(), starts.tolist(), counts.tolist()):
            self.postings[term].frombytes(slots[start:start + count].tobytes())
            self.document_frequency[term] += count
        self.claims.update((claim.id, claim) for claim in added)
        self.slots.update((claim.id, first_slot + i) for i, claim in enumerate(added))
        self.term_weights = None  # the frequencies and the claim count have changed
        new_slots = slice(first_slot, first_slot + len(added))
        self.slot_weight.values[new_slots] = self._claim_weights(first_slot)
        self.slot_alive.values[new_slots] = True

    def remove(self, claim_id):
        self._drop(claim_id)
        self._compact_if_worthwhile()

    def _drop(self, claim_id):
        """Mark the claim's slot dead; (claim id, slot, claim) for undoing it, or None."""
        slot = self.slots.pop(claim_id, None)
        if slot is None:
            return None
        self.term_weights = None
        for term_id in self._slot_term_ids(slot):
            self.document_frequency[term_id] -= 1
        self.slot_alive.values[slot] = False
        claim = self.claims.pop(claim_id, None)
        self.dead += 1
        return claim_id, slot, claim

    def _compact_if_worthwhile(self):
        if self.dead > max(1000, len(self.claims) // 4):
            self.compact()

    def _slot_term_ids(self, slot):
        return self.slot_terms[self.slot_offsets[slot]:self.slot_offsets[slot + 1]]

    def term_list(self, slot):
        return [self.vocabulary[t] for t in self._slot_term_ids(slot)]

    def term_ids_of(self, claim_id):
        """The claim's term ids (sorted): cheaper to score than terms, decoded only when shown."""
        return self._slot_term_ids(self.slots[claim_id])

    def compact(self):
        """Drop dead slots from every posting list (the slots themselves stay numbered)."""
        alive = self.slot_alive.values
        for term_id, posting in enumerate(self.postings):
            slots = np.frombuffer(posting, dtype=np.int32) if posting else None
            if slots is not None and not alive[slots].all():
                kept = slots[alive[slots]].copy()
                del slots
                self.postings[term_id] = array("i", kept.tobytes())
        self.dead = 0

    def knows(self, term):
        term_id = self.term_ids.get(term)
        return term_id is not None and self.document_frequency[term_id] > 0

    def idf(self, term):
        """Rare terms weigh more; a term no claim uses weighs most."""
        term_id = self.term_ids.get(term)
        if term_id is None:
            return math.log((len(self.claims) + 1) / 0.5) + 1
        return self.idf_by_id()[term_id]

    def idf_by_id(self):
        """Every term's IDF weight, by term id: computed after a change, on first use."""
        weights = self.term_weights  # a change drops the list, so no stale weight outlives it
        # A batch being added names its new terms before it drops the list: a check running
        # meanwhile must not look them up past its end.
        if weights is None or len(weights) < len(self.document_frequency):
            size = len(self.claims) + 1
            weights = self.term_weights = [math.log(size / (frequency + 0.5)) + 1
                                           for frequency in self.document_frequency]
        return weights

    def resolve_typos(self, terms):
        """Map each unknown term to the closest known one, if it is close enough to be a typo."""
        resolved = {}
        for term in terms:
            if not self._may_be_misspelt(term):
                continue
            close = [match for match in process.extract(
                term, self._spelling_neighbours(term), scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF,
                limit=None) if self.knows(match[0])]
            if close:
                resolved[term] = max(close, key=self._likelier)[0]
        return resolved

    def resolve_misspellings(self, terms):
        """{unknown term: the known one it misspells}: a typo (resolve_typos) or, failing that, a
        typing slip (resolve_slips)."""
        typos = self.resolve_typos(terms)
        typos.update(self.resolve_slips(set(terms) - typos.keys()))
        return typos

    def resolve_slips(self, terms):
        """Map each unknown term to a known one a typing slip away (text.one_slip_apart: "danial"
        for "daniel", which fuzz.ratio scores under TYPO_CUTOFF), the commoner first; or else
        with the "e" its stem may have lost ("relased" is cut to "relas", as no lemma restores
        the "e" of "release")."""
        resolved = {}
        for term in terms:
            if not self._may_be_misspelt(term):
                continue
            for spelling in (term, term + "e"):
                slips = [(word, 0, None) for word in self._spelling_neighbours(spelling)
                         if one_slip_apart(spelling, word)]
                if slips:
                    resolved[term] = max(slips, key=self._likelier)[0]
                    break
        return resolved

    def _may_be_misspelt(self, term):
        """An unknown word long enough to be misspelt; no entity term."""
        return not (self.knows(term) or len(term) < TYPO_MIN_LENGTH or term.startswith("@"))

    def _likelier(self, match):
        """Closest first; among equally close words the commoner, then the alphabetically first,
        so the answer does not depend on the order words entered the index."""
        word, score, _ = match
        return score, self.document_frequency[self.term_ids[word]], [-ord(c) for c in word]

    def _spelling_neighbours(self, term):
        """Terms sharing enough trigrams with `term` to be within TYPO_CUTOFF of it, some perhaps
        no longer used by any claim (the few close enough are checked, not the many)."""
        lists = [self.trigram_postings[g] for g in trigrams(term) if g in self.trigram_postings]
        if not lists:
            return []
        ids = np.concatenate([np.array(ids, dtype=np.int32) for ids in lists])
        ids, counts = np.unique(ids, return_counts=True)
        ids = ids[counts >= TYPO_SHARED_TRIGRAMS]
        # fuzz.ratio is at most 100 (1 - |length difference| / length sum): most words sharing
        # two trigrams with a short one are too long to be its misspelling.
        lengths = self.term_length.values[ids]
        ids = ids[np.abs(lengths - len(term)) * 100 <= (100 - TYPO_CUTOFF) * (lengths + len(term))]
        return [self.vocabulary[t] for t in ids.tolist()]

    def _refresh_weights(self):
        """Recompute every claim's total IDF weight with today's document frequencies."""
        weights = self._claim_weights(0)
        self.slot_weight.values[:len(weights)] = weights
        self.weights_sized_for = len(self.claims)

    def _claim_weights(self, first_slot):
        """The total IDF weight of each slot from `first_slot` on, with today's frequencies, summed
        from the same per-term weights a check scores with."""
        offsets = np.array(self.slot_offsets[first_slot:], dtype=np.int64)
        sizes = np.diff(offsets)
        entries = np.array(self.slot_terms[offsets[0]:], dtype=np.int32)
        if not len(entries):
            return np.zeros(len(sizes), dtype=np.float32)
        term_weights = np.array(self.idf_by_id())[entries]
        totals = np.add.reduceat(term_weights, (offsets[:-1] - offsets[0]).clip(
            max=len(term_weights) - 1))
        return np.where(sizes > 0, totals, 0).astype(np.float32)

    def _scratch(self, size):
        """Per-thread arrays over the slots: shared weight, and which entry owns a slot."""
        local = self.local
        if getattr(local, "size", 0) < size:
            local.size = max(size, 1024) * 2
            local.weight = np.zeros(local.size, dtype=np.float32)
            local.owner = np.zeros(local.size, dtype=np.int32)
        return local.weight, local.owner

    def candidates(self, terms, statement_factor=1.0, keep=1, slack=0.0, floor=0.0,
                   count=CANDIDATES):
        """Ids of the live claims that can score best against `terms`: a few dozen, not thousands.

        A claim's key is the IDF weight it shares with the statement over (statement_factor x the
        statement's weight + the claim's weight), the shape of the matcher's F-beta score. Kept:
        the `count` best keys, and every claim within `slack` (and KEY_TOLERANCE) of the `keep`-th
        best key (ties, and claims a bonus outside the key could lift into the top `keep`), none
        with a key below `floor`. A claim sharing only common words with the statement has a key
        below floor, so the long posting lists of such words are only probed, never walked, and
        only for the claims whose key could reach the floor with every one of them.
        """
        unique = set(terms)
        ids = [self.term_ids.get(t) for t in unique]
        frequency, weights = self.document_frequency, self.idf_by_id()
        found = sorted(((weights[i], np.array(self.postings[i], dtype=np.int32)) for i in ids
                        if i is not None and frequency[i] > 0), key=lambda item: len(item[1]))
        if not found:
            return []
        drift = abs(len(self.claims) - self.weights_sized_for)
        if drift > WEIGHT_REFRESH_DRIFT * max(self.weights_sized_for, 1):
            self._refresh_weights()
        statement_weight = statement_factor * sum(map(self.idf, unique))
        floor *= 1 - KEY_TOLERANCE
        rare = len(found)
        common_weight = 0.0
        while rare > 1 and len(found[rare - 1][1]) > COMMON_POSTING:
            weight = common_weight + found[rare - 1][0]
            if weight / (statement_weight + weight) >= floor:
                break
            common_weight, rare = weight, rare - 1
        slots, shared = self._shared_weights(found[:rare])
        if floor > 0 and rare < len(found):
            most = shared.copy()
            for weight, _ in found[rare:]:
                most += weight
            reachable = most / (statement_weight + self.slot_weight.values[slots]) >= floor
            slots, shared = slots[reachable], shared[reachable]
        for weight, posting in found[rare:]:
            at = np.searchsorted(posting, slots).clip(max=len(posting) - 1)
            shared += weight * (posting[at] == slots)
        keys = np.where(self.slot_alive.values[slots],
                        shared / (statement_weight + self.slot_weight.values[slots]), -1.0)
        if len(slots) > count:
            keep = min(keep, len(keys))
            best = np.argpartition(-keys, (keep - 1, count))  # the keep-th and count best first
            chosen = keys >= keys[best[keep - 1]] * (1 - KEY_TOLERANCE) - slack
            chosen[best[:count]] = True
            slots, keys = slots[chosen], keys[chosen]
        return self.slot_claim.values[slots[(keys >= 0) & (keys >= floor)]].tolist()

    def _shared_weights(self, found):
        """Every slot in the posting lists of `found` [(idf, slots)], once, with its summed idf."""
        touched = np.concatenate([posting for _, posting in found])
        weight, owner = self._scratch(self.slot_claim.size)
        for term_weight, posting in found:
            weight[posting] += term_weight
        positions = np.arange(len(touched), dtype=np.int32)
        owner[touched] = positions
        touched = touched[owner[touched] == positions]
        touched.sort()  # sorted, the common lists are probed for them much faster (searchsorted)
        shared = weight[touched].astype(np.float64)
        weight[touched] = 0
        return touched, shared

    def claims_with_any(self, terms):
        """Ids of the live claims containing any of `terms`: every claim that can score above 0."""
        lists = [np.array(self.postings[self.term_ids[t]], dtype=np.int32)
                 for t in set(terms) if self.knows(t)]
        if not lists:
            return set()
        slots = np.unique(np.concatenate(lists))
        return set(self.slot_claim.values[slots[self.slot_alive.values[slots]]].tolist())

    def claims_with_all(self, terms):
        """Ids of the live claims that contain every one of `terms`."""
        if not terms or not all(self.knows(t) for t in terms):
            return set()
        lists = sorted((np.array(self.postings[self.term_ids[t]], dtype=np.int32) for t in terms),
                       key=len)
        slots = lists[0]
        for other in lists[1:]:
            slots = np.intersect1d(slots, other, assume_unique=True)
        slots = slots[self.slot_alive.values[slots]]
        return set(self.slot_claim.values[slots].tolist())
