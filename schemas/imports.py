"""One line of a `crosscheck import` file (or of a `POST /imports` body): a claim, the caller's
ref for it, and its evidence; and the report of an import, line by line."""
from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

from .corpus import FigureSchema
from .curation import EvidenceInputSchema

MAX_REF = 200
MAX_LINES = 1000  # claims one POST /imports takes: about two seconds of writing
JSON_LINES_TYPES = ("application/x-ndjson", "application/jsonl")
OUTCOMES = ("added", "updated", "unchanged", "refused")


class ImportEvidenceSchema(EvidenceInputSchema):
    """The API's evidence item, the source named by its `url`, `title` or `source` ref instead of
    its id (an import file is written before the ids are known)."""

    class Meta:
        exclude = ("source_id",)

    source = fields.String(validate=validate.Length(min=1))
    url = fields.String(validate=validate.Length(min=1))
    title = fields.String(validate=validate.Length(min=1))

    @validates_schema
    def names_one_source(self, data, **kwargs):
        named = [key for key in ("source", "url", "title") if key in data]
        if len(named) != 1:
            raise ValidationError("Name the source by exactly one of `url`, `title` or `source`.",
                                  field_name="source")


class ImportClaimSchema(Schema):
    text = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    ref = fields.String(load_default=None, allow_none=True,
                        validate=validate.Length(min=1, max=MAX_REF))
    evidence = fields.List(fields.Nested(ImportEvidenceSchema), load_default=list)

    @validates("text")
    def not_blank(self, value, **kwargs):
        if not value.strip():
            raise ValidationError("Claim text must not be blank.")


class ImportQuerySchema(Schema):
    restore = fields.Boolean(load_default=False, metadata={
        "description": "Bring back deleted claims a line names (otherwise such lines are refused)"})
    all_or_nothing = fields.Boolean(load_default=False, metadata={
        "description": "Store nothing unless every line can be stored: one refused line makes "
                       "the whole import a 422 naming each refused line in `errors`. By "
                       "default each line stands alone, as `crosscheck import` does"})


class AddedFigureSchema(FigureSchema):
    evidence = fields.Integer(required=True, metadata={
        "description": "The position (from 0) of the evidence item in the line"})


class ImportLineSchema(Schema):
    line = fields.Integer(required=True, metadata={
        "description": "The line's number (a JSON array's element, from 1)", "example": 1})
    ref = fields.String(allow_none=True, required=True, metadata={
        "description": "The line's ref, when it could be read", "example": "desk-claim-1"})
    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES), metadata={
        "description": "added, updated, unchanged or refused", "example": "added"})
    claim_id = fields.Integer(allow_none=True, required=True, metadata={
        "description": "The stored claim's id (in a dry run, a new claim's id is only "
                       "provisional); null for a refused line"})
    reason = fields.String(allow_none=True, required=True, metadata={
        "description": "Why the line is refused, naming the field at fault"})
    figures_added = fields.List(fields.Nested(AddedFigureSchema), required=True, metadata={
        "description": "Figures of its quotes the line did not list, read, labelled and added "
                       "(empty unless added or updated)"})


class ImportReportSchema(Schema):
    added = fields.Integer(required=True)
    updated = fields.Integer(required=True)
    unchanged = fields.Integer(required=True)
    refused = fields.Integer(required=True, attribute="refused_count")
    lines = fields.List(fields.Nested(ImportLineSchema), required=True, metadata={
        "description": "Every line that is not blank, in order"})
