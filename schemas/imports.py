"""One line of a `crosscheck import` file: a claim, the caller's ref for it, and its evidence."""
from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

from .curation import EvidenceInputSchema

MAX_REF = 200


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
