"""The `crosscheck` command: serve, seed, import, check, eval, openapi, export, keys."""
import gc
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click
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
    """Serve the API with gunicorn (creates and seeds an empty database first)."""
    from gunicorn.app.base import BaseApplication

    from . import create_app

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("accesslog", None)  # the app logs each request as JSON, with its id
            self.cfg.set("preload_app", True)

        def load(self):
            app = create_app()
            # The index is millions of long-lived objects: frozen, the cyclic GC stops re-scanning
            # them (pauses that set the p99) and forked workers stop copying their pages.
            gc.freeze()
            return app

    click.echo(f"Crosscheck on http://{host}:{port}/  (docs at /docs)", err=True)
    Server().run()


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
    click.echo(f"{'dry run, nothing stored: would have ' if dry_run else ''}added {report.added}, "
               f"updated {report.updated}, unchanged {report.unchanged}, "
               f"rejected {len(report.rejected)}")


@main.command()
@click.argument("statement")
@click.option("--limit", type=int, default=5, show_default=True)
@click.option("--min-score", type=float, default=None)
def check(statement, limit, min_score):
    """Check one statement and print the same JSON as POST /check."""
    from . import create_app

    body = {"statement": statement, "limit": limit}
    if min_score is not None:
        body["min_score"] = min_score
    try:
        request = CheckRequestSchema().load(body)
    except ValidationError as error:
        click.echo(json.dumps({"errors": error.messages}, indent=2), err=True)
        sys.exit(2)
    checker = create_app().extensions["crosscheck"]
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


@keys.command("create")
@click.option("--name", required=True, help="Who or what uses the key (shown in revisions)")
@click.option("--role", required=True, type=click.Choice(ApiKey.ROLES))
def create_key(name, role):
    """Make a key and print it once, alone on the last line; only its hash is stored."""
    from .auth import create_key as make_key

    with configured_database():
        row, key = make_key(name, role)
    click.echo(f"created {role} key {row.id} ({name}); store it now, it is not shown again:")
    click.echo(key)


@keys.command("list")
def list_keys():
    """Print every key's id, name, role, prefix, creation date and status."""
    with configured_database():
        for row in ApiKey.select().order_by(ApiKey.id):
            status = f"revoked {row.revoked_at:%Y-%m-%d %H:%M}" if row.revoked_at else "active"
            click.echo(f"{row.id}\t{row.name}\t{row.role}\t{row.prefix}...\t"
                       f"{row.created_at:%Y-%m-%d %H:%M}\t{status}")


@keys.command("revoke")
@click.argument("key_id", type=int)
def revoke(key_id):
    """Revoke a key by its id: it stops working at once."""
    from .auth import revoke_key

    with configured_database():
        if not revoke_key(key_id):
            click.echo(f"no active key has id {key_id}", err=True)
            sys.exit(1)
    click.echo(f"revoked key {key_id}")


if __name__ == "__main__":
    main()
