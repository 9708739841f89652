"""Bulk-load claims from JSON Lines: each line a claim, checked alone, written in batches.

A line that is not valid JSON, fails the schema, names an unknown source or misquotes it is
rejected with its line number and the reason; every other line is written. Batches are
transactions, and each line is a savepoint inside its batch, so nothing is half-written. Changed
claims go into the change log, so running servers pick them up without a restart.
"""
import json
from dataclasses import dataclass, field

import peewee
from marshmallow import ValidationError

from schemas.imports import ImportClaimSchema

from .corpus import claim_vetter
from .db import database
from .models import Claim, Evidence, Source, keep_revision, record_claim_changes
from .seeding import figure_problems

DEFAULT_BATCH = 1000


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list = field(default_factory=list)  # [(line number, reason)]

    def count(self, outcome):
        setattr(self, outcome, getattr(self, outcome) + 1)


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


def parse_line(raw, sources, schema=ImportClaimSchema()):
    """A line as (claim dict with resolved evidence, None) or (None, the reason it is rejected)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "not UTF-8"
    except json.JSONDecodeError as error:
        return None, f"not valid JSON: {error.msg} at column {error.colno}"
    if not isinstance(data, dict):
        return None, "not a JSON object"
    try:
        claim = schema.load(data)
    except ValidationError as error:
        return None, "; ".join(_messages(error.messages))
    evidence, problems = [], []
    for position, item in enumerate(claim["evidence"]):
        source, problem = sources.find(item)
        if problem is None and item["quote"] not in source.text:
            problem = f"the quote is not verbatim in the source {source.title!r}"
        if problem is None:
            numbers = [{**n, "value": int(n["value"]) if n["value"].is_integer() else n["value"]}
                       for n in item["numbers"]]
            problem = "; ".join(figure_problems(numbers, item["quote"])) or None
        if problem:
            problems.append(f"evidence.{position}: {problem}")
        else:
            evidence.append((source.id, item["stance"], item["quote"], numbers))
    if problems:
        return None, "; ".join(problems)
    return {"ref": claim["ref"], "text": claim["text"].strip(), "evidence": evidence}, None


def _store(claim, existing):
    """Write one claim; returns (outcome, claim id), outcome being added, updated or unchanged."""
    row = existing.get(claim["ref"]) if claim["ref"] else None
    if row is None:
        row = Claim.create(ref=claim["ref"], text=claim["text"])
        outcome = "added"
    else:
        stored = [(e.source_id, e.stance, e.quote, e.numbers)
                  for e in row.evidence.order_by(Evidence.id)]
        if row.text == claim["text"] and stored == claim["evidence"]:
            return "unchanged", row.id
        before = row.state()
        Claim.update(text=claim["text"]).where(Claim.id == row.id).execute()
        Evidence.delete().where(Evidence.claim == row.id).execute()
        outcome = "updated"
    if claim["evidence"]:
        Evidence.insert_many([{"claim": row.id, "source": s, "stance": st, "quote": q, "numbers": n}
                              for s, st, q, n in claim["evidence"]]).execute()
    if outcome == "updated":  # the version it replaces stays in the claim's revisions
        keep_revision("claim", Claim.get_by_id(row.id), "import", "import", before)
    if claim["ref"]:
        existing[claim["ref"]] = Claim(id=row.id, ref=claim["ref"], text=claim["text"])
    return outcome, row.id


def write_batch(batch, report):
    """Write [(line number, claim)] in one transaction, each line in its own savepoint."""
    if not batch:
        return
    refs = [claim["ref"] for _, claim in batch if claim["ref"]]
    changed = []
    with database.atomic():
        existing = {c.ref: c for c in Claim.select().where(Claim.ref.in_(refs))} if refs else {}
        for number, claim in batch:
            try:
                with database.atomic():
                    outcome, claim_id = _store(claim, existing)
            except peewee.DatabaseError as error:
                report.rejected.append((number, f"the database refused it: {error}".strip()))
                continue
            report.count(outcome)
            if outcome != "unchanged":
                changed.append(claim_id)
        record_claim_changes(changed)


def import_claims(lines, batch_size=DEFAULT_BATCH):
    """Import JSON Lines (an iterable of bytes lines)."""
    report = ImportReport()
    sources = SourceDirectory()
    unanalysable = claim_vetter()
    batch = []
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
            write_batch(batch, report)
            batch = []
    write_batch(batch, report)
    return report
