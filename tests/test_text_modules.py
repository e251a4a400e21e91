"""Text modules (Textbausteine, issue 14): placeholders checked when saved and filled per
consultation, topics tagged and suggested first, the REST API (reading for consultants,
changing for administrators) and the administrators' pages — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from casework import text_modules
from casework.workflow import load_consultation
from models import TextModule, UserAccount, session_scope
from tests.test_web_support import add_user, csrf_from, ingest, login, mail, web_runtime
from web.app import create_app

GREETING = "{{anrede}}\n\nzu Ihrer Anfrage {{referenz}} ({{behoerde}}) antworte ich bis {{frist}}.\n\n{{berater}}"


@pytest.fixture(params=["sqlite", "postgres"])
def runtime(request, tmp_path):
    if request.param == "sqlite":
        rt = web_runtime(f"sqlite:///{tmp_path / 'modules.db'}")
    else:
        rt = web_runtime(request.getfixturevalue("postgres_url"))
    yield rt
    rt.engine.dispose()


def test_unknown_or_broken_placeholders_are_refused_when_saved(runtime):
    taxonomy = runtime.taxonomy
    with session_scope(runtime.engine) as session:
        with pytest.raises(text_modules.TextModuleError, match=r"Unbekannter Platzhalter „\{\{name\}\}“"):
            text_modules.create_module(session, actor="adam", title="Falsch", body="Hallo {{name}}", taxonomy=taxonomy)
        with pytest.raises(text_modules.TextModuleError, match="nicht geschlossen"):
            text_modules.create_module(session, actor="adam", title="Offen", body="Hallo {{anrede", taxonomy=taxonomy)
        with pytest.raises(text_modules.TextModuleError, match="Unbekanntes Thema"):
            text_modules.create_module(session, actor="adam", title="T", body="x", topics=["kochen"], taxonomy=taxonomy)
        with pytest.raises(text_modules.TextModuleError, match="Titel"):
            text_modules.create_module(session, actor="adam", title=" ", body="x", taxonomy=taxonomy)
        row = text_modules.create_module(
            session, actor="adam", title="Eingang", body=GREETING, topics=["eligibility"], taxonomy=taxonomy
        )
        assert text_modules.check_placeholders(row.body) == ["anrede", "referenz", "behoerde", "frist", "berater"]
        with pytest.raises(text_modules.TextModuleError):
            text_modules.update_module(session, module_id=row.id, actor="adam", title="Eingang", body="{{ xyz }}")
    with session_scope(runtime.engine) as session:
        (stored,) = session.exec(select(TextModule)).all()
        assert stored.body == GREETING and stored.topics == ["eligibility"]


def test_placeholders_are_filled_for_the_consultation(runtime):
    add_user(runtime, "anna", "berater")
    reference = ingest(runtime, mail(sender="Frau Petra Schulze <hauptamt@vg-leinetal.de>"))
    with session_scope(runtime.engine) as session:
        consultation = load_consultation(session, reference)
        anna = session.exec(select(UserAccount).where(UserAccount.username == "anna")).one()
        values = text_modules.placeholder_values(
            session, consultation=consultation, consultant=anna, today=date(2026, 12, 3)
        )
        text = text_modules.fill(GREETING, values)
    assert text.startswith("Sehr geehrte Frau Petra Schulze,\n\nzu Ihrer Anfrage " + reference)
    assert "{{" not in text and text.endswith("Anna")
    assert values["frist"].count(".") == 2  # dd.mm.yyyy
    assert text_modules.salutation("Herr Müller") == "Sehr geehrter Herr Müller,"
    assert text_modules.salutation("Hauptamt VG Leinetal") == "Sehr geehrte Damen und Herren,"


def test_modules_of_the_consultations_topics_come_first(runtime):
    with session_scope(runtime.engine) as session:
        for title, topics in (("A Allgemein", []), ("B Sicherheit", ["it_security"]), ("C Förderung", ["eligibility"])):
            text_modules.create_module(session, actor="adam", title=title, body="Text", topics=topics)
        order = [m.title for m in text_modules.suggested(text_modules.list_modules(session), ["eligibility"])]
        assert order == ["C Förderung", "A Allgemein", "B Sicherheit"]
        assert [m.title for m in text_modules.list_modules(session, topic="it_security")] == ["B Sicherheit"]


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_api_reads_for_consultants_and_changes_for_admins(runtime):
    consultant = add_user(runtime, "anna", "berater", token=True)
    admin = add_user(runtime, "adam", "admin", token=True)
    with TestClient(create_app(runtime)) as client:
        body = {"title": "Förderhinweis", "body": "{{anrede}}\nGefördert nach ThürEGovRL.", "topics": ["eligibility"]}
        assert client.post("/api/text-modules", json=body, headers=auth(consultant)).status_code == 403
        created = client.post("/api/text-modules", json=body, headers=auth(admin))
        assert created.status_code == 201, created.text
        module = created.json()
        assert module["placeholders"] == ["anrede"] and module["topics"] == ["eligibility"]
        refused = client.post("/api/text-modules", json={**body, "body": "Hallo {{vorname}}"}, headers=auth(admin))
        assert refused.status_code == 422 and "Unbekannter Platzhalter" in refused.json()["detail"]
        listed = client.get("/api/text-modules", headers=auth(consultant)).json()
        assert [m["title"] for m in listed] == ["Förderhinweis"]
        assert client.get("/api/text-modules?topic=it_security", headers=auth(consultant)).json() == []
        path = f"/api/text-modules/{module['id']}"
        changed = {**body, "title": "Förderhinweis (neu)", "topics": ["eligibility", "ozg_duties"]}
        assert client.put(path, json=changed, headers=auth(consultant)).status_code == 403
        updated = client.put(path, json=changed, headers=auth(admin))
        assert updated.status_code == 200 and updated.json()["topics"] == ["eligibility", "ozg_duties"]
        assert client.put("/api/text-modules/999", json=changed, headers=auth(admin)).status_code == 404
        assert client.delete(path, headers=auth(consultant)).status_code == 403
        assert client.delete(path, headers=auth(admin)).status_code == 204
        assert client.get("/api/text-modules", headers=auth(consultant)).json() == []
        assert client.delete(path, headers=auth(admin)).status_code == 404


def test_admins_manage_modules_on_their_page(runtime):
    add_user(runtime, "anna", "berater")
    add_user(runtime, "adam", "admin")
    with TestClient(create_app(runtime)) as client:
        assert login(client, "anna").status_code == 303
        assert client.get("/admin/textbausteine").status_code == 403
        assert 'href="/admin/textbausteine"' not in client.get("/eingang").text
        client.post("/abmelden", data={"csrf_token": csrf_from(client.get("/eingang").text)})
        assert login(client, "adam").status_code == 303
        page = client.get("/admin/textbausteine")
        assert page.status_code == 200 and "Noch keine Textbausteine." in page.text and "{{frist}}" in page.text
        token = csrf_from(page.text)
        form = {"csrf_token": token, "title": "Rückfrage Unterlagen", "body": "{{anrede}}\nBitte senden Sie …"}
        assert client.post("/admin/textbausteine", data={**form, "body": "{{foo}}"}).status_code == 422
        assert client.post("/admin/textbausteine", data={**form, "topics": ["eligibility"]}).status_code == 200
        with session_scope(runtime.engine) as session:
            (row,) = session.exec(select(TextModule)).all()
            module_id = row.id
        page = client.get(f"/admin/textbausteine/{module_id}").text
        assert "Rückfrage Unterlagen" in page and "bearbeiten" in page
        edited = client.post(f"/admin/textbausteine/{module_id}", data={**form, "title": "Rückfrage: Unterlagen"})
        assert "Textbaustein „Rückfrage: Unterlagen“ gespeichert." in edited.text
        assert (
            client.post(f"/admin/textbausteine/{module_id}/loeschen", data={"csrf_token": "falsch"}).status_code == 403
        )
        deleted = client.post(f"/admin/textbausteine/{module_id}/loeschen", data={"csrf_token": token})
        assert "gelöscht" in deleted.text and "Noch keine Textbausteine." in deleted.text
