"""The REST API: every route, token and session authentication, roles, CSRF for cookie writes,
and the inbox query on PostgreSQL as well as SQLite."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from casework.pipeline import mark_failed
from intake.channel import store_raw
from models import Channel, InboundMessage, session_scope
from tests.conftest import wait_for_mail
from tests.test_web_support import add_user, csrf_from, ingest, login, mail, web_runtime
from web.app import create_app


@pytest.fixture
def setup(sqlite_url):
    runtime = web_runtime(sqlite_url)
    tokens = {
        "berater": add_user(runtime, "anna", "berater", token=True),
        "leitung": add_user(runtime, "lea", "leitung", token=True),
        "admin": add_user(runtime, "adam", "admin", token=True),
    }
    with TestClient(create_app(runtime)) as client:
        yield runtime, client, tokens
    runtime.engine.dispose()


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_anonymous_and_wrong_tokens_get_nothing(setup):
    _runtime, client, _tokens = setup
    spec = client.get("/api/openapi.json").json()
    api_paths = {path: methods for path, methods in spec["paths"].items() if path.startswith("/api/")}
    assert len(api_paths) >= 15
    for path, methods in api_paths.items():
        concrete = re.sub(r"\{[^}]+\}", "1", path)
        for method in methods:
            response = client.request(method.upper(), concrete, json={})
            assert response.status_code == 401, (method, path, response.status_code)
            assert response.headers.get("www-authenticate") == "Bearer"
            assert client.request(method.upper(), concrete, headers=auth("eg_falsch")).status_code == 401


def test_roles_limit_statistics_and_users(setup):
    _runtime, client, tokens = setup
    assert client.get("/api/me", headers=auth(tokens["berater"])).json()["role"] == "berater"
    assert client.get("/api/users", headers=auth(tokens["berater"])).status_code == 403
    assert client.get("/api/users", headers=auth(tokens["leitung"])).status_code == 403
    assert client.get("/api/statistics", headers=auth(tokens["berater"])).status_code == 403
    assert client.get("/api/statistics/annual/2026", headers=auth(tokens["berater"])).status_code == 403
    users = client.get("/api/users", headers=auth(tokens["admin"])).json()
    assert {u["username"] for u in users} == {"anna", "lea", "adam"} and all(u["has_api_token"] for u in users)
    assert "password_hash" not in users[0] and "api_token_hash" not in users[0]


def test_consultation_read_routes(setup):
    runtime, client, tokens = setup
    reference = ingest(runtime, mail())
    headers = auth(tokens["berater"])
    listing = client.get("/api/consultations", headers=headers).json()["items"]
    assert [row["reference"] for row in listing] == [reference]
    assert listing[0]["topics"] and 0 <= listing[0]["topics"][0]["confidence"] <= 1
    assert client.get("/api/consultations", params={"q": "nichtvorhanden"}, headers=headers).json() == {
        "items": [],
        "next_cursor": None,
        "total": 0,
    }
    detail = client.get(f"/api/consultations/{reference}", headers=headers).json()
    assert detail["suggested_topics"][0]["evidence"] is not None and "candidates" in detail["suggested_authority"]
    assert "in_bearbeitung" in detail["allowed_transitions"]
    messages = client.get(f"/api/consultations/{reference}/messages", headers=headers).json()
    assert messages[0]["direction"] == "inbound" and "DMS" in messages[0]["text"]
    audit = client.get(f"/api/consultations/{reference}/audit", headers=headers).json()
    assert audit[0]["action"] == "created" and audit[0]["actor"] == "system"
    assert client.get("/api/consultations/KV-1999-00009", headers=headers).status_code == 404


def test_consultation_write_routes_use_the_workflow(setup):
    runtime, client, tokens = setup
    reference = ingest(runtime, mail())
    headers = auth(tokens["berater"])
    base = f"/api/consultations/{reference}"
    confirmed = client.post(f"{base}/topics", json={"topics": None}, headers=headers).json()
    assert confirmed["topics_confirmed"] is True
    corrected = client.post(
        f"{base}/topics", json={"topics": ["it_security"], "authority_key": "16061001"}, headers=headers
    ).json()
    assert [t["id"] for t in corrected["topics"]] == ["it_security"] and corrected["authority_key"] == "16061001"
    assert client.post(f"{base}/topics", json={"topics": ["quatsch"]}, headers=headers).status_code == 409
    assigned = client.post(f"{base}/assignee", json={"assignee": "anna"}, headers=headers).json()
    assert assigned["assignee"] == "anna" and assigned["status"] == "in_bearbeitung"
    assert client.post(f"{base}/assignee", json={"assignee": "niemand"}, headers=headers).status_code == 404
    assert client.post(f"{base}/priority", json={"priority": "dringend"}, headers=headers).json()["priority"] == (
        "dringend"
    )
    assert client.post(f"{base}/priority", json={"priority": "sofort"}, headers=headers).status_code == 409
    note = client.post(f"{base}/notes", json={"text": "Rückruf vereinbart"}, headers=headers)
    assert note.status_code == 201 and note.json()["author"] == "anna"
    task = client.post(f"{base}/tasks", json={"title": "Unterlagen prüfen", "due": "2030-03-01"}, headers=headers)
    assert task.status_code == 201
    task_id = task.json()["id"]
    postponed = client.post(
        f"/api/tasks/{task_id}/postpone", json={"reason": "Urlaub", "due": "2030-04-01"}, headers=headers
    ).json()
    assert postponed["due"] == "2030-04-01" and postponed["postponed_reason"] == "Urlaub"
    assert client.post(f"/api/tasks/{task_id}/postpone", json={"reason": ""}, headers=headers).status_code == 409
    assert client.post(f"/api/tasks/{task_id}/complete", headers=headers).json()["status"] == "erledigt"
    assert client.post("/api/tasks/99999/complete", headers=headers).status_code == 404
    status = client.post(f"{base}/status", json={"status": "abgeschlossen", "reason": "fertig"}, headers=headers)
    assert status.json()["status"] == "abgeschlossen"
    assert client.post(f"{base}/status", json={"status": "beantwortet"}, headers=headers).status_code == 409
    actions = [e["action"] for e in client.get(f"{base}/audit", headers=headers).json()]
    for expected in ("topics_confirmed", "topics_corrected", "assigned", "priority_changed", "note_added", "closed"):
        assert expected in actions


def test_task_listing(setup):
    runtime, client, tokens = setup
    reference = ingest(runtime, mail())
    headers = auth(tokens["berater"])
    client.post(
        f"/api/consultations/{reference}/tasks", json={"title": "Überfällig", "due": "2020-01-02"}, headers=headers
    )
    open_tasks = client.get("/api/tasks", headers=headers).json()
    assert any(t["title"] == "Überfällig" for t in open_tasks)
    overdue = client.get("/api/tasks", params={"overdue": True}, headers=headers).json()
    assert [t["title"] for t in overdue] == ["Überfällig"]
    mine = client.get("/api/tasks", params={"consultation": reference}, headers=headers).json()
    assert all(t["reference"] == reference for t in mine)
    assert client.get("/api/tasks", params={"assignee": "gibtsnicht"}, headers=headers).status_code == 404


def test_answers_route_sends_through_the_relay(sqlite_url, smtp_sink, queue_for):
    sink, port = smtp_sink
    runtime = web_runtime(sqlite_url, relay_host="127.0.0.1", relay_port=port)
    queue_for(runtime)  # the embedded worker of `eingang serve` delivers the outbox
    token = add_user(runtime, "anna", "berater", token=True)
    reference = ingest(runtime, mail())
    with TestClient(create_app(runtime)) as client:
        response = client.post(
            f"/api/consultations/{reference}/answers",
            json={"body": "Rückfrage: welches DMS?", "waiting": True},
            headers=auth(token),
        )
        assert response.status_code == 201, response.text
        assert response.json()["status"] == "wartet_auf_rueckmeldung"
    sent = wait_for_mail(sink)
    assert len(sent) == 1 and "welches DMS" in sent[0].get_content()


def test_answers_route_reports_relay_failure(setup):
    runtime, client, tokens = setup
    reference = ingest(runtime, mail())
    response = client.post(
        f"/api/consultations/{reference}/answers", json={"body": "Hallo"}, headers=auth(tokens["berater"])
    )
    assert response.status_code == 502
    messages = client.get(f"/api/consultations/{reference}/messages", headers=auth(tokens["berater"])).json()
    assert [m["direction"] for m in messages] == ["inbound"]


def test_failed_messages_and_reprocess(setup, queue_for):
    runtime, client, tokens = setup
    queue_for(runtime)
    inbound_id, _ = store_raw(runtime.engine, mail(subject="Später gut"), channel=Channel.SMTP)
    with session_scope(runtime.engine) as session:
        mark_failed(session, inbound_id, "RuntimeError: Test")
    failed = client.get("/api/messages/failed", headers=auth(tokens["berater"])).json()
    assert [(m["id"], m["error"]) for m in failed] == [(inbound_id, "RuntimeError: Test")]
    response = client.post(f"/api/messages/{inbound_id}/reprocess", headers=auth(tokens["berater"]))
    assert response.status_code == 202 and response.json()["queued"] is True
    assert client.post("/api/messages/99999/reprocess", headers=auth(tokens["berater"])).status_code == 404
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with Session(runtime.engine) as session:
            if session.get(InboundMessage, inbound_id).status == "processed":
                break
        time.sleep(0.1)
    assert client.get("/api/messages/failed", headers=auth(tokens["berater"])).json() == []


def test_statistics_routes(setup):
    runtime, client, tokens = setup
    ingest(runtime, mail())
    headers = auth(tokens["leitung"])
    stats = client.get("/api/statistics", headers=headers).json()
    keys = [t["key"] for t in stats["tables"]]
    assert {"themen_monate", "neu_abgeschlossen", "kreise", "kommunaltyp", "antwortzeiten", "sla", "aufgaben"} <= set(
        keys
    )
    by_month = client.get("/api/statistics/themen_monate", headers=headers).json()
    assert sum(row[-1] for row in by_month["rows"]) == 1
    empty = client.get(
        "/api/statistics/themen_monate", params={"von": "2001-01-01", "bis": "2001-03-31"}, headers=headers
    )
    assert [row[-1] for row in empty.json()["rows"]] == [0, 0, 0]
    year = date.today().year
    annual = client.get(f"/api/statistics/annual/{year}", headers=headers).json()
    topics = dict(annual["tables"][0]["rows"])
    assert topics["Beratungsfälle insgesamt (jeder einmal)"] == 1
    assert len(annual["tables"][1]["rows"]) >= 22  # every Thuringian district and district-free city
    assert client.get("/api/statistics/gibtsnicht", headers=headers).status_code == 404
    assert (
        client.get("/api/statistics", params={"von": "2026-05-01", "bis": "2026-01-01"}, headers=headers).status_code
        == 400
    )


def test_browser_session_works_for_reads_and_needs_csrf_for_writes(setup):
    runtime, client, _tokens = setup
    reference = ingest(runtime, mail())
    login(client, "anna")
    assert client.get("/api/me").json()["username"] == "anna"
    note = {"text": "per Sitzung"}
    assert client.post(f"/api/consultations/{reference}/notes", json=note).status_code == 403
    csrf = csrf_from(client.get("/eingang").text)
    assert (
        client.post(f"/api/consultations/{reference}/notes", json=note, headers={"X-CSRF-Token": csrf}).status_code
        == 201
    )


def test_api_docs_are_served_without_a_cdn(setup):
    _runtime, client, _tokens = setup
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/docs-assets/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower()
    assert client.get("/api/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_inbox_filters_and_search_on_postgresql(postgres_url):
    runtime = web_runtime(postgres_url)
    token = add_user(runtime, "anna", "berater", token=True)
    first = ingest(runtime, mail(subject="Förderfähigkeit eines DMS"))
    second = ingest(runtime, mail(subject="Phishing-Mail erhalten", body="Wir haben eine PHISHING-Mail bekommen."))
    with TestClient(create_app(runtime)) as client:

        def refs(**params):
            listing = client.get("/api/consultations", params=params, headers=auth(token)).json()
            return [r["reference"] for r in listing["items"]]

        assert set(refs()) == {first, second}
        assert refs(q="phishing") == [second]
        assert refs(q="förderfähigkeit") == [first]
        assert refs(q="100%_") == []
        topic = client.get(f"/api/consultations/{first}", headers=auth(token)).json()["topics"][0]["id"]
        assert first in refs(thema=topic)
        assert refs(von="2001-01-01", bis="2001-01-31") == []
        # the statistics run on PostgreSQL too
        manager = add_user(runtime, "lea", "leitung", token=True)
        tables = {t["key"]: t for t in client.get("/api/statistics", headers=auth(manager)).json()["tables"]}
        assert sum(row[-1] for row in tables["themen_monate"]["rows"]) == 2
        assert sum(row[1] for row in tables["kreise"]["rows"]) == 2
        assert dict(tables["aufgaben"]["rows"])["offen"] >= 1
    runtime.engine.dispose()


def test_one_public_schema_for_a_consultation_in_api_cli_and_openapi(setup, monkeypatch, tmp_path):
    """The API list, the write routes and ``consultations list --format json`` show a consultation
    in the same shape (``ConsultationPublic``); the detail route and ``consultations show`` in the
    same larger one (``ConsultationDetail``); OpenAPI names the schemas."""
    import json

    from typer.testing import CliRunner

    from eingang.cli.main import app
    from models.public import ConsultationDetail, ConsultationPublic, TaskPublic

    runtime, client, tokens = setup
    reference = ingest(runtime, mail())
    headers = auth(tokens["berater"])
    (listed,) = client.get("/api/consultations", headers=headers).json()["items"]
    written = client.post(f"/api/consultations/{reference}/priority", json={"priority": "hoch"}, headers=headers)
    detail = client.get(f"/api/consultations/{reference}", headers=headers).json()
    assert set(listed) == set(written.json()) == set(ConsultationPublic.model_fields)
    assert set(detail) == set(ConsultationDetail.model_fields)
    assert set(listed["tasks"][0]) == set(TaskPublic.model_fields)

    monkeypatch.chdir(tmp_path)
    env = {"EINGANG_DATABASE_URL": runtime.settings.database_url}
    cli_list = CliRunner().invoke(app, ["consultations", "list", "--format", "json"], env=env)
    cli_show = CliRunner().invoke(app, ["consultations", "show", reference, "--format", "json"], env=env)
    assert cli_list.exit_code == 0 and cli_show.exit_code == 0, cli_list.output + cli_show.output
    (cli_row,) = json.loads(cli_list.stdout)
    assert cli_row == client.get("/api/consultations", headers=headers).json()["items"][0]
    assert json.loads(cli_show.stdout) == client.get(f"/api/consultations/{reference}", headers=headers).json()

    spec = client.get("/api/openapi.json").json()
    for name in ("ConsultationPublic", "ConsultationDetail", "TaskPublic", "NotePublic", "MessagePublic"):
        assert name in spec["components"]["schemas"], name
    listing = spec["paths"]["/api/consultations"]["get"]["responses"]["200"]["content"]["application/json"]
    assert listing["schema"]["$ref"].endswith("/ConsultationPage")
    page = spec["components"]["schemas"]["ConsultationPage"]["properties"]["items"]
    assert page["items"]["$ref"].endswith("/ConsultationPublic")
