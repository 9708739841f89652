"""Writes sent with an Idempotency-Key: a retry is answered as the first request was and writes
nothing; the key with another request is refused; keys belong to one API key."""
import threading

import pytest

from service.db import database
from service.models import Claim, IdempotencyKey

from .conftest import make_key_headers
from .helpers import assert_problem

CLAIM = {"text": "The bridge over the river valley was closed."}


def keyed(headers, key):
    return {**headers, "Idempotency-Key": f'"{key}"'}


def claims_with_text(text):
    with database.connection_context():
        return Claim.select().where(Claim.text == text).count()


def test_a_retry_with_the_same_key_gets_the_first_answer_and_writes_once(client, editor):
    first = client.post("/claims", json=CLAIM, headers=keyed(editor, "k-1"))
    again = client.post("/claims", json=CLAIM, headers=keyed(editor, "k-1"))
    assert first.status_code == again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert claims_with_text(CLAIM["text"]) == 1
    other = client.post("/claims", json=CLAIM, headers=keyed(editor, "k-2"))
    assert other.status_code == 201 and other.get_json()["id"] != first.get_json()["id"]


def test_the_same_key_with_a_different_body_is_422(client, editor):
    assert client.post("/claims", json=CLAIM, headers=keyed(editor, "k-1")).status_code == 201
    body = assert_problem(client.post("/claims", json={"text": "Another claim."},
                                      headers=keyed(editor, "k-1")), 422)
    assert "Idempotency-Key" in body["errors"]
    assert claims_with_text("Another claim.") == 0


def test_keys_are_scoped_per_api_key(app, client, editor):
    other_editor = make_key_headers(app, "editor")
    assert client.post("/claims", json=CLAIM, headers=keyed(editor, "shared")).status_code == 201
    assert client.post("/claims", json=CLAIM,
                       headers=keyed(other_editor, "shared")).status_code == 201
    assert claims_with_text(CLAIM["text"]) == 2


def test_a_refused_write_does_not_use_up_its_key(client, editor):
    claim_id = client.post("/claims", json=CLAIM, headers=editor).get_json()["id"]
    holder = client.post("/claims", json={"ref": "dup", "text": "x"}, headers=editor).get_json()
    clash = client.patch(f"/claims/{claim_id}", json={"ref": "dup"}, headers=keyed(editor, "k"))
    assert_problem(clash, 409)
    with database.connection_context():
        assert IdempotencyKey.select().count() == 0
    client.patch(f"/claims/{holder['id']}", json={"ref": "freed"}, headers=editor)
    retried = client.patch(f"/claims/{claim_id}", json={"ref": "dup"}, headers=keyed(editor, "k"))
    assert retried.status_code == 200 and retried.get_json()["ref"] == "dup"


def test_a_replayed_delete_answers_204_not_404(client, editor):
    claim_id = client.post("/claims", json=CLAIM, headers=editor).get_json()["id"]
    for _ in range(2):
        response = client.delete(f"/claims/{claim_id}", headers=keyed(editor, "gone"))
        assert response.status_code == 204
    assert client.delete(f"/claims/{claim_id}", headers=editor).status_code == 404


@pytest.mark.parametrize("key", ["", "has space", "x" * 201, '"in"side"'])
def test_a_malformed_key_is_422_naming_the_header(client, editor, key):
    body = assert_problem(client.post("/claims", json=CLAIM,
                                      headers={**editor, "Idempotency-Key": key}), 422)
    assert "Idempotency-Key" in body["errors"]
    assert claims_with_text(CLAIM["text"]) == 0


def test_concurrent_requests_with_one_key_write_once(make_app):
    app = make_app(RATELIMIT_ENABLED=False)
    editor = keyed(make_key_headers(app, "editor"), "at-once")
    start, answers = threading.Barrier(4), []

    def send():
        client = app.test_client()
        start.wait()
        answers.append(client.post("/claims", json=CLAIM, headers=editor))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {a.status_code for a in answers} == {201}
    assert len({a.get_json()["id"] for a in answers}) == 1
    assert claims_with_text(CLAIM["text"]) == 1


def test_a_dry_run_answers_exactly_what_would_be_stored_and_stores_nothing(client, editor):
    before = client.get("/claims").get_json()["total"]
    dry = client.post("/claims?dry_run=true", json={"ref": "trial", **CLAIM}, headers=editor)
    assert dry.status_code == 201
    assert (dry.get_json()["ref"], dry.get_json()["text"]) == ("trial", CLAIM["text"])
    assert client.get("/claims").get_json()["total"] == before
    real = client.post("/claims", json={"ref": "trial", **CLAIM}, headers=editor)
    assert real.status_code == 201
    assert {k: v for k, v in real.get_json().items() if k != "id"} == {
        k: v for k, v in dry.get_json().items() if k != "id"}
    claim_id = real.get_json()["id"]
    refused = client.post("/claims?dry_run=true", json={"ref": "trial", **CLAIM}, headers=editor)
    assert_problem(refused, 409)
    assert client.delete(f"/claims/{claim_id}?dry_run=1", headers=editor).status_code == 204
    assert client.get(f"/claims/{claim_id}").status_code == 200
    assert len(client.get(f"/claims/{claim_id}/revisions").get_json()["items"]) == 1


def test_a_dry_run_keeps_no_idempotency_key(client, editor):
    dry = client.post("/claims?dry_run=true", json=CLAIM, headers=keyed(editor, "later"))
    assert dry.status_code == 201
    real = client.post("/claims", json=CLAIM, headers=keyed(editor, "later"))
    assert real.status_code == 201 and "Idempotent-Replayed" not in real.headers
    assert claims_with_text(CLAIM["text"]) == 1


def test_keys_older_than_the_retention_are_pruned_by_the_next_keyed_write(app, client, editor):
    import datetime

    from service.models import utcnow

    assert client.post("/claims", json=CLAIM, headers=keyed(editor, "old")).status_code == 201
    assert client.post("/claims", json={"text": "A second claim."},
                       headers=keyed(editor, "recent")).status_code == 201
    hours = app.config["IDEMPOTENCY_RETENTION_HOURS"]
    with database.connection_context():
        IdempotencyKey.update(created_at=utcnow() - datetime.timedelta(hours=hours, minutes=1)
                              ).where(IdempotencyKey.key == "old").execute()
    app.extensions["idempotency"]["pruned_at"] = None  # as if PRUNE_EVERY had passed
    assert client.post("/claims", json={"text": "A third claim."},
                       headers=keyed(editor, "new")).status_code == 201
    with database.connection_context():
        assert sorted(k.key for k in IdempotencyKey.select()) == ["new", "recent"]
    # the pruned key is free again: the same request with it writes anew
    again = client.post("/claims", json=CLAIM, headers=keyed(editor, "old"))
    assert again.status_code == 201 and "Idempotent-Replayed" not in again.headers
    assert claims_with_text(CLAIM["text"]) == 2
