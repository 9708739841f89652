"""Configuration read from environment variables, with defaults that work on a laptop."""
import os
from pathlib import Path

from .engine.verdict import DEFAULT_MIN_SCORE

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = PROJECT_ROOT / "seeds"


def default_database_url():
    """A SQLite file in the working directory's instance folder."""
    return f"sqlite:///{Path.cwd() / 'instance' / 'crosscheck.sqlite3'}"


def from_environment():
    """Build the app configuration from the process environment."""
    return {
        "DATABASE_URL": os.environ.get("DATABASE_URL") or default_database_url(),
        "CROSSCHECK_SEEDS": os.environ.get("CROSSCHECK_SEEDS", str(DEFAULT_SEEDS)),
        "MIN_SCORE": float(os.environ.get("CROSSCHECK_MIN_SCORE", DEFAULT_MIN_SCORE)),
        "INDEX_SYNC_SECONDS": float(os.environ.get("CROSSCHECK_INDEX_SYNC_SECONDS", "1")),
        "CLAIMREVIEW_AUTHOR": os.environ.get("CLAIMREVIEW_AUTHOR", "Crosscheck"),
        "CLAIMREVIEW_AUTHOR_URL": os.environ.get("CLAIMREVIEW_AUTHOR_URL"),
        "PUBLIC_URL": os.environ.get("PUBLIC_URL"),
        "MAX_CONTENT_LENGTH": int(os.environ.get("CROSSCHECK_MAX_BODY", str(1024 * 1024))),
        "READS_NEED_KEY": _flag(os.environ.get("CROSSCHECK_READS_NEED_KEY")),
        "PROXY_HOPS": int(os.environ.get("CROSSCHECK_PROXY_HOPS", "0")),
        "RATELIMIT_ENABLED": _flag(os.environ.get("RATELIMIT_ENABLED", "1")),
        "RATELIMIT_DEFAULT": os.environ.get("RATELIMIT_DEFAULT", "300 per minute"),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_STORAGE_TIMEOUT": float(os.environ.get("RATELIMIT_STORAGE_TIMEOUT", "0.2")),
        "CORS_ORIGINS": [o.strip() for o in os.environ.get("CORS_ORIGINS", "").split(",")
                         if o.strip()],
        "IDEMPOTENCY_RETENTION_HOURS": float(os.environ.get("CROSSCHECK_IDEMPOTENCY_HOURS", "24")),
        "LOG_FORMAT": os.environ.get("CROSSCHECK_LOG_FORMAT", "json"),
    }


def _flag(value):
    return (value or "").strip().lower() in ("1", "true", "yes", "on")
