"""How long hostile input takes to answer, in process: the worst cases the Hypothesis tests feed.

    python benchmarks/hostile.py [--repeat 5]

Prints the median time per case, and the ratio to an ordinary /check as the baseline.
"""
import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service import create_app  # noqa: E402
from service.auth import create_key  # noqa: E402
from service.db import database  # noqa: E402
from service.rules import figure_problems  # noqa: E402

FIGURES = " ".join(str(n) for n in range(1, 10_001))


def cases(client, editor, source_id):
    deep = '{"statement": ' + "[" * 100_000 + "]" * 100_000 + "}"
    quote = FIGURES[:4990].rsplit(" ", 1)[0]
    return {
        "ordinary /check (baseline)": lambda: client.post("/check", json={
            "statement": "Seven civilians were killed in Azerbaijan's offensive"}),
        "/check, 2,000 chars of figures": lambda: client.post("/check", json={
            "statement": FIGURES[:2000]}),
        "/check, 10,000 figures (422)": lambda: client.post("/check", json={"statement": FIGURES}),
        "/check, JSON nested 100,000 deep (400)": lambda: client.post(
            "/check", data=deep, content_type="application/json"),
        "/check, control characters and surrogates": lambda: client.post("/check", data=json.dumps(
            {"statement": "\u0000\u0007\ud800\u202e" * 400}), content_type="application/json"),
        "POST /claims, quote with 1,200 figures read": lambda: client.post(
            "/claims", headers=editor, json={"text": "Numbers were counted.", "evidence": [
                {"source_id": source_id, "stance": "supports", "quote": quote}]}),
        "seed rule: 10,000 figures in one quote": lambda: figure_problems(
            [{"text": str(n), "value": n} for n in range(1, 10_001)], FIGURES),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"DATABASE_URL": f"sqlite:///{folder}/hostile.sqlite3",
                          "CROSSCHECK_SEEDS": str(ROOT / "seeds"), "RATELIMIT_ENABLED": False,
                          "CROSSCHECK_LOG_FORMAT": "text"})
        with database.connection_context():
            _, key = create_key("benchmark", "editor")
        client = app.test_client()
        editor = {"Authorization": f"Bearer {key}"}
        source_id = client.post("/sources", headers=editor, json={
            "title": "Counts", "text": FIGURES}).get_json()["id"]
        baseline = None
        for name, run in cases(client, editor, source_id).items():
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                result = run()
                times.append(time.perf_counter() - started)
            median = statistics.median(times) * 1000
            baseline = baseline or median
            status = getattr(result, "status_code", "-")
            print(f"{name:45} {status!s:>4}  median {median:8.1f} ms  x{median / baseline:7.1f}")


if __name__ == "__main__":
    main()
