"""Antworten der Beraterinnen an die Kommune: als Antwort-Mail im Thread der letzten
eingegangenen Nachricht (In-Reply-To/References, RFC 5322 §3.6.4), mit dem Aktenzeichen im
Betreff (``Re: … [KV-2026-00042]``), gespeichert als ausgehende ``ConsultationMessage`` und im
Postausgang (``casework.outbox``) in derselben Transaktion; versendet wird nach dem Commit
(mit Wiederholungen und derselben Message-ID), nie während die Transaktion den Fall sperrt.
Die erste Antwort setzt ``first_response_at``.

- ``send_answer(session, *, consultation, actor, body, settings, status="beantwortet", to=None, cc=None)``
  → ``ConsultationMessage``. Empfänger sind die **Kontakte** des Falls (``casework.contacts``),
  nie der letzte Absender; ``to``/``cc`` (Listen von Adressen) ersetzen sie für diese Antwort,
  und jede Adresse darin, die noch kein Kontakt ist, wird durch die Beraterin (``actor``)
  als Kontakt hinzugefügt (im Audit-Log). Ohne konfiguriertes Relay wird nichts gespeichert
  und ``AnswerNotSent`` ausgelöst (der Text bleibt beim Aufrufer).
  ``attachments`` (Dateiname, Typ, Daten) gehen als MIME-Teile mit; zusammen höchstens
  ``settings.answer_max_attachment_bytes`` (sonst ``WorkflowError`` mit der Größe). Der Entwurf
  der Beraterin zu diesem Fall (``casework.replies``) wird mit dem Senden gelöscht.
  ``signature`` und ``quoted`` (das zitierte Original) kommen in der Mail unter den Text und
  werden getrennt gespeichert (wie bei eingehenden Nachrichten eingeklappt angezeigt).
- ``new_recipients(session, consultation, to, cc)`` — die Adressen, die dabei neu Kontakt würden.
- ``answer_subject(subject, reference)`` — Betreff mit genau einem „Re:“ und dem Aktenzeichen.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from sqlmodel import Session, col, select

from casework.contacts import add_contact, contact_addresses, parse_addresses
from casework.mailer import new_message
from casework.outbox import queue_mail
from casework.replies import attachment_limit_error, compose, discard_draft
from casework.workflow import (
    ConsultationRef,
    WorkflowError,
    change_status,
    load_consultation,
    record_first_response,
)
from eingang.settings import Settings
from models import (
    Channel,
    Consultation,
    ConsultationMessage,
    ConsultationStatus,
    Direction,
    UserAccount,
    stored_id,
    utcnow,
)

logger = logging.getLogger(__name__)

_REPLY_PREFIX = re.compile(r"^\s*((re|aw|antw|fwd?|wg)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)


class AnswerNotSent(WorkflowError):
    """The answer cannot be sent (no relay configured); nothing was stored."""


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
        .order_by(col(ConsultationMessage.sent_at).desc(), col(ConsultationMessage.id).desc())
    ).first()


def new_recipients(
    session: Session, consultation: Consultation, to: list[str] | str | None, cc: list[str] | str | None
) -> list[str]:
    """Addresses of ``to``/``cc`` that are not yet contacts (raises on an invalid address)."""
    known = set(contact_addresses(session, consultation))
    return [a for a in [*parse_addresses(to), *parse_addresses(cc)] if a not in known]


def _recipients(
    session: Session, consultation: Consultation, to: list[str] | str | None, cc: list[str] | str | None
) -> tuple[list[str], list[str]]:
    wanted_to, wanted_cc = parse_addresses(to), parse_addresses(cc)
    if not wanted_to and not wanted_cc:  # nothing chosen: the contacts
        contacts = contact_addresses(session, consultation)
        if not contacts and consultation.sender_address:
            contacts = parse_addresses(consultation.sender_address)
        return contacts[:1], contacts[1:]
    if not wanted_to:
        raise WorkflowError("Bitte mindestens eine Adresse unter „An“ angeben.")
    return wanted_to, [a for a in wanted_cc if a not in wanted_to]


def send_answer(
    session: Session,
    *,
    consultation: ConsultationRef,
    actor: str,
    body: str,
    settings: Settings,
    status: str = ConsultationStatus.ANSWERED,
    to: list[str] | str | None = None,
    cc: list[str] | str | None = None,
    attachments: Sequence[tuple[str, str, bytes]] = (),
    signature: str = "",
    quoted: str = "",
) -> ConsultationMessage:
    """Record ``body`` as the consultant's answer and queue it in the outbox (sent after the
    caller's commit); ``status`` afterwards is ``beantwortet`` or ``wartet_auf_rueckmeldung``
    (a question back to the municipality)."""
    row = load_consultation(session, consultation, for_update=True)
    body = (body or "").strip()
    if not body:
        raise WorkflowError("Die Antwort ist leer.")
    if row.status == ConsultationStatus.CLOSED:
        raise WorkflowError(f"{row.reference} ist abgeschlossen; bitte zuerst wieder öffnen.")
    if status not in (ConsultationStatus.ANSWERED, ConsultationStatus.WAITING):
        raise WorkflowError("Nach einer Antwort ist der Fall „beantwortet“ oder „wartet_auf_rueckmeldung“.")
    total = sum(len(data) for _name, _type, data in attachments)
    if total > settings.answer_max_attachment_bytes:
        raise WorkflowError(attachment_limit_error(total, settings.answer_max_attachment_bytes))
    previous = last_inbound(session, row)
    to_addresses, cc_addresses = _recipients(session, row, to, cc)
    if not to_addresses:
        raise WorkflowError(f"{row.reference}: keine Empfängeradresse bekannt.")
    recipient = ", ".join(to_addresses)
    subject = answer_subject(previous.subject if previous else row.subject, row.reference)
    message = new_message(
        settings,
        to=recipient,
        cc=", ".join(cc_addresses) or None,
        subject=subject,
        body=compose(body, signature=signature, quoted=quoted) + "\n",
        in_reply_to=previous.message_id if previous else None,
        references=list(previous.references) if previous else None,
        attachments=attachments,
    )
    if not settings.relay_host:
        logger.warning("answer for consultation %s not sent: no relay configured", row.id)
        raise AnswerNotSent(
            "Die Antwort konnte nicht versendet werden (EINGANG_RELAY_HOST ist nicht gesetzt). "
            "Es wurde nichts gespeichert."
        )
    for address in [*to_addresses, *cc_addresses]:  # the consultant chose them: now contacts
        add_contact(session, consultation=row, actor=actor, address=address)
    now = utcnow()
    author = session.exec(select(UserAccount).where(UserAccount.username == actor)).first()
    references = [v for v in str(message.get("References", "")).split() if v]
    stored = ConsultationMessage(
        consultation_id=stored_id(row.id),
        direction=Direction.OUTBOUND,
        channel=Channel.SMTP,
        sender=settings.mail_from,
        recipients=[*to_addresses, *cc_addresses],
        sent_at=now,
        subject=subject,
        text=body,
        signature=signature.strip(),
        quoted_text=quoted,
        message_id=message["Message-ID"],
        in_reply_to=message.get("In-Reply-To"),
        references=references,
        author_id=author.id if author else None,
    )
    session.add(stored)
    if author is not None and author.id is not None:
        discard_draft(session, user_id=author.id, consultation_id=row.id)
    queue_mail(session, message, kind="answer", recipient=recipient[:320], consultation_id=row.id)
    record_first_response(session, consultation=row, actor=actor, at=now)
    if row.status != status:
        change_status(session, consultation=row, actor=actor, status=status, reason="Antwort versendet")
    session.flush()
    return stored
