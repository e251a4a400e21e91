"""What the chat does, independent of the transport (WebSocket or HTTP): start a chat, take
a visitor's message (store → process through the same pipeline → immediate reply), let a
consultant answer (live while the visitor is present, by e-mail once they have left), and list
the lines a client has not seen yet. Each public function is one transaction edge.

A visitor is anonymous and the e-mail address they type is unverified (issue 13). A chat that
names the reference of an existing consultation gets nothing of it — no messages, answers or
status — and is its own consultation, linked to the named one and flagged „zu prüfen“. To be
attached, the visitor enters a one-time code that was mailed (through the outbox) to the
**contacts** of the named consultation, not to the address the visitor typed; claiming the
original sender's address therefore proves nothing. Codes are six digits, valid
``CLAIM_MINUTES``, at most ``CLAIM_ATTEMPTS`` tries, only their hash is stored, and code mails are
capped per chat and per consultation and hour."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import threading
import time
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from email.headerregistry import Address
from email.utils import make_msgid
from functools import lru_cache

from sqlalchemy import or_
from sqlmodel import Session, col, select

from casework import outbox
from casework.chat_guidance import cached_guidance
from casework.contacts import contact_addresses
from casework.mailer import new_message
from casework.pipeline import mark_failed
from casework.processing import process_message
from casework.review import merge_consultations
from casework.runtime import Runtime
from casework.thread_matching import flag_for_review
from casework.workflow import change_status, record_first_response
from classifiers.gazetteer import packaged_gazetteer
from classifiers.linker import link
from classifiers.topics import classify
from intake.chat import ChatInputError, clean_email, clean_name, clean_text, store_chat_message
from intake.parsing import parse
from models import (
    Channel,
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
    stored_id,
    utcnow,
)
from models.audit import record_change
from models.public import (
    ChatSessionPublic,
    ChatVisitorPublic,
    ConsultationChatPublic,
    chat_line_public,
)

logger = logging.getLogger(__name__)

ASSISTANT_NAME = "Eingang-Assistent"
CLIENT_ID_MAX = 64
CLAIM_MINUTES = 15
CLAIM_ATTEMPTS = 5
CLAIM_MAILS_PER_CHAT = 3
CLAIM_MAILS_PER_CONSULTATION_HOUR = 3
CLAIM_KIND = "chat_code"
_CODE = re.compile(r"^\s*(\d{6})\s*$")


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
    for landkreis in gazetteer.districts.values():
        if landkreis.kind == "Landkreis":
            choices.append(AuthorityChoice(landkreis.key, f"Landkreis {landkreis.name}", _fold(landkreis.name)))
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
    """A chat line as JSON for the widget and the consultation page (``ChatLinePublic``)."""
    return chat_line_public(line, reference=reference).as_json()


def _processed_consultation_id(session: Session, chat: ChatSession) -> int | None:
    """The consultation of the chat's first processed message: for chats whose message was
    processed only after the reply (slow worker, failed and later reprocessed)."""
    return session.exec(
        select(InboundMessage.consultation_id)
        .join(ChatMessage, col(ChatMessage.inbound_message_id) == col(InboundMessage.id))
        .where(col(ChatMessage.session_id) == chat.id, col(InboundMessage.consultation_id).is_not(None))
        .order_by(col(ChatMessage.id))
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
        return ChatSessionPublic(token=chat.token, name=name, email=email, authority=authority_label(key)).as_json()


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


def warm_up(runtime: Runtime) -> None:
    """Load the classifier and linker data in the background once per process (the first
    load takes seconds), so that a visitor's first message is answered at once."""
    global _warm_up_thread

    def run() -> None:
        try:
            parsed = parse(WARM_UP_MAIL)
            classify(parsed, runtime.topic_model.load())
            link(parsed, gazetteer=runtime.gazetteers.packaged)
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
    """Run the pipeline on the stored message now: in this thread on the embedded queue (the
    actor's own code), or via the worker with Redis, waiting briefly for it."""
    settings = runtime.settings
    if settings.embedded_queue:
        _wait_for_warm_up()  # one load of the classifier, not two in parallel
        try:
            process_message(runtime, inbound_id)
        except Exception as error:  # kept, marked failed, shown to consultants; the chat still answers
            logger.exception("processing chat message %s failed", inbound_id)
            with session_scope(runtime.engine) as session:
                mark_failed(session, inbound_id, f"{type(error).__name__}: {error}")
        return
    runtime.tasks.enqueue_processing(inbound_id)
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


# ---------------------------------------------------------------- proving a named reference


def _code_hash(chat: ChatSession, code: str) -> str:
    return hashlib.sha256(f"{chat.token}\x00{code}".encode()).hexdigest()


def _named_consultation(
    session: Session, runtime: Runtime, chat: ChatSession, text: str
) -> tuple[bool, Consultation | None]:
    """(whether the visitor typed a reference other than the chat's own, the existing
    consultation it names or None). Existence is never revealed to the visitor."""
    prefix = re.escape(runtime.settings.reference_prefix)
    own = session.get(Consultation, chat.consultation_id) if chat.consultation_id else None
    named_any = False
    for found in re.finditer(rf"(?<![A-Za-z0-9]){prefix}-\d{{4}}-\d{{5}}(?!\d)", text, re.IGNORECASE):
        reference = found.group(0).upper()
        if own is not None and reference == own.reference:
            continue
        named_any = True
        row = session.exec(select(Consultation).where(Consultation.reference == reference)).first()
        if row is not None and row.merged_into_id is not None:
            row = session.get(Consultation, row.merged_into_id)
        if row is not None and row.id != chat.consultation_id:
            return True, row
    return named_any, None


def _claim_mails(session: Session, *, chat: ChatSession | None = None, consultation_id: int | None = None) -> int:
    query = select(OutboundMail.id).where(OutboundMail.kind == CLAIM_KIND)
    if chat is not None:
        query = query.where(col(OutboundMail.subject).contains(f"#{chat.id}]"))
    if consultation_id is not None:
        query = query.where(
            OutboundMail.consultation_id == consultation_id,
            OutboundMail.created_at >= utcnow() - timedelta(hours=1),
        )
    return len(session.exec(query).all())


def _start_claim(session: Session, runtime: Runtime, chat: ChatSession, named: Consultation) -> None:
    """Mail a one-time code to the named consultation's contacts (never to the visitor's
    typed address unless it is a contact) and remember its hash on the chat."""
    own = session.get(Consultation, chat.consultation_id) if chat.consultation_id else None
    if own is not None and own.related_consultation_id is None:
        own.related_consultation_id = named.id
        flag_for_review(
            session,
            own,
            f"Chat nennt das Aktenzeichen {named.reference}. Der Besucher ({chat.visitor_email}, Adresse nicht "
            f"nachgewiesen) erhält nichts aus {named.reference}, bis er den an die Kontakte des Falls "
            "gesendeten Code eingibt. Bitte prüfen, ob der Chat dazugehört.",
        )
    if (
        chat.claim_consultation_id == named.id
        and chat.claim_code_hash
        and chat.claim_expires_at is not None
        and as_utc(chat.claim_expires_at) > utcnow()
    ):
        return  # a code for it is on its way already
    recipients = contact_addresses(session, named)
    if (
        not recipients
        or not runtime.settings.relay_host
        or _claim_mails(session, chat=chat) >= CLAIM_MAILS_PER_CHAT
        or _claim_mails(session, consultation_id=named.id) >= CLAIM_MAILS_PER_CONSULTATION_HOUR
    ):
        chat.claim_consultation_id, chat.claim_code_hash, chat.claim_expires_at = named.id, None, None
        return
    code = f"{secrets.randbelow(1_000_000):06d}"
    chat.claim_consultation_id = named.id
    chat.claim_code_hash = _code_hash(chat, code)
    chat.claim_expires_at = utcnow() + timedelta(minutes=CLAIM_MINUTES)
    chat.claim_attempts = 0
    body = (
        "Guten Tag,\n\n"
        f"im Chat des Kompetenzzentrums Verwaltung 4.0 hat jemand das Aktenzeichen {named.reference} genannt "
        "und möchte den Chat diesem Beratungsfall zuordnen.\n\n"
        f"Wenn Sie das waren, geben Sie im Chat diesen Code ein: {code}\n"
        f"Er gilt {CLAIM_MINUTES} Minuten und nur einmal.\n\n"
        "Wenn nicht, ignorieren Sie diese Nachricht. Ohne den Code erhält der Chat nichts aus Ihrem Fall.\n\n"
        "Diese Nachricht wurde automatisch erstellt.\n\n"
        "Mit freundlichen Grüßen\nKompetenzzentrum Verwaltung 4.0\n"
    )
    message = new_message(
        runtime.settings,
        to=", ".join(recipients[:1]),
        cc=", ".join(recipients[1:]) or None,
        subject=f"[{named.reference}] Bestätigungscode für den Chat [#{chat.id}]",
        body=body,
        auto_submitted="auto-generated",
    )
    outbox.queue_mail(session, message, kind=CLAIM_KIND, recipient=recipients[0], consultation_id=named.id)


def _try_code(session: Session, chat: ChatSession, code: str) -> str:
    """Check an entered code; on success attach the chat to the named consultation."""
    named = session.get(Consultation, chat.claim_consultation_id)
    expired = chat.claim_expires_at is None or as_utc(chat.claim_expires_at) <= utcnow()
    if named is None or expired or chat.claim_attempts >= CLAIM_ATTEMPTS:
        chat.claim_code_hash = None
        return "Dieser Code ist nicht mehr gültig. Nennen Sie das Aktenzeichen erneut, um einen neuen Code anzufordern."
    if not hmac.compare_digest(_code_hash(chat, code), chat.claim_code_hash or ""):
        chat.claim_attempts += 1
        left = CLAIM_ATTEMPTS - chat.claim_attempts
        if left <= 0:
            chat.claim_code_hash = None
            return "Der Code stimmt nicht. Zu viele Versuche – dieser Code ist nicht mehr gültig."
        return f"Der Code stimmt nicht. Noch {left} Versuch{'e' if left != 1 else ''}."
    own_id = chat.consultation_id
    actor = f"chat:{chat.id}"
    if own_id and own_id != named.id:
        merge_consultations(session, consultation=own_id, into=named, actor=actor)
    record_change(
        session,
        consultation_id=named.id,
        actor=actor,
        action="chat_verified",
        after={"chat": chat.id, "adresse": chat.visitor_email},
    )
    chat.consultation_id = named.id
    chat.claim_code_hash, chat.claim_expires_at, chat.claim_verified_at = None, None, utcnow()
    return f"Danke, der Code ist bestätigt. Ihr Chat gehört jetzt zum Beratungsfall {named.reference}."


def _claim_reply(session: Session, runtime: Runtime, chat: ChatSession, text: str) -> str | None:
    """The assistant's answer when the line is a code or names another consultation; else None."""
    entered = _CODE.match(text)
    if entered and chat.claim_consultation_id and chat.claim_code_hash:
        return _try_code(session, chat, entered.group(1))
    named_any, named = _named_consultation(session, runtime, chat, text)
    if not named_any:
        return None
    if named is not None:
        _start_claim(session, runtime, chat, named)
    return (
        "Sie haben ein Aktenzeichen genannt. Zum Schutz der Beteiligten zeigen wir im Chat nichts aus einem "
        "bestehenden Beratungsfall an, solange nicht bestätigt ist, dass Sie dazugehören. Falls es den Fall "
        "gibt, haben wir einen sechsstelligen Bestätigungscode an die dort hinterlegte E-Mail-Adresse "
        f"geschickt (gültig {CLAIM_MINUTES} Minuten). Geben Sie ihn bitte hier im Chat ein. Bis dahin "
        "bearbeiten wir Ihre Nachricht als eigene Anfrage."
    )


def _reply(runtime: Runtime, token: str, visitor_line_id: int) -> list[dict]:
    """The assistant's reply to one visitor line, created once."""
    guidance = cached_guidance(runtime.settings.chat_guidance_path)
    with outbox.transaction(runtime) as session:
        chat = find_chat(session, token)
        visitor_line = session.get(ChatMessage, visitor_line_id)
        assert visitor_line is not None  # stored by the caller
        existing = session.exec(select(ChatMessage).where(ChatMessage.reply_to_id == visitor_line_id)).first()
        inbound = session.get(InboundMessage, visitor_line.inbound_message_id)
        consultation = (
            session.get(Consultation, inbound.consultation_id) if inbound and inbound.consultation_id else None
        )
        reference = consultation.reference if consultation else None
        if existing is not None:
            return [line_payload(visitor_line, reference=reference), line_payload(existing, reference=reference)]
        assert chat is not None  # the visitor line was stored in this chat
        first = chat.consultation_id is None
        if consultation is not None:
            chat.consultation_id = consultation.id
        claim = _claim_reply(session, runtime, chat, visitor_line.text)
        if claim is not None:
            consultation = session.get(Consultation, chat.consultation_id) if chat.consultation_id else None
            reference = consultation.reference if consultation else None
        if claim is not None and first and reference and not chat.claim_verified_at:
            text = (
                claim
                + "\n\n"
                + guidance.first_reply(
                    name=chat.visitor_name,
                    reference=reference,
                    topics=list(consultation.topics) if consultation else [],
                    urgent=bool(consultation and consultation.urgent_incident),
                )
            )
        elif claim is not None:
            text = claim
        elif first and (
            consultation is None
            or _is_first_message(session, stored_id(consultation.id), stored_id(inbound.id if inbound else None))
        ):
            text = guidance.first_reply(
                name=chat.visitor_name,
                reference=reference,
                topics=list(consultation.topics) if consultation else [],
                urgent=bool(consultation and consultation.urgent_incident),
            )
        else:
            text = guidance.follow_up_reply(name=chat.visitor_name, reference=reference)
        reply = ChatMessage(
            session_id=stored_id(chat.id),
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
                    consultation_id=stored_id(consultation.id),
                    direction=Direction.OUTBOUND,
                    channel=Channel.CHAT,
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
        .where(
            ConsultationMessage.consultation_id == consultation_id,
            ConsultationMessage.direction == Direction.INBOUND,
        )
        .order_by(col(ConsultationMessage.id))
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
                or_(col(ChatMessage.id) > after, col(ChatMessage.delivery) == ChatDelivery.PENDING),
            )
            .order_by(col(ChatMessage.id))
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
        for row in session.exec(select(ChatMessage).where(col(ChatMessage.id).in_(pending))):
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
        .order_by(col(ChatSession.last_seen_at).desc())
    ).first()
    if chat is None:  # processed after the chat's reply: find it through its stored messages
        chat = session.exec(
            select(ChatSession)
            .join(ChatMessage, col(ChatMessage.session_id) == col(ChatSession.id))
            .join(InboundMessage, col(InboundMessage.id) == col(ChatMessage.inbound_message_id))
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
            .where(col(ChatMessage.session_id) == chat.id, col(ChatMessage.id) > after)
            .order_by(col(ChatMessage.id))
        ).all()
        reference = _reference(session, chat)
        return ConsultationChatPublic(
            consultation_id=consultation_id,
            reference=reference,
            visitor=ChatVisitorPublic(name=chat.visitor_name, email=chat.visitor_email),
            present=visitor_present(runtime, chat),
            lines=[chat_line_public(row, reference=reference) for row in rows],
        ).as_json()


def answer_chat(runtime: Runtime, consultation_id: int, text: str, *, author: UserAccount) -> dict:
    """A consultant's answer: shown live if the visitor is still here, else sent by e-mail."""
    text = clean_text(text, max_chars=max(runtime.settings.chat_max_message_chars, 20000))
    with outbox.transaction(runtime) as session:
        chat = _chat_of(session, consultation_id)
        consultation = session.get(Consultation, consultation_id)
        assert consultation is not None  # _chat_of() found its chat
        author_name = author.display_name or author.username
        line = ChatMessage(
            session_id=stored_id(chat.id),
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
                channel=Channel.CHAT,
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
        if not visitor_present(runtime, chat):  # gone: the answer goes by e-mail, after this commit
            _queue_answer_mail(session, runtime, line, chat)
    with Session(runtime.engine) as session:
        answered = session.get(ChatMessage, line_id)
        assert answered is not None  # stored above
        return line_payload(answered)


def mail_undelivered_answers(runtime: Runtime) -> int:
    """Mail consultant answers the visitor never fetched because they left the chat."""
    cutoff = utcnow() - timedelta(seconds=runtime.settings.chat_presence_seconds)
    with Session(runtime.engine) as session:
        ids = session.exec(
            select(ChatMessage.id)
            .join(ChatSession, col(ChatSession.id) == col(ChatMessage.session_id))
            .where(
                ChatMessage.role == ChatRole.CONSULTANT,
                ChatMessage.delivery == ChatDelivery.PENDING,
                ChatSession.last_seen_at < cutoff,
            )
        ).all()
    for line_id in ids:
        mail_answer(runtime, stored_id(line_id))
    return len(ids)


def mail_answer(runtime: Runtime, line_id: int) -> None:
    """Send one consultant answer by e-mail (through the outbox), unless it was delivered or
    mailed already."""
    with outbox.transaction(runtime) as session:
        line = session.get(ChatMessage, line_id, with_for_update=True)
        if line is None or line.delivery != ChatDelivery.PENDING:
            return
        chat = session.get(ChatSession, line.session_id)
        assert chat is not None  # session_id is a foreign key
        _queue_answer_mail(session, runtime, line, chat)


def _queue_answer_mail(session: Session, runtime: Runtime, line: ChatMessage, chat: ChatSession) -> None:
    """Queue the mail of a consultant answer in the outbox; recorded so that the visitor's
    e-mail reply threads into the same consultation (the pipeline's find_thread)."""
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
        runtime.settings,
        to=str(_visitor_address(chat)),
        subject=f"[{reference}] Antwort auf Ihre Chat-Anfrage" if reference else "Antwort auf Ihre Chat-Anfrage",
        body=body,
        in_reply_to=chat.first_message_id,
    )
    row = outbox.queue_mail(
        session, message, kind="chat_answer", recipient=chat.visitor_email, consultation_id=chat.consultation_id
    )
    line.outbound_mail_id = row.id
    line.delivery = ChatDelivery.EMAILED  # the outbox marks it failed if the relay refuses


def _visitor_address(chat: ChatSession) -> Address:
    local, _, domain = chat.visitor_email.partition("@")
    return Address(display_name=chat.visitor_name, username=local, domain=domain)
