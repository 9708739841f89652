"""`crosscheck extract`: proposals as JSON Lines that `crosscheck import` takes as they are."""
import json

from click.testing import CliRunner

from service.cli import main

from .conftest import FIXTURE_SEEDS

HERALD = FIXTURE_SEEDS / "sources" / "herald.yaml"


def lines(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_prints_import_lines_that_import_as_they_are(run, tmp_path):  # noqa: F811
    assert run("seed").exit_code == 0
    result = run("extract", str(HERALD))
    assert result.exit_code == 0, result.output
    proposals = lines(result.output)
    assert proposals and all(p["evidence"][0]["source"] == "herald" for p in proposals)
    died = next(p for p in proposals if "Twelve" in p["evidence"][0]["quote"])
    assert died["evidence"][0]["numbers"] == [
        {"text": "Twelve", "value": 12, "qualifier": None, "label": "died"},
        {"text": "two", "value": 2, "qualifier": None, "label": "children"}]
    accepted = tmp_path / "accepted.jsonl"
    accepted.write_text(result.output, encoding="utf-8")
    imported = run("import", str(accepted))
    assert imported.exit_code == 0, imported.output
    assert f"added {len(proposals)}," in imported.output


def test_extract_reads_standard_input_with_a_named_source(run):  # noqa: F811
    text = "The dam burst at night and 40 homes were destroyed, the governor said."
    result = CliRunner().invoke(main, ["extract", "-", "--source", "gazette", "--details"],
                                input=text)
    assert result.exit_code == 0, result.output
    homes = next(p for p in lines(result.output) if "40" in p["quote"])
    assert text[homes["start"]:homes["end"]] == homes["quote"]
    assert homes["figures"][0]["label"] == "homes destroyed"
    assert homes["speaker"] == "the governor"
    unnamed = CliRunner().invoke(main, ["extract", "-"], input=text)
    assert unnamed.exit_code != 0 and "--source" in unnamed.output
