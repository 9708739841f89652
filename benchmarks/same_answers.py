"""Whether this engine answers exactly as the engine of another commit: every field of `check`'s
result (matches, scores, explanations, verdicts, sources, figures, parts) compared statement by
statement, both engines built in the same process over the same corpus.

    python benchmarks/same_answers.py main [--claims 100000 --queries 300] [--clef]

Statements: every devset over the seed corpus, Derna's cases and held-out set over its seeds (when
../shared holds them), the generated corpus's queries with `--claims`, and with `--clef` the CLEF
2020 tweets searched (`Matcher.search`, as clef_retrieval.py ranks them) against its claims. For
speed work, where nothing an engine answers may change. Exits 1 when any answer differs.
"""
import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import service.corpus  # noqa: E402
from benchmarks import clef_retrieval  # noqa: E402
from benchmarks.compare_engine import engine_at, generated_corpus  # noqa: E402
from service.engine import FactChecker  # noqa: E402
from service.engine.matcher import Matcher  # noqa: E402
from service.engine.records import ClaimRecord  # noqa: E402
from service.evaluation import checker_from_seeds, load_cases  # noqa: E402

DERNA = ROOT.parent / "shared" / "stories" / "derna-floods"


def answer(result):
    """A result as comparable text: the same whichever engine's dataclasses hold it."""
    return json.dumps(dataclasses.asdict(result), sort_keys=True, default=repr)


def seed_checkers(folder, other):
    """This engine's checker over a seed folder and `other`'s, built the way eval builds it."""
    ours = checker_from_seeds(folder)
    service.corpus.FactChecker = other
    try:
        return ours, checker_from_seeds(folder)
    finally:
        service.corpus.FactChecker = FactChecker


def corpora(args, other):
    """(name, this engine's checker, the other's, statements) of each corpus compared."""
    ours, theirs = seed_checkers(ROOT / "seeds", other)
    yield "devsets", ours, theirs, [case.statement for path in sorted(
        (ROOT / "benchmarks").glob("devset*.jsonl")) for case in load_cases(path)]
    if (DERNA / "seeds").exists():
        ours, theirs = seed_checkers(DERNA / "seeds", other)
        yield "derna", ours, theirs, [
            case.statement for path in (DERNA / "cases.jsonl", ROOT / "benchmarks" /
                                        "derna-heldout.jsonl") for case in load_cases(path)]
    if args.claims:
        ours, claims, _, statements = generated_corpus(args.claims, args.queries)
        yield "generated", ours, other(claims, min_score=ours.min_score), statements


def differences(name, ours, theirs, statements):
    """How many statements the two checkers answer differently; the first few printed."""
    differ = 0
    for statement in statements:
        if answer(ours.check(statement, limit=5)) != answer(theirs.check(statement, limit=5)):
            differ += 1
            if differ <= 3:
                print(f"  {name}: differs on {statement!r}")
    return differ


def clef_differences(other_matcher):
    """How many CLEF tweets the two matchers rank differently (claims, scores, explanations)."""
    claims = clef_retrieval.load_claims(clef_retrieval.DEFAULT_FOLDER, titles=False)
    records = [ClaimRecord(id=claim_id, text=text) for claim_id, text in claims.items()]
    ours, theirs = Matcher(records), other_matcher(records)
    differ, tweets = 0, {}
    for split in ("dev", "train"):
        tweets.update(clef_retrieval.load_split(clef_retrieval.DEFAULT_FOLDER, split)[0])
    for text in tweets.values():
        found = [json.dumps([(c.id, s, dataclasses.asdict(e)) for c, s, e in
                             matcher.search(text, limit=clef_retrieval.DEPTH)], default=repr)
                 for matcher in (ours, theirs)]
        differ += found[0] != found[1]
    return differ, len(tweets)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    parser.add_argument("--claims", type=int, help="also a generated corpus of this size")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--clef", action="store_true", help="also the CLEF 2020 tweets")
    args = parser.parse_args()
    total = 0
    with tempfile.TemporaryDirectory() as folder:
        other = engine_at(args.revision, folder)
        for name, ours, theirs, statements in corpora(args, other):
            differ = differences(name, ours, theirs, statements)
            print(f"{name}: {len(statements)} statements, {differ} answered differently")
            total += differ
        if args.clef:
            other_matcher = sys.modules[other.__module__.rsplit(".", 1)[0] + ".matcher"].Matcher
            differ, tweets = clef_differences(other_matcher)
            print(f"clef: {tweets} tweets, {differ} ranked differently")
            total += differ
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
