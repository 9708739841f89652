"""From matched claims to a verdict: which sources back the statement and which contradict it."""
from .matcher import Matcher
from .numbers import best_counterpart, figure_from_record
from .records import CheckResult, JudgedEvidence, Match
from .text import stem, words

SUPPORTED, CONTRADICTED, DISPUTED, UNVERIFIED = "supported", "contradicted", "disputed", "unverified"
VERDICTS = (SUPPORTED, CONTRADICTED, DISPUTED, UNVERIFIED)
SUPPORTS, CONTRADICTS = "supports", "contradicts"
DEFAULT_MIN_SCORE = 55.0

# Verbs that say opposite things about the same event; generic English, not tied to a corpus.
OPPOSITES = [
    ({"condemn", "criticis", "criticiz", "denounc", "oppos", "reject"},
     {"back", "support", "endors", "welcom", "prais", "approv", "accept"}),
    ({"increas", "rose", "rise", "grew", "grow"}, {"decreas", "fell", "fall", "drop", "declin"}),
    ({"won", "win"}, {"lost", "lose"}),
    ({"allow", "permitt", "permit"}, {"ban", "banned", "forbid", "prohibit", "block"}),
    ({"confirm", "admit", "acknowledg"}, {"deni", "deny"}),
    ({"intervened", "intervene", "intervening", "stopp", "halt"}, {"stood by", "idle"}),
]


def _polarity_terms(text):
    stems = {stem(w) for w in words(text)}
    return [index * 2 + side for index, pair in enumerate(OPPOSITES)
            for side, group in enumerate(pair) if stems & group]


def opposite(statement_text, claim_text):
    """True when the two texts use opposite verbs from one pair (condemned vs backed)."""
    statement_marks, claim_marks = set(_polarity_terms(statement_text)), set(_polarity_terms(claim_text))
    return any(mark ^ 1 in claim_marks and mark not in claim_marks for mark in statement_marks)


class Judge:
    """Decides, for each evidence item of a matched claim, which side of the statement it is on."""

    def __init__(self, matcher):
        self.matcher = matcher

    def judge_claim(self, analysis, claim, score, explanation):
        claim_analysis = self.matcher.analyses.get(claim.id) or self.matcher.analyzer.analyze(claim.text)
        negated = (len(analysis.negations) % 2) != (len(claim_analysis.negations) % 2)
        flipped = negated != opposite(analysis.text, claim.text)
        judged = [self.judge_evidence(analysis, item, flipped) for item in claim.evidence]
        supporting = [j for j in judged if j.stance == SUPPORTS]
        contradicting = [j for j in judged if j.stance == CONTRADICTS]
        explanation = {**explanation, "negation": negated,
                       "opposite_wording": opposite(analysis.text, claim.text)}
        return Match(claim=claim, score=score, verdict=verdict_of(supporting, contradicting),
                     supporting=supporting, contradicting=contradicting, explanation=explanation)

    def judge_evidence(self, analysis, evidence, flipped):
        """Figures for the same thing decide when both sides give one; otherwise the stance does."""
        figures = [figure_from_record(n) for n in evidence.numbers]
        numbers = [dict(n, comparison=None) for n in evidence.numbers]
        reasons, agreements = [], []
        for figure in analysis.figures:
            counterpart = best_counterpart(figure, figures)
            if counterpart is None:
                continue
            agrees = figure.agrees_with(counterpart)
            agreements.append(agrees)
            numbers[figures.index(counterpart)]["comparison"] = "agrees" if agrees else "differs"
            reasons.append(f"statement says {figure.text}, source says "
                           f"{(counterpart.qualifier + ' ') if counterpart.qualifier else ''}"
                           f"{counterpart.text} ({'agrees' if agrees else 'differs'})")
        if agreements:
            backs = all(agreements) != flipped
        else:
            backs = (evidence.stance == SUPPORTS) != flipped
            if flipped:
                reasons.append("the statement says the opposite of the claim")
        return JudgedEvidence(source=evidence.source, quote=evidence.quote, numbers=numbers,
                              stance=SUPPORTS if backs else CONTRADICTS, reasons=reasons)


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


def summarize(match):
    """One readable sentence a newsroom tool can show as it is."""
    if match is None:
        return "Unverified: no curated claim matches this statement closely enough."
    claim = f"“{match.claim.text}” (score {match.score:g})"
    support, contra = len(match.supporting), len(match.contradicting)
    if match.verdict == SUPPORTED:
        return f"Supported: matches {claim}; {support} source(s) back it: {_names(match.supporting)}."
    if match.verdict == CONTRADICTED:
        return (f"Contradicted: matches {claim}, but {contra} source(s) contradict it: "
                f"{_names(match.contradicting)}.")
    if match.verdict == DISPUTED:
        return (f"Disputed: sources disagree on {claim}: {support} back it "
                f"({_names(match.supporting)}) and {contra} contradict it "
                f"({_names(match.contradicting)}).")
    return f"Unverified: matches {claim}, but no source addresses it yet."


class FactChecker:
    """The engine's front door: statement in, verdict with its evidence out."""

    def __init__(self, claims=(), entities=(), min_score=DEFAULT_MIN_SCORE):
        self.matcher = Matcher(claims, entities)
        self.judge = Judge(self.matcher)
        self.min_score = min_score

    def __len__(self):
        return len(self.matcher)

    def add(self, claim):
        self.matcher.add(claim)

    def remove(self, claim_id):
        self.matcher.remove(claim_id)

    def check(self, statement, limit=5, min_score=None):
        threshold = self.min_score if min_score is None else min_score
        analysis = self.matcher.analyzer.analyze(statement)
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
