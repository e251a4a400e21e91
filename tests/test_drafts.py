"""Reply drafts on the server and the reply editor's send (issue 14): one draft per consultant
and consultation (``GET/PUT /api/consultations/{reference}/draft``), untouched by a colleague's
change of the case, shown again on the case page and deleted by sending; the page's send puts
the signature and the quoted original under the text, goes to To and CC with the attachments
(real SMTP sink, through the outbox), sets the chosen status in the same step and refuses
attachments above the limit with a German message."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from casework import replies, workflow
from models import ConsultationMessage, ReplyDraft, session_scope
from tests.conftest import wait_for_mail
from tests.test_web_support import add_user, consultation, csrf_from, ingest, login, mail, web_runtime
from web.app import create_app


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'drafts.db'}"
    return request.getfixturevalue("postgres_url")


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_draft_per_consultant_survives_a_colleagues_change(database_url):
    runtime = web_runtime(database_url)
    anna = add_user(runtime, "anna", "berater", token=True)
    ben = add_user(runtime, "ben", "berater", token=True)
    reference = ingest(runtime, mail())
    try:
        with TestClient(create_app(runtime)) as client:
            empty = client.get(f"/api/consultations/{reference}/draft", headers=auth(anna))
            assert empty.status_code == 200 and empty.json() == {
                "reference": reference,
                "body": "",
                "to": "",
                "cc": "",
                "updated_at": None,
            }
            draft = {"body": "Sehr geehrte Damen und Herren,\nbis Freitag …", "to": "hauptamt@vg-leinetal.de", "cc": ""}
            saved = client.put(f"/api/consultations/{reference}/draft", json=draft, headers=auth(anna))
            assert saved.status_code == 200 and saved.json()["updated_at"] is not None
            # A colleague works on the case (status, priority, own draft): Anna's draft stays.
            assert (
                client.post(
                    f"/api/consultations/{reference}/status", json={"status": "in_bearbeitung"}, headers=auth(ben)
                ).status_code
                == 200
            )
            client.put(f"/api/consultations/{reference}/draft", json={"body": "Bens Entwurf"}, headers=auth(ben))
            mine = client.get(f"/api/consultations/{reference}/draft", headers=auth(anna)).json()
            assert (mine["body"], mine["to"]) == (draft["body"], draft["to"])
            assert (
                client.get(f"/api/consultations/{reference}/draft", headers=auth(ben)).json()["body"] == "Bens Entwurf"
            )
            again = client.put(
                f"/api/consultations/{reference}/draft", json={"body": "Zweite Fassung"}, headers=auth(anna)
            )
            assert again.json()["body"] == "Zweite Fassung"
            assert client.get("/api/consultations/KV-1999-99999/draft", headers=auth(anna)).status_code == 404
            too_long = {"body": "x" * (replies.MAX_DRAFT + 1)}
            assert (
                client.put(f"/api/consultations/{reference}/draft", json=too_long, headers=auth(anna)).status_code
                == 422
            )
            # A browser session needs the CSRF header for a write.
            assert login(client, "anna").status_code == 303
            assert client.put(f"/api/consultations/{reference}/draft", json=draft).status_code == 403
        with session_scope(runtime.engine) as session:
            assert len(session.exec(select(ReplyDraft)).all()) == 2
    finally:
        runtime.engine.dispose()


def test_the_case_page_shows_the_saved_draft_and_the_session_saves_with_csrf(database_url):
    runtime = web_runtime(database_url)
    add_user(runtime, "anna", "berater")
    reference = ingest(runtime, mail())
    try:
        with TestClient(create_app(runtime)) as client:
            assert login(client, "anna").status_code == 303
            page = client.get(f"/faelle/{reference}").text
            token = csrf_from(page)
            assert 'id="reply-form"' in page and 'src="/static/reply.js"' in page and "<script>" not in page
            headers = {"X-CSRF-Token": token}
            body = {"body": "Mein getippter Text", "to": "hauptamt@vg-leinetal.de", "cc": "kaemmerei@vg-leinetal.de"}
            assert client.put(f"/api/consultations/{reference}/draft", json=body, headers=headers).status_code == 200
            page = client.get(f"/faelle/{reference}").text
            assert "Mein getippter Text</textarea>" in page and "wiederhergestellt" in page
            assert 'name="cc" value="kaemmerei@vg-leinetal.de"' in page
    finally:
        runtime.engine.dispose()


def test_send_with_quote_signature_cc_attachment_and_status_clears_the_draft(database_url, smtp_sink, queue_for):
    sink, port = smtp_sink
    runtime = web_runtime(database_url, relay_host="127.0.0.1", relay_port=port)
    queue_for(runtime)
    add_user(runtime, "anna", "berater")
    reference = ingest(runtime, mail(body="Ist ein DMS förderfähig?\nWelche Unterlagen?"))
    try:
        with TestClient(create_app(runtime)) as client:
            assert login(client, "anna").status_code == 303
            token = csrf_from(client.get("/profil").text)
            saved = client.post("/profil", data={"csrf_token": token, "signature": "Anna Berater\nKompetenzzentrum"})
            assert "Signatur gespeichert." in saved.text and "Anna Berater\nKompetenzzentrum</textarea>" in saved.text
            headers = {"X-CSRF-Token": token}
            client.put(f"/api/consultations/{reference}/draft", json={"body": "Entwurf"}, headers=headers)
            form = {
                "csrf_token": token,
                "body": "Ja, ein DMS ist förderfähig.",
                "to": "hauptamt@vg-leinetal.de",
                "cc": "kaemmerei@vg-leinetal.de",
                "confirm_contacts": "kaemmerei@vg-leinetal.de",
                "include_signature": "true",
                "include_quote": "true",
                "status_after": "abgeschlossen",
            }
            files = [("attachments", ("Merkblatt Förderung.pdf", b"%PDF-1.4 Merkblatt", "application/pdf"))]
            sent = client.post(f"/faelle/{reference}/antwort", data=form, files=files)
            assert sent.status_code == 200 and "Antwort gesendet. Status: abgeschlossen." in sent.text
            assert client.get(f"/api/consultations/{reference}/draft", headers=headers).json()["body"] == ""
        (answer,) = [m for m in wait_for_mail(sink) if "Auto-Submitted" not in m]
        assert answer["To"] == "hauptamt@vg-leinetal.de" and answer["Cc"] == "kaemmerei@vg-leinetal.de"
        text = answer.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
        assert text.startswith("Ja, ein DMS ist förderfähig.\n\n-- \nAnna Berater\nKompetenzzentrum\n\nAm ")
        assert " schrieb Hauptamt VG Leinetal:\n> Ist ein DMS förderfähig?\n> Welche Unterlagen?" in text
        (attachment,) = list(answer.iter_attachments())
        assert attachment.get_filename() == "Merkblatt Förderung.pdf"
        assert attachment.get_content_type() == "application/pdf" and attachment.get_content() == b"%PDF-1.4 Merkblatt"
        row = consultation(runtime, reference)
        assert row.status == "abgeschlossen" and row.first_response_at is not None
        with session_scope(runtime.engine) as session:
            assert session.exec(select(ReplyDraft)).all() == []
            # Stored like inbound mail: the text, and signature and quote apart (folded on the page).
            stored = session.exec(select(ConsultationMessage).where(ConsultationMessage.direction == "outbound")).one()
            assert (stored.text, stored.signature) == ("Ja, ein DMS ist förderfähig.", "Anna Berater\nKompetenzzentrum")
            assert stored.quoted_text.startswith("Am ") and "> Welche Unterlagen?" in stored.quoted_text
    finally:
        runtime.engine.dispose()


def test_too_large_attachments_are_refused_in_german_and_the_text_is_kept(sqlite_url, smtp_sink):
    _sink, port = smtp_sink
    runtime = web_runtime(sqlite_url, relay_host="127.0.0.1", relay_port=port, answer_max_attachment_bytes=1024 * 1024)
    add_user(runtime, "anna", "berater")
    reference = ingest(runtime, mail())
    try:
        with TestClient(create_app(runtime)) as client:
            assert login(client, "anna").status_code == 303
            token = csrf_from(client.get(f"/faelle/{reference}").text)
            form = {"csrf_token": token, "body": "Anbei die Unterlagen.", "status_after": "beantwortet"}
            files = [
                ("attachments", ("a.pdf", b"x" * 700_000, "application/pdf")),
                ("attachments", ("b.pdf", b"y" * 700_000, "application/pdf")),
            ]
            refused = client.post(f"/faelle/{reference}/antwort", data=form, files=files)
            assert refused.status_code == 422
            assert "Die Anhänge sind zusammen 1,3 MB groß; erlaubt sind höchstens 1,0 MB je Antwort." in refused.text
            assert "Anbei die Unterlagen.</textarea>" in refused.text
        assert consultation(runtime, reference).status == "neu"
    finally:
        runtime.engine.dispose()


def test_the_service_refuses_too_large_attachments_too(sqlite_url):
    runtime = web_runtime(sqlite_url, relay_host="127.0.0.1", answer_max_attachment_bytes=10)
    add_user(runtime, "anna", "berater")
    reference = ingest(runtime, mail())
    from casework.answers import send_answer

    with session_scope(runtime.engine) as session, pytest.raises(workflow.WorkflowError, match="höchstens"):
        send_answer(
            session,
            consultation=reference,
            actor="anna",
            body="Text",
            settings=runtime.settings,
            attachments=[("a.txt", "text/plain", b"x" * 11)],
        )
    runtime.engine.dispose()


def test_the_api_sends_with_signature_quote_and_attachment_and_clears_the_draft(sqlite_url, smtp_sink, queue_for):
    import base64

    sink, port = smtp_sink
    runtime = web_runtime(sqlite_url, relay_host="127.0.0.1", relay_port=port)
    queue_for(runtime)
    token = add_user(runtime, "anna", "berater", token=True)
    reference = ingest(runtime, mail(body="Frage zur Förderung."))
    with session_scope(runtime.engine) as session:
        from models import UserAccount

        anna = session.exec(select(UserAccount).where(UserAccount.username == "anna")).one()
        replies.set_signature(session, user=anna, signature="Anna\nKompetenzzentrum")
    try:
        with TestClient(create_app(runtime)) as client:
            client.put(f"/api/consultations/{reference}/draft", json={"body": "Entwurf"}, headers=auth(token))
            answer = {
                "body": "Ja.",
                "include_signature": True,
                "include_quote": True,
                "attachments": [
                    {
                        "filename": "Liste\r\n.csv",
                        "content_type": "text/csv",
                        "data": base64.b64encode(b"a;b\n").decode(),
                    }
                ],
            }
            sent = client.post(f"/api/consultations/{reference}/answers", json=answer, headers=auth(token))
            assert sent.status_code == 201, sent.text
            assert client.get(f"/api/consultations/{reference}/draft", headers=auth(token)).json()["body"] == ""
            empty = client.post(
                f"/api/consultations/{reference}/answers", json={**answer, "body": " "}, headers=auth(token)
            )
            assert empty.status_code == 409 and "leer" in empty.json()["detail"]
        (mail_sent,) = [m for m in wait_for_mail(sink) if "Auto-Submitted" not in m]
        text = mail_sent.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
        assert text.startswith("Ja.\n\n-- \nAnna\nKompetenzzentrum\n\nAm ") and "> Frage zur Förderung." in text
        (attachment,) = list(mail_sent.iter_attachments())
        assert attachment.get_filename() == "Liste.csv" and attachment.get_content_type() == "text/csv"
    finally:
        runtime.engine.dispose()
