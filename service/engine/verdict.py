"""From matched claims to a verdict: which sources back the statement and which contradict it."""
from dataclasses import replace

from .matcher import Matcher
from .numbers import best_counterpart, figure_from_record
from .records import CheckResult, JudgedEvidence, Match

SUPPORTED, CONTRADICTED, DISPUTED, UNVERIFIED = (
    "supported", "contradicted", "disputed", "unverified")
VERDICTS = (SUPPORTED, CONTRADICTED, DISPUTED, UNVERIFIED)
SUPPORTS, CONTRADICTS = "supports", "contradicts"
DEFAULT_MIN_SCORE = 52.0


def _figure_text(figure):
    return f"{figure.qualifier} {figure.text}" if figure.qualifier else figure.text


class Judge:
    """Decides, for each evidence item of a matched claim, which side of the statement it is on."""

    def __init__(self, matcher):
        self.matcher = matcher

    def judge_claim(self, analysis, claim, score, explanation):
        """The claim's Match: each evidence item judged, the stances turned where the statement
        says the opposite of the claim (as search found it, in `explanation`)."""
        claim_features = self.matcher.claim_features(claim)
        flipped = explanation.negation != explanation.opposite_wording
        figures = self.compare_with_claim(analysis, claim_features)
        moved = [f for f, _, agrees in figures if not agrees]
        added = self.figures_beyond_claim(analysis, figures, claim)
        in_claim = {id(f): c for f, c, _ in figures}
        # A claim about someone else (shown only under a low threshold) says nothing either way.
        judged = [] if explanation.swapped_entities else [
            self.judge_evidence(analysis, item, flipped, moved, added, in_claim)
            for item in claim.evidence]
        supporting = [j for j in judged if j is not None and j.stance == SUPPORTS]
        contradicting = [j for j in judged if j is not None and j.stance == CONTRADICTS]
        explanation = replace(explanation, figures=[
            {"statement": _figure_text(f), "claim": _figure_text(c),
             "comparison": "agrees" if agrees else "differs"} for f, c, agrees in figures])
        return Match(claim=claim, score=score, verdict=verdict_of(supporting, contradicting),
                     supporting=supporting, contradicting=contradicting, explanation=explanation)

    @staticmethod
    def compare_with_claim(analysis, claim_features):
        """[(statement figure, claim figure, agrees)] for figures both give for the same thing."""
        pairs = []
        for figure in analysis.figures:
            counterpart = best_counterpart(figure, claim_features.figures)
            if counterpart is not None:
                pairs.append((figure, counterpart, figure.agrees_with(counterpart)))
        return pairs

    @staticmethod
    def figures_beyond_claim(analysis, compared, claim):
        """Statement figures the claim has no counterpart for but some source does ("10,000
        troops" against "Russia has no troops"): they, not the claim's wording, are at issue."""
        compared_ids = {id(f) for f, _, _ in compared}
        sourced = [figure_from_record(n) for item in claim.evidence for n in item.numbers]
        return [f for f in analysis.figures
                if id(f) not in compared_ids and best_counterpart(f, sourced) is not None]

    def judge_evidence(self, analysis, evidence, flipped, moved, added=(), in_claim=None):
        """A source giving a different figure for the same thing contradicts the statement; one
        giving the statement's figure where the claim has another backs it; a source silent on a
        figure the statement changed or added takes no side (None); one whose own figure differs
        from the claim's but agrees with the statement's ("fewer than 10" against the claim's seven
        and the source's two) backs it; otherwise its stance decides.
        `in_claim` maps a statement figure to the claim's figure for the same thing, whose value
        finds the source's figure when their words do not."""
        figures = [figure_from_record(n) for n in evidence.numbers]
        numbers = [dict(n, comparison=None) for n in evidence.numbers]
        reasons, agreements, answered, own_figures = [], [], set(), False
        for figure in analysis.figures:
            claim_figure = (in_claim or {}).get(id(figure))
            counterpart = best_counterpart(figure, figures) or _same_value(claim_figure, figures)
            if counterpart is None:
                continue
            agrees = figure.agrees_with(counterpart)
            agreements.append(agrees)
            answered.add(id(figure))
            own_figures |= claim_figure is not None and counterpart.value != claim_figure.value
            numbers[figures.index(counterpart)]["comparison"] = "agrees" if agrees else "differs"
            reasons.append(f"statement says {figure.text}, source says {_figure_text(counterpart)} "
                           f"({'agrees' if agrees else 'differs'})")
        # Figures compared with the source's own speak for the source directly, whatever the claim
        # says; only a stance (which is towards the claim) turns with the statement's wording.
        if not all(agreements):
            backs = False
        elif not all(id(f) in answered for f in [*moved, *added]):
            return None
        elif moved or own_figures:
            backs = True  # the source's own figures agree with the statement's
        else:
            backs = (evidence.stance == SUPPORTS) != flipped
            if flipped:
                reasons.append("the statement says the opposite of the claim")
        return JudgedEvidence(source=evidence.source, quote=evidence.quote, numbers=numbers,
                              stance=SUPPORTS if backs else CONTRADICTS, reasons=reasons)


def _same_value(claim_figure, figures):
    """The one figure of `figures` that gives the claim's figure, if there is exactly one."""
    if claim_figure is None:
        return None
    same = [f for f in figures
            if f.is_year == claim_figure.is_year and f.value == claim_figure.value]
    return same[0] if len(same) == 1 else None


def verdict_of(supporting, contradicting):
    if supporting and contradicting:
        return DISPUTED
    if supporting:
        return SUPPORTED
    if contradicting:
        return CONTRADICTED
    return UNVERIFIED


def _names(items):
    """Outlets by publisher, or by headline where the article does not name its publisher."""
    names = [item.source.publisher or f"“{item.source.title}”" for item in items]
    return "; ".join(dict.fromkeys(names))


def _because(match):
    """Why, in a clause: figure differences, negation or opposite wording."""
    explanation = match.explanation
    differing = [f"{f['statement']} where the claim has {f['claim']}"
                 for f in explanation.figures if f["comparison"] == "differs"]
    reasons = []
    if differing:
        reasons.append("the statement gives " + ", ".join(differing))
    if explanation.negation:
        reasons.append("the statement negates the claim")
    if explanation.opposite_wording:
        reasons.append("the statement uses the opposite wording")
    return f" ({'; '.join(reasons)})" if reasons else ""


def summarize(match):
    """One readable sentence a newsroom tool can show as it is."""
    if match is None:
        return "Unverified: no curated claim matches this statement closely enough."
    claim = f"“{match.claim.text}” (score {match.score:g})"
    support, contra = len(match.supporting), len(match.contradicting)
    because = _because(match)
    if match.verdict == SUPPORTED:
        return (f"Supported: matches {claim}{because}; {support} source(s) back it: "
                f"{_names(match.supporting)}.")
    if match.verdict == CONTRADICTED:
        return (f"Contradicted: matches {claim}{because}, but {contra} source(s) contradict it: "
                f"{_names(match.contradicting)}.")
    if match.verdict == DISPUTED:
        return (f"Disputed: sources disagree on {claim}{because}: {support} back it "
                f"({_names(match.supporting)}) and {contra} contradict it "
                f"({_names(match.contradicting)}).")
    return f"Unverified: matches {claim}{because}, but no source addresses it yet."


class FactChecker:
    """The engine's front door: statement in, verdict with its evidence out.

    Checks may run in several threads at once, but `add` and `remove` must not run during any of
    them: the caller serialises changes against checks (the service's LiveChecker does).
    """

    def __init__(self, claims=(), entities=(), min_score=DEFAULT_MIN_SCORE):
        self.matcher = Matcher(claims, entities)
        self.judge = Judge(self.matcher)
        self.min_score = min_score

    def __len__(self):
        return len(self.matcher)

    def add(self, *claims):
        self.matcher.add(*claims)

    def remove(self, claim_id):
        self.matcher.remove(claim_id)

    def check(self, statement, limit=5, min_score=None):
        threshold = self.min_score if min_score is None else min_score
        analysis = self.matcher.analyze_statement(statement)
        found = self.matcher.search(analysis, limit=limit, min_score=threshold)
        matches = [self.judge.judge_claim(analysis, claim, score, explanation)
                   for claim, score, explanation in found]
        best = matches[0] if matches else None
        return CheckResult(
            statement=statement,
            verdict=best.verdict if best else UNVERIFIED,
            summary=summarize(best),
            numbers=[f.as_dict() for f in analysis.figures],
            supporting=best.supporting if best else [],
            contradicting=best.contradicting if best else [],
            matches=matches)
