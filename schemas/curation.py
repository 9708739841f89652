"""Curation: what an editor sends to create and change claims, evidence and sources, and the
revisions every change leaves behind."""
import datetime

from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load, validate

from .common import PageSchema
from .corpus import STANCES, ClaimSchema, EvidenceSchema, FigureSchema, FigureValue, as_of_field

REF_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$(?!\n)"  # Python's $ also matches before a final newline
MAX_DATABASE_ID = 2**31 - 1
MAX_CLAIM_TEXT = 2000
MAX_QUOTE = 5000
MAX_SOURCE_TEXT = 500_000
MAX_FIGURES = 500
MAX_EVIDENCE = 100


def unstorable(text):
    """Why a database could not store this text (PostgreSQL refuses NUL and lone surrogates)."""
    if "\x00" in text:
        return "Must not contain NUL (U+0000) characters."
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "Must be valid Unicode (no lone surrogates)."
    return None


class StoredText(fields.String):
    """Text every supported database can store."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        problem = unstorable(text)
        if problem:
            raise ValidationError(problem)
        return text


def not_blank(value):
    if not value.strip():
        raise ValidationError("Must not be blank.")


def ref_field(what):
    return StoredText(validate=[validate.Length(min=1, max=200), validate.Regexp(
        REF_PATTERN, error="A ref is a lowercase slug: a-z, 0-9 and single hyphens.")], metadata={
        "description": f"Stable slug for the {what}; `{what}-<id>` when left out",
        "example": f"new-{what}"})


def database_id(**kwargs):
    return fields.Integer(strict=True, validate=validate.Range(min=1, max=MAX_DATABASE_ID),
                          **kwargs)


class FigureInputSchema(Schema):
    text = StoredText(required=True, validate=validate.Length(min=1, max=100), metadata={
        "description": "The figure exactly as written in the quote", "example": "seven"})
    value = FigureValue(required=True, metadata={"description": "The number its text means",
                                                 "example": 7})
    qualifier = StoredText(allow_none=True, load_default=None, validate=validate.Length(max=50),
                           metadata={"example": "at least"})
    label = StoredText(allow_none=True, load_default=None, validate=validate.Length(max=200),
                       metadata={"example": "civilians killed"})


class EvidenceUpdateSchema(Schema):
    """Fields of one evidence item; a changed quote without `numbers` gets its figures re-read."""

    source_id = database_id(metadata={"description": "The source the quote comes from"})
    stance = fields.String(validate=validate.OneOf(STANCES), metadata={
        "description": "Towards the claim"})
    quote = StoredText(validate=[validate.Length(min=1, max=MAX_QUOTE), not_blank], metadata={
        "description": "Verbatim from the source's stored text"})
    numbers = fields.List(fields.Nested(FigureInputSchema), validate=validate.Length(
        max=MAX_FIGURES), metadata={
        "description": "The quote's figures, as the editor reads them; any figure of the quote "
                       "left out is read from it and added (see `figures_added`)"})
    as_of = as_of_field()


class EvidenceInputSchema(EvidenceUpdateSchema):
    source_id = database_id(required=True, metadata={
        "description": "The source the quote comes from"})
    stance = fields.String(required=True, validate=validate.OneOf(STANCES), metadata={
        "description": "Towards the claim"})
    quote = StoredText(required=True, validate=[validate.Length(min=1, max=MAX_QUOTE), not_blank],
                       metadata={"description": "Verbatim from the source's stored text",
                                 "example": "Twelve people died in the valley floods"})


class ClaimUpdateSchema(Schema):
    ref = ref_field("claim")
    text = StoredText(validate=[validate.Length(min=1, max=MAX_CLAIM_TEXT), not_blank], metadata={
        "description": "One plain, checkable statement"})


class ClaimCreateSchema(ClaimUpdateSchema):
    text = StoredText(required=True, validate=[validate.Length(min=1, max=MAX_CLAIM_TEXT),
                                               not_blank],
                      metadata={"description": "One plain, checkable statement",
                                "example": "Twelve people died in the valley floods."})
    evidence = fields.List(fields.Nested(EvidenceInputSchema), load_default=list,
                           validate=validate.Length(max=MAX_EVIDENCE), metadata={
                               "description": "Evidence now, or later through /evidence"})


class SourceUpdateSchema(Schema):
    ref = ref_field("source")
    title = StoredText(validate=[validate.Length(min=1, max=500), not_blank], metadata={
        "description": "Headline as printed"})
    publisher = StoredText(allow_none=True, validate=validate.Length(max=200))
    published = fields.Date(allow_none=True)
    url = StoredText(allow_none=True, validate=validate.Length(max=2000))
    text = StoredText(validate=[validate.Length(min=1, max=MAX_SOURCE_TEXT), not_blank], metadata={
        "description": "The article body; every evidence quote from it must stay verbatim"})


class SourceCreateSchema(SourceUpdateSchema):
    title = StoredText(required=True, validate=[validate.Length(min=1, max=500), not_blank],
                       metadata={"description": "Headline as printed",
                                 "example": "Valley floods: the toll rises"})
    text = StoredText(required=True, validate=[validate.Length(min=1, max=MAX_SOURCE_TEXT),
                                               not_blank],
                      metadata={"description": "The article body, verbatim",
                                "example": "Twelve people died in the valley floods."})


FIGURES_ADDED = fields.List(fields.Nested(FigureSchema), metadata={
    "description": "The figures of `numbers` the editor did not list, read from the quote and "
                   "labelled by the engine, added on this write (not a clock time, a date, a "
                   "weekday or an ordinal, which the corpus does not list as figures)"})


class EvidenceWriteSchema(EvidenceSchema):
    """Evidence as a write answers it: stored, and which of its figures the write added."""

    figures_added = FIGURES_ADDED


class ClaimWriteSchema(ClaimSchema):
    evidence = fields.List(fields.Nested(EvidenceWriteSchema), required=True)


class EvidenceStateSchema(Schema):
    source_id = fields.Integer(required=True)
    stance = fields.String(required=True, validate=validate.OneOf(STANCES))
    quote = fields.String(required=True)
    numbers = fields.List(fields.Nested(FigureSchema), required=True)
    as_of = fields.String(allow_none=True, metadata={"description": "YYYY-MM-DD"})


class ClaimStateSchema(Schema):
    """A claim as it stood: its text, whether it was deleted, and all its evidence."""

    ref = fields.String(allow_none=True)
    text = fields.String(required=True)
    deleted = fields.Boolean(required=True)
    evidence = fields.List(fields.Nested(EvidenceStateSchema), required=True)


class SourceStateSchema(Schema):
    ref = fields.String(allow_none=True)
    title = fields.String(required=True)
    publisher = fields.String(allow_none=True)
    published = fields.String(allow_none=True, metadata={"description": "YYYY-MM-DD"})
    url = fields.String(allow_none=True)
    text = fields.String(required=True)
    deleted = fields.Boolean(required=True)


class UTCDateTime(fields.DateTime):
    """Stored without a zone, in UTC; written with its offset, as RFC 3339 requires."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return super()._serialize(value, attr, obj, **kwargs)


class RevisionSchema(Schema):
    id = fields.Integer(required=True)
    action = fields.String(required=True, metadata={
        "description": "create, update, delete, restore, add-evidence, update-evidence, "
                       "delete-evidence, revert, seed or import (by `crosscheck seed` or "
                       "`crosscheck import`)",
        "example": "update"})
    actor = fields.String(allow_none=True, metadata={
        "description": "Name of the key that wrote it, or `seed` or `import`"})
    created_at = UTCDateTime(required=True)


class ClaimRevisionSchema(RevisionSchema):
    before = fields.Nested(ClaimStateSchema, allow_none=True, required=True, metadata={
        "description": "null when the change created the claim"})
    after = fields.Nested(ClaimStateSchema, required=True)


class SourceRevisionSchema(RevisionSchema):
    before = fields.Nested(SourceStateSchema, allow_none=True, required=True)
    after = fields.Nested(SourceStateSchema, required=True)


class ClaimRevisionPageSchema(PageSchema):
    items = fields.List(fields.Nested(ClaimRevisionSchema), required=True)


class SourceRevisionPageSchema(PageSchema):
    items = fields.List(fields.Nested(SourceRevisionSchema), required=True)


class IdempotencyHeaderSchema(Schema):
    """The IETF draft's `Idempotency-Key` request header (a structured-field string: quoted, or
    sent bare by simpler clients)."""

    class Meta:
        unknown = EXCLUDE

    idempotency_key = fields.String(
        data_key="Idempotency-Key", validate=validate.Regexp(
            r'^"?[\x21\x23-\x7e]{1,200}"?$', error="An Idempotency-Key is 1 to 200 printable ASCII "
                                                   "characters, without spaces or inner quotes."),
        metadata={"description": "A unique value the client makes for one write (a UUID, say) and "
                                 "sends again with each retry of that write: a retry with the same "
                                 "key and request is answered as the first was, without writing "
                                 "twice; the same key with a different request is refused (422). "
                                 "Keys are scoped to the API key.",
                  "example": '"8e03978e-40d5-43e8-bc93-6894a57f9324"'})

    @post_load
    def unquoted(self, data, **kwargs):
        return {name: key.strip('"') for name, key in data.items()}


class DryRunQuerySchema(Schema):
    dry_run = fields.Boolean(load_default=False, metadata={
        "description": "Check the write and answer exactly what it would store, or why it is "
                       "refused, storing nothing (no Idempotency-Key is kept either)"})
