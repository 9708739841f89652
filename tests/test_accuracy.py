"""Accuracy floors: every devset, the Derna story's cases and the two held-out Derna sets (scored
against the story's seeds beside the project), scored by `crosscheck eval`'s own
functions at the engine's default threshold, must stay at or above their floors, so that a
threshold or rule change that costs accuracy turns CI red.

Each floor is the figure measured on 3 Dec 2026 minus 2.5 points: room for engine work that moves
a set by up to 2 points, none for a real loss. Raise a floor when a set's figure rises for good.
"""
from functools import cache
from pathlib import Path

import pytest

from service.evaluation import checker_from_seeds, evaluate, load_cases

from .conftest import DERNA, PROJECT_SEEDS

# Set: floors in percent for (verdict right, verdict and sources right, matched claim right);
# None where the set's cases name no claim.
FLOORS = {
    "devset.jsonl": (97.5, 97.5, 94.9),
    "devset-blind.jsonl": (97.5, 97.5, 97.5),
    "devset-blind2.jsonl": (94.6, 94.6, 91.7),
    "devset-review.jsonl": (97.5, 97.5, 74.4),
    "devset-unseen.jsonl": (97.5, 97.5, 97.5),
    "devset-unseen2.jsonl": (97.5, 97.5, 95.1),
    "devset-unseen3.jsonl": (97.5, 97.5, 94.6),
    # Derna after roles, para (stand-ins, slips), quant (counts, dates), extract: 96.7 / 96.7
    "derna-floods": (94.2, 94.2, None),
    # held out, written 3 Dec 2026 at 49c3367: 73.8 / 71.4 then; 85.7 / 83.3 at the merge of para;
    # 95.2 / 95.2 after branch general (weekdays, places, named speakers, hedges, "rejected")
    "derna-heldout": (92.7, 92.7, None),
    # second held-out set, written 3 Dec 2026: 50.0 / 47.6 then; 66.7 / 64.3 after quant2;
    # 71.4 / 69.0 after general2 (an office names its one holder as speaker; adverbs of two words)
    "derna-heldout2": (68.9, 66.5, None),
    # third held-out set, written 3 Dec 2026 and kept from every engineer but the lead until the
    # last merge: 52.4 / 52.4 then (d18369a); 59.5 / 59.5 at its commit (nothing tuned on it)
    "derna-heldout3": (57.0, 57.0, None),
    # fourth held-out set, written blind 3 Dec 2026 (evening) and kept from every engineer who
    # changed the engine: 76.2 / 66.7 on its first run (a529230 without the meaning reach);
    # 78.6 / 69.0 at its commit
    "derna-heldout4": (76.0, 66.5, None),
}

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
DEVSETS = sorted(path.name for path in BENCHMARKS.glob("devset*.jsonl"))
# Sets scored against the Derna story's seeds: its own cases, and the held-out sets kept here.
DERNA_SETS = {"derna-floods": DERNA / "cases.jsonl",
              "derna-heldout": BENCHMARKS / "derna-heldout.jsonl",
              "derna-heldout2": BENCHMARKS / "derna-heldout2.jsonl",
              "derna-heldout3": BENCHMARKS / "derna-heldout3.jsonl",
              "derna-heldout4": BENCHMARKS / "derna-heldout4.jsonl"}


@cache
def checker(seeds):
    """One engine per seed folder, at the default threshold, shared by the sets it serves."""
    return checker_from_seeds(seeds)


def test_every_devset_has_a_floor():
    assert set(DEVSETS) | set(DERNA_SETS) == set(FLOORS)


def cases_and_seeds(name):
    if name not in DERNA_SETS:
        return BENCHMARKS / name, PROJECT_SEEDS
    if not DERNA.is_dir():
        pytest.skip("../shared/stories/derna-floods is not beside the project")
    return DERNA_SETS[name], DERNA / "seeds"


@pytest.mark.parametrize("name", DEVSETS + list(DERNA_SETS))
def test_accuracy_stays_above_its_floor(name):
    cases, seeds = cases_and_seeds(name)
    report = evaluate(checker(seeds), load_cases(cases))
    claim = report.claim_accuracy
    measured = (100 * report.accuracy, 100 * report.sources_accuracy,
                None if claim is None else 100 * claim)
    for what, figure, floor in zip(("verdict", "sources", "claim"), measured, FLOORS[name]):
        assert (figure is None) == (floor is None), f"{name}: {what} is scored iff it has a floor"
        assert figure is None or figure >= floor, f"{name}: {what} {figure:.1f}% < {floor}%"
