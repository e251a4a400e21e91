"""The outbox: the one way Eingang sends mail (acknowledgements, answers, digests, escalations,
chat answers mailed to a visitor who left).

1. ``queue_mail(session, message, …)`` writes the complete message as an ``OutboundMail`` row
   (``pending``) inside the transaction of the change that causes it, and notes the row on the
   session.
2. ``transaction(runtime)`` — the transaction edge casework, CLI and web use — hands the noted
   rows to the task queue once the commit succeeded (never before: a rolled-back change sends
   nothing).
3. ``deliver(runtime, outbox_id)`` (the ``deliver_mail`` actor) claims the row in a short
   transaction, talks to the relay outside any transaction or row lock, and records the outcome.
   Transient relay errors are raised for a retry with the same Message-ID; permanent ones are
   recorded as ``failed``.
4. ``due_ids`` lets the scheduler's outbox job re-enqueue rows a broker outage or a killed
   worker left behind, so nothing is lost.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy

from sqlmodel import Session, col, select

from casework.runtime import Runtime
from models import ChatDelivery, ChatMessage, OutboundMail, as_utc, metrics, session_scope, stored_id, utcnow

logger = logging.getLogger(__name__)

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
# Statuses of mail that is out or on its way (e.g. for the acknowledgements' daily limit).
ACTIVE_STATUSES = (PENDING, SENDING, SENT)

_SESSION_KEY = "eingang_outbox_ids"
# A delivery that claimed a row and did not finish within this time died; the row is free again.
CLAIM_TIMEOUT = timedelta(minutes=5)
MAX_ATTEMPTS = 12


def queue_mail(
    session: Session, message: EmailMessage, *, kind: str, recipient: str, consultation_id: int | None = None
) -> OutboundMail:
    """Write ``message`` to the outbox in the caller's transaction (flushes, never commits)."""
    row = OutboundMail(
        consultation_id=consultation_id,
        kind=kind,
        recipient=recipient,
        subject=str(message["Subject"] or ""),
        message_id=str(message["Message-ID"]),
        status=PENDING,
        raw=message.as_bytes(),
    )
    session.add(row)
    session.flush()
    session.info.setdefault(_SESSION_KEY, []).append(row.id)
    return row


def take_queued(session: Session) -> list[int]:
    """The outbox rows written in ``session`` so far (forgotten by the session)."""
    return list(session.info.pop(_SESSION_KEY, []))


def enqueue(runtime: Runtime, outbox_ids: list[int]) -> None:
    """Hand committed outbox rows to the workers (best effort: the outbox job catches up)."""
    for outbox_id in outbox_ids:
        if not runtime.tasks.enqueue_delivery(outbox_id):
            logger.warning("could not enqueue outbound mail %s; the outbox job will send it", outbox_id)


@contextmanager
def transaction(runtime: Runtime) -> Iterator[Session]:
    """One transaction on the runtime's database; the mail it queued is enqueued for delivery
    after the commit."""
    with session_scope(runtime.engine) as session:
        yield session
        queued = take_queued(session)
    enqueue(runtime, queued)


def _message(raw: bytes) -> EmailMessage:
    return BytesParser(policy=default_policy).parsebytes(raw)


def _is_permanent(error: BaseException) -> bool:
    return isinstance(error, smtplib.SMTPRecipientsRefused) or (
        isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500
    )


def _chat_lines(session: Session, outbox_id: int) -> list[ChatMessage]:
    return list(session.exec(select(ChatMessage).where(ChatMessage.outbound_mail_id == outbox_id)))


def _fail(session: Session, row: OutboundMail, error: str) -> None:
    row.status = FAILED
    row.error = error[:4000]
    row.claimed_at = None
    for line in _chat_lines(session, stored_id(row.id)):
        line.delivery, line.error = ChatDelivery.FAILED, row.error


def _claim(runtime: Runtime, outbox_id: int) -> bytes | None:
    """Mark the row as being sent by this delivery; None when there is nothing to send."""
    with session_scope(runtime.engine) as session:
        row = session.get(OutboundMail, outbox_id, with_for_update=True)
        if row is None or row.status in (SENT, FAILED):
            return None
        claimed = as_utc(row.claimed_at)
        if row.status == SENDING and claimed is not None and utcnow() - claimed < CLAIM_TIMEOUT:
            return None  # another delivery is sending it right now
        if row.raw is None:
            _fail(session, row, "keine Nachricht im Postausgang gespeichert")
            return None
        if not runtime.relay.configured:
            _fail(session, row, "MailNotConfigured: EINGANG_RELAY_HOST ist nicht gesetzt")
            return None
        row.status = SENDING
        row.claimed_at = utcnow()
        row.attempts += 1
        return row.raw


def deliver(runtime: Runtime, outbox_id: int) -> bool:
    """Send one outbox row through the relay; True when it went out now. Idempotent: a row that
    is sent, failed or being sent is left alone. Transient relay errors are raised (the row is
    pending again, for a retry with the same Message-ID); permanent ones are recorded."""
    raw = _claim(runtime, outbox_id)
    if raw is None:
        return False
    try:
        runtime.relay.send(_message(raw))
    except Exception as error:
        text = f"{type(error).__name__}: {error}"
        with session_scope(runtime.engine) as session:
            row = session.get(OutboundMail, outbox_id, with_for_update=True)
            assert row is not None  # claimed above
            permanent = _is_permanent(error) or row.attempts >= MAX_ATTEMPTS
            kind = row.kind
            if permanent:
                _fail(session, row, text)
            else:
                row.status, row.error, row.claimed_at = PENDING, text[:4000], None
        logger.warning("outbound mail %s (%s) not sent: %s", outbox_id, kind, type(error).__name__)
        if permanent:
            metrics.mail_result(kind, sent=False)
            return False
        raise
    with session_scope(runtime.engine) as session:
        row = session.get(OutboundMail, outbox_id)
        assert row is not None  # claimed above
        row.status, row.error, row.sent_at, row.claimed_at = SENT, None, utcnow(), None
        for line in _chat_lines(session, outbox_id):
            line.delivered_at = utcnow()
        kind = row.kind
    metrics.mail_result(kind, sent=True)
    logger.info("outbound mail %s (%s) sent", outbox_id, kind)
    return True


def give_up(runtime: Runtime, outbox_id: int, error: str) -> None:
    """The delivery's retries ran out: the row is failed (kept with its error for the operator)."""
    with session_scope(runtime.engine) as session:
        row = session.get(OutboundMail, outbox_id, with_for_update=True)
        if row is not None and row.status in (PENDING, SENDING):
            _fail(session, row, row.error or error)
            metrics.mail_result(row.kind, sent=False)


def due_ids(session: Session, *, older_than_seconds: float, now: datetime | None = None, limit: int = 500) -> list[int]:
    """Rows still waiting for delivery after ``older_than_seconds`` (never enqueued, or their
    enqueued delivery was lost), and rows whose delivery died while sending."""
    now = now or utcnow()
    waiting = select(OutboundMail.id).where(
        OutboundMail.status == PENDING, OutboundMail.created_at <= now - timedelta(seconds=older_than_seconds)
    )
    stuck = select(OutboundMail.id).where(
        OutboundMail.status == SENDING, col(OutboundMail.claimed_at) <= now - CLAIM_TIMEOUT
    )
    ids = {*session.exec(waiting.limit(limit)), *session.exec(stuck.limit(limit))}
    return sorted(ids)[:limit]
