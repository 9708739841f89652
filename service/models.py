"""The stored corpus: sources, claims, the evidence between them, and entity names."""
import datetime
import json

from peewee import (AutoField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField,
                    Model, SqliteDatabase, TextField, fn)
from playhouse.migrate import SchemaMigrator, migrate

from .db import database


class JSONField(TextField):
    """JSON kept as text, so SQLite and PostgreSQL store it the same way."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value):
        return None if value is None else json.loads(value)


def utcnow():
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = database


class SoftDeleted(BaseModel):
    """A row an editor can delete and bring back: deleting only stamps `deleted_at`."""

    deleted_at = DateTimeField(null=True)

    @classmethod
    def live(cls):
        """The rows that are not deleted."""
        return cls.select().where(cls.deleted_at.is_null())


class Source(SoftDeleted):
    """A news article a claim can be checked against."""

    ref = CharField(max_length=200, unique=True, null=True)
    title = TextField()
    publisher = CharField(max_length=200, null=True)
    published = DateField(null=True)
    url = TextField(null=True)
    text = TextField()

    def state(self):
        """The source as a revision records it."""
        return {"ref": self.ref, "title": self.title, "publisher": self.publisher,
                "published": self.published and self.published.isoformat(), "url": self.url,
                "text": self.text, "deleted": self.deleted_at is not None}


class Claim(SoftDeleted):
    """One checkable statement, written plainly."""

    ref = CharField(max_length=200, unique=True, null=True)
    text = TextField()

    def state(self):
        """The claim as a revision records it: text, ref, deletion and all its evidence."""
        return {"ref": self.ref, "text": self.text, "deleted": self.deleted_at is not None,
                "evidence": [{"source_id": e.source_id, "stance": e.stance, "quote": e.quote,
                              "numbers": e.numbers, "as_of": e.as_of and str(e.as_of)}
                             for e in self.evidence.order_by(Evidence.id)]}


class Evidence(BaseModel):
    """What one source says about one claim, with the verbatim quote and its figures."""

    claim = ForeignKeyField(Claim, backref="evidence", on_delete="CASCADE")
    source = ForeignKeyField(Source, backref="evidence", on_delete="CASCADE")
    stance = CharField(max_length=20)
    quote = TextField()
    numbers = JSONField(default=list)
    # When its figures were reported, where that is not the source's published date (a live
    # page updated later, an article quoting an earlier toll).
    as_of = DateField(null=True)


class Entity(SoftDeleted):
    """A named thing and the other names the corpus uses for it."""

    name = CharField(max_length=200, unique=True)
    kind = CharField(max_length=50, null=True)
    aliases = JSONField(default=list)

    def state(self):
        return {"name": self.name, "kind": self.kind, "aliases": list(self.aliases or []),
                "deleted": self.deleted_at is not None}


class Term(SoftDeleted):
    """A word of the corpus's own vocabulary and the word it means ("assault": "operation"): the
    story's synonyms, which editors keep in the corpus rather than in the engine's code."""

    word = CharField(max_length=200, unique=True)
    means = CharField(max_length=200)

    def state(self):
        return {"word": self.word, "means": self.means, "deleted": self.deleted_at is not None}


class ClaimChange(BaseModel):
    """An append-only log of changed claim ids: each worker replays it to keep its index current."""

    id = AutoField()
    claim_id = IntegerField(index=True)
    changed_at = DateTimeField(default=utcnow)


class ApiKey(BaseModel):
    """A key a client sends to write (role `editor`) or, when reads are closed, to read (`reader`).

    Only the SHA-256 of the key is stored; the key itself is shown once, when it is made.
    """

    ROLES = ("editor", "reader")

    name = CharField(max_length=200)
    role = CharField(max_length=20)
    key_hash = CharField(max_length=64, unique=True)
    prefix = CharField(max_length=16)
    created_at = DateTimeField(default=utcnow)
    revoked_at = DateTimeField(null=True)


class Revision(BaseModel):
    """One change to a claim (with its evidence), a source, an entity or a vocabulary term: who,
    when, and the state before and after, so no edit is ever lost (and a claim's can be undone)."""

    KINDS = ("claim", "source", "entity", "term")

    kind = CharField(max_length=20)
    object_id = IntegerField()
    action = CharField(max_length=40)
    actor = CharField(max_length=200, null=True)
    created_at = DateTimeField(default=utcnow)
    before = JSONField(null=True)
    after = JSONField(null=True)

    class Meta:
        indexes = ((("kind", "object_id", "id"), False),)


class IdempotencyKey(BaseModel):
    """A write sent with an `Idempotency-Key` header, stored in the write's own transaction with
    the answer it got: a retry with the same key and request gets that answer again, written
    once. Keys are scoped per API key, so two clients never share one."""

    api_key = IntegerField()
    key = CharField(max_length=255)
    fingerprint = CharField(max_length=64)
    status = IntegerField(null=True)
    mimetype = CharField(max_length=100, null=True)
    body = TextField(null=True)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("api_key", "key"), True), (("created_at",), False))  # created_at: pruning


def write_transaction():
    """A transaction for a write. SQLite takes its write lock up front (a deferred transaction
    that reads first could not upgrade once another writer commits); PostgreSQL locks rows as
    the write reaches them (`lock_rows`)."""
    if isinstance(database.obj, SqliteDatabase):
        return database.atomic("IMMEDIATE")
    return database.atomic()


def lock_rows(query, share=False):
    """The query, locking the rows it reads until the transaction ends (on PostgreSQL; SQLite's
    write transaction already excludes every other writer). `share` lets other readers that only
    need the row to stay as it is (evidence quoting a source) lock it at the same time."""
    if not database.for_update:
        return query
    return query.for_update("FOR SHARE" if share else True)


def locked_live_sources(source_ids):
    """{id: source} of the live sources among these ids, held unchanged until the transaction ends.

    Evidence is written under this lock, and a source is edited or deleted only under its row lock,
    so the quote checked here is verbatim in the source text as committed.
    """
    query = Source.live().where(Source.id.in_(sorted(set(source_ids)))).order_by(Source.id)
    return {source.id: source for source in lock_rows(query, share=True)} if source_ids else {}


def add_evidence_rows(claim, items):
    """Store evidence items ({source_id, stance, quote, numbers, as_of}, as a claim's state lists
    them; `as_of` optional)."""
    if items:
        Evidence.insert_many([{"claim": claim, "source": i["source_id"], "stance": i["stance"],
                               "quote": i["quote"], "numbers": i["numbers"],
                               "as_of": i.get("as_of")} for i in items]).execute()


def keep_revision(kind, row, action, actor, before):
    """Store a change to `row` (its state `before` it) as a revision; returns False, storing
    nothing, when the row is as it was."""
    after = row.state()
    if after == before:
        return False
    Revision.create(kind=kind, object_id=row.id, action=action, actor=actor, before=before,
                    after=after)
    return True


def record_claim_changes(claim_ids):
    """Log changed claims; call inside the transaction that changed them."""
    rows = [{"claim_id": claim_id} for claim_id in sorted(set(claim_ids))]
    if rows:
        ClaimChange.insert_many(rows).execute()


class NameChange(BaseModel):
    """An append-only log of changes to the names the engine reads (entities, the vocabulary, an
    acronym a source defines): a worker that counts more rows than when it last built its name
    tables rebuilds them. A count, not the highest id, because ids are allocated before commit and
    a slow transaction can land below one already seen; a commit always adds to the count."""

    id = AutoField()
    kind = CharField(max_length=20)
    object_id = IntegerField(null=True)
    changed_at = DateTimeField(default=utcnow)


def record_name_change(kind, object_id=None):
    """Log a change to the names; call inside the transaction that made it."""
    NameChange.create(kind=kind, object_id=object_id)


def names_generation():
    return NameChange.select().count()


def last_change_id():
    return ClaimChange.select(fn.MAX(ClaimChange.id)).scalar() or 0


MODELS = (Source, Claim, Evidence, Entity, Term, ClaimChange, NameChange, ApiKey, Revision,
          IdempotencyKey)


def add_missing_columns():
    """Add columns that models gained since a table was created (no data is touched)."""
    migrator = SchemaMigrator.from_database(database.obj)
    for model in MODELS:
        table = model._meta.table_name
        present = {column.name for column in database.get_columns(table)}
        missing = [f for f in model._meta.sorted_fields if f.column_name not in present]
        for added in missing:
            if not added.null:
                raise RuntimeError(f"{table}.{added.column_name} needs a default to be added")
        if missing:
            migrate(*(migrator.add_column(table, f.column_name, f) for f in missing))


def create_tables():
    with database.atomic():
        database.create_tables(MODELS, safe=True)
        add_missing_columns()


def drop_tables():
    database.drop_tables(MODELS, safe=True)


def vocabulary():
    """The corpus's vocabulary as the engine takes it: {word: the word it means}."""
    return {term.word: term.means for term in Term.live().order_by(Term.word)}


def corpus_is_empty():
    return not Claim.select().exists() and not Source.select().exists()
