"""How long a worker's checks wait while it rebuilds its engine for changed names.

    python benchmarks/bench_rebuild.py --claims 100000 --queries 300

Imports the generated corpus into SQLite once (as bench_http.py does), builds the service's
LiveChecker over it, then checks the queries in rounds: with nothing else happening, and while
another thread runs the sync that follows a name change (an entity alias added, logged in the name
change log), which reads the corpus and rebuilds the engine in the background. Each check is
preceded by the sync every request runs (due once a second, as served). Prints the rebuild's time
(read + build + swap), and check latency p50/p99/max idle, during the rebuild and after it.
"""
import argparse
import gc
import json
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_engine import corpus_files, percentile  # noqa: E402
from benchmarks.bench_http import prepared_database  # noqa: E402
from service import corpus  # noqa: E402
from service.db import database, init_database  # noqa: E402
from service.engine.verdict import DEFAULT_MIN_SCORE  # noqa: E402
from service.models import Entity, record_name_change, write_transaction  # noqa: E402


def checked(live, statements, until=None):
    """Check each statement (after the sync every request runs), round after round until
    `until()` is true, or once; returns the latencies in ms."""
    latencies = []
    while True:
        for statement in statements:
            start = time.perf_counter()
            with database.connection_context():
                live.sync()
                live.check(statement)
            latencies.append((time.perf_counter() - start) * 1000)
            if until is not None and until():
                return latencies
        if until is None:
            return latencies


def summary(latencies):
    return (f"{len(latencies)} checks, p50 {percentile(latencies, 0.5):.2f} ms, "
            f"p99 {percentile(latencies, 0.99):.2f} ms, max {max(latencies):.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()
    claims_path, queries_path = corpus_files(args.claims, args.queries, args.data)
    statements = [json.loads(line)["statement"]
                  for line in open(queries_path, encoding="utf-8")][:args.queries]
    init_database(prepared_database(claims_path, args.data))
    with database.connection_context():
        started = time.perf_counter()
        live = corpus.LiveChecker(DEFAULT_MIN_SCORE)  # syncs once a second, as served
        print(f"start-up build: {time.perf_counter() - started:.1f} s over {len(live):,} claims")
    gc.freeze()  # as `crosscheck serve` does: a rebuild then collects the old engine and refreezes
    checked(live, statements)  # warm-up: caches filled, as in a worker that has served a while
    print("idle:           ", summary(checked(live, statements)))

    with database.connection_context(), write_transaction():
        Entity.insert(name=f"Bench Entity {time.time_ns()}", aliases=["Bench Alias"]).execute()
        record_name_change("entity")
    done, took = threading.Event(), {}

    def rebuild():
        start = time.perf_counter()
        with database.connection_context():
            live.sync(force=True)
            while live.rebuild is not None:  # a later sync swaps it in
                time.sleep(0.05)
                live.sync(force=True)
        took["rebuild"] = time.perf_counter() - start
        done.set()
    thread = threading.Thread(target=rebuild)
    thread.start()
    during = checked(live, statements, until=done.is_set)
    thread.join()
    print(f"rebuild (read, build, swap): {took['rebuild']:.1f} s")
    print("during rebuild: ", summary(during))
    print("after:          ", summary(checked(live, statements)))


if __name__ == "__main__":
    main()
