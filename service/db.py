"""The one peewee database object, bound to a real database by `init_database`."""
from pathlib import Path

from peewee import DatabaseProxy
from playhouse.db_url import connect

database = DatabaseProxy()


def make_database(url, busy_timeout_ms=5000):
    """Open a peewee database for a URL such as sqlite:///path or postgresql://user@host/db.

    On SQLite a writer waits up to `busy_timeout_ms` for another writer's lock before failing.
    """
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return connect(url, pragmas={"journal_mode": "wal", "foreign_keys": 1,
                                     "busy_timeout": busy_timeout_ms})
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    return connect(url)


def init_database(url, busy_timeout_ms=5000):
    """Bind the shared proxy to the database at `url` and return it."""
    db = make_database(url, busy_timeout_ms)
    database.initialize(db)
    return db
