"""`crosscheck import`: JSON Lines in, claims stored in batches, bad lines reported and skipped."""
import json

import peewee
import pytest
from click.testing import CliRunner

from service.cli import main
from service.db import database, init_database
from service.importer import import_claims
from service.models import Claim, ClaimChange, Evidence

from .conftest import FIXTURE_SEEDS

GAZETTE_URL = "https://example.org/gazette/floods"
GOOD = [
    {"ref": "dam-held", "text": "The dam held during the valley floods."},
    {"text": "Seven children died in the valley floods",
     "evidence": [{"url": GAZETTE_URL, "stance": "supports", "quote": "including seven children",
                   "numbers": [{"text": "seven", "value": 7, "label": "children killed"}]}]},
    {"ref": "rescuers-sent", "text": "A neighbouring country sent rescue teams.",
     "evidence": [{"title": "Valley floods: the toll rises", "stance": "supports",
                   "quote": "the neighbouring country sent rescue teams"}]},
]


def jsonl(*rows):
    return "\n".join(row if isinstance(row, str) else json.dumps(row) for row in rows) + "\n"


@pytest.fixture
def run(database_url, monkeypatch, tmp_path):
    """Invoke `crosscheck import` on a file written from `text`, over the seeded test database."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    CliRunner().invoke(main, ["seed", str(FIXTURE_SEEDS)], catch_exceptions=False)

    def invoke(text, *options):
        path = tmp_path / "claims.jsonl"
        path.write_text(text, encoding="utf-8")
        return CliRunner().invoke(main, ["import", str(path), *options], catch_exceptions=False)
    yield invoke
    init_database(database_url)


def stored(ref):
    with database.connection_context():
        claim = Claim.get_or_none(Claim.ref == ref)
        return claim and (claim.text, [(e.source.ref, e.stance, e.quote, e.numbers)
                                       for e in claim.evidence.order_by(Evidence.id)])


def test_import_adds_claims_and_resolves_sources_by_url_and_title(run):
    result = run(jsonl(*GOOD))
    assert result.exit_code == 0, result.output
    assert "added 3, updated 0, unchanged 0, rejected 0" in result.output
    assert stored("rescuers-sent") == ("A neighbouring country sent rescue teams.", [
        ("herald", "supports", "the neighbouring country sent rescue teams", [])])
    with database.connection_context():
        unnamed = Claim.get(Claim.text == "Seven children died in the valley floods")
        assert [(e.source.ref, e.numbers) for e in unnamed.evidence] == [
            ("gazette", [{"text": "seven", "value": 7, "qualifier": None,
                          "label": "children killed"}])]
        assert ClaimChange.select().where(ClaimChange.claim_id == unnamed.id).exists()


def test_bad_lines_are_reported_with_their_line_numbers_and_the_rest_is_written(run):
    result = run(jsonl(
        GOOD[0],
        "{not json",
        {"ref": "blank", "text": "   "},
        {"ref": "nowhere", "text": "x", "evidence": [
            {"title": "No such headline", "stance": "supports", "quote": "q"}]},
        {"ref": "misquoted", "text": "x", "evidence": [
            {"url": GAZETTE_URL, "stance": "supports", "quote": "words the gazette never printed"}]},
        {"ref": "wrong-figure", "text": "x", "evidence": [
            {"url": GAZETTE_URL, "stance": "supports", "quote": "including seven children",
             "numbers": [{"text": "seven", "value": 8}]}]},
        {"ref": "bad-stance", "text": "x", "evidence": [
            {"url": GAZETTE_URL, "stance": "maybe", "quote": "including seven children"}]},
        "[1, 2]",
        GOOD[2]))
    assert result.exit_code == 1
    assert "added 2, updated 0, unchanged 0, rejected 7" in result.output
    for expected in ("line 2: not valid JSON", "line 3: text: Claim text must not be blank",
                     "line 4: evidence.0: no stored source has title 'No such headline'",
                     "line 5: evidence.0: the quote is not verbatim",
                     "line 6: evidence.0: figure 'seven' has value 8",
                     "line 7: evidence.0.stance: Must be one of",
                     "line 8: not a JSON object"):
        assert expected in result.output
    assert stored("dam-held") and stored("rescuers-sent")
    assert not any(stored(ref) for ref in ("blank", "nowhere", "misquoted", "wrong-figure"))


def test_importing_again_leaves_claims_alone_and_a_changed_line_updates_its_claim(run):
    run(jsonl(*GOOD))
    again = run(jsonl(*GOOD))
    assert "added 1, updated 0, unchanged 2, rejected 0" in again.output  # the ref-less line adds
    changed = dict(GOOD[0], text="The dam held firm during the valley floods.")
    result = run(jsonl(changed), "--batch-size", "1")
    assert "added 0, updated 1, unchanged 0, rejected 0" in result.output
    assert stored("dam-held")[0] == "The dam held firm during the valley floods."


def test_a_line_the_database_refuses_leaves_the_rest_of_its_batch_written(app, db, monkeypatch):
    create = Claim.create

    def refuse_second(**row):
        if row["ref"] == "rescuers-sent":
            raise peewee.IntegrityError("refused for the test")
        return create(**row)
    monkeypatch.setattr(Claim, "create", refuse_second)
    report = import_claims([jsonl(row).encode() for row in GOOD], batch_size=10)
    assert (report.added, [number for number, _ in report.rejected]) == (2, [3])
    assert "refused for the test" in report.rejected[0][1]
    assert Claim.get_or_none(Claim.ref == "dam-held") and not Claim.get_or_none(
        Claim.ref == "rescuers-sent")


def test_a_running_server_answers_with_imported_claims_and_their_ref(make_app):
    app = make_app(INDEX_SYNC_SECONDS=0)
    client = app.test_client()
    statement = "The dam held during the valley floods"
    assert all(m["claim"]["ref"] != "dam-held"
               for m in client.post("/check", json={"statement": statement}).get_json()["matches"])
    with database.connection_context():
        import_claims([jsonl(GOOD[0]).encode()])
    best = client.post("/check", json={"statement": statement}).get_json()["matches"][0]
    assert best["claim"]["ref"] == "dam-held"
