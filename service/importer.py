"""Bulk-load claims from JSON Lines (`crosscheck import`) or over HTTP (`POST /imports`): each
line a claim, keyed by its ref, checked alone, written in batches. Both run `import_lines`.

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
A ref an earlier line of the same import gave with other content is refused: which of two
versions of one claim an editor meant is not for the import to guess. The figures of a quote a
line does not list are added, as every write adds them (`curation.completed_figures`), and
reported with the line.
"""
import codecs
import json
from dataclasses import dataclass, field

import peewee
from marshmallow import ValidationError

from schemas.imports import ImportClaimSchema

from .corpus import claim_vetter
from .curation import completed_figures
from .db import database
from .models import (Claim, Evidence, Source, add_evidence_rows, keep_revision, lock_rows,
                     locked_live_sources, record_claim_changes, write_transaction)
from .rules import claim_problems
from .seeding import claim_shape_problems

DEFAULT_BATCH = 1000
IMPORT_ACTOR = "import"


@dataclass
class LineResult:
    """What the import did with one line: `outcome` is added, updated, unchanged or refused."""

    line: int
    outcome: str
    ref: str | None = None
    claim_id: int | None = None
    reason: str | None = None
    figures_added: list = field(default_factory=list)  # [{evidence: position, figure keys}]


@dataclass
class ImportReport:
    lines: list = field(default_factory=list)  # LineResult, by line number once complete

    def tally(self, outcome):
        return sum(1 for result in self.lines if result.outcome == outcome)

    added = property(lambda self: self.tally("added"))
    updated = property(lambda self: self.tally("updated"))
    unchanged = property(lambda self: self.tally("unchanged"))

    refused_count = property(lambda self: self.tally("refused"))

    @property
    def rejected(self):
        """[(line number, reason)] of the refused lines."""
        return [(r.line, r.reason) for r in self.lines if r.outcome == "refused"]

    def refuse(self, line, reason, ref=None):
        self.lines.append(LineResult(line, "refused", ref=ref, reason=reason))


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
        numbers, added = completed_figures(numbers, item["quote"])
        evidence.append({"source": source, "stance": item["stance"], "quote": item["quote"],
                         "numbers": numbers, "figures_added": added,
                         "as_of": item.get("as_of")})
    seed_claim = {"ref": claim["ref"], "text": claim["text"].strip(), "evidence": [
        {key: value for key, value in item.items() if key != "figures_added"} | {
            "source": item["source"].ref} for item in evidence]}
    return seed_claim, evidence, problems


def content_lines(lines):
    """(line number, line) for each line (bytes) that is not blank, a byte order mark before the
    first line dropped (a body or file that is only a BOM and whitespace holds no line)."""
    for number, raw in enumerate(lines, 1):
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if raw.strip():
            yield number, raw


def decoded_lines(lines):
    """(line number, JSON value, None) or (line number, None, why it is not JSON) for each of the
    `content_lines`."""
    for number, raw in content_lines(lines):
        try:
            yield number, json.loads(raw.decode("utf-8")), None
        except UnicodeDecodeError:
            yield number, None, "not UTF-8"
        except json.JSONDecodeError as error:
            yield number, None, f"not valid JSON: {error.msg} at column {error.colno}"
        except RecursionError:
            yield number, None, "not valid JSON: nested too deeply"
        except ValueError:  # an integer longer than Python converts
            yield number, None, "not valid JSON: a number too long to read"


def parse_item(data, sources, schema=ImportClaimSchema()):
    """A line's JSON value as (claim dict with resolved evidence, None) or (None, the reason it
    is rejected); the claim is given as `Claim.state` gives a stored one, so the two compare."""
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
         "numbers": e["numbers"], "as_of": e["as_of"] and e["as_of"].isoformat()}
        for e in evidence],
        "figures_added": [
        {"evidence": position, **figure} for position, e in enumerate(evidence)
        for figure in e["figures_added"]]}, None


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
        keep_revision("claim", row, "import", IMPORT_ACTOR, None)  # reverting it deletes the claim
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
    """Write [(line number, claim, figures it adds)] in one transaction, each line in its own
    savepoint; returns their LineResults. A lost connection raises ImportInterrupted (the batch
    is not stored)."""
    results, changed = [], []
    if not batch:
        return results
    try:
        with write_transaction():
            for number, claim, added in batch:
                try:
                    with database.atomic():
                        outcome, claim_id = _store(claim, restore)
                except LineRefused as why:
                    results.append(LineResult(number, "refused", claim["ref"], reason=str(why)))
                    continue
                except (peewee.OperationalError, peewee.InterfaceError):
                    raise
                except peewee.DatabaseError as error:
                    results.append(LineResult(number, "refused", claim["ref"], reason=(
                        f"the database refused it: {error}".strip())))
                    continue
                results.append(LineResult(number, outcome, claim["ref"], claim_id,
                                          figures_added=added if outcome != "unchanged" else []))
                if outcome != "unchanged":
                    changed.append(claim_id)
            record_claim_changes(changed)
    except (peewee.OperationalError, peewee.InterfaceError) as error:
        raise ImportInterrupted(batch[0][0], error) from error
    return results


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
    return import_lines(decoded_lines(lines), batch_size, restore)


def _ref_of(data):
    """The ref a line gives, if it gives one as text, to name it in the report."""
    ref = data.get("ref") if isinstance(data, dict) else None
    return ref if isinstance(ref, str) else None


def _another_line_for(claim, number, first_line_of):
    """Why a line cannot have its ref: an earlier line of the import gave that claim otherwise
    (the same line twice is harmless; two versions of one claim, the import cannot choose)."""
    first = first_line_of.setdefault(claim["ref"], (number, claim))
    if first[1] != claim:
        return (f"ref: {claim['ref']!r} is on line {first[0]} of this import with other content; "
                f"give each claim one line")
    return None


def import_lines(items, batch_size=DEFAULT_BATCH, restore=False):
    """Import (line number, JSON value, why it is not JSON) items, as `decoded_lines` gives them
    (or a JSON array's elements); the report lists every line by number."""
    report = ImportReport()
    sources = SourceDirectory()
    unanalysable = claim_vetter()
    batch, first_line_of = [], {}
    try:
        for number, data, problem in items:
            claim, problem = (None, problem) if problem else parse_item(data, sources)
            added = claim.pop("figures_added") if claim else []
            if problem is None and (reason := unanalysable(claim["text"])):
                problem = f"text: the engine cannot analyse it ({reason}); reword it"
            if problem is None:
                problem = _another_line_for(claim, number, first_line_of)
            if problem:
                report.refuse(number, problem, ref=_ref_of(claim or data))
                continue
            batch.append((number, claim, added))
            if len(batch) >= batch_size:
                report.lines += write_batch(batch, restore)
                batch = []
        report.lines += write_batch(batch, restore)
    except ImportInterrupted as interrupted:
        interrupted.report = report
        raise
    report.lines.sort(key=lambda result: result.line)
    return report
