"""The `crosscheck` command: serve, seed, import, extract, check, eval, openapi, export, keys."""
import json
import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path

import click
import peewee
from marshmallow import ValidationError
from peewee import InterfaceError, OperationalError

from schemas.check import CheckRequestSchema, CheckResponseSchema

from . import config as settings
from .db import database, init_database
from .importer import DEFAULT_BATCH, ImportInterrupted, import_claims
from .models import ApiKey, create_tables
from .seeding import SeedError, seed as seed_folder


@click.group()
def main():
    """Crosscheck: check statements against curated, sourced claims."""


@main.command()
@click.option("--host", default=lambda: os.environ.get("HOST", "127.0.0.1"),
              show_default="127.0.0.1")
@click.option("--port", default=lambda: int(os.environ.get("PORT", "8000")), type=int,
              show_default="8000")
@click.option("--workers", default=lambda: int(os.environ.get("WEB_CONCURRENCY", "2")), type=int,
              show_default="2", help="gunicorn worker processes")
def serve(host, port, workers):
    """Serve the API with gunicorn (creates and seeds an empty database first).

    Workers are gevent workers: every connection is a greenlet, so clients that connect and
    send half a request, or idle, cannot hold a worker the way they hold a sync one (up to 1,000
    connections a worker). Exits 1, naming the database, when it cannot be reached.
    """
    from .serving import Server

    app = reachable_app()
    click.echo(f"Crosscheck on http://{host}:{port}/  (docs at /docs)", err=True)
    Server(app, f"{host}:{port}", workers).run()


def reachable_app():
    """The app on the configured database; when it cannot be reached, one line naming it (any
    password masked) and why, and exit 1, rather than a traceback."""
    from . import create_app
    from .serving import shown_database

    try:
        return create_app()
    except (OperationalError, InterfaceError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        url = settings.from_environment()["DATABASE_URL"]
        click.echo(f"crosscheck: cannot reach the database {shown_database(url)}: {reason}",
                   err=True)
        sys.exit(1)


@main.command()
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
def seed(path):
    """Load a seed folder (default: CROSSCHECK_SEEDS, else the project's seeds/). Idempotent."""
    conf = settings.from_environment()
    path = path or Path(conf["CROSSCHECK_SEEDS"] if conf["CROSSCHECK_SEEDS"].lower() != "none"
                        else settings.DEFAULT_SEEDS)
    init_database(conf["DATABASE_URL"])
    with database.connection_context():
        create_tables()
        try:
            report = seed_folder(path)
        except SeedError as error:
            click.echo(str(error), err=True)
            sys.exit(1)
    click.echo(f"seeded {path}: added {report.added}, updated {report.updated}")


@main.command("import")
@click.argument("file", type=click.File("rb"))
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=DEFAULT_BATCH,
              show_default=True, help="claims written per transaction")
@click.option("--restore", is_flag=True,
              help="bring back deleted claims a line names (otherwise such lines are rejected)")
@click.option("--dry-run", is_flag=True,
              help="report exactly what the import would store or reject, storing nothing")
def import_command(file, batch_size, restore, dry_run):
    """Bulk-load claims from JSON Lines (one claim a line: ref, text, evidence), keyed by ref.

    Exits 1 when any line was rejected; every other line is still written. Exits 2 when the
    database connection is lost: the batches before it are stored, and running the same import
    again stores the rest without duplicating any claim.
    """
    conf = settings.from_environment()
    init_database(conf["DATABASE_URL"])
    lines = None
    if file.seekable():  # a file, not a pipe: count its lines for the progress bar
        lines = sum(1 for _ in file)
        file.seek(0)
    try:
        with database.connection_context(), click.progressbar(
                file, length=lines, label="importing", file=sys.stderr) as bar:
            create_tables()
            report = import_claims(bar, batch_size, restore=restore, dry_run=dry_run)
    except ImportInterrupted as interrupted:
        report_import(interrupted.report)
        click.echo(f"stopped: {interrupted}. Lines before {interrupted.line} are stored as "
                   f"reported; run the same import again to store the rest (claims are keyed by "
                   f"ref, so none is written twice).", err=True)
        sys.exit(2)
    except (OperationalError, InterfaceError) as error:
        click.echo(f"stopped: the database is unavailable ({' '.join(str(error).split())}); "
                   f"run the same import again once it is back.", err=True)
        sys.exit(2)
    report_import(report, dry_run)
    sys.exit(1 if report.rejected else 0)


def report_import(report, dry_run=False):
    for number, reason in report.rejected:
        click.echo(f"line {number}: {reason}", err=True)
    figures = sum(len(result.figures_added) for result in report.lines)
    click.echo(f"{'dry run, nothing stored: would have ' if dry_run else ''}added {report.added}, "
               f"updated {report.updated}, unchanged {report.unchanged}, "
               f"rejected {len(report.rejected)}"
               + (f"; {figures} figure(s) the lines left out read from their quotes and added"
                  if figures else ""))


def _source_to_extract(file, ref):
    """(text, ref) from a source YAML file (its `text` and `ref`) or a plain-text file."""
    raw = file.read()
    name = getattr(file, "name", "-")
    if name.endswith((".yaml", ".yml")):
        import yaml

        data = yaml.safe_load(raw)
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise click.BadParameter("a source YAML file needs a `text`", param_hint="FILE")
        return data["text"], ref or data.get("ref")
    if ref is None and name not in ("-", "<stdin>"):
        ref = re.sub(r"[^a-z0-9]+", "-", Path(name).stem.lower()).strip("-") or None
    return raw, ref


@main.command()
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--source", "ref", default=None,
              help="the source's ref in the corpus (default: the YAML's ref or the file name)")
@click.option("--min-worthiness", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="leave out proposals scoring lower")
@click.option("--details", is_flag=True,
              help="print every field of each proposal, not the import line")
def extract(file, ref, min_worthiness, details):
    """Propose the checkable claims of an article (a source YAML file, a text file or -).

    Prints JSON Lines in the `crosscheck import` format, most check-worthy first, naming the
    entities stored in the configured database; lines an editor keeps import as they are.
    """
    from .corpus import entity_records
    from .engine.extraction import Extractor, by_worthiness

    text, ref = _source_to_extract(file, ref)
    if ref is None:
        raise click.UsageError("name the source with --source REF when reading standard input")
    with configured_database():
        extractor = Extractor(entity_records())
    for proposal in by_worthiness(extractor.propose(text)):
        if proposal.check_worthiness >= min_worthiness:
            line = proposal.as_dict() if details else proposal.import_line({"source": ref})
            click.echo(json.dumps(line, ensure_ascii=False))


@main.command()
@click.argument("statement")
@click.option("--limit", type=int, default=5, show_default=True)
@click.option("--min-score", type=float, default=None)
def check(statement, limit, min_score):
    """Check one statement and print the same JSON as POST /check (exits 1, naming the database,
    when it cannot be reached)."""
    body = {"statement": statement, "limit": limit}
    if min_score is not None:
        body["min_score"] = min_score
    try:
        request = CheckRequestSchema().load(body)
    except ValidationError as error:
        click.echo(json.dumps({"errors": error.messages}, indent=2), err=True)
        sys.exit(2)
    checker = reachable_app().extensions["crosscheck"]
    result = CheckResponseSchema().dump(checker.check(**request))
    click.echo(json.dumps(result, indent=2, ensure_ascii=False))


@main.command(name="eval")
@click.argument("cases_file", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--seeds", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="seed folder to check against (default: the project's seeds/)")
@click.option("--min-score", type=float, default=None, help="threshold (default: the engine's)")
@click.option("--failures", is_flag=True, help="also list every case the engine got wrong")
def evaluate(cases_file, seeds, min_score, failures):
    """Score the engine on a JSON Lines file of labelled statements."""
    from .evaluation import (CaseFileError, checker_from_seeds, evaluate as run, format_report,
                             load_cases)

    try:
        cases = load_cases(cases_file)
        checker = checker_from_seeds(seeds or settings.DEFAULT_SEEDS, min_score=min_score)
    except (CaseFileError, SeedError) as error:
        click.echo(f"{cases_file}: {error}", err=True)
        sys.exit(1)
    click.echo(format_report(run(checker, cases), show_failures=failures))


@main.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              default=settings.PROJECT_ROOT / "openapi.yaml", show_default="openapi.yaml")
def openapi(output):
    """Write the OpenAPI document generated from the schemas."""
    from . import create_app
    from .openapi import spec_yaml

    app = create_app({"CROSSCHECK_SEEDS": "none", "DATABASE_URL": "sqlite:///:memory:"})
    text = spec_yaml(app.extensions["flask-smorest"]["apis"][""]["ext_obj"])
    if str(output) == "-":
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


@contextmanager
def configured_database():
    """The configured database, connected, with its tables present."""
    init_database(settings.from_environment()["DATABASE_URL"])
    with database.connection_context():
        create_tables()
        yield database


@main.command()
@click.argument("path", type=click.Path(file_okay=False, path_type=Path))
def export(path):
    """Write the whole corpus to a new seed folder (that `crosscheck seed` reads back unchanged)."""
    from .export import export_corpus

    with configured_database():
        try:
            corpus, drafts = export_corpus(path)
        except FileExistsError as error:
            click.echo(f"{error}: export writes to a new or empty folder", err=True)
            sys.exit(1)
    if drafts:
        click.echo(f"left out {len(drafts)} claim(s) without evidence (the seed format needs "
                   f"some): {', '.join(drafts)}", err=True)
    click.echo(f"exported {len(corpus['sources'])} sources, {len(corpus['claims'])} claims and "
               f"{len(corpus['entities'])} entities to {path}")


@main.group()
def keys():
    """Make, list and revoke API keys (editors write; readers read when reads need a key)."""


def shown_url(url):
    """A database URL safe to print: any password is masked."""
    return re.sub(r"(://[^/:@]*):[^/@]*@", r"\1:***@", url)


def holds_crosscheck_tables(url):
    """Whether the database at `url` exists and holds Crosscheck's tables (a SQLite file that does
    not exist is not created by asking)."""
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).is_file():
        return False
    init_database(url)
    with database.connection_context():
        return database.table_exists(ApiKey._meta.table_name)


@contextmanager
def keys_database(create=False):
    """The configured database for a keys command: refused when it holds no Crosscheck tables
    (a command run outside the project would otherwise make a new, empty one), unless `create`."""
    url = settings.from_environment()["DATABASE_URL"]
    try:
        present = holds_crosscheck_tables(url)
    except peewee.OperationalError as error:
        click.echo(f"cannot reach {shown_url(url)}: {error}".strip(), err=True)
        sys.exit(1)
    if not create and not present:
        click.echo(f"{shown_url(url)} holds no Crosscheck tables: run this where the server runs "
                   "(its DATABASE_URL or folder), or pass --create-database to set up a new "
                   "database there.", err=True)
        sys.exit(1)
    with configured_database():
        yield url


@keys.command("create")
@click.option("--name", required=True, help="Who or what uses the key (shown in revisions)")
@click.option("--role", required=True, type=click.Choice(ApiKey.ROLES))
@click.option("--create-database", is_flag=True,
              help="Create the tables when the configured database has none")
def create_key(name, role, create_database):
    """Make a key and print it once, alone on the last line; only its hash is stored."""
    from .auth import create_key as make_key

    with keys_database(create_database) as url:
        row, key = make_key(name, role)
    click.echo(f"created {role} key {row.id} ({name}) in {shown_url(url)}; store it now, it is "
               "not shown again:")
    click.echo(key)


@keys.command("list")
def list_keys():
    """Print every key's id, name, role, prefix, creation date and status."""
    with keys_database():
        for row in ApiKey.select().order_by(ApiKey.id):
            status = f"revoked {row.revoked_at:%Y-%m-%d %H:%M}" if row.revoked_at else "active"
            click.echo(f"{row.id}\t{row.name}\t{row.role}\t{row.prefix}...\t"
                       f"{row.created_at:%Y-%m-%d %H:%M}\t{status}")


@keys.command("revoke")
@click.argument("key_id", type=int)
def revoke(key_id):
    """Revoke a key by its id: it stops working at once."""
    from .auth import revoke_key

    with keys_database():
        if not revoke_key(key_id):
            click.echo(f"no active key has id {key_id}", err=True)
            sys.exit(1)
    click.echo(f"revoked key {key_id}")


if __name__ == "__main__":
    main()
