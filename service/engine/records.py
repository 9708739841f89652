"""Plain data the engine works on and answers with; nothing here knows about storage or HTTP."""
from dataclasses import dataclass, field

# An evidence item's stance towards its claim.
SUPPORTS, CONTRADICTS, NEITHER = "supports", "contradicts", "neither"


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
    as_of: object = None  # a datetime.date its figures were reported on, if not the source's

    @property
    def reported_on(self):
        """The date its figures were reported: `as_of`, else the source's published date."""
        return self.as_of or self.source.published


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
    as_of: object = None  # the date its figures were reported on (EvidenceRecord.reported_on)


@dataclass(frozen=True)
class Explanation:
    """Why a claim matched and how the statement stands to it, in fields a newsroom tool can
    render; search fills what it saw, the verdict adds the figure comparisons. Readable as a
    mapping too (`explanation["negation"]`), as the JSON it becomes."""

    matched_terms: list = field(default_factory=list)
    matched_entities: list = field(default_factory=list)
    corrected_terms: dict = field(default_factory=dict)
    swapped_entities: list = field(default_factory=list)
    negation: bool = False
    opposite_wording: bool = False
    negation_cues: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    wording: str | None = None  # the supporting quote's clause matched, if not the claim's text
    meaning: float | None = None  # how alike the two mean (cosine), where that matched them

    def __getitem__(self, name):
        return getattr(self, name)


@dataclass
class Match:
    claim: ClaimRecord
    score: float
    verdict: str
    supporting: list
    contradicting: list
    explanation: Explanation = field(default_factory=Explanation)
    neither: list = field(default_factory=list)  # sources on the statement's figure taking no side

    def sides(self):
        """Its judged evidence backing or contradicting the statement."""
        return [*self.supporting, *self.contradicting]


@dataclass(frozen=True)
class ReportedFigure:
    """A source's figure for the statement's count, as reported on its date (the evidence's
    `as_of`, else the source's publication date): figures such as tolls change from report to
    report."""

    text: str
    value: float
    qualifier: str | None
    label: str | None
    source: SourceInfo
    published: object  # a datetime.date, or None when the source has none
    comparison: str  # agrees, differs or neither, with the statement's figure
    as_of: object = None  # the date the figure was reported: the evidence's, else `published`


@dataclass
class Part:
    """One fact of a statement stating several, judged on its own: statement[start:end] is `text`,
    checked with the words attributing it (`attribution`) when they lie outside it."""

    start: int
    end: int
    text: str
    attribution: str | None
    verdict: str
    summary: str
    supporting: list
    contradicting: list
    matches: list
    neither: list = field(default_factory=list)

    @property
    def match(self):
        """The part's best match, or None."""
        return self.matches[0] if self.matches else None


@dataclass
class CheckResult:
    statement: str
    verdict: str
    summary: str
    numbers: list
    supporting: list
    contradicting: list
    matches: list
    neither: list = field(default_factory=list)
    reported: list = field(default_factory=list)  # ReportedFigure, oldest first
    parts: list = field(default_factory=list)  # Part, when the statement states several facts
