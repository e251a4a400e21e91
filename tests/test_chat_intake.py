"""The chat channel's message format and storage: RFC 5322 bytes, idempotency per client id,
the chosen authority trusted only for chat, and the guidance file's format."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from casework.chat_guidance import load_guidance
from casework.pipeline import process_stored_message
from intake.channel import store_raw
from intake.chat import (
    ChatInputError,
    build_chat_mail,
    chat_message_id,
    clean_email,
    clean_name,
    clean_text,
    declared_authority,
    store_chat_message,
)
from models import ChatMessage, ChatSession, Consultation, InboundMessage, session_scope

ERFURT = "16051000"
RECIPIENT = "egovernment@tfm.thueringen.de"


def chat_mail(**overrides) -> bytes:
    values = dict(
        visitor_name="Müller, Jörg",
        visitor_email="j.mueller@erfurt.de",
        authority_key=ERFURT,
        authority_name="Erfurt (kreisfreie Stadt)",
        text="Grüße – ist das förderfähig?",
        message_id="<chat-abc@chat.eingang.invalid>",
        to="egovernment@tfm.thueringen.de",
        sent_at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
        subject="Chat: Grüße – ist das förderfähig?",
    )
    values.update(overrides)
    return build_chat_mail(**values)


def test_chat_mail_is_rfc5322_with_channel_headers():
    message = email.message_from_bytes(chat_mail(in_reply_to="<chat-first@x>"), policy=email.policy.default)
    assert message["From"].addresses[0].display_name == "Müller, Jörg"
    assert message["From"].addresses[0].addr_spec == "j.mueller@erfurt.de"
    assert message["X-Eingang-Channel"] == "chat" and message["X-Eingang-Authority"] == ERFURT
    assert message["In-Reply-To"] == "<chat-first@x>" and message["References"] == "<chat-first@x>"
    assert message.get_content().startswith("Grüße – ist das förderfähig?")
    assert declared_authority(chat_mail()) == ERFURT
    assert declared_authority(chat_mail(authority_key=None)) is None


def test_message_id_is_stable_per_client_id_and_hides_the_token():
    first = chat_message_id("secret-token", "m1")
    assert first == chat_message_id("secret-token", "m1") != chat_message_id("secret-token", "m2")
    assert "secret-token" not in first


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: clean_name("  "), "name_missing"),
        (lambda: clean_email("nicht-gültig"), "email_invalid"),
        (lambda: clean_email("a@b.de\r\nBcc: x@y.de"), "email_invalid"),
        (lambda: clean_text(" \n ", max_chars=10), "empty"),
        (lambda: clean_text("x" * 11, max_chars=10), "too_long"),
    ],
)
def test_bad_input_is_refused_with_a_code(call, code):
    with pytest.raises(ChatInputError) as raised:
        call()
    assert raised.value.code == code and str(raised.value)


def test_clean_name_removes_header_breaks():
    assert clean_name("Eva\r\nBcc: x@y.de\x00") == "Eva Bcc: x@y.de"


def test_store_once_per_client_id_and_link_by_chosen_authority(sqlite_runtime):
    runtime = sqlite_runtime
    with session_scope(runtime.engine) as session:
        chat = ChatSession(
            token="t" * 43, visitor_name="Eva Beispiel", visitor_email="eva@gmail.com", authority_key=ERFURT
        )
        session.add(chat)
        session.flush()
        first = store_chat_message(
            session,
            chat,
            client_message_id="c1",
            text="Frage zur ThürEGovRL",
            recipient=RECIPIENT,
            authority_name="Erfurt",
        )
        again = store_chat_message(
            session,
            chat,
            client_message_id="c1",
            text="Frage zur ThürEGovRL",
            recipient=RECIPIENT,
            authority_name="Erfurt",
        )
    assert first.created and not again.created
    assert (first.chat_message_id, first.inbound_id) == (again.chat_message_id, again.inbound_id)
    with session_scope(runtime.engine) as session:
        result = process_stored_message(session, first.inbound_id, runtime=runtime)
    with Session(runtime.engine) as session:
        assert len(session.exec(select(InboundMessage)).all()) == 1
        assert len(session.exec(select(ChatMessage)).all()) == 1
        consultation = session.get(Consultation, result.consultation_id)
    # gmail.com says nothing about the authority: the visitor's choice decides
    assert consultation.authority_key == ERFURT and consultation.channel == "chat"


def test_authority_header_is_ignored_outside_the_chat_channel(sqlite_runtime):
    """A mail cannot claim an authority by adding the chat's header."""
    runtime = sqlite_runtime
    inbound_id, _ = store_raw(runtime.engine, chat_mail(visitor_email="someone@gmail.com"), channel="smtp")
    with session_scope(runtime.engine) as session:
        result = process_stored_message(session, inbound_id, runtime=runtime)
    with Session(runtime.engine) as session:
        assert session.get(Consultation, result.consultation_id).authority_key != ERFURT


def test_packaged_guidance_covers_every_topic_and_urgent_first():
    guidance = load_guidance()
    assert set(guidance.topics) == {"eligibility", "ozg_duties", "it_security"}
    text = guidance.first_reply(name="Eva", reference="KV-2026-00001", topics=["it_security"], urgent=True)
    emergency = text.index("Melden Sie den Vorfall sofort")
    assert emergency < text.index("KV-2026-00001") < text.index("\n\nInformationssicherheit\n")
    ozg = guidance.first_reply(name="Eva", reference="KV-2026-00002", topics=["ozg_duties"], urgent=False)
    assert "ThAVEL" in ozg and "Vereinspaket" in ozg


def test_broken_guidance_file_is_refused_with_a_clear_error(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("received: x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="fehlt"):
        load_guidance(path)


def test_chat_processed_after_the_reply_is_still_found_by_its_consultation(sqlite_runtime):
    """Slow worker (Redis) or a failed message reprocessed later: the reply went out without a
    reference; once processed, the consultation page finds the chat and the lines carry the reference."""
    from casework import chat as service

    runtime = sqlite_runtime
    started = service.start_chat(runtime, name="Eva", email="eva@erfurt.de", authority_key=ERFURT, client="x")
    stored = service.accept_message(runtime, started["token"], client_id="late", text="Frage zum OZG", peer=None)
    reply = service._reply(runtime, started["token"], stored.chat_message_id)  # before any processing
    assert reply[1]["reference"] is None and "Aktenzeichen folgt" in reply[1]["text"]
    with session_scope(runtime.engine) as session:
        result = process_stored_message(session, stored.inbound_id, runtime=runtime)
    view = service.consultation_chat(runtime, result.consultation_id)
    assert view["reference"] == result.reference
    assert [line["reference"] for line in view["lines"]] == [result.reference, result.reference]
    lines, known = service.lines_after(runtime, started["token"], 0)
    assert known and lines[0]["reference"] == result.reference
