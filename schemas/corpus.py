"""Sources, claims, the evidence linking them, and the figures quoted in it."""
import math

from marshmallow import Schema, fields, validate

from .common import PageQuerySchema, PageSchema

STANCES = ("supports", "contradicts")


class FigureValue(fields.Float):
    """A number that stays whole when it is whole: 27, not 27.0; null when it is too large for a
    JSON number (a figure of 400 digits reads as infinity, which JSON cannot write)."""

    def _serialize(self, value, attr, obj, **kwargs):
        number = super()._serialize(value, attr, obj, **kwargs)
        if number is None or not math.isfinite(number):
            return None
        return int(number) if number.is_integer() else number


class FigureSchema(Schema):
    text = fields.String(required=True, metadata={"description": "The figure as written",
                                                  "example": "seven"})
    value = FigureValue(required=True, allow_none=True, metadata={
        "description": "Its numeric value; null when too large for a JSON number", "example": 7})
    qualifier = fields.String(allow_none=True, metadata={
        "description": "Hedge written before it, such as 'at least', 'over', 'about'",
        "example": "at least"})
    label = fields.String(allow_none=True, metadata={
        "description": "What it counts", "example": "civilians killed"})


class ReadFigureSchema(FigureSchema):
    """A figure as the engine reads it from text: a count, or a range, a year, a date or a
    weekday, which compare only with their own kind."""

    unit = fields.String(allow_none=True, metadata={"description": "Unit written with it",
                                                    "example": "km"})
    kind = fields.String(allow_none=True,
                         validate=validate.OneOf(("range", "year", "date", "weekday")), metadata={
                             "description": "Absent or null for a count; range, year, date or "
                                            "weekday"})
    low = FigureValue(allow_none=True, metadata={"description": "A range's lower end"})
    high = FigureValue(allow_none=True, metadata={
        "description": "A range's upper end (null: open above)"})
    earlier = FigureValue(metadata={
        "description": "Where a figure said to have changed started ('raised from 3,958 to "
                       "11,300': 3958, the figure being 11,300): an earlier report of the count"})
    date = fields.String(metadata={"description": "A date's day, ISO 8601 (--MM-DD without year)"})
    date_end = fields.String(metadata={"description": "The last day of a span of dates"})
    weekday = fields.String(metadata={"description": "A weekday's name", "example": "Monday"})


class SourceSummarySchema(Schema):
    id = fields.Integer(required=True)
    ref = fields.String(allow_none=True, metadata={"description": "Stable curator's identifier"})
    title = fields.String(required=True, metadata={"description": "Headline as printed"})
    publisher = fields.String(allow_none=True, metadata={
        "description": "Publisher, only where the article names itself"})
    published = fields.Date(allow_none=True)
    url = fields.String(allow_none=True)


class ClaimSummarySchema(Schema):
    id = fields.Integer(required=True)
    ref = fields.String(allow_none=True, metadata={"description": "Caller's or curator's own id"})
    text = fields.String(required=True, metadata={"description": "One checkable statement"})


def as_of_field(**kwargs):
    return fields.Date(allow_none=True, metadata={
        "description": "When the quote's figures were reported, where that is not the source's "
                       "publication date (a live page updated later, an earlier toll quoted); "
                       "null: the source's date"}, **kwargs)


class EvidenceSchema(Schema):
    """What one source says about a claim: `stance` is towards the claim."""

    id = fields.Integer(required=True)
    source = fields.Nested(SourceSummarySchema, required=True)
    stance = fields.String(required=True, validate=validate.OneOf(STANCES))
    quote = fields.String(required=True, metadata={"description": "Verbatim from the source"})
    numbers = fields.List(fields.Nested(FigureSchema), required=True)
    as_of = as_of_field()


class ClaimSchema(ClaimSummarySchema):
    evidence = fields.List(fields.Nested(EvidenceSchema), required=True)


class SourceClaimSchema(Schema):
    """A claim a source bears on, with what the source says about it."""

    claim = fields.Nested(ClaimSummarySchema, required=True)
    stance = fields.String(required=True, validate=validate.OneOf(STANCES))
    quote = fields.String(required=True)
    numbers = fields.List(fields.Nested(FigureSchema), required=True)
    as_of = as_of_field()


class SourceSchema(SourceSummarySchema):
    text = fields.String(required=True, metadata={"description": "The article body"})
    claims = fields.List(fields.Nested(SourceClaimSchema), required=True)


class ClaimQuerySchema(PageQuerySchema):
    q = fields.String(validate=validate.Length(min=1, max=500), metadata={
        "description": "Words to search for; claims containing all of them, best first "
                       "(typos, other names and inflections tolerated)"})


class ClaimPageSchema(PageSchema):
    items = fields.List(fields.Nested(ClaimSummarySchema), required=True)


class SourcePageSchema(PageSchema):
    items = fields.List(fields.Nested(SourceSummarySchema), required=True)
