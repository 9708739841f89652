"""Engine latency at scale, against brute force in the same run.

    python benchmarks/bench_engine.py --claims 100000 --queries 500

Builds the engine over a generated corpus (benchmarks/generate_corpus.py; made first if missing),
then checks every query three ways:

- engine: `FactChecker.check`, the index picking candidates (latency p50/p99);
- exhaustive: the engine's own scoring over every claim that shares a term with the statement
  (every other claim scores 0), i.e. what the index must reproduce: top-5 overlap is against this;
- rapidfuzz: `process.extract` with token_set_ratio over every claim text, the brute force the
  issue prices at ~2.4 us per claim.

Prints build time, resident memory, latencies, speed-up ratios, top-5 overlap and how often each
way ranks the known right claim first. One size per run, so resident memory is that size's alone.
"""
import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate_corpus import CorpusGenerator, write_jsonl  # noqa: E402
from service.engine import ClaimRecord, FactChecker  # noqa: E402
from service.engine.index import ClaimIndex  # noqa: E402

TOP = 5


def resident_mb():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096 / 1e6


def corpus_files(size, queries, folder):
    """The generated claims and queries for `size`, generated now if not on disk."""
    claims_path, queries_path = folder / f"claims-{size}.jsonl", folder / f"queries-{size}.jsonl"
    if not claims_path.exists() or sum(1 for _ in open(queries_path)) < queries:
        folder.mkdir(parents=True, exist_ok=True)
        generator = CorpusGenerator()
        claims = list(generator.claims(size))
        write_jsonl(claims_path, claims)
        write_jsonl(queries_path, generator.queries(claims, queries))
    return claims_path, queries_path


def load_records(path):
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            row = json.loads(line)
            yield ClaimRecord(id=number, text=row["text"], ref=row["ref"])


def rebuilt_index(matcher):
    """The index alone, built again from the terms the engine's index holds (read back as it
    goes): its share of the build time."""
    index = ClaimIndex()
    index.add_all((matcher.claim(claim_id), terms)
                  for claim_id, terms in matcher.index.terms.items())
    index.candidates(list(index.term_ids)[:1])  # computes claim weights, as a first search does
    return index


def exhaustive_search(matcher, statement, limit, min_score):
    """The matcher's own search with every claim sharing a term as a candidate: no index cut-off."""
    index = matcher.index
    index.candidates = lambda terms, *args, **kwargs: index.claims_with_any(terms)
    try:
        return matcher.search(statement, limit=limit, min_score=min_score)
    finally:
        del index.candidates


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, (time.perf_counter() - start) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--brute-queries", type=int, default=None,
                        help="how many of the queries also go through both brute forces "
                             "(default: all)")
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()

    claims_path, queries_path = corpus_files(args.claims, args.queries, args.data)
    queries = [json.loads(line) for line in open(queries_path, encoding="utf-8")][:args.queries]
    base_mb = resident_mb()
    records = list(load_records(claims_path))
    records_mb = resident_mb()
    checker, build_ms = timed(FactChecker, records)
    gc.freeze()  # as `crosscheck serve` does once the index is built
    held_mb = resident_mb()
    matcher = checker.matcher
    index, index_ms = timed(rebuilt_index, matcher)
    index_mb = resident_mb() - held_mb
    del index
    by_ref = {r.ref: r.id for r in records}
    texts = [r.text for r in records]
    del records

    engine_ms, exhaustive_ms, rapidfuzz_ms = [], [], []
    overlap = compared = overlap_served = compared_served = 0
    right = {"engine": 0, "exhaustive": 0, "rapidfuzz": 0}
    expected = 0
    brute_queries = queries[:args.brute_queries or len(queries)]
    for query in queries:
        _, elapsed = timed(checker.check, query["statement"])
        engine_ms.append(elapsed)
    for query in brute_queries:
        statement = query["statement"]
        engine = [c.id for c, _, _ in matcher.search(statement, limit=TOP, min_score=0)]
        exhaustive, elapsed = timed(exhaustive_search, matcher, statement, TOP, 0)
        exhaustive_ms.append(elapsed)
        served = [c.id for c, _, _ in matcher.search(statement, limit=TOP,
                                                     min_score=checker.min_score)]
        overlap_served += len(set(served) & {c.id for c, s, _ in exhaustive
                                             if s >= checker.min_score})
        compared_served += sum(s >= checker.min_score for _, s, _ in exhaustive)
        exhaustive = [c.id for c, _, _ in exhaustive]
        fuzzy, elapsed = timed(process.extract, statement, texts, scorer=fuzz.token_set_ratio,
                               limit=TOP)
        rapidfuzz_ms.append(elapsed)
        fuzzy = [position + 1 for _, _, position in fuzzy]
        overlap += len(set(engine) & set(exhaustive))
        compared += len(exhaustive)
        if query["expect"]:
            expected += 1
            want = by_ref[query["expect"]]
            for name, ranked in (("engine", engine), ("exhaustive", exhaustive),
                                 ("rapidfuzz", fuzzy)):
                right[name] += bool(ranked) and ranked[0] == want

    p50, p99 = statistics.median(engine_ms), percentile(engine_ms, 0.99)
    print(f"claims {args.claims:,}  queries {len(queries)} (brute force on {len(brute_queries)})")
    print(f"build {build_ms / 1000:.1f} s (the index alone {index_ms / 1000:.1f} s, the rest is "
          f"the matcher's text analysis); resident {held_mb:.0f} MB "
          f"(claim records {records_mb - base_mb:.0f} MB, engine {held_mb - records_mb:.0f} MB, "
          f"of which the index about {index_mb:.0f} MB)")
    print(f"engine check       p50 {p50:8.2f} ms  p99 {p99:8.2f} ms")
    for name, values in (("exhaustive scoring", exhaustive_ms),
                         ("rapidfuzz brute  ", rapidfuzz_ms)):
        median = statistics.median(values)
        print(f"{name} p50 {median:8.2f} ms  p99 {percentile(values, 0.99):8.2f} ms  "
              f"engine is {median / p50:,.0f}x faster (p50)")
    print(f"top-{TOP} overlap with exhaustive scoring: {overlap}/{compared} = "
          f"{100 * overlap / max(compared, 1):.2f}% at any score; {overlap_served}/"
          f"{compared_served} = {100 * overlap_served / max(compared_served, 1):.2f}% of those "
          f"scoring at least the default min_score {checker.min_score:g}")
    print("known right claim ranked first: " + ", ".join(
        f"{name} {count}/{expected}" for name, count in right.items()))


if __name__ == "__main__":
    main()
