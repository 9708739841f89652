"""Deterministic synthetic corpora for the scale benchmarks: claims and queries whose answer is known.

Claims read like wire copy reduced to word frequencies: English words drawn with their real
frequencies (wordfreq), named people, places and organisations (Faker, seeded) drawn with a Zipf
skew so a few are everywhere and most are rare, and figures with a qualifier and what they count.
Queries are rewrites of known claims (words dropped, a typo, a figure changed, a negation added),
plus statements about nothing in the corpus, whose right answer is no match.

    python benchmarks/generate_corpus.py --claims 100000 --queries 500 --out benchmarks/data

writes claims-100000.jsonl (the `crosscheck import` format) and queries-100000.jsonl.
"""
import argparse
import itertools
import json
import random
from pathlib import Path

VOCABULARY_SIZE = 30_000
ENTITY_POOL = 6_000
COUNT_NOUNS = ("people", "civilians", "soldiers", "residents", "votes", "jobs", "homes", "schools",
               "tonnes", "dollars", "euros", "patients", "refugees", "troops", "vehicles", "flights")
QUALIFIERS = ("", "", "", "at least ", "about ", "more than ", "nearly ", "up to ")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve")
QUERY_KINDS = ("reworded", "typo", "figure_changed", "negated", "unrelated")


class CorpusGenerator:
    """Everything derives from `seed`: the same seed gives the same corpus, byte for byte."""

    def __init__(self, seed=2023):
        from faker import Faker
        from wordfreq import get_frequency_dict

        frequencies = get_frequency_dict("en")
        ranked = sorted(((f, w) for w, f in frequencies.items() if len(w) > 1 and w.isalpha() and w.isascii()),
                        reverse=True)[:VOCABULARY_SIZE]
        self.words = [w for _, w in ranked]
        self.word_weights = list(itertools.accumulate(f for f, _ in ranked))
        fake = Faker("en_US")
        fake.seed_instance(seed)
        makers = (fake.name, fake.city, fake.country, fake.company, fake.last_name)
        pool = {}
        for maker in itertools.cycle(makers):
            pool.setdefault(maker().replace(",", ""), None)
            if len(pool) == ENTITY_POOL:
                break
        self.entities = list(pool)
        self.entity_weights = list(itertools.accumulate(1 / (rank + 1) ** 0.9
                                                        for rank in range(len(self.entities))))
        self.seed = seed

    def _words(self, rng, count):
        return rng.choices(self.words, cum_weights=self.word_weights, k=count)

    def _entity(self, rng):
        return rng.choices(self.entities, cum_weights=self.entity_weights)[0]

    def _figure(self, rng):
        if rng.random() < 0.3:
            number = rng.choice(NUMBER_WORDS)
        else:
            number = f"{rng.choice((rng.randint(2, 99), rng.randint(100, 9999), rng.randint(1, 900) * 1000)):,}"
        return f"{rng.choice(QUALIFIERS)}{number} {rng.choice(COUNT_NOUNS)}"

    def claim_text(self, rng):
        """One claim: an entity, 8-18 frequency-drawn words, maybe a figure and a second entity."""
        parts = [self._entity(rng), *self._words(rng, rng.randint(8, 18))]
        if rng.random() < 0.6:
            parts.insert(rng.randint(2, len(parts)), self._figure(rng))
        if rng.random() < 0.5:
            parts.extend(["in", self._entity(rng)])
        return " ".join(parts) + "."

    def claims(self, count):
        """`count` claims as import lines: {"ref", "text"}."""
        rng = random.Random(self.seed)
        for number in range(count):
            yield {"ref": f"gen-{number}", "text": self.claim_text(rng)}

    def queries(self, claims, count):
        """`count` statements, each with the ref it should match (None for unrelated ones)."""
        rng = random.Random(self.seed + 1)
        claims = list(claims)
        for number in range(count):
            kind = QUERY_KINDS[number % len(QUERY_KINDS)]
            if kind == "unrelated":
                yield {"statement": self.claim_text(rng), "expect": None, "kind": kind}
                continue
            claim = rng.choice(claims)
            yield {"statement": rewrite(claim["text"], kind, rng), "expect": claim["ref"],
                   "kind": kind}


def rewrite(text, kind, rng):
    """A statement a journalist might write about the claim: fewer words, a slip, a change."""
    tokens = text.rstrip(".").split()
    kept = [t for t in tokens if not t.isalpha() or t[0].isupper() or rng.random() > 0.25]
    if kind == "typo":
        longest = max(range(len(kept)), key=lambda i: (len(kept[i]) * kept[i].isalpha(), -i))
        word = kept[longest]
        if len(word) > 4:
            at = rng.randint(1, len(word) - 3)
            kept[longest] = word[:at] + word[at + 1] + word[at] + word[at + 2:]
    elif kind == "figure_changed":
        kept = [str(rng.randint(2, 500)) if t.replace(",", "").isdigit()
                else rng.choice([w for w in NUMBER_WORDS if w != t]) if t in NUMBER_WORDS else t
                for t in kept]
    elif kind == "negated":
        kept.insert(min(2, len(kept)), "not")
    return " ".join(kept)


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    generator = CorpusGenerator(args.seed)
    claims = list(generator.claims(args.claims))
    write_jsonl(args.out / f"claims-{args.claims}.jsonl", claims)
    write_jsonl(args.out / f"queries-{args.claims}.jsonl", generator.queries(claims, args.queries))
    print(f"wrote {args.claims} claims and {args.queries} queries to {args.out}")


if __name__ == "__main__":
    main()
