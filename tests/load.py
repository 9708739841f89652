"""A bounded load driver on loopback, shared by tests/test_load.py and benchmarks/load.py:
start `crosscheck serve` on a free local port, then run a few keep-alive clients mixing writes,
checks and reads for a fixed number of seconds."""
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

from tests.helpers import stop_server

READ_STATEMENTS = ["Seven children were killed in the floods", "The dam failed",
                   "About 300 homes were flooded",
                   "Rescue teams came from the neighbouring country"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_cli(env, *args):
    done = subprocess.run([sys.executable, "-m", "service.cli", *args], env=env, check=True,
                          capture_output=True, text=True, timeout=60)
    return done.stdout


@contextmanager
def served(database_url, seeds, workers=2, **settings):
    """A gunicorn server on 127.0.0.1 with its own editor key; yields (port, key)."""
    port = free_port()
    env = dict(os.environ, DATABASE_URL=database_url, CROSSCHECK_SEEDS=str(seeds),
               RATELIMIT_ENABLED="0", CROSSCHECK_LOG_FORMAT="text", **settings)
    run_cli(env, "seed", str(seeds))
    key = run_cli(env, "keys", "create", "--name", "load", "--role", "editor").splitlines()[-1]
    server = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--port", str(port),
                               "--workers", str(workers)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        for _ in range(150):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the server did not start")
        yield port, key
    finally:
        stop_server(server, grace=15)


def request(connection, method, path, body=None, headers=None):
    """(status, parsed body, seconds) for one request on a keep-alive connection."""
    started = time.perf_counter()
    payload = None if body is None else json.dumps(body)
    connection.request(method, path, body=payload, headers={
        "Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    data = response.read()
    return response.status, json.loads(data) if data else None, time.perf_counter() - started


def drive(port, key, seconds=3.0, clients=4, write_every=4):
    """Run `clients` threads for `seconds`: one request in `write_every` creates a claim, the rest
    check statements and read claims. Returns every request's (kind, status, seconds) and the
    claims written as {id: text}."""
    results, written, lock = [], {}, threading.Lock()
    deadline = time.monotonic() + seconds
    editor = {"Authorization": f"Bearer {key}"}

    def client(number):
        rng = random.Random(number)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        count = 0
        while time.monotonic() < deadline:
            count += 1
            if count % write_every == 0:
                text = f"Load client {number} wrote claim {count} about the valley."
                status, body, took = request(connection, "POST", "/claims", {"text": text}, editor)
                kind = "write"
                if status == 201:
                    with lock:
                        written[body["id"]] = text
            elif count % 2:
                status, _, took = request(connection, "POST", "/check", {
                    "statement": rng.choice(READ_STATEMENTS)})
                kind = "check"
            else:
                status, _, took = request(connection, "GET", f"/claims/{rng.randint(1, 5)}")
                kind = "read"
            with lock:
                results.append((kind, status, took))
        connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, written


def summary(results, seconds):
    """Requests per second and median / 95th percentile latency in ms, by kind."""
    lines = [f"{len(results)} requests in {seconds:.1f} s = {len(results) / seconds:.0f}/s, "
             f"{sum(1 for _, s, _ in results if s >= 400)} failed"]
    for kind in sorted({k for k, _, _ in results}):
        times = sorted(t * 1000 for k, _, t in results if k == kind)
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        lines.append(f"  {kind:5} n={len(times):5}  median {statistics.median(times):6.1f} ms  "
                     f"p95 {p95:6.1f} ms")
    return "\n".join(lines)
