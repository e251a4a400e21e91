"""What the chat does, independent of the transport (WebSocket or HTTP): start a chat, take
a visitor's message (store → process through the same pipeline → immediate reply), let a
consultant answer (live while the visitor is present, by e-mail once they have left), and list
the lines a client has not seen yet. Each public function is one transaction edge."""

from __future__ import annotations

import logging
import secrets
import threading
import time
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from email.utils import make_msgid
from functools import lru_cache

from sqlalchemy import or_
from sqlmodel import Session, select

from classifiers.gazetteer import packaged_gazetteer
from eingang.runtime import Runtime
from intake.chat import ChatInputError, clean_email, clean_name, clean_text, store_chat_message
from models import (
    ChatDelivery,
    ChatMessage,
    ChatRole,
    ChatSession,
    Consultation,
    ConsultationMessage,
    ConsultationStatus,
    Direction,
    InboundMessage,
    OutboundMail,
    ProcessingStatus,
    UserAccount,
    as_utc,
    session_scope,
    utcnow,
)
from models.audit import record_change
from queue_workers.workflow import change_status, record_first_response
from web.chat.guidance import cached_guidance

logger = logging.getLogger(__name__)

ASSISTANT_NAME = "Eingang-Assistent"
CLIENT_ID_MAX = 64


# ---------------------------------------------------------------- authorities (gazetteer search)


@dataclass(frozen=True)
class AuthorityChoice:
    key: str
    label: str
    folded: str


def _fold(text: str) -> str:
    text = text.casefold().replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _authority_choices() -> tuple[AuthorityChoice, ...]:
    gazetteer = packaged_gazetteer()
    choices = []
    for municipality in gazetteer.municipalities.values():
        district = municipality.district_name
        label = f"{municipality.name} ({municipality.kind}, {district})" if district else municipality.name
        if municipality.kind == "kreisfreie Stadt":
            label = f"{municipality.name} (kreisfreie Stadt)"
        choices.append(AuthorityChoice(municipality.key, label, _fold(municipality.name)))
    for association in gazetteer.associations.values():
        if association.kind == "Verwaltungsgemeinschaft":
            label = f"{gazetteer.authority_name(association.key)} (Verwaltungsgemeinschaft)"
            choices.append(AuthorityChoice(association.key, label, _fold(association.name)))
    for district in gazetteer.districts.values():
        if district.kind == "Landkreis":
            choices.append(AuthorityChoice(district.key, f"Landkreis {district.name}", _fold(district.name)))
    return tuple(sorted(choices, key=lambda c: c.label))


def search_authorities(query: str, *, limit: int = 20) -> list[dict]:
    """Authorities whose name starts with (first) or contains ``query``, for the widget's search."""
    folded = _fold(query.strip())
    if not folded:
        return []
    starts = [c for c in _authority_choices() if c.folded.startswith(folded)]
    contains = [c for c in _authority_choices() if folded in c.folded and not c.folded.startswith(folded)]
    return [{"key": c.key, "label": c.label} for c in (starts + contains)[:limit]]


def authority_label(key: str | None) -> str | None:
    if not key:
        return None
    return next((c.label for c in _authority_choices() if c.key == key), None)


# ---------------------------------------------------------------- lines as the client sees them


def line_payload(line: ChatMessage, *, reference: str | None = None) -> dict:
    """A chat line as JSON for the widget and the consultation page. Text only, never HTML."""
    return {
        "id": line.id,
        "role": line.role,
        "text": line.text,
        "client_id": line.client_message_id,
        "author": line.author_name,
        "delivery": line.delivery,
        "at": as_utc(line.created_at).isoformat(),
        "reference": reference,
    }


def _processed_consultation_id(session: Session, chat: ChatSession) -> int | None:
    """The consultation of the chat's first processed message: for chats whose message was
    processed only after the reply (slow worker, failed and later reprocessed)."""
    return session.exec(
        select(InboundMessage.consultation_id)
        .join(ChatMessage, ChatMessage.inbound_message_id == InboundMessage.id)
        .where(ChatMessage.session_id == chat.id, InboundMessage.consultation_id.is_not(None))
        .order_by(ChatMessage.id)
    ).first()


def _reference(session: Session, chat: ChatSession) -> str | None:
    consultation_id = chat.consultation_id or _processed_consultation_id(session, chat)
    if consultation_id is None:
        return None
    consultation = session.get(Consultation, consultation_id)
    return consultation.reference if consultation else None


# ---------------------------------------------------------------- visitor side


def start_chat(runtime: Runtime, *, name: str, email: str, authority_key: str | None, client: str | None) -> dict:
    """Open a chat for a visitor; returns the token (their only credential) and who they are."""
    name = clean_name(name)
    email = clean_email(email)
    key = (authority_key or "").strip() or None
    if key is not None and authority_label(key) is None:
        raise ChatInputError("authority_unknown", "Bitte wählen Sie Ihre Kommune aus der Liste.")
    with session_scope(runtime.engine) as session:
        chat = ChatSession(
            token=secrets.token_urlsafe(32),
            visitor_name=name,
            visitor_email=email,
            authority_key=key,
            client_address=client,
        )
        session.add(chat)
        session.flush()
        return {"token": chat.token, "name": name, "email": email, "authority": authority_label(key)}


def find_chat(session: Session, token: str | None) -> ChatSession | None:
    if not token or len(token) > 64:
        return None
    return session.exec(select(ChatSession).where(ChatSession.token == token)).first()


def touch(runtime: Runtime, token: str) -> bool:
    """Record that the visitor is still here; False when the token is unknown."""
    with session_scope(runtime.engine) as session:
        chat = find_chat(session, token)
        if chat is None:
            return False
        chat.last_seen_at = utcnow()
        return True


_warm_up_lock = threading.Lock()
_warm_up_thread: threading.Thread | None = None
WARM_UP_MAIL = (
    b"From: Warm <warm@example.invalid>\r\nSubject: Chat: warm-up\r\nMessage-ID: <warm@chat.eingang.invalid>\r\n"
    b"\r\nF\xc3\xb6rderung nach Th\xc3\xbcrEGovRL, OZG, IT-Sicherheit.\r\n"
)


def warm_up() -> None:
    """Load the classifier and linker data in the background once per process (the first
    load takes seconds), so that a visitor's first message is answered at once."""
    global _warm_up_thread

    def run() -> None:
        from classifiers.linker import link
        from classifiers.topics import classify
        from intake.parsing import parse

        try:
            parsed = parse(WARM_UP_MAIL)
            classify(parsed)
            link(parsed)
            _authority_choices()
        except Exception:  # warming is an optimisation; processing reports real errors
            logger.warning("chat warm-up failed", exc_info=True)

    with _warm_up_lock:
        if _warm_up_thread is None:
            _warm_up_thread = threading.Thread(target=run, name="chat-warm-up", daemon=True)
            _warm_up_thread.start()


def _wait_for_warm_up(timeout: float = 30) -> None:
    thread = _warm_up_thread
    if thread is not None and thread.is_alive():
        thread.join(timeout)


def _process(runtime: Runtime, inbound_id: int) -> None:
    """Run the pipeline on the stored message now: in this thread on the embedded queue (same
    code as the actor), or via the worker with Redis, waiting briefly for it."""
    settings = runtime.settings
    if settings.embedded_queue:
        _wait_for_warm_up()  # one load of the classifier, not two in parallel
        from queue_workers.pipeline import mark_failed, process_stored_message

        try:
            with session_scope(runtime.engine) as session:
                process_stored_message(
                    session, inbound_id, taxonomy=runtime.taxonomy, reference_prefix=settings.reference_prefix
                )
        except Exception as error:  # kept, marked failed, shown to consultants; the chat still answers
            logger.exception("processing chat message %s failed", inbound_id)
            with session_scope(runtime.engine) as session:
                mark_failed(session, inbound_id, f"{type(error).__name__}: {error}")
        return
    from queue_workers.dispatch import enqueue_processing

    enqueue_processing(inbound_id)
    deadline = time.monotonic() + settings.chat_reply_wait_seconds
    while time.monotonic() < deadline:
        with Session(runtime.engine) as session:
            row = session.get(InboundMessage, inbound_id)
            if row is not None and row.status != ProcessingStatus.RECEIVED:
                return
        time.sleep(0.05)


def accept_message(runtime: Runtime, token: str, *, client_id: str, text: str, peer: str | None):
    """Store one visitor message durably, once per client id (committed when this returns)."""
    settings = runtime.settings
    client_id = (client_id or "").strip()
    if not client_id or len(client_id) > CLIENT_ID_MAX:
        raise ChatInputError("client_id_invalid", "Nachricht ohne gültige Kennung.")
    text = clean_text(text, max_chars=settings.chat_max_message_chars)
    with session_scope(runtime.engine) as session:
        chat = find_chat(session, token)
        if chat is None:
            raise ChatInputError("session_unknown", "Dieser Chat ist nicht mehr gültig. Bitte starten Sie neu.")
        chat.last_seen_at = utcnow()
        recipient = settings.accepted_recipients[0] if settings.accepted_recipients else "eingang@localhost"
        return store_chat_message(
            session, chat, client_message_id=client_id, text=text, recipient=recipient,
            authority_name=authority_label(chat.authority_key), peer=peer,
        )  # fmt: skip


def reply_to(runtime: Runtime, token: str, stored) -> list[dict]:
    """Process a stored visitor message (same pipeline as mail) and add the assistant's reply."""
    _process(runtime, stored.inbound_id)
    return _reply(runtime, token, stored.chat_message_id)


def receive_message(runtime: Runtime, token: str, *, client_id: str, text: str, peer: str | None) -> list[dict]:
    """Store, process and reply: returns the visitor's line and the assistant's reply. A
    resend of the same client id returns the lines already stored, storing nothing twice."""
    stored = accept_message(runtime, token, client_id=client_id, text=text, peer=peer)
    return reply_to(runtime, token, stored)


def _reply(runtime: Runtime, token: str, visitor_line_id: int) -> list[dict]:
    """The assistant's reply to one visitor line, created once."""
    guidance = cached_guidance(runtime.settings.chat_guidance_path)
    with session_scope(runtime.engine) as session:
        chat = find_chat(session, token)
        visitor_line = session.get(ChatMessage, visitor_line_id)
        existing = session.exec(select(ChatMessage).where(ChatMessage.reply_to_id == visitor_line_id)).first()
        inbound = session.get(InboundMessage, visitor_line.inbound_message_id)
        consultation = (
            session.get(Consultation, inbound.consultation_id) if inbound and inbound.consultation_id else None
        )
        reference = consultation.reference if consultation else None
        if existing is not None:
            return [line_payload(visitor_line, reference=reference), line_payload(existing, reference=reference)]
        first = chat.consultation_id is None
        if consultation is not None:
            chat.consultation_id = consultation.id
        if first and (consultation is None or _is_first_message(session, consultation.id, inbound.id)):
            text = guidance.first_reply(
                name=chat.visitor_name,
                reference=reference,
                topics=list(consultation.topics) if consultation else [],
                urgent=bool(consultation and consultation.urgent_incident),
            )
        else:
            text = guidance.follow_up_reply(name=chat.visitor_name, reference=reference)
        reply = ChatMessage(
            session_id=chat.id,
            role=ChatRole.ASSISTANT,
            text=text,
            reply_to_id=visitor_line_id,
            author_name=ASSISTANT_NAME,
            delivery=ChatDelivery.DELIVERED,
            delivered_at=utcnow(),
        )
        session.add(reply)
        if consultation is not None:  # consultants see what the visitor was told
            session.add(
                ConsultationMessage(
                    consultation_id=consultation.id,
                    direction=Direction.OUTBOUND,
                    channel="chat",
                    sender=ASSISTANT_NAME,
                    sender_name=ASSISTANT_NAME,
                    recipients=[chat.visitor_email],
                    subject=f"[{reference}] Automatische Antwort im Chat",
                    text=text,
                    message_id=make_msgid(domain="chat.eingang.invalid"),
                )
            )
        session.flush()
        return [line_payload(visitor_line, reference=reference), line_payload(reply, reference=reference)]


def _is_first_message(session: Session, consultation_id: int, inbound_id: int) -> bool:
    first = session.exec(
        select(ConsultationMessage.inbound_message_id)
        .where(ConsultationMessage.consultation_id == consultation_id, ConsultationMessage.direction == "inbound")
        .order_by(ConsultationMessage.id)
    ).first()
    return first == inbound_id


def lines_after(runtime: Runtime, token: str, after: int) -> tuple[list[dict], bool]:
    """Lines the visitor's client has not seen (id > after, plus consultant lines still
    pending). Returns (lines, token known); call ``mark_delivered`` once they were sent."""
    with Session(runtime.engine) as session:
        chat = find_chat(session, token)
        if chat is None:
            return [], False
        rows = session.exec(
            select(ChatMessage)
            .where(
                ChatMessage.session_id == chat.id,
                or_(ChatMessage.id > after, ChatMessage.delivery == ChatDelivery.PENDING),
            )
            .order_by(ChatMessage.id)
        ).all()
        reference = _reference(session, chat)
        return [line_payload(row, reference=reference) for row in rows], True


def mark_delivered(runtime: Runtime, lines: list[dict]) -> None:
    """Consultant lines the visitor's browser has been sent are no longer pending (so they are
    not mailed)."""
    pending = [line["id"] for line in lines if line["delivery"] == ChatDelivery.PENDING]
    if not pending:
        return
    with session_scope(runtime.engine) as session:
        for row in session.exec(select(ChatMessage).where(ChatMessage.id.in_(pending))):
            if row.delivery == ChatDelivery.PENDING:
                row.delivery = ChatDelivery.DELIVERED
                row.delivered_at = utcnow()


# ---------------------------------------------------------------- consultant side


class NotAChat(LookupError):
    """The consultation did not come in through the chat."""


def _chat_of(session: Session, consultation_id: int) -> ChatSession:
    chat = session.exec(
        select(ChatSession)
        .where(ChatSession.consultation_id == consultation_id)
        .order_by(ChatSession.last_seen_at.desc())
    ).first()
    if chat is None:  # processed after the chat's reply: find it through its stored messages
        chat = session.exec(
            select(ChatSession)
            .join(ChatMessage, ChatMessage.session_id == ChatSession.id)
            .join(InboundMessage, InboundMessage.id == ChatMessage.inbound_message_id)
            .where(InboundMessage.consultation_id == consultation_id)
        ).first()
        if chat is None:
            raise NotAChat(f"Vorgang {consultation_id} hat keinen Chat.")
        chat.consultation_id = chat.consultation_id or consultation_id
    return chat


def visitor_present(runtime: Runtime, chat: ChatSession) -> bool:
    last_seen = as_utc(chat.last_seen_at)
    return last_seen is not None and utcnow() - last_seen < timedelta(seconds=runtime.settings.chat_presence_seconds)


def consultation_chat(runtime: Runtime, consultation_id: int, *, after: int = 0) -> dict:
    """The chat of a consultation for the consultation page: visitor, presence and lines."""
    mail_undelivered_answers(runtime)
    with session_scope(runtime.engine) as session:
        chat = _chat_of(session, consultation_id)
        rows = session.exec(
            select(ChatMessage)
            .where(ChatMessage.session_id == chat.id, ChatMessage.id > after)
            .order_by(ChatMessage.id)
        ).all()
        reference = _reference(session, chat)
        return {
            "consultation_id": consultation_id,
            "reference": reference,
            "visitor": {"name": chat.visitor_name, "email": chat.visitor_email},
            "present": visitor_present(runtime, chat),
            "lines": [line_payload(row, reference=reference) for row in rows],
        }


def answer_chat(runtime: Runtime, consultation_id: int, text: str, *, author: UserAccount) -> dict:
    """A consultant's answer: shown live if the visitor is still here, else sent by e-mail."""
    text = clean_text(text, max_chars=max(runtime.settings.chat_max_message_chars, 20000))
    with session_scope(runtime.engine) as session:
        chat = _chat_of(session, consultation_id)
        consultation = session.get(Consultation, consultation_id)
        author_name = author.display_name or author.username
        line = ChatMessage(
            session_id=chat.id,
            role=ChatRole.CONSULTANT,
            text=text,
            author_id=author.id,
            author_name=author_name,
            delivery=ChatDelivery.PENDING,
        )
        session.add(line)
        domain = runtime.settings.mail_from.rpartition("@")[2].rstrip(">").strip() or "eingang.local"
        session.add(
            ConsultationMessage(
                consultation_id=consultation_id,
                direction=Direction.OUTBOUND,
                channel="chat",
                sender=runtime.settings.mail_from,
                sender_name=author_name,
                recipients=[chat.visitor_email],
                subject=f"[{consultation.reference}] Antwort im Chat",
                text=text,
                message_id=make_msgid(domain=domain),
                author_id=author.id,
            )
        )
        # Same bookkeeping as an e-mail answer: first response, status, audit (one place: workflow).
        record_first_response(session, consultation=consultation, actor=author.username)
        if consultation.status != ConsultationStatus.ANSWERED:
            change_status(
                session,
                consultation=consultation,
                actor=author.username,
                status=ConsultationStatus.ANSWERED,
                reason="Antwort im Chat",
            )
        consultation.updated_at = utcnow()
        record_change(session, consultation_id=consultation_id, actor=author.username, action="chat_answer")
        session.flush()
        line_id = line.id
        present = visitor_present(runtime, chat)
    if not present:
        mail_answer(runtime, line_id)
    with Session(runtime.engine) as session:
        return line_payload(session.get(ChatMessage, line_id))


def mail_undelivered_answers(runtime: Runtime) -> int:
    """Mail consultant answers the visitor never fetched because they left the chat."""
    cutoff = utcnow() - timedelta(seconds=runtime.settings.chat_presence_seconds)
    with Session(runtime.engine) as session:
        ids = session.exec(
            select(ChatMessage.id)
            .join(ChatSession, ChatSession.id == ChatMessage.session_id)
            .where(
                ChatMessage.role == ChatRole.CONSULTANT,
                ChatMessage.delivery == ChatDelivery.PENDING,
                ChatSession.last_seen_at < cutoff,
            )
        ).all()
    for line_id in ids:
        mail_answer(runtime, line_id)
    return len(ids)


def mail_answer(runtime: Runtime, line_id: int) -> None:
    """Send one consultant answer by e-mail, recorded in OutboundMail so that the visitor's
    e-mail reply threads into the same consultation (the pipeline's find_thread)."""
    from queue_workers.mailer import new_message, send_message

    settings = runtime.settings
    with session_scope(runtime.engine) as session:
        line = session.get(ChatMessage, line_id, with_for_update=True)
        if line is None or line.delivery != ChatDelivery.PENDING:
            return
        chat = session.get(ChatSession, line.session_id)
        consultation = session.get(Consultation, chat.consultation_id) if chat.consultation_id else None
        reference = consultation.reference if consultation else None
        body = (
            f"Guten Tag {chat.visitor_name},\n\n"
            f"Sie hatten den Chat bereits verlassen, daher erhalten Sie unsere Antwort per E-Mail:\n\n"
            f"{line.text}\n\n"
            f"Mit freundlichen Grüßen\n{line.author_name or ''}\nKompetenzzentrum Verwaltung 4.0\n\n"
            f"Aktenzeichen: {reference or '-'} – antworten Sie einfach auf diese E-Mail."
        )
        message = new_message(
            settings,
            to=str(_visitor_address(chat)),
            subject=f"[{reference}] Antwort auf Ihre Chat-Anfrage" if reference else "Antwort auf Ihre Chat-Anfrage",
            body=body,
            in_reply_to=chat.first_message_id,
        )
        outbound = OutboundMail(
            consultation_id=chat.consultation_id,
            kind="chat_answer",
            recipient=chat.visitor_email,
            subject=str(message["Subject"]),
            message_id=str(message["Message-ID"]),
        )
        session.add(outbound)
        session.flush()
        line.outbound_mail_id = outbound.id
        line.delivery = ChatDelivery.EMAILED  # claimed; corrected below if sending fails
        outbound_id = outbound.id
    try:
        send_message(settings, message)
    except Exception as error:
        logger.warning("chat answer %s could not be mailed: %s", line_id, type(error).__name__)
        with session_scope(runtime.engine) as session:
            outbound = session.get(OutboundMail, outbound_id)
            outbound.status, outbound.error = "failed", f"{type(error).__name__}: {error}"
            line = session.get(ChatMessage, line_id)
            line.delivery, line.error = ChatDelivery.FAILED, outbound.error
        return
    with session_scope(runtime.engine) as session:
        outbound = session.get(OutboundMail, outbound_id)
        outbound.status, outbound.sent_at = "sent", utcnow()
        session.get(ChatMessage, line_id).delivered_at = utcnow()


def _visitor_address(chat: ChatSession):
    from email.headerregistry import Address

    local, _, domain = chat.visitor_email.partition("@")
    return Address(display_name=chat.visitor_name, username=local, domain=domain)
