"""Plain data the engine works on and answers with; nothing here knows about storage or HTTP."""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceInfo:
    id: int
    title: str
    publisher: str | None = None
    published: object = None  # a datetime.date
    url: str | None = None
    ref: str | None = None


@dataclass(frozen=True)
class EvidenceRecord:
    """What a source says about a claim; `stance` is towards the claim."""

    source: SourceInfo
    stance: str
    quote: str
    numbers: tuple = ()


@dataclass(frozen=True)
class ClaimRecord:
    id: int
    text: str
    ref: str | None = None
    evidence: tuple = ()


@dataclass
class JudgedEvidence:
    """An evidence item seen from the statement: `stance` says whether it backs the statement."""

    source: SourceInfo
    quote: str
    numbers: list
    stance: str
    reasons: list = field(default_factory=list)


@dataclass
class Match:
    claim: ClaimRecord
    score: float
    verdict: str
    supporting: list
    contradicting: list
    explanation: dict = field(default_factory=dict)


@dataclass
class CheckResult:
    statement: str
    verdict: str
    summary: str
    numbers: list
    supporting: list
    contradicting: list
    matches: list
