"""Threading: replies join their consultation by Message-ID chain, reference number and (from
the same sender) subject; the guard against wrong merges; reopening closed consultations."""

from __future__ import annotations

import time
from email.message import EmailMessage

import pytest
from sqlmodel import select

from casework.pipeline import ProcessingResult, process_stored_message
from casework.workflow import close
from intake.channel import store_raw
from intake.parsed import Address, ParsedMail
from intake.threading import is_only_thanks, normalise_subject, thread_keys
from models import AuditEntry, Consultation, ConsultationMessage, ConsultationStatus, InboundMessage, session_scope

LEINETAL = "hauptamt@vg-leinetal.de"  # VG Leinetal (160615009)
HANSTEIN = "info@vghr.de"  # VG Hanstein-Rusteberg (160615008)
_counter = iter(range(1, 10_000))


def mail(
    subject: str,
    *,
    sender: str = LEINETAL,
    text: str = "Ist die Einführung eines DMS nach ThürEGovRL förderfähig?",
    in_reply_to: str | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    message["Message-ID"] = f"<m{next(_counter)}.{time.monotonic_ns()}@{sender.rpartition('@')[2]}>"
    message["Date"] = "Mon, 16 Nov 2026 09:15:00 +0100"
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message.set_content(text + "\n\nMit freundlichen Grüßen\nHauptamt\n")
    return message.as_bytes()


def deliver(runtime, raw: bytes) -> ProcessingResult:
    inbound_id, _created = store_raw(runtime.engine, raw, channel="smtp")
    with session_scope(runtime.engine) as session:
        return process_stored_message(session, inbound_id, runtime=runtime)


def consultation(runtime, reference: str) -> Consultation:
    with session_scope(runtime.engine) as session:
        return session.exec(select(Consultation).where(Consultation.reference == reference)).one()


def message_id_of(runtime, inbound_id: int) -> str:
    with session_scope(runtime.engine) as session:
        return session.get(InboundMessage, inbound_id).message_id


def test_thread_keys_find_reference_after_reply_prefixes():
    parsed = ParsedMail(
        message_id="<x@y>",
        subject="AW: WG: Re: [KV-2026-00042] Förderung DMS",
        sender=Address("a@b.de"),
        in_reply_to="<b@c>",
        references=("<a@c>", "<b@c>"),
    )
    keys = thread_keys(parsed)
    assert keys.references == ("KV-2026-00042",)
    assert keys.message_ids == ("<a@c>", "<b@c>")
    assert keys.is_reply
    assert normalise_subject("AW: WG: Fwd: Antrag Breitband") == "Antrag Breitband"


@pytest.mark.parametrize(
    ("text", "only_thanks"),
    [
        ("Vielen Dank für die schnelle Antwort!", True),
        ("Herzlichen Dank, das hilft uns sehr.", True),
        ("Thank you very much.", True),
        ("Vielen Dank. Gilt das auch für die Kita-Anmeldung?", False),
        ("Danke. Eine Frage hätte ich noch zum Eigenanteil.", False),
        ("Anbei der Antrag.", False),
        ("", False),  # nothing readable (maybe only an attachment): look at it
    ],
)
def test_only_thanks_is_recognised(text, only_thanks):
    assert is_only_thanks(text) is only_thanks


def test_reply_joins_by_in_reply_to(sqlite_runtime):
    first = deliver(sqlite_runtime, mail("Förderung DMS"))
    reply = deliver(
        sqlite_runtime,
        mail("Ergänzung", text="Hier noch die Kostenschätzung.", in_reply_to=message_id_of(sqlite_runtime, 1)),
    )
    assert first.created and not reply.created
    assert reply.consultation_id == first.consultation_id


def test_reply_joins_by_reference_after_prefix_without_flag(sqlite_runtime):
    first = deliver(sqlite_runtime, mail("Förderung DMS"))
    reply = deliver(sqlite_runtime, mail(f"AW: [{first.reference}] Förderung DMS", text="Anbei die Unterlagen."))
    assert reply.consultation_id == first.consultation_id
    assert consultation(sqlite_runtime, first.reference).needs_review is False


def test_reference_from_another_municipality_is_linked_and_flagged(sqlite_runtime):
    first = deliver(sqlite_runtime, mail("Förderung DMS", sender=LEINETAL))
    other = deliver(
        sqlite_runtime,
        mail(f"WG: [{first.reference}] Förderung DMS", sender=HANSTEIN, text="Wir haben dieselbe Frage für unsere VG."),
    )
    assert other.consultation_id == first.consultation_id  # linked, not lost
    flagged = consultation(sqlite_runtime, first.reference)
    assert flagged.needs_review is True
    assert first.reference in flagged.review_reason and HANSTEIN in flagged.review_reason
    assert "Hanstein-Rusteberg" in flagged.review_reason and "Leinetal" in flagged.review_reason
    assert "Bitte prüfen" in flagged.review_reason
    with session_scope(sqlite_runtime.engine) as session:
        actions = session.exec(
            select(AuditEntry.action).where(AuditEntry.consultation_id == first.consultation_id)
        ).all()
    assert "flagged_for_review" in actions


def test_reference_from_member_municipality_domain_of_same_vg_is_not_flagged(sqlite_runtime):
    first = deliver(sqlite_runtime, mail("Förderung DMS", sender=LEINETAL))
    colleague = deliver(
        sqlite_runtime, mail(f"AW: [{first.reference}] Förderung DMS", sender="kaemmerei@vg-leinetal.de", text="Ok.")
    )
    assert colleague.consultation_id == first.consultation_id
    assert consultation(sqlite_runtime, first.reference).needs_review is False


def test_reference_from_unknown_new_domain_is_flagged(sqlite_runtime):
    first = deliver(sqlite_runtime, mail("Förderung DMS", sender=LEINETAL))
    deliver(sqlite_runtime, mail(f"Re: [{first.reference}] Förderung DMS", sender="jemand@freemail.example"))
    flagged = consultation(sqlite_runtime, first.reference)
    assert flagged.needs_review is True and "jemand@freemail.example" in flagged.review_reason


def test_subject_reply_joins_only_from_the_same_sender(sqlite_runtime):
    first = deliver(sqlite_runtime, mail("Förderfähigkeit Dokumentenmanagement"))
    # webmail that drops In-Reply-To: same sender, "AW:" + same subject → same consultation
    same = deliver(sqlite_runtime, mail("AW: Förderfähigkeit Dokumentenmanagement", text="Noch eine Ergänzung."))
    assert same.consultation_id == first.consultation_id
    # another authority with the same subject: its own consultation, nothing merged
    other = deliver(sqlite_runtime, mail("AW: Förderfähigkeit Dokumentenmanagement", sender=HANSTEIN))
    assert other.created and other.consultation_id != first.consultation_id
    # not a reply (no prefix): never matched by subject
    fresh = deliver(sqlite_runtime, mail("Förderfähigkeit Dokumentenmanagement"))
    assert fresh.created


def _close(runtime, reference: str) -> None:
    with session_scope(runtime.engine) as session:
        close(session, consultation=reference, actor="berater")


def test_new_question_reopens_a_closed_consultation(sqlite_runtime):
    first = deliver(sqlite_runtime, mail("Förderung DMS"))
    _close(sqlite_runtime, first.reference)
    deliver(
        sqlite_runtime,
        mail(f"AW: [{first.reference}] Förderung DMS", text="Gilt die Förderung auch für die Scan-Arbeitsplätze?"),
    )
    reopened = consultation(sqlite_runtime, first.reference)
    assert reopened.status == ConsultationStatus.IN_PROGRESS and reopened.closed_at is None


def test_thanks_attaches_but_does_not_reopen(sqlite_runtime):
    first = deliver(sqlite_runtime, mail("Förderung DMS"))
    _close(sqlite_runtime, first.reference)
    thanks = deliver(sqlite_runtime, mail(f"AW: [{first.reference}] Förderung DMS", text="Vielen Dank!"))
    assert thanks.consultation_id == first.consultation_id
    assert consultation(sqlite_runtime, first.reference).status == ConsultationStatus.CLOSED
    with session_scope(sqlite_runtime.engine) as session:
        texts = session.exec(
            select(ConsultationMessage.text).where(ConsultationMessage.consultation_id == first.consultation_id)
        ).all()
    assert any("Vielen Dank" in text for text in texts)


@pytest.mark.postgres
@pytest.mark.redis
def test_threading_through_the_real_queue(redis_postgres_runtime, queue_for):
    """The same rules through Redis-backed actors on PostgreSQL."""
    broker = queue_for(redis_postgres_runtime)
    runtime = redis_postgres_runtime

    def through_queue(raw: bytes) -> InboundMessage:
        inbound_id, _ = store_raw(runtime.engine, raw, channel="smtp")
        runtime.tasks.enqueue_processing(inbound_id)
        broker.join("eingang", timeout=60_000)
        with session_scope(runtime.engine) as session:
            return session.get(InboundMessage, inbound_id)

    first = through_queue(mail("Förderung DMS", sender=LEINETAL))
    with session_scope(runtime.engine) as session:
        reference = session.get(Consultation, first.consultation_id).reference
    reply = through_queue(mail(f"AW: [{reference}] Förderung DMS", sender=LEINETAL, text="Anbei die Unterlagen."))
    other = through_queue(mail(f"WG: [{reference}] Förderung DMS", sender=HANSTEIN))
    assert first.status == reply.status == other.status == "processed"
    assert first.consultation_id == reply.consultation_id == other.consultation_id
    flagged = consultation(runtime, reference)
    assert flagged.needs_review and HANSTEIN in flagged.review_reason
