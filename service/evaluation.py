"""Score the engine on labelled statements: verdict accuracy overall and per category, a confusion
matrix, and how often the sources on each side and the matched claim are right too.

A labelled file is JSON Lines, one case a line:
{"statement": "...", "category": "numbers", "verdict": "disputed",
 "supporting": ["source-ref", ...], "contradicting": ["source-ref", ...]}
`verdict` names the one right verdict, and the sources on each side must be exactly those listed.
A case may name the claim it should match, `"claim": "claim-ref"`, or `"claim": null` for a
statement that should match none; a right verdict from another claim is then counted wrong.
A case may instead give `verdicts`, every verdict it accepts ("supported" or "disputed" where a
later report may or may not be stored); its `supporting` and `contradicting` then name the sources
each side must include, and other sources may stand beside them.
Flask-free: the corpus is a seed folder, loaded into an in-memory database the way the service
loads it.
"""
import json
import statistics
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import build_checker
from .db import database, init_database
from .engine.verdict import DEFAULT_MIN_SCORE, VERDICTS
from .models import create_tables
from .seeding import load_corpus, read_seed_folder


class CaseFileError(ValueError):
    """The labelled file cannot be read; the message names the line."""


@dataclass(frozen=True)
class Case:
    statement: str
    category: str
    verdicts: frozenset
    supporting: frozenset = frozenset()
    contradicting: frozenset = frozenset()
    exact_sources: bool = True  # the listed sources and no others, or at least the listed ones
    names_claim: bool = False  # whether the case says which claim, if any, it should match
    claim: str | None = None  # that claim's ref; None (when named) for a statement matching none

    @property
    def verdict(self):
        """The first accepted verdict, as the confusion matrix and failure list show it."""
        return min(self.verdicts, key=VERDICTS.index)


@dataclass
class Outcome:
    case: Case
    verdict: str
    supporting: frozenset
    contradicting: frozenset
    claim: str | None = None
    score: float | None = None  # the matched claim's score

    @property
    def verdict_right(self):
        return self.verdict in self.case.verdicts

    @property
    def sources_right(self):
        if not self.verdict_right:
            return False
        if self.case.exact_sources:
            return (self.supporting == self.case.supporting
                    and self.contradicting == self.case.contradicting)
        return (self.case.supporting <= self.supporting
                and self.case.contradicting <= self.contradicting)

    @property
    def claim_right(self):
        """Whether the top match is the claim the case names; None when it names none."""
        return self.claim == self.case.claim if self.case.names_claim else None

    @property
    def all_right(self):
        """Verdict, sources and (when the case names it) the matched claim."""
        return self.sources_right and self.claim_right is not False


@dataclass
class Report:
    outcomes: list = field(default_factory=list)
    seconds: list = field(default_factory=list)  # time each check took

    @staticmethod
    def _share(outcomes, attribute):
        return sum(getattr(o, attribute) for o in outcomes) / len(outcomes) if outcomes else 0.0

    @staticmethod
    def _claim_share(outcomes):
        """Share of the cases naming a claim that matched it; None when no case names one."""
        named = [o for o in outcomes if o.case.names_claim]
        return Report._share(named, "claim_right") if named else None

    @property
    def accuracy(self):
        return self._share(self.outcomes, "verdict_right")

    @property
    def sources_accuracy(self):
        return self._share(self.outcomes, "sources_right")

    @property
    def claim_accuracy(self):
        return self._claim_share(self.outcomes)

    @property
    def all_accuracy(self):
        return self._share(self.outcomes, "all_right")

    def by_category(self):
        """{category: (cases, verdict, sources, claim, all right)} as shares, in first-seen
        order; the claim share is None where no case names a claim."""
        groups = defaultdict(list)
        for outcome in self.outcomes:
            groups[outcome.case.category].append(outcome)
        return {name: (len(items), self._share(items, "verdict_right"),
                       self._share(items, "sources_right"), self._claim_share(items),
                       self._share(items, "all_right")) for name, items in groups.items()}

    def confusion(self):
        """Counter of (expected verdict, engine verdict); a case accepting several verdicts is
        counted under the one the engine gave when it is among them."""
        return Counter((o.verdict if o.verdict_right else o.case.verdict, o.verdict)
                       for o in self.outcomes)

    def failures(self):
        return [o for o in self.outcomes if not o.all_right]


def _refs(value, line_number, name):
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseFileError(f"line {line_number}: `{name}` must be a list of source refs")
    return frozenset(value)


def _claim_ref(data, line_number):
    """(names a claim, its ref or None) from the case's optional `claim`."""
    if "claim" not in data:
        return False, None
    ref = data["claim"]
    if ref is not None and (not isinstance(ref, str) or not ref.strip()):
        raise CaseFileError(f"line {line_number}: `claim` must be a claim ref or null")
    return True, ref


def parse_case(data, line_number):
    if not isinstance(data, dict):
        raise CaseFileError(f"line {line_number}: expected a JSON object")
    statement = data.get("statement")
    if not isinstance(statement, str) or not statement.strip():
        raise CaseFileError(f"line {line_number}: `statement` must be a non-empty string")
    exact = "verdicts" not in data
    verdicts = [data.get("verdict")] if exact else data["verdicts"]
    if not isinstance(verdicts, list) or not verdicts or any(v not in VERDICTS for v in verdicts):
        name = "verdict" if exact else "verdicts"
        raise CaseFileError(f"line {line_number}: `{name}` must be one of {', '.join(VERDICTS)}"
                            + ("" if exact else " (a non-empty list)"))
    names_claim, claim = _claim_ref(data, line_number)
    return Case(statement=statement, category=str(data.get("category") or "uncategorised"),
                verdicts=frozenset(verdicts), exact_sources=exact,
                names_claim=names_claim, claim=claim,
                supporting=_refs(data.get("supporting", []), line_number, "supporting"),
                contradicting=_refs(data.get("contradicting", []), line_number, "contradicting"))


def load_cases(path):
    """Cases from a JSON Lines file; blank lines are skipped."""
    cases = []
    with open(path, encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                raise CaseFileError(f"line {line_number}: not JSON ({error.msg})") from None
            cases.append(parse_case(data, line_number))
    if not cases:
        raise CaseFileError("the file holds no cases")
    return cases


def checker_from_seeds(folder, min_score=None):
    """The FactChecker /check would use over a seed folder: seeded into an in-memory database and
    read back the way the service reads it, so eval measures exactly what the API answers."""
    init_database("sqlite:///:memory:")
    with database.connection_context():
        create_tables()
        load_corpus(read_seed_folder(Path(folder)))
        return build_checker(DEFAULT_MIN_SCORE if min_score is None else min_score)


def evaluate(checker, cases, min_score=None):
    """Run every case through the checker, at `min_score` when given (else the checker's own)."""
    report = Report()
    for case in cases:
        started = time.perf_counter()
        result = checker.check(case.statement, limit=1, min_score=min_score)
        report.seconds.append(time.perf_counter() - started)
        report.outcomes.append(Outcome(
            case=case, verdict=result.verdict,
            supporting=frozenset(e.source.ref for e in result.supporting),
            contradicting=frozenset(e.source.ref for e in result.contradicting),
            claim=result.matches[0].claim.ref if result.matches else None,
            score=result.matches[0].score if result.matches else None))
    return report


def _percent(share):
    return "-" if share is None else f"{share:.1%}"


def format_report(report, show_failures=False):
    """The report as plain text: totals, a per-category table and the confusion matrix."""
    named = sum(o.case.names_claim for o in report.outcomes)
    lines = [f"cases: {len(report.outcomes)}",
             f"verdict accuracy: {report.accuracy:.1%}",
             f"verdict and sources right: {report.sources_accuracy:.1%}",
             f"matched claim right: {_percent(report.claim_accuracy)} "
             f"(of {named} cases naming one)",
             f"all right (verdict, sources, claim): {report.all_accuracy:.1%}",
             f"median check: {statistics.median(report.seconds) * 1000:.2f} ms", "",
             f"{'category':<16}{'cases':>6}{'verdict':>9}{'sources':>9}{'claim':>9}{'all':>9}"]
    for name, (count, verdicts, sources, claims, right) in report.by_category().items():
        lines.append(f"{name:<16}{count:>6}{verdicts:>9.1%}{sources:>9.1%}"
                     f"{_percent(claims):>9}{right:>9.1%}")
    confusion = report.confusion()
    lines += ["", "confusion (rows expected, columns engine):",
              f"{'':<14}" + "".join(f"{v:>14}" for v in VERDICTS)]
    for expected in VERDICTS:
        lines.append(f"{expected:<14}" + "".join(f"{confusion[(expected, got)]:>14}"
                                                 for got in VERDICTS))
    if show_failures:
        lines += ["", "failures:"]
        for o in report.failures():
            lines.append(f"- [{o.case.category}] {o.case.statement}\n"
                         f"    expected {'/'.join(sorted(o.case.verdicts))} "
                         f"+{sorted(o.case.supporting)} -{sorted(o.case.contradicting)}"
                         + (f" via {o.case.claim}" if o.case.names_claim else "") + "\n"
                         f"    got      {o.verdict} +{sorted(o.supporting)} "
                         f"-{sorted(o.contradicting)} via {o.claim}")
    return "\n".join(lines)
