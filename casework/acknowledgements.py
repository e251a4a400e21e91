"""Acknowledgements (Eingangsbestätigungen): a new consultation from a person gets one mail in
German with its reference number. The mail is queued in the outbox in the transaction that
opens the consultation (``casework.processing``) and sent after the commit.

Loop and abuse rules (RFC 3834 "Recommendations for Automatic Responses to Electronic Mail"):
never to automatic mail — the one decision of ``intake.automatic`` (``Auto-Submitted``,
``X-Autoreply``, ``Precedence: bulk/junk/list``, out-of-office, delivery status notifications,
bounces with a null envelope sender or ``Return-Path: <>``, mailing lists) — nor to
no-reply/daemon addresses or our own address; only for mail that arrived live (SMTP, IMAP — not
file imports or chat); at most ``acknowledgement_daily_limit`` per recipient within 24 hours,
``acknowledgement_domain_hourly_limit`` per recipient mail domain and
``acknowledgement_hourly_limit`` for the whole instance within an hour.

Recipient (issue 13): the ``From`` address. A ``Reply-To`` is followed only within the From
address's own domain; anyone can write any Reply-To, and the ministry must not become a way to
mail third parties (the forged "From" is the sender's problem; the caps bound what it can do).
The acknowledgement carries ``Auto-Submitted: auto-replied`` and ``In-Reply-To``/``References``,
so an answer to it threads back into the consultation (``OutboundMail.message_id`` is a
threading key).

Every acknowledgement is an ``OutboundMail`` row (kind ``acknowledgement``); one per consultation."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parseaddr

from sqlmodel import Session, col, func, select

from casework import outbox
from casework.mailer import new_message
from casework.runtime import Runtime
from eingang.settings import Settings
from intake.automatic import detect_automatic_raw
from intake.parsed import ParsedMail
from intake.parsing import parse
from models import Channel, Consultation, InboundMessage, OutboundMail, ProcessingStatus, session_scope, utcnow

logger = logging.getLogger(__name__)

KIND = "acknowledgement"
ACKNOWLEDGED_CHANNELS = frozenset({Channel.SMTP, Channel.IMAP})
_NO_REPLY = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|mailer[-_.]?daemon|postmaster|bounces?|listserv|majordomo"
    r"|owner-.*|.*-(request|owner|bounces?)|.*[-_.+]no[-_.]?reply|no[-_.]?reply[-_.+].*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AcknowledgementOutcome:
    sent: bool
    reason: str | None = None  # why none was sent (or queued)
    outbound_id: int | None = None
    queued: bool = False  # written to the outbox just now


def _address_of(value: str) -> str:
    """The addr-spec of a header value, lower-cased; "" for the null path ``<>``."""
    return parseaddr(value)[1].strip().lower()


def recipient_for(parsed: ParsedMail) -> str | None:
    """Where the acknowledgement goes: the From address; a Reply-To only when it is in the same
    mail domain as From (e.g. hauptamt@ → poststelle@ of the same administration)."""
    sender = parsed.sender.address.strip().lower() if parsed.sender and "@" in parsed.sender.address else None
    if sender is None:
        return None
    domain = sender.rpartition("@")[2]
    for candidate in parsed.reply_to:
        address = candidate.address.strip().lower() if candidate is not None else ""
        if "@" in address and address.rpartition("@")[2] == domain:
            return address
    return sender


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
    sent_domain_hour: int = 0,
    domain_hourly_limit: int | None = None,
    sent_hour: int = 0,
    hourly_limit: int | None = None,
) -> str | None:
    """Why this message must not be acknowledged (German, for logs and people), or None."""
    if channel not in ACKNOWLEDGED_CHANNELS:
        return f"Kanal {channel}: nur live eingegangene E-Mail wird bestätigt"
    automatic = detect_automatic_raw(
        raw, subject=parsed.subject or "", sender=parsed.sender, envelope_from=envelope_from
    )
    if automatic is not None:
        if "envelope" in automatic or "Return-Path" in automatic:
            return f"Unzustellbarkeitsnachricht ({automatic})"
        return f"automatische Nachricht ({automatic})"
    if recipient is None:
        return "keine Absenderadresse"
    if recipient in own_addresses:
        return "eigene Adresse (Schleife)"
    if _NO_REPLY.match(recipient.partition("@")[0]):
        return f"Adresse {recipient} nimmt keine Antworten an"
    if sent_last_day >= daily_limit:
        return f"Höchstzahl von {daily_limit} Bestätigungen in 24 Stunden an {recipient} erreicht"
    if domain_hourly_limit is not None and sent_domain_hour >= domain_hourly_limit:
        domain = recipient.rpartition("@")[2]
        return f"Höchstzahl von {domain_hourly_limit} Bestätigungen je Stunde an die Domain {domain} erreicht"
    if hourly_limit is not None and sent_hour >= hourly_limit:
        return f"Höchstzahl von {hourly_limit} Bestätigungen je Stunde für diese Installation erreicht"
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
    query = select(func.count(col(OutboundMail.id))).where(
        OutboundMail.kind == KIND,
        OutboundMail.recipient == recipient,
        col(OutboundMail.status).in_(outbox.ACTIVE_STATUSES),
        OutboundMail.created_at >= utcnow() - timedelta(hours=24),
    )
    if excluding is not None:
        query = query.where(OutboundMail.id != excluding)
    return session.exec(query).one()


def _sent_last_hour(session: Session, *, domain: str | None = None) -> int:
    query = select(func.count(col(OutboundMail.id))).where(
        OutboundMail.kind == KIND,
        col(OutboundMail.status).in_(outbox.ACTIVE_STATUSES),
        OutboundMail.created_at >= utcnow() - timedelta(hours=1),
    )
    if domain is not None:
        query = query.where(func.lower(OutboundMail.recipient).endswith(f"@{domain}", autoescape=True))
    return session.exec(query).one()


def _own_addresses(settings: Settings) -> set[str]:
    return {_address_of(settings.mail_from), *(a for a in settings.accepted_recipients if not a.startswith("@"))}


def queue_acknowledgement(session: Session, settings: Settings, inbound_id: int) -> AcknowledgementOutcome:
    """Check the rules for the consultation ``inbound_id`` opened and, if they allow, queue the
    acknowledgement in the outbox inside the caller's transaction. Once per consultation."""
    if not settings.acknowledgement_enabled:
        return AcknowledgementOutcome(False, "Eingangsbestätigungen sind abgeschaltet")
    if not settings.relay_host:
        return AcknowledgementOutcome(False, "kein SMTP-Relay konfiguriert (EINGANG_RELAY_HOST)")
    inbound = session.get(InboundMessage, inbound_id)
    if inbound is None or inbound.status != ProcessingStatus.PROCESSED or inbound.consultation_id is None:
        return AcknowledgementOutcome(False, "Nachricht ist (noch) keinem Fall zugeordnet")
    if inbound.channel not in ACKNOWLEDGED_CHANNELS:  # decided before parsing again (chat: every message)
        return AcknowledgementOutcome(False, f"Kanal {inbound.channel}: nur live eingegangene E-Mail wird bestätigt")
    consultation = session.get(Consultation, inbound.consultation_id, with_for_update=True)
    assert consultation is not None  # inbound.consultation_id is a foreign key
    existing = session.exec(
        select(OutboundMail).where(OutboundMail.kind == KIND, OutboundMail.consultation_id == consultation.id)
    ).first()
    if existing is not None:
        return AcknowledgementOutcome(False, "bereits bestätigt", existing.id)
    parsed = parse(inbound.raw)
    recipient = recipient_for(parsed)
    reason = refusal_reason(
        parsed,
        inbound.raw,
        channel=inbound.channel,
        envelope_from=inbound.envelope_from,
        recipient=recipient,
        own_addresses=_own_addresses(settings),
        sent_last_day=_sent_last_day(session, recipient, excluding=None) if recipient else 0,
        daily_limit=settings.acknowledgement_daily_limit,
        sent_domain_hour=_sent_last_hour(session, domain=recipient.rpartition("@")[2]) if recipient else 0,
        domain_hourly_limit=settings.acknowledgement_domain_hourly_limit,
        sent_hour=_sent_last_hour(session),
        hourly_limit=settings.acknowledgement_hourly_limit,
    )
    if reason is not None:
        return AcknowledgementOutcome(False, reason)
    assert recipient is not None  # refusal_reason() refuses a missing recipient
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
    row = outbox.queue_mail(session, message, kind=KIND, recipient=recipient, consultation_id=consultation.id)
    return AcknowledgementOutcome(False, None, row.id, queued=True)


def acknowledge(runtime: Runtime, inbound_id: int) -> AcknowledgementOutcome:
    """Queue the acknowledgement (if the rules allow) and deliver it right here instead of by a
    worker — for commands and tests. Idempotent; transient relay errors are raised."""
    with session_scope(runtime.engine) as session:
        outcome = queue_acknowledgement(session, runtime.settings, inbound_id)
        outbox.take_queued(session)  # delivered below, not by a worker
        queued = session.get(OutboundMail, outcome.outbound_id) if outcome.outbound_id else None
        status = queued.status if queued is not None else None
    if status not in (outbox.PENDING, outbox.SENDING):
        return outcome
    assert outcome.outbound_id is not None  # a pending/sending row was found by it
    if outbox.deliver(runtime, outcome.outbound_id):
        return AcknowledgementOutcome(True, None, outcome.outbound_id)
    with session_scope(runtime.engine) as session:
        row = session.get(OutboundMail, outcome.outbound_id)
        assert row is not None  # delivered above
        return AcknowledgementOutcome(False, f"Relay lehnt ab: {row.error}", row.id)
