"""`crosscheck import`: JSON Lines in, claims stored in batches, bad lines reported and skipped."""
import json

import peewee
import pytest
from click.testing import CliRunner

from service.cli import main
from service.db import database, init_database
from service.importer import import_claims
from service.models import Claim, ClaimChange, Evidence, utcnow

from .conftest import FIXTURE_SEEDS, make_key_headers

GAZETTE_URL = "https://example.org/gazette/floods"
GOOD = [
    {"ref": "dam-held", "text": "The dam held during the valley floods."},
    {"ref": "seven-children", "text": "Seven children died in the valley floods",
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
            {"url": GAZETTE_URL, "stance": "supports", "quote": "words it never printed"}]},
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
                     "line 5: evidence.0: quote is not verbatim in gazette",
                     "line 6: evidence.0: figure 'seven' has value 8",
                     "line 7: evidence.0.stance: Must be one of",
                     "line 8: not a JSON object"):
        assert expected in result.output
    assert stored("dam-held") and stored("rescuers-sent")
    assert not any(stored(ref) for ref in ("blank", "nowhere", "misquoted", "wrong-figure"))


def test_import_reads_a_pipe_when_the_file_is_dash(run):
    result = CliRunner().invoke(main, ["import", "-"], input=jsonl(*GOOD), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "added 3, updated 0, unchanged 0, rejected 0" in result.output
    assert stored("dam-held")


def test_importing_again_leaves_claims_alone_and_a_changed_line_updates_its_claim(run):
    run(jsonl(*GOOD))
    again = run(jsonl(*GOOD))
    assert "added 0, updated 0, unchanged 3, rejected 0" in again.output
    changed = dict(GOOD[0], text="The dam held firm during the valley floods.")
    result = run(jsonl(changed), "--batch-size", "1")
    assert "added 0, updated 1, unchanged 0, rejected 0" in result.output
    assert stored("dam-held")[0] == "The dam held firm during the valley floods."


def test_a_line_with_a_date_imported_again_is_unchanged(run):
    """`as_of` is compared as the claim stores it: the same line twice rewrites nothing."""
    dated = dict(GOOD[1], evidence=[dict(GOOD[1]["evidence"][0], as_of="2023-09-12")])
    assert "added 1, updated 0, unchanged 0" in run(jsonl(dated)).output
    assert "added 0, updated 0, unchanged 1" in run(jsonl(dated)).output


def test_an_imported_claim_has_a_revision_from_its_creation_that_reverting_deletes(
        database_url, make_app):
    client = make_app().test_client()
    with database.connection_context():
        assert import_claims([json.dumps(GOOD[0]).encode()]).added == 1
        claim_id = Claim.get(Claim.ref == GOOD[0]["ref"]).id
    (created,) = client.get(f"/claims/{claim_id}/revisions").get_json()["items"]
    assert (created["action"], created["actor"], created["before"]) == ("import", "import", None)
    assert created["after"]["text"] == GOOD[0]["text"]
    editor = make_key_headers(client.application, "editor")
    client.post(f"/claims/{claim_id}/revisions/{created['id']}/revert", headers=editor)
    assert client.get(f"/claims/{claim_id}").status_code == 404


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


def test_a_nul_or_lone_surrogate_line_is_reported_and_its_batch_neighbours_stored(run):
    """Finding 3: a line the database could not store costs only itself."""
    nul = dict(GOOD[0], ref="nul-line", text="The dam\u0000 held.")
    surrogate = '{"ref": "lone-surrogate", "text": "The dam \\ud800 held."}'
    result = run(jsonl(GOOD[0], nul, surrogate, GOOD[1], GOOD[2]))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "added 3, updated 0, unchanged 0, rejected 2" in result.output
    assert "line 2: line: `text`: Must not contain NUL" in result.output
    assert "line 3: line: `text`: Must be valid Unicode" in result.output
    assert all(stored(row["ref"]) for row in GOOD)


@pytest.mark.parametrize("line, reason", [
    ({"ref": "Not A Slug!", "text": "The dam held."}, "ref must be a lowercase slug"),
    ({"text": "The dam held."}, "`ref` and `text` are required"),
])
def test_import_refuses_what_seeding_refuses(run, tmp_path, line, reason):
    """Finding 4: what import stores, export then seed reads back."""
    result = run(jsonl(line, *GOOD))
    assert result.exit_code == 1
    assert f"line 1: {reason}" in result.output
    exported = CliRunner().invoke(main, ["export", str(tmp_path / "out")], catch_exceptions=False)
    assert exported.exit_code == 0, exported.output
    seeded = CliRunner().invoke(main, ["seed", str(tmp_path / "out")], catch_exceptions=False)
    assert seeded.exit_code == 0, seeded.output


def test_a_deleted_claims_ref_is_refused_unless_restoring(run):
    """Finding 5: a line naming a deleted claim never reports an update that stays invisible."""
    run(jsonl(*GOOD))
    with database.connection_context():
        Claim.update(deleted_at=utcnow()).where(Claim.ref == "dam-held").execute()
    changed = dict(GOOD[0], text="The dam held firm during the valley floods.")
    refused = run(jsonl(changed))
    assert refused.exit_code == 1
    assert "line 1: the claim 'dam-held' is deleted; import with --restore" in refused.output
    with database.connection_context():
        assert Claim.get(Claim.ref == "dam-held").text == GOOD[0]["text"]
    restored = run(jsonl(changed), "--restore")
    assert "added 0, updated 1, unchanged 0, rejected 0" in restored.output
    with database.connection_context():
        claim = Claim.get(Claim.ref == "dam-held")
        assert (claim.deleted_at, claim.text) == (None, changed["text"])


def test_a_connection_lost_mid_import_stops_clearly_and_a_rerun_completes_once(
        run, database_url, monkeypatch):
    """Finding 3: a lost connection ends with a message, not a traceback; the re-run finishes."""
    from service import importer

    store, lost = importer._store, []

    def lose_connection_at_the_third_line(claim, restore):
        if claim["ref"] == "rescuers-sent" and not lost:
            lost.append(claim["ref"])
            if database_url.startswith("postgresql"):
                from .helpers import terminate_backends
                terminate_backends(database.connection().info.backend_pid)
            else:
                raise peewee.OperationalError("disk I/O error")
        return store(claim, restore)

    monkeypatch.setattr(importer, "_store", lose_connection_at_the_third_line)
    first = run(jsonl(*GOOD), "--batch-size", "2")
    assert first.exit_code == 2 and "Traceback" not in first.output
    assert "stopped: the database connection was lost at line 3" in first.output
    assert "added 2, updated 0, unchanged 0, rejected 0" in first.output
    assert not stored("rescuers-sent")
    again = run(jsonl(*GOOD), "--batch-size", "2")
    assert again.exit_code == 0, again.output
    assert "added 1, updated 0, unchanged 2, rejected 0" in again.output
    with database.connection_context():
        assert Claim.select().where(Claim.ref.in_([r["ref"] for r in GOOD])).count() == 3


def test_an_import_and_an_editor_on_one_claim_keep_a_history_every_revert_restores(
        make_app, monkeypatch):
    """Finding 6: the import's revision records what the editor left, so reverting either change
    brings back what was there before it."""
    import threading

    from service import importer

    from .conftest import make_key_headers

    app = make_app(RATELIMIT_ENABLED=False)
    editor = make_key_headers(app, "editor")
    client = app.test_client()
    claim_id = client.post("/claims", headers=editor, json={
        "ref": "dam-held", "text": "The dam held."}).get_json()["id"]
    store, editing = importer._store, []

    def edit_while_importing(claim, restore):
        if not editing:  # the editor's PATCH lands while this batch is being written
            editing.append(threading.Thread(target=lambda: app.test_client().patch(
                f"/claims/{claim_id}", headers=editor, json={"text": "The dam held (edited)."})))
            editing[0].start()
            editing[0].join(timeout=1)  # without the row lock the edit is committed by now
        return store(claim, restore)

    monkeypatch.setattr(importer, "_store", edit_while_importing)
    lines = [jsonl({"ref": f"filler-{n}", "text": f"Filler claim {n}."}).encode()
             for n in range(3)]
    lines.append(jsonl({"ref": "dam-held", "text": "The dam held (imported)."}).encode())
    with app.app_context(), database.connection_context():
        import_claims(lines)
    editing[0].join()
    revisions = client.get(f"/claims/{claim_id}/revisions").get_json()["items"]
    assert [r["action"] for r in revisions][1:] in (["import", "update"], ["update", "import"])
    for earlier, later in zip(revisions, revisions[1:]):
        assert later["before"] == earlier["after"], (earlier["action"], later["action"])
    for revision in revisions[1:]:
        reverted = client.post(f"/claims/{claim_id}/revisions/{revision['id']}/revert",
                               headers=editor)
        assert reverted.get_json()["text"] == revision["before"]["text"], revision["action"]


def test_a_dry_run_import_reports_what_it_would_do_and_stores_nothing(run):
    bad = {"ref": "Not A Slug!", "text": "x"}
    dry = run(jsonl(*GOOD, bad, GOOD[0]), "--dry-run", "--batch-size", "2")
    assert dry.exit_code == 1
    assert "dry run, nothing stored: would have added 3, updated 0, unchanged 1, rejected 1" in (
        dry.output)
    assert not any(stored(row["ref"]) for row in GOOD)
    real = run(jsonl(*GOOD, bad, GOOD[0]), "--batch-size", "2")
    assert "added 3, updated 0, unchanged 1, rejected 1" in real.output


def test_a_ref_given_again_with_other_content_is_refused_naming_the_first_line(run):
    other = dict(GOOD[0], text="The dam broke during the valley floods.")
    result = run(jsonl(*GOOD, other, GOOD[0]))
    assert result.exit_code == 1
    assert ("line 4: ref: 'dam-held' is on line 1 of this import with other content; give each "
            "claim one line") in result.output
    assert "added 3, updated 0, unchanged 1, rejected 1" in result.output
    assert stored("dam-held")[0] == GOOD[0]["text"]


def test_an_import_adds_the_figures_a_line_left_out_and_reports_them(database_url, make_app):
    make_app()  # the test corpus, seeded
    line = {"ref": "toll", "text": "At least 12 people died in the valley floods.", "evidence": [
        {"url": GAZETTE_URL, "stance": "supports", "quote": "including seven children"}]}
    with database.connection_context():
        report = import_claims([b"\xef\xbb\xbf" + json.dumps(line).encode()])  # a BOM first
        assert [(r.line, r.outcome, r.figures_added) for r in report.lines] == [
            (1, "added", [{"evidence": 0, "text": "seven", "value": 7, "qualifier": None,
                           "label": "children"}])]
        again = import_claims([json.dumps(line).encode()])
        assert [(r.outcome, r.figures_added) for r in again.lines] == [("unchanged", [])]
    assert stored("toll")[1][0][3] == [
        {"text": "seven", "value": 7, "qualifier": None, "label": "children"}]
