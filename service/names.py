"""Editors' changes to the corpus's names: entities (a name, its kind, its aliases) and the
vocabulary (a story word and the word it means). Like claim curation: Flask-free, each change one
write transaction that locks the row it changes, keeps a revision, and soft-deletes; and each
change is logged in the name change log, from which every worker rebuilds its name tables.

Two names are the same name when the engine reads the same words in them ("Red Cross" and
"red  cross"): one name belongs to one entity, and one word has one meaning.
"""
import zlib

from .curation import Conflict, Refused, deleted_at, lock_for_change, revision_target
from .db import database
from .engine.text import TextRefused, words
from .models import Entity, Term, keep_revision, record_name_change, utcnow, write_transaction
from .seeding import term_problem, vocabulary_term


def renamed(kind, row, action, before, actor):
    """Keep the change as a revision by `actor` and, when it changed anything, log it so that
    every worker rebuilds its names."""
    if keep_revision(kind, row, action, actor, before):
        record_name_change(kind, row.id)
    return row


def name_key(name, field):
    """The words the engine reads in a name; 422 naming `field` when it reads none."""
    try:
        key = tuple(words(name))
    except TextRefused as error:
        raise Refused("A name must be text the engine can read.", {field: [str(error)]})
    if not key:
        raise Refused("A name must hold at least one word (letters or digits).",
                      {field: ["Holds no word."]})
    return key


def stored_key(name):
    """The words the engine reads in a stored name (None if it cannot read it)."""
    try:
        return tuple(words(name))
    except TextRefused:
        return None


def names_locked(model):
    """Hold the table's name lock until the transaction ends: two editors giving the same name to
    two rows at once are serialised, and the second, reading after the first commits, sees its
    name. PostgreSQL: an advisory lock per table (row locks would miss a row another transaction
    is inserting); SQLite's write transaction already excludes every other writer."""
    if database.for_update:
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)",
                             (zlib.crc32(model._meta.table_name.encode()),))


# Entities.

def entity_names(state):
    """{the words of a name: (field, the name)} for an entity's name and aliases. Spellings one
    entity lists that read alike ("Türkiye", "Turkiye") are kept: they are the same name to the
    engine, and the corpus may want each as written."""
    keys = {}
    for field, name in [("name", state["name"]), *(("aliases", a) for a in state["aliases"])]:
        keys.setdefault(name_key(name, field), (field, name))
    return keys


def check_names_free(state, current=None):
    """409 when another live entity has one of these names (as its name or an alias), or a
    deleted one has this exact name (which it keeps, to be restored)."""
    keys = entity_names(state)
    names_locked(Entity)
    for other in Entity.live().where(Entity.id != (current or 0)):
        for name in [other.name, *(other.aliases or [])]:
            taken = keys.get(stored_key(name))
            if taken:
                raise Conflict(f"The name {taken[1]!r} is already a name of entity {other.id} "
                               f"({other.name!r}).", {taken[0]: [
                                   f"{taken[1]!r} is a name of entity {other.id}."]})
    check_name_unique(state, current)


def check_name_unique(state, current=None):
    """409 when another entity has this exact name: a deleted one keeps its name, to be
    restored."""
    other = Entity.get_or_none((Entity.name == state["name"]) & (Entity.id != (current or 0)))
    if other is not None:
        which = "deleted entity" if other.deleted_at else "entity"
        raise Conflict(f"{which.capitalize()} {other.id} has this name"
                       f"{': restore it instead' if other.deleted_at else ''}.",
                       {"name": [f"The name of {which} {other.id}."]})


def check_entity_can_be(state, current):
    """A revert's entity keeps the names rules: every name free when it comes back live, its exact
    name when it stays deleted."""
    (check_name_unique if state["deleted"] else check_names_free)(state, current)


def create_entity(data, actor):
    with write_transaction():
        state = {"name": data["name"].strip(), "kind": data.get("kind"),
                 "aliases": [a.strip() for a in data["aliases"]]}
        check_names_free(state)
        entity = Entity.create(**state)
        return renamed("entity", entity, "create", None, actor)


def update_entity(entity_id, data, actor):
    with write_transaction():
        entity, before = lock_for_change(Entity, entity_id)
        if "name" in data:
            entity.name = data["name"].strip()
        if "kind" in data:
            entity.kind = data["kind"]
        if "aliases" in data:
            entity.aliases = [a.strip() for a in data["aliases"]]
        check_names_free(entity.state(), entity.id)
        entity.save()
        return renamed("entity", entity, "update", before, actor)


# The vocabulary.

def check_term(word, means, current=None):
    """422 unless each is one word the engine reads (not a stop word) and they differ; 409 when
    another term gives a meaning to a word read alike ("flooded" and "flooding" are one word to
    the engine's vocabulary)."""
    problem = term_problem(word, means)
    if problem:
        field, why = problem
        raise Refused(f"`{field}` cannot be listed: {why}.", {field: [f"{why}."]})
    names_locked(Term)
    for other in Term.select().where(Term.id != (current or 0)):
        if vocabulary_term(other.word) == vocabulary_term(word):
            hint = ": restore it instead" if other.deleted_at else ""
            raise Conflict(f"Term {other.id} already gives {other.word!r} a meaning, read as the "
                           f"same word{hint}.", {"word": [f"Read as the word of term {other.id}."]})


def create_term(data, actor):
    with write_transaction():
        word, means = data["word"].strip(), data["means"].strip()
        check_term(word, means)
        term = Term.create(word=word, means=means)
        return renamed("term", term, "create", None, actor)


def update_term(term_id, data, actor):
    with write_transaction():
        term, before = lock_for_change(Term, term_id)
        term.word = data.get("word", term.word).strip()
        term.means = data.get("means", term.means).strip()
        check_term(term.word, term.means, term.id)
        term.save()
        return renamed("term", term, "update", before, actor)


# Deleting, restoring and reverting: the same for both.

def deleter(model, kind):
    def delete(object_id, actor):
        """Delete (soft: restore brings it back)."""
        with write_transaction():
            row, before = lock_for_change(model, object_id)
            row.deleted_at = utcnow()
            row.save()
            renamed(kind, row, "delete", before, actor)
    return delete


def restorer(model, kind, check=lambda state, object_id: None):
    def restore(object_id, actor):
        """Bring a deleted row back, if `check` (its state, its id) lets it (an entity: 409 when
        a live one has taken one of its names since)."""
        with write_transaction():
            row, before = lock_for_change(model, object_id, live=False)
            check(before, row.id)
            row.deleted_at = None
            row.save()
            return renamed(kind, row, "restore", before, actor)
    return restore


def reverter(model, kind, check):
    def revert(object_id, revision_id, actor):
        """Put the row back as it was before one of its revisions (undoing its creation deletes
        it), if `check` (that state, its id) lets it be so."""
        with write_transaction():
            row, before = lock_for_change(model, object_id, live=False)
            target = revision_target(kind, row, revision_id, before)
            check(target, row.id)
            for field, value in target.items():
                if field != "deleted":
                    setattr(row, field, value)
            row.deleted_at = deleted_at(row, target)
            row.save()
            return renamed(kind, row, "revert", before, actor)
    return revert


def check_term_can_be(state, current):
    """A revert's term keeps the vocabulary's rules, deleted or not (a deleted term keeps its
    word, to be restored)."""
    check_term(state["word"], state["means"], current)


delete_entity, restore_entity = deleter(Entity, "entity"), restorer(Entity, "entity",
                                                                    check_names_free)
revert_entity = reverter(Entity, "entity", check_entity_can_be)
delete_term, restore_term = deleter(Term, "term"), restorer(Term, "term")
revert_term = reverter(Term, "term", check_term_can_be)
