"""HTTP throughput and latency of POST /check under gunicorn, beside a trivial JSON endpoint.

    python benchmarks/bench_http.py --claims 100000 --seconds 15

Needs wrk (`apt-get install wrk`). Imports the generated corpus into a SQLite file once
(benchmarks/data/http-<claims>.sqlite3, with `crosscheck import`'s code), starts `crosscheck serve`
on 127.0.0.1 with that database, then drives GET /healthz (a trivial JSON answer) and POST /check
(cycling through the generated queries) with wrk for the same time each, in alternated rounds so
that a neighbour's load falls on both alike, and prints requests per second, latency p50/p99 and
errors per run, and /check's throughput as a share of the trivial endpoint's (median of rounds).
"""
import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_engine import corpus_files  # noqa: E402
from service.db import database, init_database  # noqa: E402
from service.importer import import_claims  # noqa: E402
from service.models import create_tables  # noqa: E402

ROTATING_POST = """
bodies = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("POST", "/check", {["Content-Type"] = "application/json"},
                    bodies[counter %% #bodies + 1])
end
"""


def prepared_database(claims_path, folder):
    """A SQLite database holding the generated claims, imported on first use."""
    path = folder / f"http-{claims_path.stem.split('-')[1]}.sqlite3"
    if not path.exists():
        init_database(f"sqlite:///{path}")
        with database.connection_context(), open(claims_path, "rb") as lines:
            create_tables()
            report = import_claims(lines)
        print(f"imported {report.added} claims into {path}", file=sys.stderr)
    return f"sqlite:///{path}"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(database_url, port, workers):
    # Rate limits would answer most of this load with 429: this measures the service itself.
    env = dict(os.environ, DATABASE_URL=database_url, CROSSCHECK_SEEDS="none",
               RATELIMIT_ENABLED="0")
    server = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--port", str(port),
                               "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    started = time.monotonic()
    while time.monotonic() - started < 600:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server, time.monotonic() - started
        except OSError:
            if server.poll() is not None:
                raise SystemExit("the server exited during start-up")
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the server did not start within 10 minutes")


def run_wrk(url, seconds, connections, script=None):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script:
        command += ["-s", script]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    if len(latency) < 2:
        print(output, file=sys.stderr)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
            "p50": latency.get("50", "-"), "p99": latency.get("99", "-"), "errors": errors}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=3,
                        help="alternated runs of each endpoint; the ratio is their median")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()

    claims_path, queries_path = corpus_files(args.claims, args.queries, args.data)
    database_url = prepared_database(claims_path, args.data)
    bodies = [json.dumps({"statement": json.loads(line)["statement"]})
              for line in open(queries_path, encoding="utf-8")][:args.queries]
    port = free_port()
    server, startup = start_server(database_url, port, args.workers)
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            script.write(ROTATING_POST % ",\n".join(f"[==[{b}]==]" for b in bodies))
            script.flush()
            base = f"http://127.0.0.1:{port}"
            # Workers forked from the preloaded app first copy the pages they touch: not measured.
            run_wrk(f"{base}/check", args.seconds, args.connections, script.name)
            rounds = [(run_wrk(f"{base}/healthz", args.seconds, args.connections),
                       run_wrk(f"{base}/check", args.seconds, args.connections, script.name))
                      for _ in range(args.rounds)]
    finally:
        server.terminate()
        server.wait(timeout=60)
    print(f"claims {args.claims:,}; gunicorn {args.workers} workers, started in {startup:.0f} s; "
          f"wrk 1 thread, {args.connections} connections, {args.seconds} s per endpoint, "
          f"{args.rounds} alternated rounds")
    for number, pair in enumerate(rounds, 1):
        for name, result in zip(("GET /healthz (trivial)", "POST /check"), pair):
            print(f"{number}  {name:24} {result['rps']:8.1f} req/s  p50 {result['p50']:>8}  "
                  f"p99 {result['p99']:>8}  errors {result['errors']}")
    shares = [check["rps"] / trivial["rps"] for trivial, check in rounds]
    print(f"/check reaches {100 * statistics.median(shares):.0f}% of the trivial endpoint's "
          f"requests per second (median of the rounds; "
          f"{', '.join(f'{100 * share:.0f}%' for share in shares)})")


if __name__ == "__main__":
    main()
