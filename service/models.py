"""The stored corpus: sources, claims, the evidence between them, and entity names."""
import datetime
import json

from peewee import (AutoField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField,
                    Model, TextField, fn)

from .db import database


class JSONField(TextField):
    """JSON kept as text, so SQLite and PostgreSQL store it the same way."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class BaseModel(Model):
    class Meta:
        database = database


class Source(BaseModel):
    """A news article a claim can be checked against."""

    ref = CharField(max_length=200, unique=True, null=True)
    title = TextField()
    publisher = CharField(max_length=200, null=True)
    published = DateField(null=True)
    url = TextField(null=True)
    text = TextField()


class Claim(BaseModel):
    """One checkable statement, written plainly."""

    ref = CharField(max_length=200, unique=True, null=True)
    text = TextField()


class Evidence(BaseModel):
    """What one source says about one claim, with the verbatim quote and its figures."""

    STANCES = ("supports", "contradicts")

    claim = ForeignKeyField(Claim, backref="evidence", on_delete="CASCADE")
    source = ForeignKeyField(Source, backref="evidence", on_delete="CASCADE")
    stance = CharField(max_length=20)
    quote = TextField()
    numbers = JSONField(default=list)


class Entity(BaseModel):
    """A named thing and the other names the corpus uses for it."""

    name = CharField(max_length=200, unique=True)
    kind = CharField(max_length=50, null=True)
    aliases = JSONField(default=list)


class ClaimChange(BaseModel):
    """An append-only log of changed claim ids: every worker replays it to keep its index current."""

    id = AutoField()
    claim_id = IntegerField(index=True)
    changed_at = DateTimeField(default=datetime.datetime.utcnow)


def record_claim_changes(claim_ids):
    """Log changed claims; call inside the transaction that changed them."""
    rows = [{"claim_id": claim_id} for claim_id in sorted(set(claim_ids))]
    if rows:
        ClaimChange.insert_many(rows).execute()


def last_change_id():
    return ClaimChange.select(fn.MAX(ClaimChange.id)).scalar() or 0


MODELS = (Source, Claim, Evidence, Entity, ClaimChange)


def create_tables():
    database.create_tables(MODELS, safe=True)


def drop_tables():
    database.drop_tables(MODELS, safe=True)


def corpus_is_empty():
    return not Claim.select().exists() and not Source.select().exists()
