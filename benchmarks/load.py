"""Load on loopback: a fresh SQLite (or DATABASE_URL) server with the project's seeds, several
clients mixing writes, checks and reads; prints throughput and latency by kind.

    python benchmarks/load.py [--seconds 10] [--clients 4] [--workers 2]
"""
import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.load import drive, served, summary  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder}/load.sqlite3"
        with served(url, ROOT / "seeds", workers=args.workers) as (port, key):
            results, written = drive(port, key, seconds=args.seconds, clients=args.clients)
    print(f"{args.clients} clients, {args.workers} workers, {url.split(':')[0]}")
    print(summary(results, args.seconds))
    print(f"  {len(written)} claims written")


if __name__ == "__main__":
    main()
