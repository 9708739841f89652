"""Robustness: the engine never raises on text. Feeds it real text in bulk (every CLEF 2020 task 2
claim, title and tweet, the seed articles, every file under the stories) and generated phrases full
of figures, each as a statement checked against real claims and as a claim of its own checker
checked against, and prints how many texts were fed, how many calls the engine refused
(TextRefused) and how many raised.

    python benchmarks/robustness.py [--phrases 100000] [--seed 13] [--shared ../shared]

Target: zero exceptions. tests/test_engine_robust.py runs a seeded sample of the same.
"""
import argparse
import csv
import datetime
import random
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from service.engine import (ClaimRecord, EvidenceRecord, FactChecker, SourceInfo,  # noqa: E402
                            TextRefused)
from service.engine.numbers import QUALIFIERS, SCALES, TENS, UNITS, extract_figures  # noqa: E402
from service.evaluation import checker_from_seeds  # noqa: E402

SHARED = REPO.parent / "shared"
PROJECT_SEEDS = REPO / "seeds"
SOURCE = SourceInfo(id=1, title="Fed text", publisher="Robustness",
                    published=datetime.date(2023, 9, 20))
EXAMPLES_KEPT = 5


# Real text ---------------------------------------------------------------------------------------

def read_tsv(path):
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t"))[1:]


def clef_texts(shared):
    """Every fact-checked claim and its title, and every tweet, of the CLEF benchmark."""
    folder = shared / "benchmarks" / "clef2020-task2"
    texts = [text for row in read_tsv(folder / "verified_claims.docs.tsv") for text in row[1:3]]
    for split in ("train", "dev"):
        texts += [row[1] for row in read_tsv(folder / split / "tweets.queries.tsv")]
    return texts


def file_texts(folder):
    """Every file under `folder`, whole and line by line (articles, cases, seeds, scripts)."""
    texts = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        texts += [text, *(line for line in text.splitlines() if line.strip())]
    return texts


def bulk_texts(shared):
    """{name: texts} of all the real text under `shared`."""
    return {"clef2020-task2": clef_texts(shared),
            "seed-articles": file_texts(shared / "seed-articles"),
            "stories": file_texts(shared / "stories")}


def clef_claims(shared, limit=None):
    rows = read_tsv(shared / "benchmarks" / "clef2020-task2" / "verified_claims.docs.tsv")
    return [ClaimRecord(id=100_000 + int(row[0]), text=row[1]) for row in rows[:limit]]


# Generated phrases -------------------------------------------------------------------------------

DIGIT_ZEROS = [0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0xFF10, 0x1D7CE]  # Arabic-Indic ... full-width
NOUNS = ["people were killed", "residents fled", "homes were destroyed", "troops", "dead",
         "missing", "of the vote", "km from the coast", "", "wounded in the city", "years"]
LEADS = ["", "Officials said", "Moreover", "Turnover", "The toll rose to", "Russia did n't say",
         "It was commonly", "The founder said", "On Monday", "Prices rose", "n't"]
JUNK = ["", "\u200d", "\u200f", "\u0301", "\U0001F30A", "\x00", "\x0b", "\ufeff", "\u2028",
        "\ud800", "'t", "--", "%", "$", "\u00a0"]
MONTHS = ["September", "Sept.", "Sep", "May", "February", "december"]


class PhraseGenerator:
    """Phrases that combine qualifiers with every shape of figure a text can hold; seeded."""

    def __init__(self, seed=13):
        self.rng = random.Random(seed)
        self.figures = [self.year, self.year_range, self.decade, self.date, self.weekday,
                        self.count_range, self.percent, self.money, self.measure, self.fraction,
                        self.ordinal, self.number_words, self.huge, self.tiny, self.negative,
                        self.clock, self.plain]

    def phrases(self, count):
        return [self.phrase() for _ in range(count)]

    def phrase(self):
        rng = self.rng
        parts = []
        for _ in range(rng.randint(1, 3)):
            figure = rng.choice(self.figures)()
            if rng.random() < 0.15:
                figure = self.other_digits(figure)
            qualifier = rng.choice([*QUALIFIERS, "between", "from", "", "", ""])
            parts.append(f"{qualifier} {figure} {rng.choice(NOUNS)}".strip())
        text = f"{rng.choice(LEADS)} {rng.choice([' and ', ', ', ' - ', ' ']).join(parts)}"
        if rng.random() < 0.1:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(JUNK) + text[at:]
        return text.strip()

    def other_digits(self, text):
        zero = self.rng.choice(DIGIT_ZEROS)
        return "".join(chr(zero + int(c)) if c.isascii() and c.isdigit() else c for c in text)

    def number(self):
        return self.rng.choice([self.rng.randint(0, 99), self.rng.randint(100, 99_999),
                                self.rng.randint(1, 10 ** 12)])

    def plain(self):
        value = self.number()
        return self.rng.choice([str(value), f"{value:,}", f"{value:,}".replace(",", " "),
                                f"{value:,}".replace(",", "\u2009"), f"{value / 7:.2f}"])

    def year(self):
        return str(self.rng.randint(1000, 2999))

    def year_range(self):
        year = self.rng.randint(1790, 2110)
        return self.rng.choice([f"{year}-{(year + 1) % 100:02d}", f"{year}/{year + 1}",
                                f"{year}\u2013{year + 5}", f"{year} to {year + 2}"])

    def decade(self):
        return f"{self.rng.randint(180, 210)}0s"

    def date(self):
        rng = self.rng
        day, month, year = rng.randint(0, 40), rng.choice(MONTHS), rng.randint(1, 2999)
        return rng.choice([f"{month} {day}", f"{day} {month} {year}", f"{month} {day}, {year}",
                           f"the {day}th of {month}", f"{month} {day}-{day + 2}",
                           f"{year:04d}-{rng.randint(0, 13):02d}-{day:02d}",
                           f"{day}/{rng.randint(1, 12)}/{year}"])

    def weekday(self):
        return self.rng.choice(["on Monday", "Sunday", "last Friday's", "Tuesdays"])

    def count_range(self):
        low = self.number()
        high = low + self.rng.randint(-5, 10 ** 6)
        return self.rng.choice([f"{low:,}-{high:,}", f"between {low} and {high}",
                                f"from {low} to {high}", f"{low} to {high} million",
                                f"{low:,}\u2013{high:,}", f"between {low:,} and {high:,}"])

    def percent(self):
        return self.rng.choice([f"{self.rng.uniform(-50, 150):.1f}%", "30 per cent", "2,5%",
                                "12 percent"])

    def money(self):
        return self.rng.choice(["$71 million", "\u20ac2bn", "US$5m", "\u00a33.5bn", "\u00a5100",
                                f"${self.number():,}", "2,5 million euros", "$1e9"])

    def measure(self):
        return self.rng.choice(["370km", "10 km", "7.1 magnitude", "7.1-magnitude",
                                "magnitude 7.1", "40 tonnes", "12 ft", "-40\u00b0C", "3 mm"])

    def fraction(self):
        return self.rng.choice(["half a million", "a quarter of a million", "two-thirds", "1/3",
                                "three quarters of a million", "half", "one and a half million",
                                "half a dozen"])

    def ordinal(self):
        return self.rng.choice(["3rd", "21st", "twenty-first", "first", "101st", "1000th"])

    def number_words(self):
        rng = self.rng
        words = [rng.choice([*UNITS, *TENS]) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.5:
            words.append(rng.choice([*SCALES, "dozen"]) * rng.randint(1, 3))
        return rng.choice([" ", "-", " and ", " "]).join(words)

    def huge(self):
        rng = self.rng
        return rng.choice(["1e308", "10^400", "9" * 400, "1" * 5000, "1" + ",000" * 200,
                           "999 trillion trillion trillion", f"{10 ** 30:,}", "1.8e308"])

    def tiny(self):
        return self.rng.choice(["0.0000001", "1e-300", "0." + "0" * 400 + "1", "0,01 million"])

    def negative(self):
        return self.rng.choice([f"-{self.number()}", f"\u2212{self.number()}", "-0", "--5",
                                "-5,000-6,000", "-2019", "- 5"])

    def clock(self):
        return self.rng.choice(["8:00 p.m.", "20:00", "8pm", "8 a.m.", "23:59:59", "25:61"])


# Feeding -----------------------------------------------------------------------------------------

@dataclass
class Tally:
    """How many texts went in, how many the engine refused, and what raised."""

    fed: int = 0
    refusals: int = 0
    errors: Counter = field(default_factory=Counter)
    examples: list = field(default_factory=list)

    def call(self, what, function, *args):
        """`function(*args)`, counting a refusal or an exception instead of raising."""
        try:
            return function(*args)
        except TextRefused:
            self.refusals += 1
        except Exception as error:  # noqa: BLE001 - counting every kind is the point
            self.errors[type(error).__name__] += 1
            if len(self.examples) < EXAMPLES_KEPT:
                self.examples.append((what, repr(args[0])[:200], traceback.format_exc(limit=-3)))
        return None

    @property
    def exceptions(self):
        return sum(self.errors.values())


def as_claims(texts, first_id=1):
    """Each text as a claim whose one evidence item quotes it, with the figures read from it as
    curation would store them."""
    claims = []
    for number, text in enumerate(texts, first_id):
        figures = tuple(f.as_dict() for f in extract_figures(text))
        claims.append(ClaimRecord(number, text, evidence=(
            EvidenceRecord(SOURCE, "supports", text, figures),)))
    return claims


def feed(texts, real, tally, chunk=5_000):
    """Check every text as a statement against the `real` claims' checker, then make the texts,
    `chunk` at a time, the claims of a checker (at a zero threshold, so every claim sharing a word
    is judged) and check each against it."""
    for text in texts:
        tally.fed += 1
        tally.call("statement", real.check, text)
    for start in range(0, len(texts), chunk):
        part = texts[start:start + chunk]
        claims = [claim for claim in (tally.call("claim figures", _one_claim, text, number)
                                      for number, text in enumerate(part, 1)) if claim is not None]
        own = FactChecker(min_score=0)
        if tally.call("claims added", _add_all, claims, own) is None:
            own = FactChecker(min_score=0)  # one of them raised: add them one by one to see which
            for claim in claims:
                tally.call("claim added", own.add, claim)
        for text in part:
            tally.call("statement against fed claims", own.check, text)
    return tally


def _one_claim(text, number):
    return as_claims([text], number)[0]


def _add_all(claims, checker):
    checker.add(*claims)
    return True


def real_checker(shared, clef_limit=None):
    """A FactChecker over real curated claims: the project's seeds, with (where `shared` is
    present) the Derna story's seeds and CLEF's fact-checked claims."""
    checker = checker_from_seeds(PROJECT_SEEDS)
    if shared is not None:
        derna = checker_from_seeds(shared / "stories" / "derna-floods" / "seeds").matcher.index
        checker.add(*(replace(claim, id=50_000 + claim.id) for claim in derna.claims.values()),
                    *clef_claims(shared, clef_limit))
    return checker


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    started = time.perf_counter()
    checker = real_checker(args.shared)
    groups = {**bulk_texts(args.shared),
              "generated phrases": PhraseGenerator(args.seed).phrases(args.phrases)}
    total = Tally()
    for name, texts in groups.items():
        tally = feed(texts, checker, Tally())
        print(f"{name:20} fed {tally.fed:7,}  refusals {tally.refusals:5,}  "
              f"exceptions {tally.exceptions:5,}  {dict(tally.errors) or ''}")
        for what, text, trace in tally.examples:
            print(f"  {what}: {text}\n{trace}")
        total.fed += tally.fed
        total.refusals += tally.refusals
        total.errors += tally.errors
    print(f"{'all':20} fed {total.fed:7,}  refusals {total.refusals:5,}  "
          f"exceptions {total.exceptions:5,}  ({time.perf_counter() - started:.0f} s)")
    return 1 if total.exceptions else 0


if __name__ == "__main__":
    sys.exit(main())
