"""Consultants' answers go out through the relay as replies (threading headers, reference in
the subject), are stored as outbound messages and set the first-response time; the
municipality's reply threads back in and reopens the consultation."""

from __future__ import annotations

import dataclasses
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from sqlmodel import select

from casework import outbox, workflow
from casework.answers import AnswerNotSent, answer_subject, send_answer
from casework.pipeline import process_stored_message
from casework.runtime import Runtime
from eingang.runtime import build_runtime
from intake.channel import store_raw
from models import ConsultationMessage, OutboundMail, session_scope
from tests.conftest import free_port, wait_for_mail
from tests.test_workflow_lifecycle import add_user


def inbound(subject: str, body: str, *, in_reply_to: str | None = None) -> tuple[bytes, str]:
    message = EmailMessage()
    message["From"] = "Hauptamt Leinetal <hauptamt@vg-leinetal.de>"
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    message_id = make_msgid(domain="vg-leinetal.de")
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message.set_content(body)
    return message.as_bytes(), message_id


def deliver(runtime: Runtime, raw: bytes):
    inbound_id, _ = store_raw(runtime.engine, raw, channel="smtp")
    with session_scope(runtime.engine) as session:
        return process_stored_message(session, inbound_id, runtime=runtime)


def test_subject_has_one_re_and_the_reference():
    assert answer_subject("AW: Re: Förderung", "KV-2026-00042") == "Re: Förderung [KV-2026-00042]"
    assert answer_subject("Re: Förderung [KV-2026-00042]", "KV-2026-00042") == "Re: Förderung [KV-2026-00042]"


def with_relay(runtime: Runtime, port: int) -> Runtime:
    return build_runtime(runtime.settings.model_copy(update={"relay_host": "127.0.0.1", "relay_port": port}))


def test_answer_is_a_threaded_reply_and_the_municipality_reply_threads_back(sqlite_runtime, smtp_sink, queue_for):
    sink, port = smtp_sink
    relaying = with_relay(sqlite_runtime, port)
    settings = relaying.settings
    queue_for(relaying)
    raw, first_id = inbound("Förderfähigkeit DMS", "Ist ein DMS nach der ThürEGovRL förderfähig?")
    result = deliver(sqlite_runtime, raw)
    with outbox.transaction(relaying) as session:
        add_user(session, "anna")
        stored = send_answer(
            session,
            consultation=result.reference,
            actor="anna",
            body="Ja, ein DMS ist grundsätzlich förderfähig.",
            settings=settings,
        )
        answer_id = stored.message_id
        row = workflow.load_consultation(session, result.reference)
        assert row.status == "beantwortet" and row.first_response_at is not None
        first_response = row.first_response_at
        outbound = session.exec(select(OutboundMail).where(OutboundMail.kind == "answer")).one()
        # in the outbox with the answer, in the same transaction; sent after the commit
        assert (outbound.status, outbound.recipient) == ("pending", "hauptamt@vg-leinetal.de")
        assert outbound.message_id == answer_id
        assert stored.direction == "outbound" and stored.author_id is not None

    (sent,) = wait_for_mail(sink)
    with session_scope(sqlite_runtime.engine) as session:
        outbound = session.exec(select(OutboundMail).where(OutboundMail.kind == "answer")).one()
        assert outbound.status == "sent" and sent["Message-ID"] == answer_id
    assert sent["Subject"] == f"Re: Förderfähigkeit DMS [{result.reference}]"
    assert sent["In-Reply-To"] == first_id
    assert first_id in sent["References"]
    assert sent["To"] == "hauptamt@vg-leinetal.de"
    assert "grundsätzlich förderfähig" in sent.get_content()

    reply, _ = inbound(sent["Subject"], "Danke! Welche Unterlagen brauchen Sie?", in_reply_to=answer_id)
    again = deliver(sqlite_runtime, reply)
    assert again.reference == result.reference and not again.created
    with session_scope(sqlite_runtime.engine) as session:
        row = workflow.load_consultation(session, result.reference)
        assert row.status == "in_bearbeitung"  # the reply brings it back to work
        send_answer(
            session,
            consultation=row,
            actor="anna",
            body="Den Antrag.",
            settings=settings,
            status="wartet_auf_rueckmeldung",
        )
        assert row.status == "wartet_auf_rueckmeldung"
        assert row.first_response_at == first_response  # only the first answer sets it
        workflow.close(session, consultation=row, actor="anna")
        directions = [m.direction for m in session.exec(select(ConsultationMessage).order_by(ConsultationMessage.id))]
    assert directions == ["inbound", "outbound", "inbound", "outbound"]

    late, _ = inbound("Noch eine Frage", "Und die Frist?", in_reply_to=answer_id)
    deliver(sqlite_runtime, late)
    with session_scope(sqlite_runtime.engine) as session:
        assert workflow.load_consultation(session, result.reference).status == "in_bearbeitung"  # reopened


def test_answer_that_cannot_be_sent_stores_nothing(sqlite_runtime):
    settings = sqlite_runtime.settings.model_copy(update={"relay_host": None})  # no relay configured
    raw, _ = inbound("Frage", "Text")
    result = deliver(sqlite_runtime, raw)
    with pytest.raises(AnswerNotSent, match="nicht versendet"), session_scope(sqlite_runtime.engine) as session:
        send_answer(session, consultation=result.reference, actor="anna", body="Antwort", settings=settings)
    with session_scope(sqlite_runtime.engine) as session:
        row = workflow.load_consultation(session, result.reference)
        outbound = session.exec(select(ConsultationMessage).where(ConsultationMessage.direction == "outbound")).all()
        assert row.first_response_at is None and row.status == "neu" and outbound == []
        with pytest.raises(workflow.WorkflowError, match="leer"):
            send_answer(session, consultation=row, actor="anna", body="  ", settings=settings)


def test_answer_is_kept_in_the_outbox_while_the_relay_is_down_and_sent_later_with_its_message_id(
    sqlite_runtime, smtp_sink
):
    """No SMTP inside the request's transaction: a relay outage does not lose or block the
    answer; the delivery is retried (same Message-ID) and succeeds once the relay is back."""
    sink, port = smtp_sink
    down = with_relay(sqlite_runtime, free_port())
    raw, _ = inbound("Frage zum OZG", "Welche Leistungen?")
    result = deliver(sqlite_runtime, raw)
    with session_scope(down.engine) as session:
        add_user(session, "anna")
    with outbox.transaction(down) as session:
        stored = send_answer(session, consultation=result.reference, actor="anna", body="Alle.", settings=down.settings)
        outbox_id = session.exec(select(OutboundMail.id).where(OutboundMail.kind == "answer")).one()
        answer_id = stored.message_id
    with pytest.raises(OSError):  # connection refused: raised so that the worker retries
        outbox.deliver(down, outbox_id)
    with session_scope(down.engine) as session:
        row = session.get(OutboundMail, outbox_id)
        assert row.status == "pending" and "Connection" in row.error and row.attempts == 1
        assert workflow.load_consultation(session, result.reference).status == "beantwortet"
    up = with_relay(sqlite_runtime, port)
    assert outbox.deliver(up, outbox_id)
    assert not outbox.deliver(up, outbox_id)  # sent once
    (sent,) = sink.parsed()
    assert sent["Message-ID"] == answer_id
    with session_scope(up.engine) as session:
        assert session.get(OutboundMail, outbox_id).status == "sent"


class BrokerDown:
    """A task queue whose broker is unreachable (what BrokerTaskQueue reports then)."""

    def enqueue_processing(self, inbound_id: int) -> bool:
        return False

    def enqueue_delivery(self, outbox_id: int) -> bool:
        return False


def test_mail_queued_while_the_broker_is_down_is_sent_by_the_outbox_job(sqlite_runtime, smtp_sink, queue_for):
    """The outbox row is committed with the answer; when the broker cannot take the delivery,
    the scheduler's outbox job enqueues it later — nothing is lost."""
    from datetime import timedelta

    from queue_workers.periodic import JOBS, run_job

    sink, port = smtp_sink
    relaying = with_relay(sqlite_runtime, port)
    raw, _ = inbound("Frage zur Förderung", "Ist das förderfähig?")
    result = deliver(sqlite_runtime, raw)
    with session_scope(relaying.engine) as session:
        add_user(session, "anna")
    broker_down = dataclasses.replace(relaying, tasks=BrokerDown())
    with outbox.transaction(broker_down) as session:
        send_answer(session, consultation=result.reference, actor="anna", body="Ja.", settings=relaying.settings)
    with session_scope(relaying.engine) as session:
        (row,) = session.exec(select(OutboundMail)).all()
        assert row.status == "pending"
    assert sink.messages == []

    broker = queue_for(relaying)  # the broker is back
    outbox_job = next(job for job in JOBS if job.name == "outbox")
    later = row.created_at + timedelta(seconds=relaying.settings.sweeper_min_age_seconds + 1)
    assert run_job(relaying, outbox_job, now=later) == {"found": 1, "enqueued": 1}
    broker.join("eingang", timeout=30_000)
    (sent,) = wait_for_mail(sink)
    assert sent["Message-ID"] == row.message_id and "Ja." in sent.get_content()
    with session_scope(relaying.engine) as session:
        assert session.get(OutboundMail, row.id).status == "sent"
