"""Antworten der Beraterinnen an die Kommune: als Antwort-Mail über das konfigurierte
SMTP-Relay (``queue_workers.mailer``), im Thread der letzten eingegangenen Nachricht
(In-Reply-To/References, RFC 5322 §3.6.4), mit dem Aktenzeichen im Betreff
(``Re: … [KV-2026-00042]``), gespeichert als ausgehende ``ConsultationMessage`` und
``OutboundMail``; die erste Antwort setzt ``first_response_at``.

- ``send_answer(session, *, consultation, actor, body, settings, status="beantwortet", to=None,
  send=send_message)`` → ``ConsultationMessage``. Schlägt der Versand fehl, wird nichts
  gespeichert und ``AnswerNotSent`` ausgelöst (der Text bleibt beim Aufrufer).
- ``answer_subject(subject, reference)`` — Betreff mit genau einem „Re:“ und dem Aktenzeichen.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from email.message import EmailMessage

from sqlmodel import Session, select

from eingang.settings import Settings
from models import (
    Consultation,
    ConsultationMessage,
    ConsultationStatus,
    Direction,
    OutboundMail,
    UserAccount,
    metrics,
    utcnow,
)
from queue_workers.mailer import new_message, send_message
from queue_workers.workflow import (
    ConsultationRef,
    WorkflowError,
    change_status,
    load_consultation,
    record_first_response,
)

logger = logging.getLogger(__name__)

_REPLY_PREFIX = re.compile(r"^\s*((re|aw|antw|fwd?|wg)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)


class AnswerNotSent(WorkflowError):
    """The relay did not take the answer; nothing was stored."""


def answer_subject(subject: str, reference: str) -> str:
    base = _REPLY_PREFIX.sub("", subject or "").strip()
    base = base.replace(f"[{reference}]", "").strip()
    return f"Re: {base} [{reference}]" if base else f"Re: [{reference}]"


def last_inbound(session: Session, consultation: Consultation) -> ConsultationMessage | None:
    return session.exec(
        select(ConsultationMessage)
        .where(
            ConsultationMessage.consultation_id == consultation.id,
            ConsultationMessage.direction == Direction.INBOUND,
        )
        .order_by(ConsultationMessage.sent_at.desc(), ConsultationMessage.id.desc())
    ).first()


def send_answer(
    session: Session,
    *,
    consultation: ConsultationRef,
    actor: str,
    body: str,
    settings: Settings,
    status: str = ConsultationStatus.ANSWERED,
    to: str | None = None,
    send: Callable[[Settings, EmailMessage], None] = send_message,
) -> ConsultationMessage:
    """Send ``body`` as the consultant's answer and record it; ``status`` afterwards is
    ``beantwortet`` or ``wartet_auf_rueckmeldung`` (a question back to the municipality)."""
    row = load_consultation(session, consultation, for_update=True)
    body = (body or "").strip()
    if not body:
        raise WorkflowError("Die Antwort ist leer.")
    if row.status == ConsultationStatus.CLOSED:
        raise WorkflowError(f"{row.reference} ist abgeschlossen; bitte zuerst wieder öffnen.")
    if status not in (ConsultationStatus.ANSWERED, ConsultationStatus.WAITING):
        raise WorkflowError("Nach einer Antwort ist der Fall „beantwortet“ oder „wartet_auf_rueckmeldung“.")
    previous = last_inbound(session, row)
    recipient = to or (previous.sender if previous and previous.sender else row.sender_address)
    if not recipient:
        raise WorkflowError(f"{row.reference}: keine Empfängeradresse bekannt.")
    subject = answer_subject(previous.subject if previous else row.subject, row.reference)
    message = new_message(
        settings,
        to=recipient,
        subject=subject,
        body=body + "\n",
        in_reply_to=previous.message_id if previous else None,
        references=list(previous.references) if previous else None,
    )
    try:
        send(settings, message)
    except Exception as error:
        logger.warning("answer for consultation %s not sent: %s", row.id, type(error).__name__)
        metrics.mail_result("answer", sent=False)
        raise AnswerNotSent(
            f"Die Antwort konnte nicht versendet werden ({error}). Es wurde nichts gespeichert."
        ) from error
    metrics.mail_result("answer", sent=True)
    now = utcnow()
    author = session.exec(select(UserAccount).where(UserAccount.username == actor)).first()
    references = [v for v in str(message.get("References", "")).split() if v]
    stored = ConsultationMessage(
        consultation_id=row.id,
        direction=Direction.OUTBOUND,
        channel="smtp",
        sender=settings.mail_from,
        recipients=[recipient],
        sent_at=now,
        subject=subject,
        text=body,
        message_id=message["Message-ID"],
        in_reply_to=message.get("In-Reply-To"),
        references=references,
        author_id=author.id if author else None,
    )
    session.add(stored)
    session.add(
        OutboundMail(
            consultation_id=row.id,
            kind="answer",
            recipient=recipient,
            subject=subject,
            message_id=message["Message-ID"],
            status="sent",
            sent_at=now,
        )
    )
    record_first_response(session, consultation=row, actor=actor, at=now)
    if row.status != status:
        change_status(session, consultation=row, actor=actor, status=status, reason="Antwort versendet")
    session.flush()
    return stored
