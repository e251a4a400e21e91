"""Acknowledgements (Eingangsbestätigungen): a new consultation from a person gets one mail in
German with its reference number, sent through the relay after the consultation is committed.

Loop and abuse rules (RFC 3834 "Recommendations for Automatic Responses to Electronic Mail"):
never to automatic mail (``Auto-Submitted``, ``X-Autoreply``, ``Precedence: bulk/junk/list``,
out-of-office, delivery status notifications), never to bounces (null envelope sender or
``Return-Path: <>``), mailing lists (``List-*`` headers), no-reply/daemon addresses or our own
address; only for mail that arrived live (SMTP, IMAP — not file imports or chat); at most
``acknowledgement_daily_limit`` per recipient within 24 hours. The acknowledgement carries
``Auto-Submitted: auto-replied`` and ``In-Reply-To``/``References``, so an answer to it threads
back into the consultation (``OutboundMail.message_id`` is a threading key).

Every acknowledgement is recorded as ``OutboundMail`` (kind ``acknowledgement``) before it is
sent; the row makes the actor idempotent and keeps the error when the relay refuses."""

from __future__ import annotations

import logging
import re
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from email.utils import parseaddr

from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from eingang.settings import Settings
from intake.parsed import ParsedMail
from intake.parsing import parse, read_headers
from models import Channel, Consultation, InboundMessage, OutboundMail, ProcessingStatus, metrics, session_scope, utcnow
from queue_workers.broker import ensure_broker
from queue_workers.mailer import new_message, send_message

ensure_broker()  # the broker must exist before the actor below is declared

import dramatiq  # noqa: E402

logger = logging.getLogger(__name__)

KIND = "acknowledgement"
ACKNOWLEDGED_CHANNELS = frozenset({Channel.SMTP, Channel.IMAP})
_NO_REPLY = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|mailer[-_.]?daemon|postmaster|bounces?|listserv|majordomo"
    r"|owner-.*|.*-(request|owner|bounces?)|.*[-_.+]no[-_.]?reply|no[-_.]?reply[-_.+].*)$",
    re.IGNORECASE,
)
_LIST_HEADERS = ("List-Id", "List-Post", "List-Unsubscribe", "List-Help", "List-Owner")


@dataclass(frozen=True)
class AcknowledgementOutcome:
    sent: bool
    reason: str | None = None  # why none was sent
    outbound_id: int | None = None


def _address_of(value: str) -> str:
    """The addr-spec of a header value, lower-cased; "" for the null path ``<>``."""
    return parseaddr(value)[1].strip().lower()


def recipient_for(parsed: ParsedMail) -> str | None:
    """Where a reply goes: the first Reply-To address, else From."""
    for candidate in (*parsed.reply_to, parsed.sender):
        if candidate is not None and "@" in candidate.address:
            return candidate.address
    return None


def refusal_reason(
    parsed: ParsedMail,
    raw: bytes,
    *,
    channel: str,
    envelope_from: str | None,
    recipient: str | None,
    own_addresses: set[str],
    sent_last_day: int,
    daily_limit: int,
) -> str | None:
    """Why this message must not be acknowledged (German, for logs and people), or None."""
    if channel not in ACKNOWLEDGED_CHANNELS:
        return f"Kanal {channel}: nur live eingegangene E-Mail wird bestätigt"
    if parsed.auto_reply:
        return f"automatische Nachricht ({parsed.auto_reply_reason or 'erkannt'})"
    headers = read_headers(raw)
    auto_submitted = str(headers.get("Auto-Submitted", "no")).strip().lower()
    if auto_submitted != "no":
        return f"automatische Nachricht (Auto-Submitted: {auto_submitted})"
    if str(headers.get("Precedence", "")).strip().lower() in ("bulk", "junk", "list", "auto_reply"):
        return "Massen- oder Listenpost (Precedence)"
    if any(headers.get(name) is not None for name in _LIST_HEADERS):
        return "Mailingliste (List-Header)"
    if headers.get_content_type() == "multipart/report":
        return "Zustellbericht (multipart/report)"
    if envelope_from is not None and envelope_from.strip() in ("", "<>"):
        return "Unzustellbarkeitsnachricht (leerer Umschlag-Absender)"
    return_path = headers.get("Return-Path")
    if return_path is not None and _address_of(str(return_path)) == "":
        return "Unzustellbarkeitsnachricht (Return-Path: <>)"
    if recipient is None:
        return "keine Absenderadresse"
    if recipient in own_addresses:
        return "eigene Adresse (Schleife)"
    if _NO_REPLY.match(recipient.partition("@")[0]):
        return f"Adresse {recipient} nimmt keine Antworten an"
    if sent_last_day >= daily_limit:
        return f"Höchstzahl von {daily_limit} Bestätigungen in 24 Stunden an {recipient} erreicht"
    return None


def acknowledgement_text(consultation: Consultation, parsed: ParsedMail) -> tuple[str, str]:
    """Subject and German body of the acknowledgement."""
    subject_line = (parsed.subject or "").strip() or "Ihre Anfrage"
    subject = f"[{consultation.reference}] Eingangsbestätigung: {subject_line}"[:250]
    body = (
        "Guten Tag,\n\n"
        f"vielen Dank für Ihre Nachricht „{subject_line}“. Sie ist bei uns eingegangen und wird unter dem "
        f"Aktenzeichen {consultation.reference} bearbeitet.\n\n"
        "Bitte geben Sie das Aktenzeichen bei Rückfragen an – am einfachsten, indem Sie auf diese E-Mail "
        "antworten. Eine Beraterin oder ein Berater meldet sich bei Ihnen.\n\n"
        "Diese Nachricht wurde automatisch erstellt.\n\n"
        "Mit freundlichen Grüßen\n"
        "Kompetenzzentrum Verwaltung 4.0\n"
    )
    return subject, body


def _sent_last_day(session: Session, recipient: str, *, excluding: int | None) -> int:
    query = select(func.count(OutboundMail.id)).where(
        OutboundMail.kind == KIND,
        OutboundMail.recipient == recipient,
        OutboundMail.status.in_(("pending", "sent")),
        OutboundMail.created_at >= utcnow() - timedelta(hours=24),
    )
    if excluding is not None:
        query = query.where(OutboundMail.id != excluding)
    return session.exec(query).one()


def _own_addresses(settings: Settings) -> set[str]:
    return {_address_of(settings.mail_from), *(a for a in settings.accepted_recipients if not a.startswith("@"))}


def _prepare(
    session: Session, settings: Settings, inbound_id: int
) -> tuple[AcknowledgementOutcome | None, EmailMessage | None, int | None]:
    """Check the rules and record (or reuse) the OutboundMail row. Returns an outcome when
    nothing is to be sent, else the message and the row id."""
    inbound = session.get(InboundMessage, inbound_id)
    if inbound is None or inbound.status != ProcessingStatus.PROCESSED or inbound.consultation_id is None:
        return AcknowledgementOutcome(False, "Nachricht ist (noch) keinem Fall zugeordnet"), None, None
    consultation = session.get(Consultation, inbound.consultation_id, with_for_update=True)
    existing = session.exec(
        select(OutboundMail).where(OutboundMail.kind == KIND, OutboundMail.consultation_id == consultation.id)
    ).first()
    if existing is not None and existing.status == "sent":
        return AcknowledgementOutcome(False, "bereits bestätigt", existing.id), None, None
    parsed = parse(inbound.raw)
    recipient = recipient_for(parsed)
    reason = refusal_reason(
        parsed,
        inbound.raw,
        channel=inbound.channel,
        envelope_from=inbound.envelope_from,
        recipient=recipient,
        own_addresses=_own_addresses(settings),
        sent_last_day=_sent_last_day(session, recipient, excluding=existing.id if existing else None)
        if recipient
        else 0,
        daily_limit=settings.acknowledgement_daily_limit,
    )
    if reason is not None:
        return AcknowledgementOutcome(False, reason), None, None
    subject, body = acknowledgement_text(consultation, parsed)
    message = new_message(
        settings,
        to=recipient,
        subject=subject,
        body=body,
        in_reply_to=parsed.message_id,
        references=list(parsed.references),
        auto_submitted="auto-replied",
    )
    message["X-Auto-Response-Suppress"] = "All"  # Exchange/Outlook: no out-of-office back to us
    if existing is None:
        existing = OutboundMail(
            consultation_id=consultation.id,
            kind=KIND,
            recipient=recipient,
            subject=subject,
            message_id=str(message["Message-ID"]),
        )
        session.add(existing)
        session.flush()
    else:  # a retry: same Message-ID as recorded
        message.replace_header("Message-ID", existing.message_id)
    return None, message, existing.id


def acknowledge(
    engine: Engine,
    settings: Settings,
    inbound_id: int,
    *,
    send: Callable[[Settings, EmailMessage], None] = send_message,
) -> AcknowledgementOutcome:
    """Send the acknowledgement for the consultation ``inbound_id`` opened, if the rules allow.
    Idempotent. Transient relay errors are raised (for a retry); permanent ones are recorded."""
    if not settings.acknowledgement_enabled:
        return AcknowledgementOutcome(False, "Eingangsbestätigungen sind abgeschaltet")
    if not settings.relay_host:
        return AcknowledgementOutcome(False, "kein SMTP-Relay konfiguriert (EINGANG_RELAY_HOST)")
    with session_scope(engine) as session:
        outcome, message, outbound_id = _prepare(session, settings, inbound_id)
    if outcome is not None:
        return outcome
    try:
        send(settings, message)
    except Exception as error:
        permanent = isinstance(error, smtplib.SMTPRecipientsRefused) or (
            isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500
        )
        with session_scope(engine) as session:
            row = session.get(OutboundMail, outbound_id)
            row.status = "failed"
            row.error = f"{type(error).__name__}: {error}"[:4000]
        metrics.mail_result("acknowledgement", sent=False)
        if not permanent:
            raise
        return AcknowledgementOutcome(False, f"Relay lehnt ab: {error}", outbound_id)
    with session_scope(engine) as session:
        row = session.get(OutboundMail, outbound_id)
        row.status = "sent"
        row.error = None
        row.sent_at = utcnow()
    metrics.mail_result("acknowledgement", sent=True)
    return AcknowledgementOutcome(True, None, outbound_id)


@dramatiq.actor(queue_name="eingang", max_retries=5, min_backoff=5_000, max_backoff=300_000)
def send_acknowledgement(inbound_id: int) -> None:
    """Acknowledge the new consultation opened by stored message ``inbound_id``."""
    from queue_workers.context import current_runtime

    runtime = current_runtime()
    outcome = acknowledge(runtime.engine, runtime.settings, inbound_id)
    if outcome.sent:
        logger.info("acknowledgement for message %s sent", inbound_id)
    else:
        logger.info("no acknowledgement for message %s: %s", inbound_id, outcome.reason)


def acknowledge_later(result) -> None:
    """After ``process_message`` committed: enqueue the acknowledgement of a new consultation.
    Best effort — a broker outage costs an acknowledgement, never the message."""
    if not result.created or result.already_processed:
        return
    try:
        send_acknowledgement.send(result.inbound_id)
    except Exception:
        logger.warning("could not enqueue the acknowledgement for message %s", result.inbound_id, exc_info=True)
