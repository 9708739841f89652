"""Choose the engine's default threshold over every labelled set: sweep thresholds, print each
set's share of cases all right (verdict, sources and, where a case names it, the matched claim),
the margin between the highest score a statement that should match nothing reaches and the lowest
score of a right match, and the threshold chosen.

    python benchmarks/choose_threshold.py [--start 40] [--stop 70] [--step 0.5]

Sets: benchmarks/devset*.jsonl over seeds/, and ../shared/stories/derna-floods (its cases and
benchmarks/derna-heldout*.jsonl over its seeds) when beside the project. The chosen threshold
has the most cases all right over all sets; among ties, it is the one nearest the middle of the
margin when the margin separates the sets' non-matches from their right matches, and otherwise
(a negative margin has no meaningful middle) the one nearest today's default, so that a tie never
moves the threshold further than the sets ask. It goes into
DEFAULT_MIN_SCORE (service/engine/verdict.py); tests/test_accuracy.py then holds each set's
figures there.
"""
import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from service.engine.verdict import DEFAULT_MIN_SCORE  # noqa: E402
from service.evaluation import checker_from_seeds, evaluate, load_cases  # noqa: E402

DERNA = REPO.parent / "shared" / "stories" / "derna-floods"
SCORED = 20  # matches per statement looked at: any of them above the threshold is answered


def labelled_sets():
    """[(name, cases file, seed folder)]: every devset, and the Derna story and its held-out sets
    when present."""
    sets = [(path.stem, path, REPO / "seeds")
            for path in sorted((REPO / "benchmarks").glob("devset*.jsonl"))]
    if DERNA.is_dir():
        sets.append(("derna-floods", DERNA / "cases.jsonl", DERNA / "seeds"))
        # the held-out sets, read during development, are development data now
        sets += [(path.stem, path, DERNA / "seeds")
                 for path in sorted((REPO / "benchmarks").glob("derna-heldout*.jsonl"))]
    return sets


def threshold_range(start, stop, step):
    """The thresholds from `start` to `stop` inclusive, `step` apart."""
    steps = int(round((stop - start) / step))
    return [round(start + i * step, 2) for i in range(steps + 1)]


def load_sets():
    """[(name, cases, checker)] for every labelled set, each checker built with the engine's
    parameters of the moment."""
    return [(name, load_cases(cases), checker_from_seeds(seeds))
            for name, cases, seeds in labelled_sets()]


def sweep(sets, thresholds):
    """{threshold: [cases all right, per set]}."""
    return {t: [sum(o.all_right for o in evaluate(checker, cases, min_score=t).outcomes)
                for _, cases, checker in sets] for t in thresholds}


def should_match_nothing(case):
    """A case naming no claim (`"claim": null`), or naming none at all and accepting only
    `unverified`."""
    return case.claim is None if case.names_claim else case.verdicts == {"unverified"}


def top_score(checker, statement):
    """The highest score any claim reaches for the statement, thresholds off: above it, the
    statement matches something."""
    matches = checker.check(statement, limit=SCORED, min_score=0).matches
    return max((m.score for m in matches), default=0.0)


def margin(checker, cases):
    """((highest score of a statement that should match nothing, the statement),
    (lowest score of a right match, the statement)), thresholds off; None where a set has none."""
    outcomes = evaluate(checker, cases, min_score=0).outcomes
    nothing = [(top_score(checker, o.case.statement), o.case.statement)
               for o in outcomes if should_match_nothing(o.case)]
    right = [(o.score, o.case.statement) for o in outcomes  # all right unmatched: no score
             if o.all_right and o.score is not None and not should_match_nothing(o.case)]
    return max(nothing, default=None), min(right, default=None)


def overall(margins):
    """The highest non-match and the lowest right match over every set's margin."""
    return (max((nothing for nothing, _ in margins if nothing), default=None),
            min((right for _, right in margins if right), default=None))


def describe(scored):
    """A (score, statement) pair in one short column."""
    if scored is None:
        return "-"
    score, statement = scored
    return f"{score:5.1f} {statement[:50]!r}"


def choose(right_by_threshold, middle):
    """The threshold with the most cases all right; among ties, the one nearest `middle`."""
    best = max(right_by_threshold.values())
    return min((t for t, right in right_by_threshold.items() if right == best),
               key=lambda t: (abs(t - middle), t))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=float, default=40.0)
    parser.add_argument("--stop", type=float, default=70.0)
    parser.add_argument("--step", type=float, default=0.5)
    args = parser.parse_args()
    thresholds = threshold_range(args.start, args.stop, args.step)

    sets = load_sets()
    table = sweep(sets, thresholds)

    print("cases all right (verdict, sources, claim), per set:")
    print(f"{'threshold':>9}" + "".join(f"{name.removeprefix('devset-'):>14}"
                                        for name, _, _ in sets) + f"{'all':>8}")
    for t, counts in table.items():
        print(f"{t:>9.1f}" + "".join(f"{right / len(cases):>14.1%}"
                                     for right, (_, cases, _) in zip(counts, sets))
              + f"{sum(counts):>8}")

    print("\nmargin: the highest score of a statement that should match nothing against the "
          "lowest score of a right match (thresholds off)")
    margins = [margin(checker, cases) for _, cases, checker in sets]
    print(f"{'set':<16}{'highest non-match':<64} lowest right match")
    for (name, _, _), (nothing, right) in zip(sets + [("all sets", None, None)],
                                              margins + [overall(margins)]):
        print(f"{name:<16}{describe(nothing):<64} {describe(right)}")
    nothing, right = overall(margins)
    middle = (nothing[0] + right[0]) / 2 if nothing and right else DEFAULT_MIN_SCORE
    if nothing and right:
        print(f"margin: {right[0] - nothing[0]:+.1f} (a negative margin: no threshold separates "
              f"them all; middle {middle:.2f})")
    separates = bool(nothing and right) and right[0] > nothing[0]
    chosen = choose({t: sum(counts) for t, counts in table.items()},
                    middle if separates else DEFAULT_MIN_SCORE)
    print(f"chosen threshold: {chosen:.1f} (DEFAULT_MIN_SCORE is {DEFAULT_MIN_SCORE:.1f})")


if __name__ == "__main__":
    main()
