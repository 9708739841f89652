"""CLI layer: seed, check, openapi and serve, as a newsroom developer runs them."""
import json
import os
import subprocess
import sys
import time
import urllib.request

import pytest
from click.testing import CliRunner

from service.cli import main

from .conftest import FIXTURE_SEEDS
from .helpers import free_port


def test_seed_is_idempotent(run):
    first = run("seed", str(FIXTURE_SEEDS))
    assert first.exit_code == 0 and "'claims': 5" in first.output
    second = run("seed")
    assert second.exit_code == 0
    assert "added {'sources': 0, 'claims': 0, 'entities': 0, 'vocabulary': 0}" in second.output
    assert "updated {'sources': 0, 'claims': 0, 'entities': 0, 'vocabulary': 0}" in second.output


def test_seed_reports_problems_and_fails(run, tmp_path):
    result = CliRunner().invoke(main, ["seed", str(tmp_path / "absent")])
    assert result.exit_code != 0


def test_check_prints_the_same_json_as_the_api(run, make_app):
    statement = "Two children were killed in the floods"
    result = run("check", statement)
    assert result.exit_code == 0
    printed = json.loads(result.output)
    api = make_app().test_client().post("/check", json={"statement": statement}).get_json()
    assert printed == api
    assert printed["verdict"] == "disputed"


def test_check_refuses_a_blank_statement(run):
    result = CliRunner().invoke(main, ["check", "   "])
    assert result.exit_code == 2 and "blank" in result.output


def test_check_against_an_unreachable_database_is_one_line_and_exit_1(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres:s3cret@127.0.0.1:1/x")
    result = CliRunner().invoke(main, ["check", "Seven civilians were killed"])
    assert result.exit_code == 1, result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "cannot reach the database postgresql://postgres:***@127.0.0.1:1/x" in lines[0]
    assert "s3cret" not in result.output


def test_openapi_writes_the_committed_spec(run, tmp_path):
    target = tmp_path / "openapi.yaml"
    assert run("openapi", "--output", str(target)).exit_code == 0
    committed = os.path.join(os.path.dirname(__file__), "..", "openapi.yaml")
    assert target.read_text(encoding="utf-8") == open(committed, encoding="utf-8").read()


def test_serve_starts_gunicorn_and_seeds_an_empty_database(database_url):
    port = free_port()
    env = dict(os.environ, DATABASE_URL=database_url, CROSSCHECK_SEEDS=str(FIXTURE_SEEDS))
    server = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--port", str(port),
                               "--workers", "1"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                    health = json.load(r)
                    server_header = r.headers.get("Server", "")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("server did not come up")
        assert health == {"status": "ok", "database": "ok", "claims": 5, "unindexed_claims": 0,
                          "unindexed_claim_ids": [], "rate_limits": "ok"}
        assert "gunicorn" in server_header
    finally:
        server.terminate()
        server.wait(timeout=10)
