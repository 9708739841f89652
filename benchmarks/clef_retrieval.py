"""Claim retrieval on the public CLEF CheckThat! 2020 Task 2 benchmark: tweets matched against about
10,000 fact-checked claims. Prints MAP@5 and Recall@1/5 per split for the engine's matcher beside
plain rapidfuzz and BM25 baselines computed in the same run, and the engine's median time per tweet.

    python benchmarks/clef_retrieval.py [FOLDER] [--splits dev train] [--titles] [--limit N]

FOLDER defaults to <repo>/../shared/benchmarks/clef2020-task2. Needs the `bench` extra (bm25s).
"""
import argparse
import csv
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rapidfuzz import fuzz, process  # noqa: E402

from service.engine.matcher import Matcher  # noqa: E402
from service.engine.records import ClaimRecord  # noqa: E402

DEFAULT_FOLDER = REPO.parent / "shared" / "benchmarks" / "clef2020-task2"
DEPTH = 5
SIGNATURE = re.compile(r"\s*[—–-]\s*[^—–]*\(@\w+\)\s+\w+ \d{1,2}, \d{4}\s*$")
LINK = re.compile(r"(?:https?://|pic\.twitter\.com/)\S+")


def read_tsv(path):
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return rows[1:]


def load_claims(folder, titles):
    """{claim id: text}, with the fact-check's title appended when `titles`."""
    return {int(row[0]): (f"{row[1]} {row[2]}" if titles else row[1])
            for row in read_tsv(folder / "verified_claims.docs.tsv")}


def load_split(folder, split):
    """(tweets {id: cleaned text}, relevant {tweet id: set of claim ids})."""
    tweets = {int(row[0]): clean_tweet(row[1])
              for row in read_tsv(folder / split / "tweets.queries.tsv")}
    relevant = {}
    with open(folder / split / "tweet-vclaim-pairs.qrels", encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 4 and parts[3] != "0":
                relevant.setdefault(int(parts[0]), set()).add(int(parts[2]))
    return tweets, relevant


def clean_tweet(text):
    """Drop the "— Name (@handle) Date" signature and links, the same for every system."""
    return LINK.sub(" ", SIGNATURE.sub("", text)).strip()


def scores(rankings, relevant):
    """MAP@5, Recall@1 and Recall@5 over the tweets that have a relevant claim."""
    average_precisions, recall_1, recall_5 = [], [], []
    for tweet_id, wanted in relevant.items():
        ranked = rankings.get(tweet_id, [])[:DEPTH]
        hits, precision_sum = 0, 0.0
        for rank, claim_id in enumerate(ranked, 1):
            if claim_id in wanted:
                hits += 1
                precision_sum += hits / rank
        average_precisions.append(precision_sum / min(len(wanted), DEPTH))
        recall_1.append(len(wanted & set(ranked[:1])) / len(wanted))
        recall_5.append(len(wanted & set(ranked)) / len(wanted))
    return tuple(statistics.fmean(values) for values in (average_precisions, recall_1, recall_5))


def rank_rapidfuzz(claims, tweets):
    ids, texts = list(claims), list(claims.values())
    rankings = {}
    for tweet_id, text in tweets.items():
        found = process.extract(text, texts, scorer=fuzz.token_set_ratio, limit=DEPTH)
        rankings[tweet_id] = [ids[index] for _, _, index in found]
    return rankings


def rank_bm25(claims, tweets):
    import bm25s

    ids = list(claims)
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(list(claims.values()), stopwords="en", show_progress=False),
                    show_progress=False)
    query_tokens = bm25s.tokenize(list(tweets.values()), stopwords="en", show_progress=False)
    found, _ = retriever.retrieve(query_tokens, k=DEPTH, show_progress=False, n_threads=1)
    return {tweet_id: [ids[i] for i in row] for tweet_id, row in zip(tweets, found.tolist())}


def rank_engine(matcher, tweets, timings):
    rankings = {}
    for tweet_id, text in tweets.items():
        started = time.perf_counter()
        found = matcher.search(text, limit=DEPTH)
        timings.append(time.perf_counter() - started)
        rankings[tweet_id] = [claim.id for claim, _, _ in found]
    return rankings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--splits", nargs="+", default=["dev", "train"])
    parser.add_argument("--titles", action="store_true", help="index claim text and title")
    parser.add_argument("--limit", type=int, default=None, help="only the first N tweets a split")
    args = parser.parse_args()

    claims = load_claims(args.folder, args.titles)
    started = time.perf_counter()
    matcher = Matcher(ClaimRecord(id=claim_id, text=text) for claim_id, text in claims.items())
    print(f"{len(claims)} claims{' with titles' if args.titles else ''}; engine index built in "
          f"{time.perf_counter() - started:.1f} s")
    print(f"{'split':<7}{'system':<12}{'MAP@5':>8}{'R@1':>8}{'R@5':>8}")
    for split in args.splits:
        tweets, relevant = load_split(args.folder, split)
        if args.limit:
            tweets = dict(list(tweets.items())[:args.limit])
            relevant = {k: v for k, v in relevant.items() if k in tweets}
        timings = []
        systems = {"rapidfuzz": rank_rapidfuzz(claims, tweets), "bm25": rank_bm25(claims, tweets),
                   "engine": rank_engine(matcher, tweets, timings)}
        for name, rankings in systems.items():
            map5, recall_1, recall_5 = scores(rankings, relevant)
            print(f"{split:<7}{name:<12}{map5:>8.3f}{recall_1:>8.3f}{recall_5:>8.3f}")
        print(f"{split:<7}engine median {statistics.median(timings) * 1000:.1f} ms per tweet "
              f"({len(tweets)} tweets)")


if __name__ == "__main__":
    main()
