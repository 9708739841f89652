"""Engine time per check against the engine of another commit, in the same process.

    python benchmarks/compare_engine.py 31f8c5b [--passes 8] [--sets devset devset-unseen]

The other commit's `service/engine` is extracted with `git archive` into a temporary folder and
imported as a separate package over the same claims and entities as the seed corpus; the two
engines then check every statement of the given sets in alternated passes (limit 5). Prints each
pass's median per check, the medians of those and the median ratio (this engine / the other).
"""
import argparse
import importlib
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.evaluation import checker_from_seeds, load_cases  # noqa: E402


def engine_at(revision, folder):
    """The FactChecker class of `revision`, imported as the package `engine_<revision>`."""
    archive = subprocess.run(["git", "archive", revision, "service/engine"], cwd=ROOT,
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    package = f"engine_{revision}"
    (Path(folder) / "service" / "engine").rename(Path(folder) / package)
    sys.path.insert(0, folder)
    return importlib.import_module(package).FactChecker


def median_ms(checker, statements):
    times = []
    for statement in statements:
        started = time.perf_counter()
        checker.check(statement, limit=5)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    parser.add_argument("--passes", type=int, default=8)
    parser.add_argument("--sets", nargs="+", default=["devset", "devset-unseen"])
    args = parser.parse_args()
    current = checker_from_seeds(ROOT / "seeds")
    statements = [case.statement for name in args.sets
                  for case in load_cases(ROOT / "benchmarks" / f"{name}.jsonl")]
    with tempfile.TemporaryDirectory() as folder:
        other = engine_at(args.revision, folder)(
            list(current.matcher.index.claims.values()),
            yaml.safe_load((ROOT / "seeds" / "entities.yaml").read_text(encoding="utf-8")),
            min_score=current.min_score)
        passes = [(median_ms(other, statements), median_ms(current, statements))
                  for _ in range(args.passes)]
    ratios = [ours / theirs for theirs, ours in passes]
    print(f"{len(statements)} statements, {args.passes} alternated passes, limit 5")
    print(f"{args.revision} per pass (ms):", " ".join(f"{t:.2f}" for t, _ in passes))
    print("this engine per pass (ms):", " ".join(f"{o:.2f}" for _, o in passes))
    print(f"median: this engine {statistics.median(o for _, o in passes):.2f} ms, "
          f"{args.revision} {statistics.median(t for t, _ in passes):.2f} ms; ratio "
          f"{statistics.median(ratios):.2f} ({min(ratios):.2f} to {max(ratios):.2f})")


if __name__ == "__main__":
    main()
