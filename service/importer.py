"""Bulk-load claims from JSON Lines: each line a claim, keyed by its ref, checked alone, written
in batches.

A line is checked by the seed rules themselves (`seeding.claim_problems`), so whatever import
stores, `export` then `seed` reads back. A line that is not valid JSON, fails the schema or a seed
rule, names an unknown source, misquotes it, or names a deleted claim (unless restoring) is
rejected with its line number and the reason; every other line is written. Batches are write
transactions, and each line is a savepoint inside its batch, so a refused line costs only itself
and nothing is half-written. A line is written under a lock on its claim row and on the sources
it quotes, so the revision it leaves records what was there just before it, and its quotes are
verbatim in the sources as committed. A lost connection stops the import with the line it
reached: every batch before it is stored, and a re-run (keyed by ref) stores the rest once.
Changed claims go into the change log, so running servers pick them up without a restart.
"""
import json
from dataclasses import dataclass, field

import peewee
from marshmallow import ValidationError

from schemas.imports import ImportClaimSchema

from .corpus import claim_vetter
from .db import database
from .models import (Claim, Evidence, Source, add_evidence_rows, keep_revision, lock_rows,
                     locked_live_sources, record_claim_changes, write_transaction)
from .rules import claim_problems, figure_records
from .seeding import claim_shape_problems

DEFAULT_BATCH = 1000
IMPORT_ACTOR = "import"


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list = field(default_factory=list)  # [(line number, reason)]

    def count(self, outcome):
        setattr(self, outcome, getattr(self, outcome) + 1)

    def merge(self, other):
        for name in ("added", "updated", "unchanged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rejected += other.rejected


class ImportInterrupted(Exception):
    """The database connection was lost; `line` is the first line whose batch is not stored."""

    def __init__(self, line, error):
        super().__init__(f"the database connection was lost at line {line} "
                         f"({' '.join(str(error).split())})")
        self.line, self.report = line, None


class LineRefused(Exception):
    """A line that cannot be stored as it stands; the reason is the message."""


class SourceDirectory:
    """The stored sources, found by url, title or ref as an import line names them."""

    def __init__(self):
        self.by_key = {}
        for source in Source.select(Source.id, Source.ref, Source.url, Source.title, Source.text):
            for key in (("source", source.ref), ("url", source.url), ("title", source.title)):
                if key[1] is not None:
                    self.by_key.setdefault(key, []).append(source)

    def find(self, item):
        """(source, None) or (None, why not)."""
        key = next(k for k in ("source", "url", "title") if k in item)
        found = self.by_key.get((key, item[key]), [])
        if len(found) != 1:
            return None, (f"no stored source has {key} {item[key]!r}" if not found else
                          f"{len(found)} sources have {key} {item[key]!r}; name it by url")
        return found[0], None


def _messages(errors, prefix=""):
    """Flatten marshmallow's nested messages into 'evidence.0.stance: ...' lines."""
    if isinstance(errors, dict):
        return [m for key, value in errors.items()
                for m in _messages(value, f"{prefix}{key}." if key != "_schema" else prefix)]
    return [f"{prefix.rstrip('.') or 'line'}: {message}" for message in errors]


def _as_seed_claim(claim, sources):
    """The line as a seed-format claim, its sources named by ref, and the problems in finding
    them."""
    evidence, problems = [], []
    for position, item in enumerate(claim["evidence"]):
        source, problem = sources.find(item)
        if problem:
            problems.append(f"evidence.{position}: {problem}")
            continue
        numbers = [{**n, "value": int(n["value"]) if n["value"].is_integer() else n["value"]}
                   for n in item.get("numbers") or []]
        evidence.append({"source": source, "stance": item["stance"], "quote": item["quote"],
                         "numbers": figure_records(numbers), "as_of": item.get("as_of")})
    seed_claim = {"ref": claim["ref"], "text": claim["text"].strip(), "evidence": [
        dict(item, source=item["source"].ref) for item in evidence]}
    return seed_claim, evidence, problems


def parse_line(raw, sources, schema=ImportClaimSchema()):
    """A line as (claim dict with resolved evidence, None) or (None, the reason it is rejected)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "not UTF-8"
    except json.JSONDecodeError as error:
        return None, f"not valid JSON: {error.msg} at column {error.colno}"
    except RecursionError:
        return None, "not valid JSON: nested too deeply"
    if not isinstance(data, dict):
        return None, "not a JSON object"
    try:
        claim = schema.load(data)
    except ValidationError as error:
        return None, "; ".join(_messages(error.messages))
    seed_claim, evidence, problems = _as_seed_claim(claim, sources)
    problems = problems or claim_shape_problems("line", seed_claim) or claim_problems(
        seed_claim, {e["source"].ref: e["source"].text for e in evidence})
    if problems:
        return None, "; ".join(problems)
    return {"ref": seed_claim["ref"], "text": seed_claim["text"], "evidence": [
        {"source_id": e["source"].id, "stance": e["stance"], "quote": e["quote"],
         "numbers": e["numbers"], "as_of": e["as_of"]} for e in evidence]}, None


def _check_sources_still_hold(evidence):
    """Under a lock on the quoted sources: each is live and still has the quote (an editor may
    have changed it since the import read it)."""
    sources = locked_live_sources([item["source_id"] for item in evidence])
    for position, item in enumerate(evidence):
        source = sources.get(item["source_id"])
        if source is None or item["quote"] not in source.text:
            raise LineRefused(f"evidence.{position}: the source was deleted, or edited to drop the "
                              f"quote, while the import ran")


def _store(claim, restore):
    """Write one claim under a lock on its row; returns (outcome, claim id)."""
    _check_sources_still_hold(claim["evidence"])
    row = lock_rows(Claim.select().where(Claim.ref == claim["ref"])).first()
    if row is None:
        row = Claim.create(ref=claim["ref"], text=claim["text"])
        add_evidence_rows(row, claim["evidence"])
        return "added", row.id
    if row.deleted_at and not restore:
        raise LineRefused(f"the claim {claim['ref']!r} is deleted; import with --restore to "
                          f"bring it back")
    before = row.state()  # read under the lock, so the revision says what was really there
    if before == dict(claim, deleted=False):
        return "unchanged", row.id
    Claim.update(text=claim["text"], deleted_at=None).where(Claim.id == row.id).execute()
    Evidence.delete().where(Evidence.claim == row.id).execute()
    add_evidence_rows(row, claim["evidence"])
    keep_revision("claim", Claim.get_by_id(row.id), "import", IMPORT_ACTOR, before)
    return "updated", row.id


def write_batch(batch, restore=False):
    """Write [(line number, claim)] in one transaction, each line in its own savepoint; returns
    the batch's report. A lost connection raises ImportInterrupted (the batch is not stored)."""
    report, changed = ImportReport(), []
    if not batch:
        return report
    try:
        with write_transaction():
            for number, claim in batch:
                try:
                    with database.atomic():
                        outcome, claim_id = _store(claim, restore)
                except LineRefused as why:
                    report.rejected.append((number, str(why)))
                    continue
                except (peewee.OperationalError, peewee.InterfaceError):
                    raise
                except peewee.DatabaseError as error:
                    report.rejected.append((number, f"the database refused it: {error}".strip()))
                    continue
                report.count(outcome)
                if outcome != "unchanged":
                    changed.append(claim_id)
            record_claim_changes(changed)
    except (peewee.OperationalError, peewee.InterfaceError) as error:
        raise ImportInterrupted(batch[0][0], error) from error
    return report


def import_claims(lines, batch_size=DEFAULT_BATCH, restore=False, dry_run=False):
    """Import JSON Lines (an iterable of bytes lines); `restore` brings back deleted claims a line
    names. Raises ImportInterrupted, carrying the report so far, when the connection is lost.

    A dry run writes everything in one transaction and rolls it back: its report is exactly what
    the import would do, and nothing is stored."""
    if dry_run:
        with write_transaction() as transaction:
            report = import_claims(lines, batch_size, restore)
            transaction.rollback()  # and begins an empty transaction to commit
        return report
    report = ImportReport()
    sources = SourceDirectory()
    unanalysable = claim_vetter()
    batch = []
    try:
        for number, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            claim, problem = parse_line(raw, sources)
            if problem is None and (reason := unanalysable(claim["text"])):
                problem = f"text: the engine cannot analyse it ({reason}); reword it"
            if problem:
                report.rejected.append((number, problem))
                continue
            batch.append((number, claim))
            if len(batch) >= batch_size:
                report.merge(write_batch(batch, restore))
                batch = []
        report.merge(write_batch(batch, restore))
    except ImportInterrupted as interrupted:
        interrupted.report = report
        raise
    return report
