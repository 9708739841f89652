"""Engine time per check against the engine of another commit, in the same process.

    python benchmarks/compare_engine.py 31f8c5b [--passes 8] [--sets devset devset-unseen]
    python benchmarks/compare_engine.py 31f8c5b --claims 100000 [--queries 300] [--evidence]

The other commit's `service/engine` is extracted with `git archive` into a temporary folder and
imported as a separate package over the same claims and entities as the seed corpus (or, with
`--claims`, over a generated corpus and its queries, see bench_engine.py, each claim with a
supporting quote with `--evidence`); the two engines then
check every statement in alternated passes (limit 5). Prints each pass's median per check, the
medians of those and the median ratio (this engine / the other), and the same for the mean, which
is what a server's throughput follows.
"""
import argparse
import gc
import importlib
import io
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import replace
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_engine import corpus_files, load_records  # noqa: E402
from service.engine import EvidenceRecord, FactChecker, SourceInfo  # noqa: E402
from service.evaluation import checker_from_seeds, load_cases  # noqa: E402
from service.seeding import read_seed_folder  # noqa: E402


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


def times_ms(checker, statements):
    times = []
    for statement in statements:
        started = time.perf_counter()
        checker.check(statement, limit=5)
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(name, revision, passes):
    """Each pass's `name` figure per engine, then their medians and the ratio."""
    ratios = [ours / theirs for theirs, ours in passes]
    print(f"{name}: {revision} per pass (ms):", " ".join(f"{t:.3f}" for t, _ in passes))
    print(f"{name}: this engine per pass (ms):", " ".join(f"{o:.3f}" for _, o in passes))
    print(f"{name}: this engine {statistics.median(o for _, o in passes):.3f} ms, {revision} "
          f"{statistics.median(t for t, _ in passes):.3f} ms; ratio "
          f"{statistics.median(ratios):.2f} ({min(ratios):.2f} to {max(ratios):.2f})")


def seed_corpus(sets):
    """The seed corpus's checker, its claims and entities, and the statements of `sets`."""
    current = checker_from_seeds(ROOT / "seeds")
    entities = read_seed_folder(ROOT / "seeds")["entities"]
    statements = [case.statement for name in sets
                  for case in load_cases(ROOT / "benchmarks" / f"{name}.jsonl")]
    return current, list(current.matcher.index.claims.values()), entities, statements


def generated_corpus(size, queries, evidence=False):
    """A checker over a generated corpus of `size` claims, its claims, and its queries; with
    `evidence`, each claim gets a supporting quote (with_quotes)."""
    claims_path, queries_path = corpus_files(size, queries, ROOT / "benchmarks" / "data")
    claims = list(load_records(claims_path))
    if evidence:
        claims = with_quotes(claims)
    with open(queries_path, encoding="utf-8") as lines:
        statements = [json.loads(line)["statement"] for line in lines][:queries]
    return FactChecker(claims), claims, (), statements


def with_quotes(claims):
    """Each claim with a supporting quote that restates it with an attribution beside the next
    claim's fact ("A, officials said on Monday, and B"): one other wording per claim
    (engine/wordings.py), as a corpus whose claims gather other outlets' quotes has."""
    source = SourceInfo(id=1, title="Generated", ref="generated")
    return [replace(claim, evidence=(EvidenceRecord(
        source, "supports", f"{claim.text.rstrip('.')}, officials said on Monday, and "
                            f"{following.text}"),))
            for claim, following in zip(claims, [*claims[1:], *claims[:1]])]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    parser.add_argument("--passes", type=int, default=8)
    parser.add_argument("--sets", nargs="+", default=["devset", "devset-unseen"])
    parser.add_argument("--claims", type=int, help="a generated corpus of this size instead")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--evidence", action="store_true",
                        help="give each generated claim a supporting quote (with_quotes)")
    args = parser.parse_args()
    current, claims, entities, statements = (
        generated_corpus(args.claims, args.queries, args.evidence) if args.claims
        else seed_corpus(args.sets))
    with tempfile.TemporaryDirectory() as folder:
        other = engine_at(args.revision, folder)(claims, entities, min_score=current.min_score)
        del claims
        gc.freeze()  # as `crosscheck serve` does: both engines' objects out of the GC's scans
        passes = [(times_ms(other, statements), times_ms(current, statements))
                  for _ in range(args.passes)]
    print(f"{len(statements)} statements, {args.passes} alternated passes, limit 5")
    for name, statistic in (("median", statistics.median), ("mean", statistics.mean)):
        report(name, args.revision, [(statistic(theirs), statistic(ours))
                                     for theirs, ours in passes])


if __name__ == "__main__":
    main()
