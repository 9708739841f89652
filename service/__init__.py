"""Crosscheck: check a statement against curated, sourced claims."""
import logging

from flask import Flask

from . import config as settings
from .api import Api, spec_options
from .auth import init_auth
from .blueprints import (check, claims, docs, entities, evidence, extraction, feeds, health,
                         imports, pages, sources, vocabulary)
from .corpus import LiveChecker, UnanalysableClaim
from .db import database, init_database
from .errors import problem
from .http_caching import init_http_caching
from .limits import init_limits
from .models import corpus_is_empty, create_tables
from .observability import init_observability
from .seeding import seed

log = logging.getLogger(__name__)


def bootstrap(app):
    """Create the tables and, in an empty database, load the configured seed folder."""
    with database.connection_context():
        create_tables()
        seeds = app.config["CROSSCHECK_SEEDS"]
        if seeds and seeds.lower() != "none" and corpus_is_empty():
            report = seed(seeds)
            log.info("loaded seeds from %s: %s", seeds, report.added)
        app.extensions["crosscheck"] = LiveChecker(app.config["MIN_SCORE"],
                                                   app.config["INDEX_SYNC_SECONDS"])


def create_app(config=None):
    """The app factory: environment settings, overridden by `config` (tests pass their own)."""
    app = Flask(__name__)
    app.json.sort_keys = False  # keep the schemas' field order: statement and verdict first
    app.config.update(settings.from_environment())
    app.config.update(spec_options())
    app.config.update(config or {})
    init_database(app.config["DATABASE_URL"], app.config.get("SQLITE_BUSY_TIMEOUT_MS", 5000))

    @app.before_request
    def sync_index():
        """Connects only when the change log is due a look: peewee opens the request's connection
        on its first query, so a check served from the index costs no connection at all."""
        app.extensions["crosscheck"].sync()

    @app.teardown_request
    def close(exc):
        if not database.is_closed():
            database.close()

    api = Api(app)
    app.register_error_handler(UnanalysableClaim, lambda error: problem(
        422, detail=str(error), errors={"text": [str(error)]}))
    init_limits(app)  # before the key checks, so that refused requests count too
    init_auth(app, api)
    for module in (check, claims, evidence, imports, sources, entities, vocabulary, extraction,
                   feeds, health):
        api.register_blueprint(module.blp)
    app.register_blueprint(docs.blp)
    init_observability(app)
    app.register_blueprint(pages.blp)
    init_http_caching(app)
    bootstrap(app)
    return app
