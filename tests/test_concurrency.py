"""Several editors writing the same claim at once: every change lands, none overwrites another, and
the revisions form one unbroken chain."""
import threading

import pytest

from .conftest import make_key_headers
from .helpers import assert_every_quote_verbatim_and_export_seeds_back

THREADS = 6
WRITES_EACH = 4
QUOTES = ["Floods in the river valley have killed at least 12 people",
          "The mayor said about 300 homes were flooded.", "The dam did not fail, engineers said."]


def test_concurrent_writes_to_one_claim_lose_nothing(make_app):
    app = make_app(RATELIMIT_ENABLED=False)
    editor = make_key_headers(app, "editor")
    client = app.test_client()
    gazette = next(s["id"] for s in client.get("/sources").get_json()["items"]
                   if s["ref"] == "gazette")
    claim_id = client.post("/claims", json={"text": "The floods hit the river valley."},
                           headers=editor).get_json()["id"]
    failures, start = [], threading.Barrier(THREADS)

    def editor_session(worker):
        session = app.test_client()
        start.wait()
        for n in range(WRITES_EACH):
            if worker % 2:
                response = session.post(f"/claims/{claim_id}/evidence", headers=editor, json={
                    "source_id": gazette, "stance": "supports", "quote": QUOTES[n % 3]})
            else:
                response = session.patch(f"/claims/{claim_id}", headers=editor, json={
                    "text": f"The floods hit the river valley (edit {worker}.{n})."})
            if response.status_code not in (200, 201):
                failures.append((worker, n, response.status_code, response.get_json()))

    threads = [threading.Thread(target=editor_session, args=(w,)) for w in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    claim = client.get(f"/claims/{claim_id}").get_json()
    assert len(claim["evidence"]) == (THREADS // 2) * WRITES_EACH
    revisions = client.get(f"/claims/{claim_id}/revisions?per_page=100").get_json()["items"]
    assert len(revisions) == 1 + THREADS * WRITES_EACH
    for earlier, later in zip(revisions, revisions[1:]):
        assert later["before"] == earlier["after"], (earlier["id"], later["id"])
    assert revisions[-1]["after"]["text"] == claim["text"]
    assert len(revisions[-1]["after"]["evidence"]) == len(claim["evidence"])


def test_a_claim_deleted_during_a_check_does_not_break_it(make_app, monkeypatch):
    """A delete applied by another thread while a check is between finding its candidates and
    scoring them waits for the check, which answers as if the delete came after it."""
    app = make_app(RATELIMIT_ENABLED=False)
    editor = make_key_headers(app, "editor")
    client = app.test_client()
    statement = "Floods in the river valley killed at least 12 people"
    claim_id = client.post("/check", json={"statement": statement}).get_json()[
        "matches"][0]["claim"]["id"]
    matcher = app.extensions["crosscheck"].checker.matcher
    scored = matcher._scored
    deleting = []

    def scored_while_deleting(*args):
        deleting.append(threading.Thread(target=lambda: app.test_client().delete(
            f"/claims/{claim_id}", headers=editor)))
        deleting[0].start()
        deleting[0].join(timeout=1)  # without the lock the delete is applied by now
        return scored(*args)

    monkeypatch.setattr(matcher, "_scored", scored_while_deleting)
    response = client.post("/check", json={"statement": statement})
    monkeypatch.undo()
    deleting[0].join()
    assert response.status_code == 200
    assert response.get_json()["matches"][0]["claim"]["id"] == claim_id
    assert claim_id not in [m["claim"]["id"] for m in client.post(
        "/check", json={"statement": statement}).get_json()["matches"]]


ROUNDS = 12
SENTENCES = ["The levee held at dawn.", "The pumps failed at noon.", "The water fell by night."]


def race(app, *requests):
    """Send the requests at once, each from its own thread; their responses in order."""
    start, responses = threading.Barrier(len(requests)), [None] * len(requests)

    def send(position, method, path, headers, body):
        client = app.test_client()
        start.wait()
        responses[position] = getattr(client, method)(path, json=body, headers=headers)

    threads = [threading.Thread(target=send, args=(n, *request))
               for n, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def source_edit_dropping_the_quote(source, claim_id, editor, n):
    dropped = SENTENCES[n % 3]
    return (("patch", f"/sources/{source['id']}", editor,
             {"text": " ".join(s for s in SENTENCES if s != dropped)}),
            ("post", f"/claims/{claim_id}/evidence", editor,
             {"source_id": source["id"], "stance": "supports", "quote": dropped}))


def source_delete(source, claim_id, editor, n):
    return (("delete", f"/sources/{source['id']}", editor, None),
            ("post", f"/claims/{claim_id}/evidence", editor,
             {"source_id": source["id"], "stance": "supports", "quote": SENTENCES[n % 3]}))


@pytest.mark.parametrize("pair, outcomes", [
    (source_edit_dropping_the_quote, {(200, 422), (422, 201)}),
    (source_delete, {(204, 422), (409, 201)}),
])
def test_a_source_change_racing_evidence_that_quotes_it_never_leaves_a_broken_quote(
        make_app, tmp_path, pair, outcomes):
    """Finding 1: dropping a sentence from a source, or deleting the source, while evidence
    quoting it is added: one of the two is refused, every time."""
    app = make_app(RATELIMIT_ENABLED=False)
    editor = make_key_headers(app, "editor")
    client = app.test_client()
    claim_id = client.post("/claims", json={"text": "The levee held."},
                           headers=editor).get_json()["id"]
    for n in range(ROUNDS):
        source = client.post("/sources", headers=editor, json={
            "title": f"Levee report {n}", "text": " ".join(SENTENCES)}).get_json()
        change, evidence = race(app, *pair(source, claim_id, editor, n))
        assert (change.status_code, evidence.status_code) in outcomes, (
            n, change.get_json(), evidence.get_json())
    assert_every_quote_verbatim_and_export_seeds_back(app, tmp_path)
