"""Guards for breakages that once passed every test: CI skips, deleted claims after a restart,
case in verbatim quotes, the other-year ranking, and `crosscheck seed` on a bad folder."""
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from service.cli import main
from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo
from service.seeding import SeedError, read_seed_folder

from .conftest import FIXTURE_SEEDS, make_key_headers
from .helpers import assert_problem

CONFTEST = Path(__file__).parent / "conftest.py"
SKIPS = textwrap.dedent('''
    import pytest

    def test_runs():
        pass

    def test_needs_redis():
        pytest.skip("no Redis on 127.0.0.1:6379")

    @pytest.mark.skipif(True, reason="Debian's chromium is not installed")
    def test_needs_chromium():
        pass

    def test_sqlite_run_of_a_postgresql_fault():
        pytest.skip("a PostgreSQL fault")
''')


def run_pytest(folder, ci):
    """pytest on `folder` in a child process, as CI (CI=true) or as a user without CI set."""
    env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": "true"} if ci else {})
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                           str(folder)], capture_output=True, text=True, env=env, cwd=folder)


@pytest.fixture
def skipping_suite(tmp_path):
    """A suite under this conftest whose tests skip for a missing service and an accepted reason."""
    shutil.copy(CONFTEST, tmp_path / "conftest.py")
    (tmp_path / "test_skips.py").write_text(SKIPS, encoding="utf-8")
    return tmp_path


def test_in_ci_a_skip_for_a_missing_service_fails(skipping_suite):
    result = run_pytest(skipping_suite, ci=True)
    assert result.returncode == 1, result.stdout
    assert "1 failed, 1 passed, 1 skipped, 1 error" in result.stdout
    assert "skipped in CI (CI=true): 'no Redis on 127.0.0.1:6379'" in result.stdout
    assert "skipped in CI (CI=true): \"Debian's chromium is not installed\"" in result.stdout
    assert "SKIPPED [1] test_skips.py:15: a PostgreSQL fault" in result.stdout


def test_without_ci_a_missing_service_still_skips(skipping_suite):
    result = run_pytest(skipping_suite, ci=False)
    assert result.returncode == 0, result.stdout
    assert "1 passed, 3 skipped" in result.stdout


def test_a_restart_does_not_bring_a_deleted_claim_back(make_app):
    """The engine a new worker builds at start-up holds live claims only."""
    statement = "The dam in the river valley failed during the floods"
    first = make_app().test_client()
    claim = first.get("/claims?q=dam").get_json()["items"][0]
    assert claim["ref"] == "dam-failed"
    editor = make_key_headers(first.application, "editor")
    assert first.delete(f"/claims/{claim['id']}", headers=editor).status_code == 204
    restarted = make_app().test_client()
    matches = restarted.post("/check", json={"statement": statement, "limit": 20}).get_json()
    assert "dam-failed" not in [m["claim"]["ref"] for m in matches["matches"]]


def recased(quote):
    """The quote with its first letter's case flipped: the same words, not the same text."""
    return quote[0].swapcase() + quote[1:]


def test_a_seed_quote_must_match_its_source_case_sensitively(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, folder)
    claims = folder / "claims" / "floods.yaml"
    quote = "Floods in the river valley have killed at least 12 people"
    text = claims.read_text(encoding="utf-8")
    assert quote in text
    claims.write_text(text.replace(quote, recased(quote), 1), encoding="utf-8")
    with pytest.raises(SeedError, match="quote is not verbatim"):
        read_seed_folder(folder)


def test_an_evidence_quote_must_match_its_source_case_sensitively(client, editor):
    sources = {s["ref"]: s["id"] for s in client.get("/sources").get_json()["items"]}
    claim = client.get("/claims?q=dam").get_json()["items"][0]
    url = f"/claims/{claim['id']}/evidence"
    body = {"source_id": sources["gazette"], "stance": "contradicts",
            "quote": recased("The dam did not fail, engineers said.")}
    problem = assert_problem(client.post(url, json=body, headers=editor), 422)
    assert "quote" in problem["errors"]
    body["quote"] = recased(body["quote"])
    assert client.post(url, json=body, headers=editor).status_code == 201


def test_an_imported_quote_must_match_case_sensitively(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()
    assert runner.invoke(main, ["seed", str(FIXTURE_SEEDS)]).exit_code == 0
    line = {"ref": "dam-held", "text": "The dam held during the valley floods.",
            "evidence": [{"url": "https://example.org/gazette/floods", "stance": "supports",
                          "quote": recased("The dam did not fail, engineers said.")}]}
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["import", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "quote is not verbatim" in result.output and "rejected 1" in result.output


PAPER = SourceInfo(id=1, title="Paper", ref="paper")


def test_a_statement_dated_otherwise_ranks_the_same_year_claim_first():
    """The other-dated claim is worded more like the statement; its year must outweigh that."""
    same_year = ClaimRecord(1, "In 2019 a dam near the valley town burst after heavy rain",
                            ref="burst-2019", evidence=(EvidenceRecord(PAPER, "supports", "a"),))
    other_year = ClaimRecord(2, "The dam above the valley town burst in 2021", ref="burst-2021",
                             evidence=(EvidenceRecord(PAPER, "supports", "b"),))
    checker = FactChecker([same_year, other_year], min_score=30)
    result = checker.check("The dam above the valley town burst in 2019", limit=2)
    assert [m.claim.ref for m in result.matches] == ["burst-2019", "burst-2021"]
    result = checker.check("The dam above the valley town burst in 2021", limit=2)
    assert result.matches[0].claim.ref == "burst-2021"


@pytest.mark.parametrize("name, message", [("broken", "broken.yaml: not readable YAML"),
                                           ("absent", "absent: not a folder")])
def test_seed_on_a_bad_folder_says_why_without_a_traceback(tmp_path, name, message):
    broken = tmp_path / "broken" / "claims" / "broken.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text("- ref: [unclosed\n", encoding="utf-8")
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = subprocess.run([sys.executable, "-m", "service.cli", "seed", str(tmp_path / name)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 1, result.stderr
    assert "1 problem(s) in the seeds" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
