"""The corpus's names: entities (a named thing and its other names) and the vocabulary (a story
word and the word it means), as editors read and write them, and their revisions."""
import unicodedata

from marshmallow import Schema, ValidationError, fields, validate

from .common import PageSchema
from .curation import RevisionSchema, StoredText, not_blank

MAX_NAME = 200
MAX_KIND = 50
MAX_ALIASES = 100


def printable(value):
    """A name is read as words: control and format characters (a zero-width space, a direction
    mark) would make two names that print alike differ, so they are refused."""
    odd = sorted({f"U+{ord(ch):04X}" for ch in value if unicodedata.category(ch) in ("Cc", "Cf")})
    if odd:
        raise ValidationError("Must not contain control or invisible characters "
                              f"({', '.join(odd)}).")


def name_field(description, required=False, example=None, max_length=MAX_NAME):
    return StoredText(required=required, validate=[validate.Length(min=1, max=max_length),
                                                   not_blank, printable],
                      metadata={"description": description, "example": example})


class EntityUpdateSchema(Schema):
    name = name_field("The entity's name, as the corpus writes it")
    kind = StoredText(allow_none=True, validate=[validate.Length(max=MAX_KIND), printable],
                      metadata={"description": "person, country, organization, place, ...",
                                "example": "organization"})
    aliases = fields.List(name_field("Another name"), validate=validate.Length(max=MAX_ALIASES),
                          metadata={"description": "Other names the corpus uses for it; the "
                                                   "whole list (a change replaces it)",
                                    "example": ["ICRC"]})


class EntityCreateSchema(EntityUpdateSchema):
    name = name_field("The entity's name, as the corpus writes it", required=True,
                      example="International Committee of the Red Cross")
    aliases = fields.List(name_field("Another name"), load_default=list,
                          validate=validate.Length(max=MAX_ALIASES),
                          metadata={"description": "Other names the corpus uses for it",
                                    "example": ["ICRC"]})


class EntitySchema(Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    kind = fields.String(allow_none=True)
    aliases = fields.List(fields.String(), required=True)


class EntityPageSchema(PageSchema):
    items = fields.List(fields.Nested(EntitySchema), required=True)


class TermUpdateSchema(Schema):
    word = name_field("One word of the story's own vocabulary")
    means = name_field("The one word it means")


class TermCreateSchema(Schema):
    word = name_field("One word of the story's own vocabulary", required=True, example="deluge")
    means = name_field("The one word it means", required=True, example="flood")


class TermSchema(Schema):
    id = fields.Integer(required=True)
    word = fields.String(required=True)
    means = fields.String(required=True)


class TermPageSchema(PageSchema):
    items = fields.List(fields.Nested(TermSchema), required=True)


class EntityStateSchema(Schema):
    name = fields.String(required=True)
    kind = fields.String(allow_none=True)
    aliases = fields.List(fields.String(), required=True)
    deleted = fields.Boolean(required=True)


class TermStateSchema(Schema):
    word = fields.String(required=True)
    means = fields.String(required=True)
    deleted = fields.Boolean(required=True)


class EntityRevisionSchema(RevisionSchema):
    before = fields.Nested(EntityStateSchema, allow_none=True, required=True, metadata={
        "description": "null when the change created the entity"})
    after = fields.Nested(EntityStateSchema, required=True)


class TermRevisionSchema(RevisionSchema):
    before = fields.Nested(TermStateSchema, allow_none=True, required=True, metadata={
        "description": "null when the change created the term"})
    after = fields.Nested(TermStateSchema, required=True)


class EntityRevisionPageSchema(PageSchema):
    items = fields.List(fields.Nested(EntityRevisionSchema), required=True)


class TermRevisionPageSchema(PageSchema):
    items = fields.List(fields.Nested(TermRevisionSchema), required=True)
