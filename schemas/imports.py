"""One line of a `crosscheck import` file: a claim, the caller's ref for it, and its evidence."""
from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

from .corpus import STANCES

MAX_REF = 200


class ImportFigureSchema(Schema):
    text = fields.String(required=True, validate=validate.Length(min=1))
    value = fields.Float(required=True, allow_nan=False)
    qualifier = fields.String(load_default=None, allow_none=True)
    label = fields.String(load_default=None, allow_none=True)


class ImportEvidenceSchema(Schema):
    """The seed format's evidence item; the source is named by its `url`, `title` or `source` ref."""

    source = fields.String(validate=validate.Length(min=1))
    url = fields.String(validate=validate.Length(min=1))
    title = fields.String(validate=validate.Length(min=1))
    stance = fields.String(required=True, validate=validate.OneOf(STANCES))
    quote = fields.String(required=True, validate=validate.Length(min=1))
    numbers = fields.List(fields.Nested(ImportFigureSchema), load_default=list)

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
