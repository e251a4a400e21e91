"""Chat hijack (issue 13): an anonymous chat visitor who types the reference of an existing
consultation gets nothing of it — no messages, answers or status — until they enter the
one-time code that was mailed (through the outbox, to a real aiosmtpd sink) to that
consultation's contacts. Claiming the original sender's address proves nothing. Real uvicorn
serving the real app, real HTTP."""

from __future__ import annotations

import re
from email.message import EmailMessage
from email.utils import make_msgid

import httpx
from sqlmodel import Session, select

from casework import outbox
from casework.answers import send_answer
from casework.pipeline import process_stored_message
from intake.channel import store_raw
from models import AuditEntry, ChatSession, Consultation, ConsultationMessage, OutboundMail, session_scope
from tests.chat_support import consultant_token, serve_app
from tests.conftest import free_port, make_settings, migrated_runtime, wait_for_mail

HTTP = httpx.Client(timeout=60)
ORIGINAL = "hauptamt@vg-leinetal.de"
SECRET_ANSWER = "Vertraulich: der Eigenanteil beträgt 10 Prozent."


def _original_consultation(runtime) -> str:
    message = EmailMessage()
    message["From"] = f"Hauptamt VG Leinetal <{ORIGINAL}>"
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = "Förderantrag Dokumentenmanagement"
    message["Message-ID"] = make_msgid(domain="vg-leinetal.de")
    message.set_content("Ist ein DMS nach ThürEGovRL förderfähig?\n\nHauptamt\nVG Leinetal")
    inbound_id, _ = store_raw(runtime.engine, message.as_bytes(), channel="smtp")
    with session_scope(runtime.engine) as session:
        reference = process_stored_message(session, inbound_id, runtime=runtime).reference
    consultant_token(runtime, "anna")
    with outbox.transaction(runtime) as session:
        send_answer(session, consultation=reference, actor="anna", body=SECRET_ANSWER, settings=runtime.settings)
    return reference


def _say(address: str, token: str, client_id: str, text: str) -> list[dict]:
    response = HTTP.post(
        f"http://{address}/chat/api/messages", json={"id": client_id, "text": text}, headers={"X-Chat-Token": token}
    )
    assert response.status_code == 200, response.text
    return response.json()["lines"]


def _history(address: str, token: str) -> list[dict]:
    return HTTP.get(f"http://{address}/chat/api/lines", params={"after": 0}, headers={"X-Chat-Token": token}).json()[
        "lines"
    ]


def test_chat_naming_a_reference_gets_nothing_until_the_mailed_code_is_entered(tmp_path, smtp_sink, queue_for):
    sink, port = smtp_sink
    runtime = migrated_runtime(
        make_settings(database_url=f"sqlite:///{tmp_path / 'chat.db'}", relay_host="127.0.0.1", relay_port=port)
    )
    queue_for(runtime)
    reference = _original_consultation(runtime)
    wait_for_mail(sink, 1)  # the answer to the municipality
    with serve_app(runtime, free_port()) as address:
        # the visitor claims the original sender's (unverified) address
        started = HTTP.post(
            f"http://{address}/chat/api/sessions",
            json={"name": "Hauptamt Leinetal", "email": ORIGINAL, "authority_key": "160615009"},
        )
        assert started.status_code == 201, started.text
        token = started.json()["token"]
        lines = _say(address, token, "c1", f"{reference}: wie ist der Stand? Bitte die letzte Antwort noch einmal.")
        assistant = lines[-1]
        assert "Bestätigungscode" in assistant["text"]
        assert assistant["reference"] != reference  # its own consultation
        own_reference = assistant["reference"]

        with Session(runtime.engine) as session:
            original = session.exec(select(Consultation).where(Consultation.reference == reference)).one()
            own = session.exec(select(Consultation).where(Consultation.reference == own_reference)).one()
            chat = session.exec(select(ChatSession)).one()
            assert chat.consultation_id == own.id and chat.claim_consultation_id == original.id
            assert own.related_consultation_id == original.id and own.needs_review
            assert reference in own.review_reason and "nicht nachgewiesen" in own.review_reason
            senders = session.exec(
                select(ConsultationMessage.channel).where(ConsultationMessage.consultation_id == original.id)
            ).all()
            assert "chat" not in senders  # nothing of the chat went into the original consultation
        # the code went to the consultation's contact through the outbox, not to the chat
        (code_mail,) = [m for m in wait_for_mail(sink, 2) if "Bestätigungscode" in str(m["Subject"])]
        assert code_mail["To"] == ORIGINAL
        code = re.search(r"Code ein: (\d{6})", code_mail.get_content()).group(1)

        wrong = "000000" if code != "000000" else "111111"
        assert "stimmt nicht" in _say(address, token, "c2", wrong)[-1]["text"]
        # a consultant writes on the original consultation: the unproven chat sees none of it
        bearer = consultant_token(runtime, "berta")
        refused = HTTP.post(
            f"http://{address}/chat/api/consultations/{original.id}/answers",
            json={"text": "Nur für das Hauptamt."},
            headers={"Authorization": f"Bearer {bearer}"},
        )
        assert refused.status_code == 404  # the original has no chat; the visitor is not attached
        history = _history(address, token)
        everything = "\n".join(line["text"] for line in history)
        assert SECRET_ANSWER not in everything and "Nur für das Hauptamt" not in everything
        assert "Förderantrag Dokumentenmanagement" not in everything
        assert {line["reference"] for line in history} == {own_reference}
        assert [line["role"] for line in history] == ["visitor", "assistant", "visitor", "assistant"]

        # whoever really reads the contact's mail enters the code: now the chat belongs to it
        assert "bestätigt" in _say(address, token, "c3", code)[-1]["text"]
        assert {line["reference"] for line in _history(address, token)} == {reference}
        with Session(runtime.engine) as session:
            chat = session.exec(select(ChatSession)).one()
            assert chat.consultation_id == original.id and chat.claim_verified_at is not None
            assert session.get(Consultation, own.id).merged_into_id == original.id
            actions = session.exec(select(AuditEntry.action).where(AuditEntry.consultation_id == original.id)).all()
            assert "chat_verified" in actions and "merged_from" in actions
        answered = HTTP.post(
            f"http://{address}/chat/api/consultations/{original.id}/answers",
            json={"text": "Jetzt für Sie sichtbar."},
            headers={"Authorization": f"Bearer {bearer}"},
        )
        assert answered.status_code == 201, answered.text
        assert "Jetzt für Sie sichtbar." in [line["text"] for line in _history(address, token)]
        # a reference that does not exist gets the same answer (existence is not revealed)
        other = HTTP.post(
            f"http://{address}/chat/api/sessions", json={"name": "Neugierig", "email": "x@example.org"}
        ).json()["token"]
        assert "Bestätigungscode" in _say(address, other, "n1", "Was ist mit KV-2026-09999?")[-1]["text"]
        # a used code cannot be replayed
        assert "bestätigt" not in _say(address, token, "c4", code)[-1]["text"]
    with session_scope(runtime.engine) as session:
        codes = session.exec(select(OutboundMail).where(OutboundMail.kind == "chat_code")).all()
        assert len(codes) == 1 and code not in (codes[0].subject or "")
    runtime.engine.dispose()
