"""Proposals for a stored source: the facts it states (extraction) and what it says about the
claims already stored (alignment). Nothing here writes: an editor accepts a proposal by posting it
as an ordinary claim or evidence item, which keeps its revision.

Alignment runs the engine both ways. Forward, each fact of the source is looked up among the
stored claims, loosely, to find the claims it may bear on. Backward, each such claim is checked,
as /check checks a statement, against the source's own facts (each fact a claim, its quote its
evidence, its figures labelled): the verdict is the source's stance. So figures decide first: where
the source gives a figure for the quantity the claim counts, it supports the claim when they
agree and contradicts it when they differ (a new outlet saying 398 dead where the claim has 381);
otherwise the verdict engine's reading of the wording decides (negation, opposite wording).
"""
from dataclasses import dataclass, field, replace

from .corpus import entity_records
from .engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo
from .engine.extraction import Extractor, by_worthiness
from .engine.sentences import sentence_spans
from .engine.verdict import CONTRADICTED, CONTRADICTS, SUPPORTED, SUPPORTS
from .models import Source

CANDIDATE_MIN_SCORE = 10.0  # forward: loose, only to find claims the source may bear on
CANDIDATES = 20  # claims looked at per fact
ALIGN_MIN_SCORE = 35.0  # backward: the claim must match one of the source's facts this well
FIGURE_MIN_SCORE = 20.0  # a fact giving a figure for the claim's quantity may match more loosely
FACTS_LOOKED_AT = 5
STANCE_OF_VERDICT = {SUPPORTED: SUPPORTS, CONTRADICTED: CONTRADICTS}


class SourceNotFound(LookupError):
    """No live source has this id."""


@dataclass
class Alignment:
    """A proposal to add a quote of a source as evidence for a stored claim."""

    claim: object  # the engine's ClaimRecord
    stance: str
    proposal: object  # the extraction Proposal whose quote it is
    score: float
    decided_by: str  # "figures" or "wording"
    figures: list = field(default_factory=list)  # the engine's figure comparisons

    def as_dict(self, source_id):
        quote = self.proposal
        return {"claim": {"id": self.claim.id, "ref": self.claim.ref, "text": self.claim.text},
                "stance": self.stance, "decided_by": self.decided_by, "score": self.score,
                "quote": quote.quote, "start": quote.start, "end": quote.end,
                "figures": [{"claim": f["statement"], "source": f["claim"],
                             "comparison": f["comparison"]} for f in self.figures],
                "evidence": {"source_id": source_id, "stance": self.stance, "quote": quote.quote,
                             "numbers": [f.as_record() for f in quote.figures]}}


def facts_checker(proposals, entities, source_id=None):
    """The engine over a source's facts: each fact a claim whose one evidence item is its quote
    (supporting it, with its labelled figures)."""
    source = SourceInfo(id=source_id or 0, title="the aligned source")
    return FactChecker([ClaimRecord(id=number, text=p.quote, evidence=(EvidenceRecord(
        source=source, stance=SUPPORTS, quote=p.quote,
        numbers=tuple(f.as_record() for f in p.figures)),))
        for number, p in enumerate(proposals)], entities)


def with_sentences(text, proposals):
    """The proposals and, for each sentence stating several facts, one spanning them all: a claim
    may gather what a sentence says in two clauses."""
    units = list(proposals)
    for start, end, _ in sentence_spans(text):
        inside = [p for p in proposals if start <= p.start and p.end <= end]
        if len(inside) > 1:
            first, last = inside[0], inside[-1]
            units.append(replace(first, quote=text[first.start:last.end], end=last.end,
                                 figures=[f for p in inside for f in p.figures]))
    return units


def decisive_match(matches, min_score):
    """The fact that decides a claim: the best giving a figure for the quantity the claim counts,
    else the best match if it reaches `min_score`; only a fact that backs or contradicts it."""
    decisive = [m for m in matches if m.verdict in STANCE_OF_VERDICT]
    for match in decisive:
        if match.explanation.get("figures"):
            return match
    return next((m for m in decisive[:1] if m.score >= min_score), None)


def align_proposals(checker, proposals, entities=(), source_id=None, min_score=ALIGN_MIN_SCORE):
    """Alignments of a source's facts (extraction proposals, see `with_sentences`) to the claims
    `checker` holds; claims already citing source `source_id` are left out. Figure-decided ones
    first."""
    candidates = {}
    for proposal in proposals:
        for match in checker.check(proposal.quote, limit=CANDIDATES,
                                   min_score=CANDIDATE_MIN_SCORE).matches:
            if not any(item.source.id == source_id for item in match.claim.evidence):
                candidates[match.claim.id] = match.claim
    facts = facts_checker(proposals, entities, source_id)
    alignments = []
    for claim in candidates.values():
        match = decisive_match(facts.check(claim.text, limit=FACTS_LOOKED_AT,
                                           min_score=FIGURE_MIN_SCORE).matches, min_score)
        if match is None:
            continue
        compared = match.explanation.get("figures") or []
        alignments.append(Alignment(
            claim=claim, stance=STANCE_OF_VERDICT[match.verdict], proposal=proposals[
                match.claim.id], score=match.score,
            decided_by="figures" if compared else "wording", figures=compared))
    return sorted(alignments, key=lambda a: (a.decided_by != "figures", -a.score))


def live_source(source_id):
    source = Source.live().where(Source.id == source_id).first()
    if source is None:
        raise SourceNotFound(source_id)
    return source


def extract_source(source_id, min_worthiness=0.0):
    """(source, its proposals, most check-worthy first)."""
    source = live_source(source_id)
    proposals = Extractor(entity_records()).propose(source.text)
    return source, [p for p in by_worthiness(proposals) if p.check_worthiness >= min_worthiness]


def align_source(source_id, checker, min_score=ALIGN_MIN_SCORE):
    """(source, its alignments to the stored claims)."""
    source = live_source(source_id)
    units = with_sentences(source.text, Extractor(entity_records()).propose(source.text))
    return source, align_proposals(checker, units, entity_records(), source.id, min_score)
