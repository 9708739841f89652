"""The one peewee database object, bound to a real database by `init_database`."""
from pathlib import Path

from peewee import DatabaseProxy
from playhouse.db_url import connect

database = DatabaseProxy()


def make_database(url):
    """Open a peewee database for a URL such as sqlite:///path or postgresql://user@host/db."""
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return connect(url, pragmas={"journal_mode": "wal", "foreign_keys": 1,
                                     "busy_timeout": 5000})
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    return connect(url)


def init_database(url):
    """Bind the shared proxy to the database at `url` and return it."""
    db = make_database(url)
    database.initialize(db)
    return db
