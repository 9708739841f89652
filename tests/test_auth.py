"""API keys: writes need an editor key, reads are open unless configured; only hashes are kept."""
import pytest
from click.testing import CliRunner

from service.auth import hash_key, revoke_key
from service.cli import main
from service.db import database
from service.models import ApiKey

from .conftest import FIXTURE_SEEDS, make_key_headers
from .helpers import assert_problem

NEW_CLAIM = {"text": "The river valley floods closed the main bridge."}


def test_write_without_a_key_is_401(client):
    response = client.post("/claims", json=NEW_CLAIM)
    body = assert_problem(response, 401)
    assert "API key" in body["detail"] and response.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("headers", [
    {"Authorization": "Bearer cc_not-a-real-key"},
    {"X-API-Key": "cc_not-a-real-key"},
    {"Authorization": "Basic dXNlcjpwYXNz"},
    {"Authorization": "Bearer "},
])
def test_write_with_an_invalid_key_is_401(client, headers):
    assert_problem(client.post("/claims", json=NEW_CLAIM, headers=headers), 401)


def test_a_401_says_whether_the_key_is_missing_unknown_or_revoked(client, editor):
    missing = client.post("/claims", json=NEW_CLAIM)
    unknown = client.post("/claims", json=NEW_CLAIM, headers={"X-API-Key": "cc_not-a-real-key"})
    key = editor["Authorization"].split(" ", 1)[1]
    with database.connection_context():
        revoke_key(ApiKey.get(ApiKey.key_hash == hash_key(key)).id)
    revoked = client.post("/claims", json=NEW_CLAIM, headers=editor)
    details = [assert_problem(r, 401)["detail"] for r in (missing, unknown, revoked)]
    assert "has none" in details[0]
    assert "not one this server knows" in details[1]
    assert "revoked" in details[2]
    assert len(set(details)) == 3
    assert missing.headers["WWW-Authenticate"] == "Bearer"
    for response in (unknown, revoked):
        assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    for detail in details:  # nothing about other keys: no name, prefix or date
        assert "test editor" not in detail and key[:10] not in detail and "20" not in detail


def test_write_with_a_reader_key_is_403(client, reader):
    body = assert_problem(client.post("/claims", json=NEW_CLAIM, headers=reader), 403)
    assert "editor" in body["detail"]


def test_editor_key_writes_by_either_header(client, editor):
    assert client.post("/claims", json=NEW_CLAIM, headers=editor).status_code == 201
    key = editor["Authorization"].split(" ", 1)[1]
    response = client.post("/claims", json={"text": "A second new claim about the floods."},
                           headers={"X-API-Key": key})
    assert response.status_code == 201


def test_auth_is_checked_before_the_body(client, reader):
    assert_problem(client.post("/claims", json={"no": "text"}), 401)
    assert_problem(client.post("/claims", json={"no": "text"}, headers=reader), 403)


def test_only_the_hash_is_stored_and_revoked_keys_stop_working(app, client, editor):
    key = editor["Authorization"].split(" ", 1)[1]
    with database.connection_context():
        row = ApiKey.get(ApiKey.key_hash == hash_key(key))
        assert key not in {row.key_hash, row.prefix, row.name}
        assert row.prefix == key[:10] and len(row.key_hash) == 64
        row.revoked_at = row.created_at
        row.save()
    assert_problem(client.post("/claims", json=NEW_CLAIM, headers=editor), 401)


def test_reads_are_open_by_default(client):
    assert client.get("/claims").status_code == 200
    assert client.post("/check", json={"statement": "floods"}).status_code == 200


def test_reads_can_be_closed(make_app):
    app = make_app(READS_NEED_KEY=True)
    client = app.test_client()
    assert_problem(client.get("/claims"), 401)
    assert_problem(client.post("/check", json={"statement": "floods"}), 401)
    reader = make_key_headers(app, "reader")
    assert client.get("/claims", headers=reader).status_code == 200
    assert client.post("/check", json={"statement": "floods"}, headers=reader).status_code == 200
    assert_problem(client.post("/claims", json=NEW_CLAIM, headers=reader), 403)
    for open_path in ("/healthz", "/openapi.json", "/openapi.yaml", "/docs"):
        assert client.get(open_path).status_code == 200, open_path


def test_cors_preflights_need_no_key_when_reads_are_closed(make_app):
    origin = "https://desk.example.org"
    app = make_app(READS_NEED_KEY=True, CORS_ORIGINS=[origin])
    client = app.test_client()
    for path, method in (("/claims", "GET"), ("/check", "POST"), ("/claims", "POST")):
        preflight = client.options(path, headers={
            "Origin": origin, "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": "authorization, content-type"})
        assert preflight.status_code == 200, (path, preflight.get_data())
        assert preflight.headers["Access-Control-Allow-Origin"] == origin
        assert method in preflight.headers["Access-Control-Allow-Methods"]
        assert "authorization" in preflight.headers["Access-Control-Allow-Headers"].lower()
    reader = make_key_headers(app, "reader")
    answer = client.get("/claims", headers={"Origin": origin, **reader})
    assert answer.status_code == 200 and answer.headers["Access-Control-Allow-Origin"] == origin
    assert_problem(client.get("/claims", headers={"Origin": origin}), 401)


def test_spec_documents_both_key_schemes_on_writes(client):
    spec = client.get("/openapi.json").get_json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {"type": "http", "scheme": "bearer",
                                     "description": schemes["bearerAuth"]["description"]}
    assert schemes["apiKeyHeader"]["in"] == "header"
    assert schemes["apiKeyHeader"]["name"] == "X-API-Key"
    writes = [(path, method, op) for path, ops in spec["paths"].items()
              for method, op in ops.items() if method in ("post", "patch", "delete")
              and not path.startswith("/check")]
    assert len(writes) >= 10
    for path, method, operation in writes:
        assert operation["security"] == [{"bearerAuth": []}, {"apiKeyHeader": []}], (method, path)
        assert {"401", "403"} <= set(operation["responses"]), (method, path)
    assert "security" not in spec["paths"]["/claims"]["get"]


@pytest.fixture
def cli(database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CROSSCHECK_SEEDS", str(FIXTURE_SEEDS))

    def invoke(*args):
        return CliRunner().invoke(main, list(args))
    return invoke


def test_keys_cli_creates_lists_and_revokes(cli, make_app, database_url):
    client = make_app().test_client()  # the server made the database; the CLI adds keys to it
    created = cli("keys", "create", "--name", "night desk", "--role", "editor")
    assert created.exit_code == 0, created.output
    *said, key = created.output.strip().splitlines()
    assert database_url.split("@")[-1] in said[-1]
    assert key.startswith("cc_") and " " not in key and len(key) > 40
    listed = cli("keys", "list")
    assert "night desk\teditor\t" + key[:10] in listed.output and "active" in listed.output
    assert key not in listed.output
    headers = {"X-API-Key": key}
    assert client.post("/claims", json=NEW_CLAIM, headers=headers).status_code == 201
    key_id = listed.output.split("\t", 1)[0]
    assert cli("keys", "revoke", key_id).exit_code == 0
    assert "revoked" in cli("keys", "list").output
    assert_problem(client.post("/claims", json=NEW_CLAIM, headers=headers), 401)
    assert cli("keys", "revoke", key_id).exit_code == 1


def test_keys_cli_refuses_an_unknown_role(cli):
    result = cli("keys", "create", "--name", "x", "--role", "admin")
    assert result.exit_code == 2 and "admin" in result.output


@pytest.mark.parametrize("command", [["keys", "create", "--name", "x", "--role", "editor"],
                                     ["keys", "list"], ["keys", "revoke", "1"]])
def test_keys_cli_refuses_a_database_without_crosscheck_tables(tmp_path, monkeypatch, command):
    """Run outside the project, the default database is a new file under the current folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1
    assert str(tmp_path / "instance" / "crosscheck.sqlite3") in result.output
    assert "no Crosscheck tables" in result.output and "--create-database" in result.output
    assert list(tmp_path.iterdir()) == []


def test_keys_cli_creates_the_database_when_asked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    result = CliRunner().invoke(main, ["keys", "create", "--name", "x", "--role", "reader",
                                       "--create-database"])
    assert result.exit_code == 0, result.output
    database_file = tmp_path / "instance" / "crosscheck.sqlite3"
    assert database_file.is_file() and str(database_file) in result.output
    listed = CliRunner().invoke(main, ["keys", "list"])
    assert listed.exit_code == 0 and "\tx\treader\t" in listed.output


def test_keys_cli_masks_a_database_password(cli, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://crosscheck:s3cret@127.0.0.1:1/none")
    result = cli("keys", "list")
    assert result.exit_code == 1 and result.exception.code == 1
    assert "cannot reach postgresql://crosscheck:***@127.0.0.1:1/none" in result.output
    assert "s3cret" not in result.output
