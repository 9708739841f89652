"""Proposals for a source: the facts it states (extract), its bearing on stored claims (align)."""
from marshmallow import Schema, fields, validate

from .corpus import STANCES, ClaimSummarySchema, ReadFigureSchema, SourceSummarySchema
from .curation import EvidenceStateSchema


class ExtractQuerySchema(Schema):
    min_worthiness = fields.Float(load_default=0.0, validate=validate.Range(min=0, max=1),
                                  metadata={"description": "Leave out proposals scoring lower"})


class AlignQuerySchema(Schema):
    min_coverage = fields.Float(load_default=None, allow_none=True,
                                validate=validate.Range(min=0, max=1), metadata={
                                    "description": "The share of a claim's words a fact of the "
                                                   "source must state (default 0.3)"})


class ProposedEvidenceSchema(EvidenceStateSchema):
    """An evidence item as POST /claims and POST /claims/{id}/evidence take it."""


class ProposedClaimSchema(Schema):
    """The body to POST to /claims to accept a proposal as it is."""

    ref = fields.String(required=True, metadata={
        "description": "The claim's first words and a digest of its quote: accepting it "
                       "twice is a 409, not a second claim"})
    text = fields.String(required=True)
    evidence = fields.List(fields.Nested(ProposedEvidenceSchema), required=True)


class ProposalSchema(Schema):
    claim = fields.String(required=True, metadata={
        "description": "The fact in plain words, to edit before accepting"})
    quote = fields.String(required=True, metadata={"description": "Verbatim: text[start:end]"})
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    figures = fields.List(fields.Nested(ReadFigureSchema), required=True, metadata={
        "description": "Every figure in the quote, with what it counts (`label`)"})
    entities = fields.List(fields.String(), required=True, metadata={
        "description": "Known entities the quote names"})
    speaker = fields.String(allow_none=True, metadata={
        "description": "Who the source says said it, when it names them"})
    attribution = fields.String(allow_none=True, metadata={
        "description": "The words attributing it (\"the WHO said\")"})
    check_worthiness = fields.Float(required=True, metadata={
        "description": "0-1: figures, named sources and attribution score high; opinion low"})
    accept = fields.Nested(ProposedClaimSchema, required=True)


class ExtractResponseSchema(Schema):
    source = fields.Nested(SourceSummarySchema, required=True)
    proposals = fields.List(fields.Nested(ProposalSchema), required=True, metadata={
        "description": "Most check-worthy first"})


class SourceFigureComparisonSchema(Schema):
    claim = fields.String(required=True, metadata={"description": "The claim's figure"})
    source = fields.String(required=True, metadata={"description": "The source's figure"})
    comparison = fields.String(required=True, validate=validate.OneOf(("agrees", "differs")))


class AlignmentSchema(Schema):
    claim = fields.Nested(ClaimSummarySchema, required=True)
    stance = fields.String(required=True, validate=validate.OneOf(STANCES), metadata={
        "description": "Towards the claim"})
    decided_by = fields.String(required=True, validate=validate.OneOf(("figures", "wording")))
    score = fields.Float(required=True, metadata={
        "description": "The share of the claim's words the quote states, 0-100"})
    quote = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    figures = fields.List(fields.Nested(SourceFigureComparisonSchema), required=True)
    evidence = fields.Nested(ProposedEvidenceSchema, required=True, metadata={
        "description": "The body to POST to /claims/{claim id}/evidence to accept it"})


class AlignResponseSchema(Schema):
    source = fields.Nested(SourceSummarySchema, required=True)
    alignments = fields.List(fields.Nested(AlignmentSchema), required=True, metadata={
        "description": "Figure-decided first, then closest"})
