"""Proposals for a stored source: the facts it states (extraction) and what it says about the
claims already stored (alignment). Nothing here writes: an editor accepts a proposal by posting it
as an ordinary claim or evidence item, which keeps its revision.

Alignment first looks each fact of the source up among the stored claims, loosely (/check's
search), to find the claims it may bear on, and takes too every claim giving a figure for a
quantity some fact counts. For each such claim it picks the source's fact that
states it: one giving a figure for the quantity the claim counts, then one naming most of the
claim's entities, then the one holding most of the claim's terms (stems, entity names and
synonyms merged, as the engine reads them; at least MIN_COVERAGE of them). Figures decide the
stance first: the source supports the claim when they agree and contradicts it when they differ
(a new outlet saying 398 dead where the claim has 381), and so do dates and weekdays: a fact
saying what the claim says besides its times, on another day, contradicts it ("closed on March 3"
for "closed on Tuesday, March 4"); one saying less on another day, or giving another year, is
about another event. A date without a year takes the year nearest its source's published date
(the claim's, its earliest source's), so that a weekday and a date compare by the calendar. A
count far past an open bound ("more than 2,000" against 11,300) is another report, which the
figures leave to the wording. Otherwise the engine decides: another actor in
the claim's place contradicts it, and so does the verdict engine's reading of the claim checked
against that fact (a negation in scope, opposite wording). A claim every stored source
contradicts states a falsehood: a further source bearing on it, by wording, is proposed as
contradicting it too. A fact that passes on another's figure ("X cited a toll of N from Y") bears on
who gave it, not on the count; a fact giving a figure someone disputed bears on the figure, not on
the dispute, unless it names the disputer.
"""
import math
import re
from dataclasses import dataclass, field, replace

from .corpus import entity_records
from .engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo
from .engine.entities import EntityTable
from .engine.extraction import Extractor, by_worthiness
from .engine.matcher import TextAnalyzer
from .engine.numbers import DATE_KIND, YEAR, YEARLESS, best_counterpart, figure_from_record
from .engine.extraction import REPORTING_VERBS
from .engine.sentences import sentence_spans
from .engine.text import DENIALS, DISPUTING, words
from .engine.verdict import CONTRADICTED, CONTRADICTS, SUPPORTS
from .models import Source

CANDIDATE_MIN_SCORE = 10.0  # forward: loose, only to find claims the source may bear on
CANDIDATES = 20  # claims looked at per fact
MIN_COVERAGE = 0.3  # a fact states a claim when it has this share of the claim's terms
FIGURE_COVERAGE_FACTOR = 0.6  # less where it gives a figure for the quantity the claim counts
SWAP_RESTATED = 0.75  # another actor contradicts when the fact says this share of the rest,
TIME_RESTATED = 0.5  # another time when it says this share of the rest (fewer words are left)
ENTITY_MARK = "@"  # how the analyzer marks an entity among a text's terms
RESTATED_COVERAGE = 1.0  # a fact backing a claim states it again when it holds all its terms,
ANSWERED_COVERAGE = 0.5  # or half of them where the engine answers the fact with that claim


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


@dataclass
class Fact:
    """A fact of the source as the engine reads it: its terms, figures (labelled), negations."""

    proposal: object
    analysis: object
    figures: list

    @classmethod
    def of(cls, proposal, analyzer, published=None):
        return cls(proposal, analyzer.analyze(proposal.quote),
                   [figure_from_record(f.as_record(), published) for f in proposal.figures])


def dated(figures, published):
    """The claim's figures, each date without a year given the year nearest `published` (when
    the claim was written), which the calendar needs to compare it with a weekday."""
    if published is None:
        return figures
    return [figure_from_record(f.as_dict(), reference=published)
            if f.kind == DATE_KIND and f.low < YEARLESS else f for f in figures]


def first_published(claim):
    """The earliest published date of the sources on a claim (when its dates were written), or
    None."""
    return min((item.source.published for item in claim.evidence if item.source.published),
               default=None)


# Words by which a fact passes on a figure someone else gave ("OCHA cited a death toll of 11,300
# from the Red Crescent", "attributing these numbers to the ministry").
CITING_WORDS = frozenset("""
cite cites cited citing quote quotes quoted quoting attribute attributes attributed attributing
""".split())


def passes_on(fact, claim_analysis):
    """Whether the fact passes on another's figure to a claim that states a figure as a fact: the
    fact reports what someone gave ("X cited a toll of N"), which bears on "X said N", not on how
    many there were, so its figures neither support nor contradict the claim's."""
    return (not CITING_WORDS.isdisjoint(words(fact.proposal.quote))
            and (CITING_WORDS | REPORTING_VERBS).isdisjoint(claim_analysis.tokens))


def figure_comparisons(claim_analysis, claim_figures, fact):
    """[(claim figure, the fact's figure for the same quantity, agrees)], or None when the fact
    gives another year than the claim, or another day without saying what the claim says besides
    its times (`restates_besides`): another event, not a disagreement; or when it passes on
    another's figures for the claim's (`passes_on`)."""
    if claim_figures and fact.figures and passes_on(fact, claim_analysis):
        return None
    pairs = []
    for figure in claim_figures:
        counterpart = counterpart_in(figure, fact.figures)
        if counterpart is not None:
            agrees = figure.agrees_with(counterpart)
            if agrees and (beyond_bound(figure, counterpart) or beyond_bound(counterpart, figure)):
                continue
            if figure.is_year and not agrees and (
                    YEAR in (figure.kind, counterpart.kind)
                    or not restates_besides(claim_analysis, claim_figures, fact)):
                return None
            pairs.append((figure, counterpart, agrees))
    return pairs


def counterpart_in(figure, figures):
    """The fact's figure for the quantity the claim's figure counts (`best_counterpart`), taken
    among those labelled with the noun it counts where any is ("two dams collapsed in the city"
    meets "two dams broke", not "the city of around 100,000 people")."""
    counting = [candidate for candidate in figures if figure.counted & candidate.context]
    return best_counterpart(figure, counting or figures)


BOUND_REACH = 2.0  # an open bound reports a count within this factor of it


def beyond_bound(bound, figure):
    """Whether `figure` lies far past an open bound ("more than 2,000" against 11,300): it agrees
    with the bound, yet it is another count, not the one the bound reports."""
    return (math.isinf(bound.high) and bound.low > 0 and figure.low > BOUND_REACH * bound.low
            or bound.low == 0 and bound.high > 0 and figure.high < bound.high / BOUND_REACH)


def disputed_by(analysis):
    """The entities the text names before its first word denying or doubting what is said (who
    disputes it: "the spokesman for the Red Crescent denied that ..."), or None where it disputes
    nothing."""
    for i, token in enumerate(analysis.tokens):
        if token in DISPUTING or token in DENIALS:
            return {t for t in analysis.tokens[:i] if t.startswith(ENTITY_MARK)}
    return None


# A dispute of what an earlier sentence said: "cast doubt on that", "rejected them", "denied it."
# ("denied that the toll had risen" says what it disputes).
DISPUTES_WHAT_CAME_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(DISPUTING | DENIALS | {'doubt', 'doubts', 'disputed'}))})"
    r"\s+(?:[\w’'-]+\s+)?(?:that|this|these|those|them|it)\s*(?:[,.;:!?”\"]|$)", re.IGNORECASE)


def disputes_what_came_before(fact):
    """Whether the fact disputes what an earlier sentence said ("a spokesman cast doubt on that"):
    what it disputes is not in it, so it bears only on a claim reporting a dispute."""
    return DISPUTES_WHAT_CAME_BEFORE.search(fact.proposal.quote) is not None


def bears_on_no_dispute(fact, disputers):
    """Whether a fact says nothing of a dispute a claim reports: it disputes nothing and names none
    of the disputers. "The toll rose to 11,300, OCHA said" gives the figure the Red Crescent
    denied, not the denial; "a toll of 11,300 from the Red Crescent" is the Red Crescent's own."""
    return disputed_by(fact.analysis) is None and disputers.isdisjoint(fact.analysis.entities)


def coverage(claim_analysis, fact):
    """The share of the claim's terms (stems, entities, synonyms merged) the fact states. A word
    of a pair of opposites counts half when the fact takes the other side ("backed" for
    "condemned"), so the fact that says what the claim says comes first."""
    terms = set(claim_analysis.terms)
    if not terms:
        return 0.0
    shared = terms & set(fact.analysis.terms)
    against = {mark // 2 for mark in fact.analysis.polarity} - {
        mark // 2 for mark in claim_analysis.polarity & fact.analysis.polarity}
    halves = sum(1 for term in shared if term.startswith("~") and int(term[1:]) in against)
    return (len(shared) - halves / 2) / len(terms)


def stance_by_wording(claim, fact, entities):
    """The verdict engine's reading of the claim checked against this one fact: contradicted (the
    fact negates the claim, in scope, or says its opposite) or not."""
    source = SourceInfo(id=0, title="the aligned source")
    judge = FactChecker([ClaimRecord(id=0, text=fact.proposal.quote, evidence=(EvidenceRecord(
        source=source, stance=SUPPORTS, quote=fact.proposal.quote),))], entities)
    result = judge.check(claim.text, limit=1, min_score=0)
    return CONTRADICTS if result.verdict == CONTRADICTED else SUPPORTS


def swapped(claim_analysis, fact, entities):
    """Whether the fact says what the claim says of someone else ("Russia brokered the ceasefire"
    for "the US brokered the ceasefire"): the engine's rule for a changed actor, taken only where
    the fact states most of what the claim says besides names (a sentence about other things
    that merely names others is no contradiction)."""
    missing = [e for e in claim_analysis.entities if e not in fact.analysis.entities]
    extra = [e for e in fact.analysis.entities if e not in claim_analysis.entities]
    return (restates_besides(claim_analysis, (), fact, SWAP_RESTATED)
            and any(entities.interchangeable(a, b) for a in extra for b in missing))


def restates_besides(claim_analysis, claim_figures, fact, share=TIME_RESTATED):
    """Whether the fact says `share` of what the claim says besides its names and the words of
    the times among `claim_figures` ("dams", "collapsed" of "the dams collapsed on Monday"): what
    differs besides is then a disagreement on the same thing."""
    left_out = {term for figure in claim_figures if figure.is_year for term in figure.terms()}
    said = {t for t in claim_analysis.terms if not t.startswith(ENTITY_MARK)} - left_out
    return len(said & set(fact.analysis.terms)) >= share * len(said)


def align_claim(claim, facts, analyzer, entities=(), min_coverage=MIN_COVERAGE):
    """The Alignment of one claim with the source's facts, or None when no fact states it. The
    fact chosen gives a figure for the claim's quantity if one does, then names most of the
    claim's entities, then shares most of its terms."""
    claim_analysis = analyzer.analyze(claim.text)
    claim_figures = dated(claim_analysis.figures, first_published(claim))
    named = set(claim_analysis.entities)
    disputers = disputed_by(claim_analysis)
    best = None
    for fact in facts:
        pairs = figure_comparisons(claim_analysis, claim_figures, fact)
        if pairs is None:
            continue
        if (bears_on_no_dispute(fact, disputers) if disputers is not None
                else disputes_what_came_before(fact)):
            continue
        share = coverage(claim_analysis, fact)
        needed = min_coverage * (FIGURE_COVERAGE_FACTOR if pairs else 1)
        entity_share = len(named & set(fact.analysis.entities)) / len(named) if named else 1
        rank = (bool(pairs), entity_share, share)
        if share >= needed and (best is None or rank > best[0]):
            best = (rank, fact, pairs)
    if best is None:
        return None
    _, fact, pairs = best
    if pairs and not all(agrees for _, _, agrees in pairs):
        stance = CONTRADICTS
    elif any(not figure.is_year for figure, _, _ in pairs):
        # the same count, unless the fact denies it ("they denied the toll had reached 381")
        stance = stance_by_wording(claim, fact, entities)
    elif pairs:
        stance = SUPPORTS  # the same year: the same event
    elif swapped(claim_analysis, fact, analyzer.entities):
        stance = CONTRADICTS
    else:
        stance = stance_by_wording(claim, fact, entities)
    if stance == SUPPORTS and not pairs and stated_falsehood(claim):
        stance = CONTRADICTS
    return Alignment(claim=claim, stance=stance, proposal=fact.proposal,
                     score=round(100 * best[0][2], 1), decided_by="figures" if pairs else "wording",
                     figures=[{"statement": _written(a), "claim": _written(b),
                               "comparison": "agrees" if agrees else "differs"}
                              for a, b, agrees in pairs])


def stated_falsehood(claim):
    """Whether every source on the claim contradicts it: the claim states a falsehood, and a
    further source bearing on it most likely states the truth in other words ("its inhabitants
    are mostly Armenian" for "most inhabitants are Azerbaijani"), which wording alone reads as
    support. Figures that differ still contradict, and figures that agree still support."""
    return bool(claim.evidence) and all(item.stance == CONTRADICTS for item in claim.evidence)


def restates(checker, alignment):
    """Whether a fact aligned as support states the claim again, so that accepting it as a claim
    of its own would store the claim twice: it holds all the claim's terms, or half of them and
    `checker` matches the fact's claim text with that claim first, at its threshold (an editor
    checking the proposal finds it stored: "The UN agency attributed the figures to X" on "OCHA
    attributed these numbers to X", where the entity table and the synonyms leave only half the
    terms shared). A fact giving a count the claim does not states more (`counts_more`)."""
    if (alignment.stance != SUPPORTS or alignment.score < 100 * ANSWERED_COVERAGE
            or counts_more(alignment)):
        return False
    if alignment.score >= 100 * RESTATED_COVERAGE:
        return True
    found = checker.check(alignment.proposal.claim, limit=1).matches
    return bool(found) and found[0].claim.id == alignment.claim.id and (
        found[0].score >= checker.min_score)  # worded alike, not found by its figure alone


def counts_more(alignment):
    """Whether the fact gives a count the claim does not ("thousands missing and 30,000
    displaced" on "thousands are missing"): it states more than the claim."""
    counts = [figure for figure in alignment.proposal.figures if not figure.is_year]
    return len(counts) > len(alignment.figures)


def _written(figure):
    return f"{figure.qualifier} {figure.text}" if figure.qualifier else figure.text


def align_proposals(checker, proposals, entities=(), source_id=None, min_coverage=MIN_COVERAGE,
                    published=None):
    """Alignments of a source's facts (extraction proposals, see `with_sentences`) to the claims
    `checker` holds; claims already citing source `source_id` are left out. Figure-decided ones
    first. `published`, the source's published date, dates what it says without a year."""
    analyzer = TextAnalyzer(EntityTable(entities))
    facts = [Fact.of(p, analyzer, published) for p in proposals]
    found = [match.claim for proposal in proposals for match in checker.check(
        proposal.quote, limit=CANDIDATES, min_score=CANDIDATE_MIN_SCORE).matches]
    candidates = {claim.id: claim for claim in [*found, *counting_claims(checker, facts)]
                  if not any(item.source.id == source_id for item in claim.evidence)}
    alignments = [a for a in (align_claim(c, facts, analyzer, entities, min_coverage)
                              for c in candidates.values()) if a is not None]
    return sorted(alignments, key=lambda a: (a.decided_by != "figures", -a.score))


def counting_claims(checker, facts):
    """The stored claims giving a count, measure or time for a quantity some fact gives too: a
    long fact ("..., citing the WHO as saying that the flooding left 3,958 people dead", "... after
    two dams broke on September 10 during a powerful storm, ...") may rank the claim it bears on
    below others in the wording search, yet its figure finds it."""
    return [claim for claim, features in checker.claims()
            if any(best_counterpart(figure, fact.figures) is not None
                   for figure in features.figures for fact in facts)]


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


def align_source(source_id, checker, min_coverage=MIN_COVERAGE):
    """(source, its alignments to the stored claims)."""
    source = live_source(source_id)
    units = with_sentences(source.text, Extractor(entity_records()).propose(source.text))
    return source, align_proposals(checker, units, entity_records(), source.id, min_coverage,
                                   source.published)
