"""POST /check: a statement in, a verdict with its sources out."""
from marshmallow import Schema, ValidationError, fields, validate, validates

from .corpus import ClaimSummarySchema, FigureSchema, ReadFigureSchema, SourceSummarySchema

VERDICTS = ("supported", "contradicted", "disputed", "unverified")
MAX_STATEMENT = 2000
MAX_BATCH = 100
MAX_TEXT = 100_000


def min_score_field():
    # NaN would pass Range (every comparison with it is false) and match nothing: refused outright.
    return fields.Float(allow_nan=False, validate=validate.Range(min=0, max=100), metadata={
        "description": "Only claims scoring at least this (0-100); the server default otherwise"})


def limit_field(default, description):
    """A count of matches: strictly an integer, so that 5.5 is refused rather than cut to 5."""
    return fields.Integer(load_default=default, strict=True, validate=validate.Range(min=1, max=20),
                          metadata={"description": description})


class CheckRequestSchema(Schema):
    statement = fields.String(required=True, validate=validate.Length(min=1, max=MAX_STATEMENT),
                              metadata={"description": "The statement to check (1-2000 characters)",
                                        "example": "Seven civilians were killed on the first day "
                                                   "of Azerbaijan's offensive"})
    limit = limit_field(5, "How many matching claims to return")
    min_score = min_score_field()

    @validates("statement")
    def not_blank(self, value, **kwargs):
        if not value.strip():
            raise ValidationError("Statement must not be blank.")


class BatchCheckRequestSchema(Schema):
    checks = fields.List(fields.Nested(CheckRequestSchema), required=True,
                         validate=validate.Length(min=1, max=MAX_BATCH), metadata={
                             "description": f"1-{MAX_BATCH} checks, each the body of POST /check"})


class TextCheckRequestSchema(Schema):
    text = fields.String(required=True, validate=validate.Length(min=1, max=MAX_TEXT), metadata={
        "description": f"A whole article (up to {MAX_TEXT:,} characters), checked sentence by "
                       "sentence",
        "example": "Floods in the valley killed 12 people. Two of them were children."})
    limit = limit_field(3, "How many matching claims to return for each sentence")
    min_score = min_score_field()

    @validates("text")
    def not_blank(self, value, **kwargs):
        if not value.strip():
            raise ValidationError("Text must not be blank.")


class ComparedFigureSchema(FigureSchema):
    comparison = fields.String(allow_none=True,
                               validate=validate.OneOf(("agrees", "differs", "neither")),
                               metadata={"description": "How this figure compares with the "
                                                        "statement's figure for the same thing "
                                                        "(neither: a bound that does not exclude "
                                                        "it)"})


class CheckedEvidenceSchema(Schema):
    """A source's evidence seen from the statement: `stance` says whether it backs the statement."""

    source = fields.Nested(SourceSummarySchema, required=True)
    quote = fields.String(required=True, metadata={"description": "Verbatim from the source"})
    numbers = fields.List(fields.Nested(ComparedFigureSchema), required=True)
    stance = fields.String(required=True,
                           validate=validate.OneOf(("supports", "contradicts", "neither")),
                           metadata={"description": "Towards the statement"})
    reasons = fields.List(fields.String(), required=True, metadata={
        "description": "Why it is on this side (figure comparisons, negation)"})
    as_of = fields.Date(allow_none=True, metadata={
        "description": "When its figures were reported: the evidence's `as_of`, else the "
                       "source's publication date"})


class FigureComparisonSchema(Schema):
    statement = fields.String(required=True, metadata={"description": "The statement's figure"})
    claim = fields.String(required=True, metadata={"description": "The claim's figure for it"})
    comparison = fields.String(required=True, validate=validate.OneOf(("agrees", "differs")))


class SwappedEntitySchema(Schema):
    statement = fields.String(required=True, metadata={
        "description": "Named by the statement: an entity, or an office (\"United Nations "
                       "spokesperson\", \"prime minister\")"})
    claim = fields.String(required=True, metadata={
        "description": "Named by the claim in its place"})


class ExplanationSchema(Schema):
    matched_terms = fields.List(fields.String(), metadata={
        "description": "Words (stemmed) the statement shares with the claim"})
    matched_entities = fields.List(fields.String(), metadata={
        "description": "Named entities both mention, under any of their names"})
    corrected_terms = fields.Dict(keys=fields.String(), values=fields.String(), metadata={
        "description": "Statement words read as others: misspellings and the claim words they "
                       "were read as, words or phrases no claim uses read as their synonyms, "
                       "and statement words the claim says otherwise (a WordNet synonym or near "
                       "relation, counted at part weight) with the claim's word"})
    swapped_entities = fields.List(fields.Nested(SwappedEntitySchema), metadata={
        "description": "Someone else in the claim's place (the score is lowered for it)"})
    figures = fields.List(fields.Nested(FigureComparisonSchema), metadata={
        "description": "The statement's figures against the claim's for the same thing"})
    negation = fields.Boolean(metadata={"description": "The statement negates the claim"})
    negation_cues = fields.List(fields.String(), metadata={
        "description": "Negating words found in the statement"})
    opposite_wording = fields.Boolean(metadata={
        "description": "The statement uses an opposite verb (condemned/backed)"})
    wording = fields.String(allow_none=True, metadata={
        "description": "The clause of a supporting quote the statement matched, when it matched "
                       "the claim through another outlet's wording of it rather than the claim's "
                       "own text; null otherwise"})
    meaning = fields.Float(allow_none=True, metadata={
        "description": "How alike the statement and the claim (or `wording`) mean, as a cosine "
                       "similarity from 0 to 1 of their sentence embeddings (all-MiniLM-L6-v2), "
                       "when that rather than shared words matched them: a paraphrase in other "
                       "words; null otherwise"})


def neither_field():
    return fields.List(fields.Nested(CheckedEvidenceSchema), metadata={
        "description": "Evidence giving a figure for what the statement counts that neither backs "
                       "nor contradicts it (a bound that does not exclude the statement's figure); "
                       "`reasons` says so"})


class MatchSchema(Schema):
    claim = fields.Nested(ClaimSummarySchema, required=True)
    score = fields.Float(required=True, metadata={"description": "Similarity, 0-100"})
    verdict = fields.String(required=True, validate=validate.OneOf(VERDICTS))
    supporting = fields.List(fields.Nested(CheckedEvidenceSchema), required=True)
    contradicting = fields.List(fields.Nested(CheckedEvidenceSchema), required=True)
    explanation = fields.Nested(ExplanationSchema, required=True)
    neither = neither_field()


class ReportedFigureSchema(FigureSchema):
    source = fields.Nested(SourceSummarySchema, required=True)
    published = fields.Date(allow_none=True, metadata={
        "description": "The source's publication date"})
    as_of = fields.Date(allow_none=True, metadata={
        "description": "When the figure was reported: the evidence's `as_of`, else the source's "
                       "publication date; `reported` is in this order"})
    comparison = fields.String(required=True,
                               validate=validate.OneOf(("agrees", "differs", "neither")),
                               metadata={"description": "Against the statement's figure"})


class PartSchema(Schema):
    """One fact of a statement stating several, judged on its own."""

    start = fields.Integer(required=True, metadata={
        "description": "Offset of the fact's first character in the statement (Unicode code "
                       "points): statement[start:end] is `text`"})
    end = fields.Integer(required=True, metadata={"description": "Offset just past its end"})
    text = fields.String(required=True)
    attribution = fields.String(allow_none=True, metadata={
        "description": "Who the statement says states it (\"they said\", \"according to the "
                       "WHO\"); the fact is checked with it"})
    verdict = fields.String(required=True, validate=validate.OneOf(VERDICTS))
    summary = fields.String(required=True, metadata={"description": "One readable sentence"})
    supporting = fields.List(fields.Nested(CheckedEvidenceSchema), required=True)
    contradicting = fields.List(fields.Nested(CheckedEvidenceSchema), required=True)
    match = fields.Nested(MatchSchema, allow_none=True, required=True, metadata={
        "description": "The fact's best match, or null when no claim matches it"})


class CheckResponseSchema(Schema):
    statement = fields.String(required=True)
    verdict = fields.String(required=True, validate=validate.OneOf(VERDICTS), metadata={
        "description": "supported, contradicted, disputed (sources disagree) or unverified"})
    summary = fields.String(required=True, metadata={"description": "One readable sentence"})
    numbers = fields.List(fields.Nested(ReadFigureSchema), required=True, metadata={
        "description": "Figures found in the statement"})
    supporting = fields.List(fields.Nested(CheckedEvidenceSchema), required=True, metadata={
        "description": "Evidence backing the statement, judged against the best match"})
    contradicting = fields.List(fields.Nested(CheckedEvidenceSchema), required=True, metadata={
        "description": "Evidence contradicting the statement, judged against the best match"})
    neither = neither_field()
    reported = fields.List(fields.Nested(ReportedFigureSchema), metadata={
        "description": "Every source's figure for the statement's count, oldest report first "
                       "(undated last); `summary` names the latest"})
    matches = fields.List(fields.Nested(MatchSchema), required=True, metadata={
        "description": "Claims above the threshold, best first"})
    parts = fields.List(fields.Nested(PartSchema), metadata={
        "description": "When the statement states several facts (clauses, or figures joined by "
                       "\"and\"), each judged on its own, spans relative to the statement; empty "
                       "for a single fact. When some part matches a claim better than the whole "
                       "statement does, `verdict` follows from the parts (any contradicted, "
                       "contradicted; else any disputed, disputed; else any supported, supported; "
                       "else unverified) and `supporting`, `contradicting`, `neither` and "
                       "`reported` are the union of the parts'"})


class BatchCheckResponseSchema(Schema):
    results = fields.List(fields.Nested(CheckResponseSchema), required=True, metadata={
        "description": "One result per check, in the order they were sent"})


class CheckedSentenceSchema(Schema):
    start = fields.Integer(required=True, metadata={
        "description": "Offset of the sentence's first character in `text` (Unicode code points)"})
    end = fields.Integer(required=True, metadata={
        "description": "Offset just past its last character: text[start:end] is the sentence"})
    result = fields.Nested(CheckResponseSchema, required=True, metadata={
        "description": "The sentence checked as POST /check would; `statement` is the sentence, "
                       "so its `parts` spans are relative to the sentence (add `start` for the "
                       "text)"})


class TextCheckResponseSchema(Schema):
    sentences = fields.List(fields.Nested(CheckedSentenceSchema), required=True, metadata={
        "description": "Every sentence of the text, in order"})
