"""Curate a story from its articles by accepting proposals only, then score it on its cases.

    python benchmarks/curate_from_proposals.py [--story ../shared/stories/derna-floods]
        [--min-worthiness 0.3] [--failures] [--claims]

The story's sources (seeds/sources) and entity table (seeds/entities.yaml) are taken as they are;
its hand-curated claims are not read. An editor who accepts proposals only is simulated, source by
source in order of publication:
1. alignment proposes the source as evidence for the claims accepted so far: every proposal is
   accepted as it is (a disagreement becomes contradicting evidence on the same claim);
2. extraction proposes the source's facts: each reaching --min-worthiness is accepted as a new
   claim, unless its quote already went in as supporting evidence in step 1 for a claim it
   states again (`alignment.restates`: all the claim's terms, or half of them where /check
   answers the fact's claim text with that claim); the rest are rejected.
Then, as an editor may ask `POST /sources/{id}/align` of any source at any time, every source is
aligned once more against the claims added after it, and every proposal accepted as in step 1: an
earlier outlet backs (or contradicts) a claim first made from a later one.
No quote, figure or claim text is typed by hand, so nothing is edited. The resulting corpus goes
through the seed rules (verbatim quotes, figures) and is loaded into an in-memory database, and
the story's cases.jsonl is scored on it beside the hand-curated corpus (service/evaluation.py).
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_extraction import claim_records  # noqa: E402
from service.alignment import align_proposals, restates, with_sentences  # noqa: E402
from service.corpus import build_checker  # noqa: E402
from service.db import database, init_database  # noqa: E402
from service.engine import FactChecker  # noqa: E402
from service.engine.extraction import Extractor  # noqa: E402
from service.engine.verdict import DEFAULT_MIN_SCORE  # noqa: E402
from service.evaluation import (checker_from_seeds, evaluate, format_report,  # noqa: E402
                                load_cases)
from service.models import create_tables  # noqa: E402
from service.seeding import load_corpus, read_seed_folder, validate_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORY = ROOT.parent / "shared" / "stories" / "derna-floods"


def curate(seeds_folder, min_worthiness):
    """(corpus built from accepted proposals, {outcome: count})."""
    curated = read_seed_folder(seeds_folder)
    corpus = {"sources": curated["sources"], "claims": [], "entities": curated["entities"],
              "vocabulary": curated["vocabulary"]}
    extractor = Extractor(corpus["entities"])
    tally = {"accepted": 0, "edited": 0, "rejected": 0}
    order = sorted(corpus["sources"], key=lambda s: (str(s.get("published") or ""), s["ref"]))
    added_before = {}  # source ref: how many claims there were before its own went in
    for source in order:
        ref, text = source["ref"], source["text"]
        proposals = extractor.propose(text)
        added_before[ref] = len(corpus["claims"])
        used = {(a.proposal.start, a.proposal.end)
                for checker, a in accept_alignments(corpus, ref, proposals, tally)
                if restates(checker, a)}
        for proposal in proposals:
            covered = any(start <= proposal.start and proposal.end <= end for start, end in used)
            if proposal.check_worthiness < min_worthiness or covered:
                tally["rejected"] += 1
                continue
            line = proposal.import_line({"source": ref})
            corpus["claims"].append({"ref": f"proposal-{len(corpus['claims']) + 1}",
                                     "_file": "proposals.yaml", **line})
            tally["accepted"] += 1
    for source in order:  # an earlier outlet backs, or not, the claims added after it
        later = corpus["claims"][added_before[source["ref"]]:]
        accept_alignments(corpus, source["ref"], extractor.propose(source["text"]), tally,
                          claims=later, earlier=True)
    problems = validate_corpus(corpus)
    if problems:
        raise SystemExit("the accepted proposals break the corpus rules:\n" + "\n".join(problems))
    return corpus, tally


def accept_alignments(corpus, ref, proposals, tally, claims=None, earlier=False):
    """Accept every alignment of source `ref` (its `proposals`) to `claims` (the corpus's claims
    by default, those not citing it yet): [(the checker aligned with, alignment)]."""
    candidates = [claim for claim in (corpus["claims"] if claims is None else claims)
                  if all(item["source"] != ref for item in claim["evidence"])]
    if not candidates:
        return []
    checker = FactChecker(claim_records({**corpus, "claims": candidates}), corpus["entities"],
                          vocabulary=corpus["vocabulary"])
    by_ref = {claim["ref"]: claim for claim in candidates}
    source = next(s for s in corpus["sources"] if s["ref"] == ref)
    accepted = []
    for alignment in align_proposals(checker, with_sentences(source["text"], proposals),
                                     corpus["entities"], published=source.get("published")):
        if earlier and alignment.decided_by == "figures" and alignment.stance != "supports":
            continue
        by_ref[alignment.claim.ref]["evidence"].append(
            alignment.proposal.evidence({"source": ref}, alignment.stance))
        tally["accepted"] += 1
        accepted.append((checker, alignment))
    return accepted


def score(checker, cases):
    report = evaluate(checker, cases)
    return report.accuracy, report.sources_accuracy, report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--story", type=Path, default=DEFAULT_STORY)
    parser.add_argument("--min-worthiness", type=float, default=0.3)
    parser.add_argument("--failures", action="store_true",
                        help="the full report of the corpus from proposals, with its failures")
    parser.add_argument("--claims", action="store_true",
                        help="list the accepted claims with their quotes and stances")
    args = parser.parse_args()
    cases = load_cases(args.story / "cases.jsonl")
    corpus, tally = curate(args.story / "seeds", args.min_worthiness)
    init_database("sqlite:///:memory:")
    with database.connection_context():
        create_tables()
        load_corpus(corpus)
        from_proposals = score(build_checker(DEFAULT_MIN_SCORE), cases)
    by_hand = score(checker_from_seeds(args.story / "seeds"), cases)
    print(f"{args.story.name}: {len(cases)} cases, {len(corpus['sources'])} sources")
    print(f"  proposals: accepted {tally['accepted']}, edited {tally['edited']}, "
          f"rejected {tally['rejected']}; {len(corpus['claims'])} claims, "
          f"{sum(len(c['evidence']) for c in corpus['claims'])} evidence items")
    for name, (verdicts, sources, _) in (("hand-curated", by_hand),
                                         ("from proposals", from_proposals)):
        print(f"  {name:<15} verdicts {verdicts:.1%}   verdict and sources {sources:.1%}")
    if args.claims:
        for claim in corpus["claims"]:
            print(f"- {claim['ref']}: {claim['text']}")
            for item in claim["evidence"]:
                print(f"    {item['stance']:<11} [{item['source']}] {item['quote']}")
    if args.failures:
        print(format_report(from_proposals[2], show_failures=True))


if __name__ == "__main__":
    main()
