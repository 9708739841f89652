"""Extraction and alignment against hand-curated gold.

    python benchmarks/bench_extraction.py [--seeds seeds ../shared/stories/derna-floods/seeds]
        [--no-align] [--misses]

Extraction, per seed folder, over every source: the share of curated figures proposed (a proposal
whose span overlaps the curated quote gives the same value and a matching label: see
`labels_match`), the share of curated quotes overlapping some proposal's span (coverage), and
precision: the share of proposals whose span overlaps some curated quote of that source. A
proposal overlapping no curated quote is counted wrong though it may well be checkable: curators
leave out facts no case asks about, so this precision is a floor. Ranking: the average precision
of the check-worthiness order at finding the curated proposals (1.0 puts all of them first).

Alignment, per source: the corpus without that source's evidence is loaded, the source is aligned
against it, and each curated evidence item of that source whose claim survived is counted found
when alignment proposes that claim with the curated stance.
"""
import argparse

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.alignment import align_proposals, with_sentences  # noqa: E402
from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo  # noqa: E402
from service.engine.extraction import Extractor  # noqa: E402
from service.engine.numbers import label_terms  # noqa: E402
from service.seeding import read_seed_folder  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = [ROOT / "seeds", ROOT.parent / "shared" / "stories" / "derna-floods" / "seeds"]
# Units as label words: a unit symbol stands for its word when labels are compared.
UNIT_WORDS = {"m": "metre", "km": "kilometre", "ft": "feet", "h": "hour", "d": "day",
              "mi": "mile", "t": "tonne", "%": "percent", "ha": "hectare"}


def labels_match(proposed, curated):
    """The general rule: labels match when they share a label stem (numbers.label_terms: stems,
    with the engine's synonyms merged, so "dead" meets "killed" and "deaths"), the proposed unit
    counting as a label word; a curated figure without a label matches on value alone."""
    if not curated.get("label"):
        return True
    if (curated["label"] == "year") != (proposed.get("label") == "year"):
        return False
    unit = proposed.get("unit")
    words = f"{proposed.get('label') or ''} {UNIT_WORDS.get(unit, unit or '')}"
    return bool(label_terms(words) & label_terms(curated["label"]))


def overlaps(one, other):
    return one[0] < other[1] and other[0] < one[1]


def gold_items(corpus):
    """{source ref: [(span, quote, numbers, claim ref, stance)]}, spans located in the text."""
    texts = {s["ref"]: s["text"] for s in corpus["sources"]}
    gold = {ref: [] for ref in texts}
    for claim in corpus["claims"]:
        for item in claim["evidence"]:
            start = texts[item["source"]].find(item["quote"])
            gold[item["source"]].append(((start, start + len(item["quote"])), item["quote"],
                                         item.get("numbers") or [], claim["ref"], item["stance"]))
    return texts, gold


def average_precision(relevant_flags):
    hits, total = 0, 0.0
    for rank, relevant in enumerate(relevant_flags, 1):
        if relevant:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def measure_extraction(corpus, show_misses=False):
    """Totals over a corpus: (figures found, figures, quotes covered, quotes, proposals right,
    proposals, [average precision per source])."""
    extractor = Extractor(corpus["entities"])
    texts, gold = gold_items(corpus)
    totals = dict(figures=0, figures_found=0, quotes=0, covered=0, proposals=0, right=0)
    ranking = []
    for ref, text in texts.items():
        proposals = extractor.propose(text)
        spans = [(p.start, p.end) for p in proposals]
        quotes = {(span, quote): numbers for span, quote, numbers, _, _ in gold[ref]}
        for (span, quote), numbers in quotes.items():
            near = [p for p in proposals if overlaps(span, (p.start, p.end))]
            totals["quotes"] += 1
            totals["covered"] += bool(near)
            if show_misses and not near:
                print(f"  uncovered [{ref}] {quote}")
            offered = [f.as_dict() for p in near for f in p.figures]
            for number in numbers:
                found = any(number["value"] in (f["value"], f["high"]) and labels_match(f, number)
                            for f in offered)
                totals["figures"] += 1
                totals["figures_found"] += found
                if show_misses and not found:
                    print(f"  figure missed [{ref}] {number} in {quote!r}; offered "
                          f"{[(f['text'], f['label'], f['unit']) for f in offered]}")
        relevant = [any(overlaps(s, span) for span, _ in quotes) for s in spans]
        if show_misses:
            for proposal in (p for p, right in zip(proposals, relevant) if not right):
                print(f"  no curated quote [{ref}] {proposal.quote}")
        totals["proposals"] += len(proposals)
        totals["right"] += sum(relevant)
        ranked = sorted(zip(proposals, relevant), key=lambda pr: (-pr[0].check_worthiness,
                                                                  pr[0].start))
        ranking.append(average_precision([r for _, r in ranked]))
    return totals, ranking


def share(part, whole):
    return f"{part / whole:.1%} ({part}/{whole})" if whole else "n/a"


def report_extraction(folder, show_misses):
    corpus = read_seed_folder(folder)
    totals, ranking = measure_extraction(corpus, show_misses)
    print(f"{folder}: {len(corpus['sources'])} sources")
    print(f"  figures proposed with value and label: "
          f"{share(totals['figures_found'], totals['figures'])}")
    print(f"  curated quotes covered by a proposal:  {share(totals['covered'], totals['quotes'])}")
    print(f"  precision (overlaps a curated quote):  {share(totals['right'], totals['proposals'])}")
    print(f"  check-worthiness ranking, mean AP:     {sum(ranking) / len(ranking):.3f}")


def claim_records(corpus, without=None):
    """The corpus's claims as engine records, leaving out the evidence of source `without` (and
    the claims only it bore on)."""
    sources = {s["ref"]: SourceInfo(id=number, title=s["title"], publisher=s.get("publisher"),
                                    published=s.get("published"), ref=s["ref"])
               for number, s in enumerate(corpus["sources"], 1)}
    records = []
    for number, claim in enumerate(corpus["claims"], 1):
        evidence = tuple(EvidenceRecord(source=sources[e["source"]], stance=e["stance"],
                                        quote=e["quote"], numbers=tuple(e.get("numbers") or ()))
                         for e in claim["evidence"] if e["source"] != without)
        if evidence:
            records.append(ClaimRecord(id=number, text=claim["text"].strip(), ref=claim["ref"],
                                       evidence=evidence))
    return records


def measure_alignment(corpus, show_misses=False):
    """{source ref: (curated items found with the right stance, curated items, proposals,
    proposals matching a curated item)} with each source held out in turn."""
    extractor = Extractor(corpus["entities"])
    results = {}
    for source in corpus["sources"]:
        ref = source["ref"]
        records = claim_records(corpus, without=ref)
        kept = {r.ref for r in records}
        checker = FactChecker(records, corpus["entities"], vocabulary=corpus["vocabulary"])
        proposed = {(a.claim.ref, a.stance): a for a in align_proposals(
            checker, with_sentences(source["text"], extractor.propose(source["text"])),
            corpus["entities"], published=source.get("published"))}
        gold = {(claim["ref"], item["stance"]) for claim in corpus["claims"]
                for item in claim["evidence"] if item["source"] == ref and claim["ref"] in kept}
        found = gold & set(proposed)
        if show_misses:
            for claim_ref, stance in sorted(gold - found):
                wrong = proposed.get((claim_ref, "supports" if stance == "contradicts"
                                      else "contradicts"))
                print(f"  alignment missed [{ref}] {stance} {claim_ref}"
                      + (f" (proposed the other stance from {wrong.proposal.quote!r})"
                         if wrong else ""))
        results[ref] = (len(found), len(gold), len(proposed), len(set(proposed) & gold))
    return results


def report_alignment(folder, show_misses):
    corpus = read_seed_folder(folder)
    results = measure_alignment(corpus, show_misses)
    print("  alignment, each source held out (found with the right stance / curated items; "
          "proposals, of which curated):")
    for ref, (found, gold, proposals, right) in results.items():
        print(f"    {ref:<40} {share(found, gold):<18} {proposals} proposed, {right} curated")
    found, gold, proposals, right = (sum(r[i] for r in results.values()) for i in range(4))
    print(f"    {'all':<40} {share(found, gold):<18} {proposals} proposed, {right} curated")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", nargs="+", type=Path, default=DEFAULT_FOLDERS)
    parser.add_argument("--misses", action="store_true", help="list what was missed")
    parser.add_argument("--no-align", action="store_true", help="measure extraction only")
    args = parser.parse_args()
    for folder in args.seeds:
        report_extraction(folder, args.misses)
        if not args.no_align:
            report_alignment(folder, args.misses)


if __name__ == "__main__":
    main()
