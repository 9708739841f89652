"""Calibrate the engine's global scoring parameters jointly with its threshold, over every
labelled set (choose_threshold.py): for each setting of a small grid, sweep the threshold and
print the one it needs and the cases all right there.

    python benchmarks/calibrate.py [--recall-weights 1.0 1.5] [--stand-in-shares 0.5 0.6]
        [--rule-strengths 1 1.5] [--start 46] [--stop 58] [--step 1]

A setting is RECALL_WEIGHT and STAND_IN_SHARE (service/engine/matcher.py) and a strength for the
SCORE_RULES factors (service/engine/rules.py): each factor raised to that power (1: as they
are; 1.5: uniformly stronger, 0.4 -> 0.25, 0.9 -> 0.85). They are set on the modules in this one
process, no code edited, and every set's checker is built again under each setting. The best
setting has the most cases all right over all sets; among near ties (within NEAR_TIE cases) the
one with the lower threshold (more recall) is preferred.
"""
import argparse
import itertools
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.choose_threshold import choose, load_sets, sweep, threshold_range  # noqa: E402
from service.engine import matcher  # noqa: E402
from service.engine.verdict import DEFAULT_MIN_SCORE  # noqa: E402

NEAR_TIE = 2  # cases: settings this close in cases all right count as tied


def set_parameters(recall_weight, stand_in_share, rule_strength, base_rules):
    """Put a setting on the matcher module, where the engine reads it at every check."""
    matcher.RECALL_WEIGHT = recall_weight
    matcher.STAND_IN_SHARE = stand_in_share
    matcher.SCORE_RULES = tuple((rule, factor ** rule_strength) for rule, factor in base_rules)


def evaluate_setting(thresholds):
    """(the chosen threshold, {threshold: cases all right over all sets}, the sets, the per-set
    counts at the chosen threshold) under the parameters of the moment."""
    sets = load_sets()
    table = sweep(sets, thresholds)
    totals = {t: sum(counts) for t, counts in table.items()}
    chosen = choose(totals, DEFAULT_MIN_SCORE)
    return chosen, totals, sets, table[chosen]


def best_setting(results):
    """The setting with the most cases all right; among those within NEAR_TIE of it, the one
    with the lowest threshold."""
    most = max(total for _, _, total in results)
    return min((r for r in results if r[2] >= most - NEAR_TIE), key=lambda r: (r[1], -r[2]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recall-weights", type=float, nargs="+", default=[matcher.RECALL_WEIGHT])
    parser.add_argument("--stand-in-shares", type=float, nargs="+",
                        default=[matcher.STAND_IN_SHARE])
    parser.add_argument("--rule-strengths", type=float, nargs="+", default=[1.0])
    parser.add_argument("--start", type=float, default=46.0)
    parser.add_argument("--stop", type=float, default=58.0)
    parser.add_argument("--step", type=float, default=1.0)
    args = parser.parse_args()
    thresholds = threshold_range(args.start, args.stop, args.step)
    base_rules = matcher.SCORE_RULES

    results = []
    for setting in itertools.product(args.recall_weights, args.stand_in_shares,
                                     args.rule_strengths):
        set_parameters(*setting, base_rules)
        chosen, totals, sets, counts = evaluate_setting(thresholds)
        results.append((setting, chosen, totals[chosen]))
        shares = " ".join(f"{name.removeprefix('devset-')} {right / len(cases):.1%}"
                          for (name, cases, _), right in zip(sets, counts))
        print(f"recall {setting[0]:.2f} stand-in {setting[1]:.2f} rules ^{setting[2]:.2f}: "
              f"threshold {chosen:.1f}, {totals[chosen]} all right | "
              + " ".join(f"{t:g}:{n}" for t, n in totals.items()) + f" | {shares}", flush=True)
    setting, chosen, total = best_setting(results)
    print(f"best: recall {setting[0]:.2f} stand-in {setting[1]:.2f} rules ^{setting[2]:.2f} "
          f"at threshold {chosen:.1f}: {total} all right")


if __name__ == "__main__":
    main()
