"""Editors' changes to claims, evidence and sources: validated like the seeds, kept as revisions,
soft-deleted, and logged in the claim change log so every worker's index picks them up.

Each change runs in one write transaction (the request's, see `idempotency.write`) that first
locks the rows it relies on: the row it changes (SQLite takes the write lock up front; PostgreSQL
locks the row with SELECT ... FOR UPDATE), and the sources its evidence quotes (FOR SHARE), so two
editors writing the same claim at once are serialised, neither change is lost, and no quote is
checked against a source text that changes or is deleted before the quote is committed.
"""
import datetime
import re
import secrets

from .engine.entities import defined_acronyms
from .engine.extraction import label_figures
from .models import (Claim, Entity, Evidence, Revision, Source, Term, add_evidence_rows,
                     keep_revision, lock_rows, locked_live_sources, record_claim_changes,
                     record_name_change, utcnow, write_transaction)
from .rules import evidence_problems, figure_problems, figure_records, source_span

SOURCE_FIELDS = ("ref", "title", "publisher", "published", "url", "text")
REVISED = {"claim": Claim, "source": Source, "entity": Entity, "term": Term}


class Refused(Exception):
    """A change curation refuses, with its reason and `errors` naming the fields at fault;
    `status` is how the API answers it (problem+json, mapped in `errors.py`)."""

    status = 422

    def __init__(self, message, errors=None):
        super().__init__(message)
        self.errors = errors


class NotFound(Refused):
    status = 404


class Conflict(Refused):
    status = 409


def revise(kind, row, action, before, actor):
    """Keep the change as a revision by `actor` (the acting key's name), and log it for the index
    when it touches a claim, or for the names when it touches a source that defines an acronym
    ("the US Geological Survey (USGS)") or defined one before the change."""
    if keep_revision(kind, row, action, actor, before):
        if kind == "claim":
            record_claim_changes([row.id])
        elif kind == "source" and defined_acronyms([row.text, before["text"] if before else ""]):
            record_name_change("source", row.id)
    return row


def revisions_of(kind, object_id):
    """Every revision of one claim, source, entity or term, oldest first; 404 when it never
    existed."""
    model = REVISED[kind]
    if not model.select().where(model.id == object_id).exists():
        raise NotFound(f"No {kind} has this id.")
    return Revision.select().where((Revision.kind == kind) & (Revision.object_id == object_id)
                                   ).order_by(Revision.id)


# Validation: the seeds' rules, answered as 422 with the broken field named.

def checked_evidence(item, where=None):
    """An evidence item that keeps every seed rule, its figures completed from the quote
    (`figures_added` lists those the editor did not give) and a quote given with other quote
    marks, dashes or spacing stored as the source's exact passage; refused naming the field
    otherwise."""
    source = locked_live_sources([item["source_id"]]).get(item["source_id"])
    item = dict(item, numbers=figure_records(item.get("numbers")),
                quote=verbatim_quote(item["quote"], source))
    problems = evidence_problems(item, source and source.text,
                                 source.ref if source else item["source_id"])
    if problems:
        errors = problems if where is None else {"evidence": {str(where): problems}}
        raise Refused("The evidence breaks a curation rule; `errors` says which.", errors)
    numbers, added = completed_figures(item["numbers"], item["quote"])
    return dict(item, numbers=numbers, figures_added=added)


def verbatim_quote(quote, source):
    """The quote as the source has it: given with other quote marks, dashes or spacing, the
    source's exact passage; otherwise as given (the rules then say whether it is verbatim)."""
    if source and quote not in source.text:
        return source_span(quote, source.text) or quote
    return quote


# Figures the engine reads that the corpus does not list (seeds/README.md, "What is a figure"):
# each rule a name and a test of (quote, figure). Ordinals ("3rd", "first") are not read at all.
NOT_FIGURES = (
    ("a date or a weekday: the day of the month is no figure", lambda quote, figure: (
        figure.kind in ("date", "weekday"))),
    ("a clock time: 9 o'clock", lambda quote, figure: re.match(
        r"\s*o['\u2019]clock\b", quote[figure.end:])),
    ("a clock time: 0900 GMT, 2300 hours", lambda quote, figure: re.fullmatch(
        r"(?:[01]\d|2[0-3])[0-5]\d", figure.text) and re.match(
        r"\s*(?:GMT|UTC|[A-Z]{1,2}[SD]?T|hours|hrs)\b", quote[figure.end:])),
)


def completed_figures(listed, quote):
    """(the figures to store, those added): the editor's `listed` figures as given, then every
    figure the engine reads in the quote, labelled as extraction labels it, that no listed figure
    covers (none is silently left out of comparisons), but none the corpus does not count as a
    figure (NOT_FIGURES) nor one the seed rules refuse. Each is stored with the four keys every
    figure has, so export and seed give it back unchanged."""
    listed = figure_records(listed)
    covered = [(found.start(), found.end()) for number in listed
               for found in re.finditer(re.escape(number["text"]), quote)]
    added = [figure.as_record() for figure in label_figures(quote)
             if not any(start < figure.end and figure.start < end for start, end in covered)
             and not any(rule(quote, figure) for _, rule in NOT_FIGURES)]
    added = [record for record in added if not figure_problems([record], quote)]
    return listed + added, added


def lock_for_change(model, object_id, ref=None, live=True):
    """Lock the row until the transaction ends (404 when it is absent, or deleted if `live`), note
    its state before the change, and check that a new ref is free."""
    row = lock_rows((model.live() if live else model.select()).where(model.id == object_id)).first()
    if row is None:
        raise NotFound(f"No {model.__name__.lower()} has this id.")
    if ref:
        free_ref(model, ref, row.id)
    return row, row.state()


def free_ref(model, ref, current=None):
    """409 when another row already has this ref."""
    taken = model.select().where((model.ref == ref) & (model.id != (current or 0))).exists()
    if taken:
        raise Conflict(f"Another {model.__name__.lower()} already has the ref {ref!r}.")


def give_ref(row, prefix):
    """A row created without a ref gets `<prefix>-<id>` (plus a suffix if an editor took that)."""
    ref = f"{prefix}-{row.id}"
    while type(row).select().where(type(row).ref == ref).exists():
        ref = f"{prefix}-{row.id}-{secrets.token_hex(2)}"
    row.ref = ref
    row.save(only=[type(row).ref])


# Claims.

def create_claim(data, actor):
    with write_transaction():
        if data.get("ref"):
            free_ref(Claim, data["ref"])
        items = [checked_evidence(item, where) for where, item in enumerate(data["evidence"])]
        claim = Claim.create(ref=data.get("ref"), text=data["text"].strip())
        if not claim.ref:
            give_ref(claim, "claim")
        add_evidence_rows(claim, items)
        claim.figures_added = [item["figures_added"] for item in items]  # for the answer
        return revise("claim", claim, "create", None, actor)


def update_claim(claim_id, data, actor):
    with write_transaction():
        claim, before = lock_for_change(Claim, claim_id, data.get("ref"))
        claim.ref = data.get("ref") or claim.ref
        if "text" in data:
            claim.text = data["text"].strip()
        claim.save()
        return revise("claim", claim, "update", before, actor)


def delete_claim(claim_id, actor):
    with write_transaction():
        claim, before = lock_for_change(Claim, claim_id)
        claim.deleted_at = utcnow()
        claim.save()
        revise("claim", claim, "delete", before, actor)


def check_claim_can_return(state):
    """A deleted or reverted claim comes back only if its evidence still keeps the rules."""
    problems = {}
    sources = locked_live_sources([item["source_id"] for item in state["evidence"]])
    for where, item in enumerate(state["evidence"]):
        source = sources.get(item["source_id"])
        found = evidence_problems(item, source and source.text,
                                  source.ref if source else item["source_id"])
        if found:
            problems[str(where)] = found
    if problems:
        raise Conflict("The claim's evidence no longer fits its sources (deleted or edited "
                       "since); `errors` says which.", {"evidence": problems})


def restore_claim(claim_id, actor):
    with write_transaction():
        claim, before = lock_for_change(Claim, claim_id, live=False)
        check_claim_can_return(before)
        claim.deleted_at = None
        claim.save()
        return revise("claim", claim, "restore", before, actor)


def revision_target(kind, row, revision_id, before):
    """The state a revert puts `row` back to: as it was before one of its revisions (undoing its
    creation deletes it); 404 when the row has no such revision."""
    revision = Revision.get_or_none((Revision.id == revision_id) & (Revision.kind == kind)
                                    & (Revision.object_id == row.id))
    if revision is None:
        raise NotFound(f"This {kind} has no revision with this id.")
    return revision.before or dict(before, deleted=True)


def deleted_at(row, state):
    """The row's `deleted_at` for a state: kept if it is deleted already, now if it is to be."""
    return (row.deleted_at or utcnow()) if state["deleted"] else None


def revert_claim(claim_id, revision_id, actor):
    """Put the claim back as it was before one of its revisions (undoing a create deletes it)."""
    with write_transaction():
        claim, before = lock_for_change(Claim, claim_id, live=False)
        target = revision_target("claim", claim, revision_id, before)
        if not target["deleted"]:
            check_claim_can_return(target)
        if target["ref"]:
            free_ref(Claim, target["ref"], claim.id)
        claim.ref, claim.text = target["ref"], target["text"]
        claim.deleted_at = deleted_at(claim, target)
        claim.save()
        Evidence.delete().where(Evidence.claim == claim).execute()
        add_evidence_rows(claim, target["evidence"])
        return revise("claim", claim, "revert", before, actor)


# Evidence.

def claim_evidence(claim, evidence_id):
    row = Evidence.get_or_none((Evidence.id == evidence_id) & (Evidence.claim == claim))
    if row is None:
        raise NotFound("This claim has no evidence with this id.")
    return row


def add_evidence(claim_id, item, actor):
    with write_transaction():
        claim, before = lock_for_change(Claim, claim_id)
        item = checked_evidence(item)
        row = Evidence.create(claim=claim, source=item["source_id"], stance=item["stance"],
                              quote=item["quote"], numbers=item["numbers"],
                              as_of=item.get("as_of"))
        row.figures_added = item["figures_added"]
        revise("claim", claim, "add-evidence", before, actor)
        return row


def update_evidence(claim_id, evidence_id, changes, actor):
    with write_transaction():
        claim, before = lock_for_change(Claim, claim_id)
        row = claim_evidence(claim, evidence_id)
        current = {"source_id": row.source_id, "stance": row.stance, "quote": row.quote,
                   "numbers": row.numbers, "as_of": row.as_of}
        item = {**current, **changes}
        # A new quote without `numbers` has its figures read afresh; the same quote (in other
        # quote marks or spacing too) keeps the stored ones, with the labels the editor gave.
        if "quote" in changes and "numbers" not in changes:
            source = locked_live_sources([item["source_id"]]).get(item["source_id"])
            if verbatim_quote(item["quote"], source) != row.quote:
                item["numbers"] = None
        item = checked_evidence(item)
        row.source, row.stance, row.quote, row.numbers, row.as_of, row.figures_added = (
            item["source_id"], item["stance"], item["quote"], item["numbers"], item["as_of"],
            item["figures_added"])
        row.save()
        revise("claim", claim, "update-evidence", before, actor)
        return row


def delete_evidence(claim_id, evidence_id, actor):
    with write_transaction():
        claim, before = lock_for_change(Claim, claim_id)
        claim_evidence(claim, evidence_id).delete_instance()
        revise("claim", claim, "delete-evidence", before, actor)


# Sources.

def create_source(data, actor):
    with write_transaction():
        if data.get("ref"):
            free_ref(Source, data["ref"])
        source = Source.create(**{name: data.get(name) for name in SOURCE_FIELDS})
        if not source.ref:
            give_ref(source, "source")
        return revise("source", source, "create", None, actor)


def citing_claims(source):
    """Live claims with evidence from this source."""
    return list(Claim.live().join(Evidence).where(Evidence.source == source).distinct()
                .order_by(Claim.id))


def check_quotes_kept(source, text):
    """422 unless every live quote from the source stays verbatim in its new text."""
    broken = [f"evidence {e.id} of claim {e.claim.ref!r}: {e.quote!r}"
              for e in Evidence.select(Evidence, Claim).join(Claim)
              .where((Evidence.source == source) & Claim.deleted_at.is_null())
              if e.quote not in text]
    if broken:
        raise Refused("The new text drops quotes that evidence relies on.",
                      {"text": [f"no longer contains the quote of {b}" for b in broken]})


def check_uncited(source):
    """409 while live claims cite the source."""
    citing = citing_claims(source)
    if citing:
        raise Conflict("Live claims still cite this source; delete their evidence first.",
                       {"claims": [c.ref or str(c.id) for c in citing]})


def source_revised(source, action, before, actor):
    """Keep the source's revision and, when it changed, log the claims citing it for the index."""
    revise("source", source, action, before, actor)
    if source.state() != before:
        record_claim_changes(c.id for c in citing_claims(source))
    return source


def update_source(source_id, data, actor):
    """Change a source; its text may change only if every live quote from it stays verbatim."""
    with write_transaction():
        source, before = lock_for_change(Source, source_id, data.get("ref"))
        if "text" in data:
            check_quotes_kept(source, data["text"])
        for name, value in data.items():
            setattr(source, name, value)
        source.save()
        return source_revised(source, "update", before, actor)


def delete_source(source_id, actor):
    with write_transaction():
        source, before = lock_for_change(Source, source_id)
        check_uncited(source)
        source.deleted_at = utcnow()
        source.save()
        revise("source", source, "delete", before, actor)


def restore_source(source_id, actor):
    with write_transaction():
        source, before = lock_for_change(Source, source_id, live=False)
        source.deleted_at = None
        source.save()
        return revise("source", source, "restore", before, actor)


def revert_source(source_id, revision_id, actor):
    """Put the source back as it was before one of its revisions (undoing its creation deletes
    it): 409 if that deletes it while live claims cite it, 422 if its text would drop a live
    quote."""
    with write_transaction():
        source, before = lock_for_change(Source, source_id, live=False)
        target = revision_target("source", source, revision_id, before)
        if target["ref"]:
            free_ref(Source, target["ref"], source.id)
        if target["deleted"]:
            check_uncited(source)
        else:
            check_quotes_kept(source, target["text"])
        values = dict(target, published=target["published"] and datetime.date.fromisoformat(
            target["published"]))
        for name in SOURCE_FIELDS:
            setattr(source, name, values[name])
        source.deleted_at = deleted_at(source, target)
        source.save()
        return source_revised(source, "revert", before, actor)
