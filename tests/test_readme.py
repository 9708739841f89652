"""The README runs as written: every `curl` example answers, on the seed corpus, what it shows.

Each example is run by bash with curl against a live server (the README's host and port replaced by
the server's, `$KEY` by a real editor key), block by block so that one command can use another's
result. Every request must answer 2xx (or the `status` its sample shows), and where the README shows
an answer (a `json` block right after the command's block, or `# {...}` comment lines right after
the command) the real answer must have every key shown, and the same value for the keys that say
what the answer is (verdicts, stances, refs, ids, texts, types).
"""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from service.db import database
from service.importer import import_claims

from .conftest import PROJECT_SEEDS, make_key_headers

README = Path(__file__).parent.parent / "README.md"
README_SERVER = "http://127.0.0.1:8000"
PLACEHOLDER = "\u2026"
# Keys whose values a reader takes at their word; any other value need only be of the same type.
SALIENT = {"verdict", "statement", "stance", "ref", "id", "text", "quote", "comparison", "value",
           "@type", "status", "title", "claimReviewed", "alternateName", "publisher"}
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)

pytestmark = pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")


def readme_blocks(text):
    """(language, body, whether only blank lines separate it from the block before)."""
    end = None
    for fence in FENCE.finditer(text):
        follows = end is not None and not text[end:fence.start()].strip()
        yield fence.group(1), fence.group(2), follows
        end = fence.end()


def commands_with_samples(block):
    """The block's shell commands (continuations joined), each with the answer it shows or None:
    `# {...}` comment lines right after it."""
    lines = block.splitlines()
    commands, i = [], 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        while line.endswith("\\") and i < len(lines):
            line = line[:-1] + " " + lines[i].strip()
            i += 1
        sample = []
        while (i < len(lines) and lines[i].startswith("#")
               and (sample or lines[i][1:].strip().startswith("{"))):
            sample.append(lines[i][1:].strip())
            i += 1
            joined = " ".join(sample)
            if joined.count("{") == joined.count("}"):
                break
        commands.append([line, " ".join(sample) or None])
    return commands


def curl_examples(text):
    """Every README block holding curl commands, as lists of [command, sample or None]; a `json`
    block right after one is the answer of its last command."""
    examples, latest = [], None
    for language, body, follows in readme_blocks(text):
        if language == "json" and follows and examples and examples[-1] is latest:
            examples[-1][-1][1] = body
        latest = None
        if language == "sh" and "curl " in body:
            latest = commands_with_samples(body)
            examples.append(latest)
    return examples


def parse_sample(sample):
    """A README answer, its elisions (`...`, `{...}`, `["…"]`) read as placeholders."""
    text = sample.replace("{...}", f'"{PLACEHOLDER}"').replace("...", PLACEHOLDER)
    text = re.sub(r",\s*" + PLACEHOLDER + r"\s*(?=[}\]])", "", text)
    text = re.sub(r":\s*" + PLACEHOLDER, f': "{PLACEHOLDER}"', text)
    return json.loads(text)


def differences(shown, real, key=None, path="$"):
    """Where the real answer lacks what the README shows, or says something else."""
    if shown == PLACEHOLDER:
        return []
    if isinstance(shown, dict):
        if not isinstance(real, dict):
            return [f"{path}: an object in the README, {real!r} in the answer"]
        return [problem for name, value in shown.items()
                for problem in ([f"{path}.{name}: missing from the answer"] if name not in real
                                else differences(value, real[name], name, f"{path}.{name}"))]
    if isinstance(shown, list):
        if not isinstance(real, list) or len(real) < len(shown):
            return [f"{path}: {len(shown)} items in the README, the answer has {real!r}"]
        return [problem for n, value in enumerate(shown)
                for problem in differences(value, real[n], key, f"{path}[{n}]")]
    if key in SALIENT:
        return [] if shown == real else [f"{path}: {shown!r} in the README, {real!r} answered"]
    same_kind = (type(shown) is type(real) or (isinstance(shown, (int, float)) and isinstance(
        real, (int, float)) and not isinstance(real, bool)))
    return [] if same_kind else [f"{path}: {shown!r} in the README, {real!r} answered"]


def run_block(commands, server, key, folder):
    """Run one block's commands in one bash; returns each command's (statuses, stdout)."""
    script = ["curl() { command curl --write-out '%{stderr}%{http_code}\\n' \"$@\" "
              "2>>\"$STATUSES\"; }"]
    for n, (command, _) in enumerate(commands):
        command = command.replace(README_SERVER, server).replace("$KEY", key)
        script.append(f"STATUSES={folder}/status.{n}; : > $STATUSES")
        script.append(f"{{ {command}\n}} > {folder}/out.{n}")
    subprocess.run(["bash", "-c", "\n".join(script)], check=True, timeout=120)
    return [([int(s) for s in (folder / f"status.{n}").read_text().split()],
             (folder / f"out.{n}").read_text()) for n in range(len(commands))]


@pytest.fixture
def app(make_app):
    return make_app(seeds=PROJECT_SEEDS, RATELIMIT_ENABLED=False)


def test_the_readme_has_curl_examples_with_answers():
    examples = curl_examples(README.read_text(encoding="utf-8"))
    commands = [c for block in examples for c in block if "curl " in c[0]]
    assert len(commands) >= 12
    first_check = next(c for c in commands if "/check " in c[0] + " ")
    assert parse_sample(first_check[1])["verdict"] == "disputed"


def test_every_curl_example_answers_as_the_readme_shows(app, live_server, tmp_path):
    key = make_key_headers(app, "editor")["Authorization"].split(" ", 1)[1]
    problems = []
    for number, commands in enumerate(curl_examples(README.read_text(encoding="utf-8"))):
        folder = tmp_path / f"block{number}"
        folder.mkdir()
        for (command, sample), (statuses, output) in zip(
                commands, run_block(commands, live_server, key, folder)):
            if "curl " not in command:
                continue
            shown = parse_sample(sample) if sample else None
            expected = shown.get("status") if isinstance(shown, dict) else None
            if not statuses or any(not (200 <= s < 300 if expected is None else s == expected)
                                   for s in statuses):
                problems.append(f"{command}\n  answered {statuses}: {output[:300]}")
            elif shown is not None:
                problems.extend(f"{command}\n  {difference}"
                                for difference in differences(shown, json.loads(output)))
    assert not problems, "\n".join(problems)


def test_the_import_example_imports_as_shown(app):
    text = README.read_text(encoding="utf-8")
    example = text[text.index("<!-- import-example -->"):]
    lines = next(readme_blocks(example))[1].encode("utf-8").splitlines()
    with database.connection_context():
        report = import_claims(lines)
    assert (report.added, report.updated, report.rejected) == (len(lines), 0, [])
