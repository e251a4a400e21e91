"""The chat channel: each chat message a visitor sends becomes an RFC 5322 message and is
stored like a mail (same ``InboundMessage`` store, same pipeline, channel ``chat``).

The message carries who the visitor said they are (``From: name <email>``), a Message-ID derived
from the chat session and the browser's idempotency key (a resend yields the same Message-ID),
``X-Eingang-Channel: chat``, and the authority the visitor chose (``X-Eingang-Authority``, an AGS
or district/VG key). The pipeline trusts that header only for messages stored by this channel.
Later messages of one chat reference the first one (In-Reply-To/References), so they thread
into the same consultation."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import format_datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from models import ChatMessage, ChatRole, ChatSession, stored_id, utcnow
from models.messages import Channel
from models.store import store_inbound

CHANNEL_HEADER = "X-Eingang-Channel"
AUTHORITY_HEADER = "X-Eingang-Authority"
CHAT_DOMAIN = "chat.eingang.invalid"
AUTHORITY_KEY = re.compile(r"^\d{5}$|^\d{8,9}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_EMAIL = re.compile(r"^[^@\s<>\"(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\.[A-Za-z]{2,}$")


class ChatInputError(ValueError):
    """Visitor input that cannot become a message; ``str()`` is a German message for the widget."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def clean_name(name: str) -> str:
    """A display name safe for a header: no control characters, single spaces, bounded."""
    cleaned = " ".join(_CONTROL.sub(" ", name or "").split())[:120]
    if not cleaned:
        raise ChatInputError("name_missing", "Bitte geben Sie Ihren Namen an.")
    return cleaned


def clean_email(address: str) -> str:
    cleaned = (address or "").strip().lower()
    if len(cleaned) > 254 or not _EMAIL.match(cleaned):
        raise ChatInputError("email_invalid", "Bitte geben Sie eine gültige E-Mail-Adresse an.")
    return cleaned


def clean_text(text: str, *, max_chars: int) -> str:
    """The question as the visitor typed it, minus control characters other than line breaks."""
    normalised = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    normalised = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", normalised).strip()
    if not normalised:
        raise ChatInputError("empty", "Die Nachricht ist leer.")
    if len(normalised) > max_chars:
        raise ChatInputError(
            "too_long", f"Die Nachricht ist zu lang ({len(normalised)} Zeichen, höchstens {max_chars})."
        )
    return normalised


def chat_message_id(session_token: str, client_message_id: str) -> str:
    """Stable Message-ID for one visitor message: the same resend gives the same id; the
    session token itself is not revealed."""
    digest = hashlib.sha256(f"{session_token}\x00{client_message_id}".encode()).hexdigest()[:32]
    return f"<chat-{digest}@{CHAT_DOMAIN}>"


def subject_for(text: str) -> str:
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    short = first_line if len(first_line) <= 70 else first_line[:69].rstrip() + "…"
    return f"Chat: {short}"


def build_chat_mail(
    *,
    visitor_name: str,
    visitor_email: str,
    authority_key: str | None,
    authority_name: str | None,
    text: str,
    message_id: str,
    to: str,
    sent_at: datetime,
    subject: str,
    in_reply_to: str | None = None,
) -> bytes:
    """The RFC 5322 bytes of one chat message (pure)."""
    message = EmailMessage()
    local, _, domain = visitor_email.partition("@")
    message["From"] = Address(display_name=visitor_name, username=local, domain=domain)
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(sent_at)
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message[CHANNEL_HEADER] = Channel.CHAT.value
    if authority_key:
        message[AUTHORITY_HEADER] = authority_key
    body = text
    if authority_name:
        # Visible to consultants reading the thread; the header is what the linker uses.
        body = f"{text}\n\n-- \n{visitor_name}\n{authority_name} (im Chat angegeben)"
    message.set_content(body, charset="utf-8")
    return message.as_bytes()


def declared_authority(raw: bytes) -> str | None:
    """The authority key a chat message declares in ``X-Eingang-Authority``, if well-formed.
    Callers must only trust it for messages stored by the chat channel."""
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:65536], headersonly=True)
    value = str(headers.get(AUTHORITY_HEADER) or "").strip()
    return value if AUTHORITY_KEY.match(value) else None


@dataclass(frozen=True)
class StoredChatMessage:
    chat_message_id: int
    inbound_id: int
    created: bool  # False when this was a resend of an already stored message


def store_chat_message(
    session: Session,
    chat: ChatSession,
    *,
    client_message_id: str,
    text: str,
    recipient: str,
    authority_name: str | None,
    peer: str | None = None,
) -> StoredChatMessage:
    """Store one visitor message as raw mail plus its chat line, once per (session, client id).

    Runs inside the caller's transaction (flushes, never commits): the chat line and the raw
    message are committed together, so a resend after a dropped connection finds them."""
    existing = session.exec(
        select(ChatMessage).where(ChatMessage.session_id == chat.id, ChatMessage.client_message_id == client_message_id)
    ).first()
    if existing is not None:
        return StoredChatMessage(stored_id(existing.id), stored_id(existing.inbound_message_id), False)
    message_id = chat_message_id(chat.token, client_message_id)
    first = chat.first_message_id
    raw = build_chat_mail(
        visitor_name=chat.visitor_name,
        visitor_email=chat.visitor_email,
        authority_key=chat.authority_key,
        authority_name=authority_name,
        text=text,
        message_id=message_id,
        to=recipient,
        sent_at=utcnow(),
        subject=subject_for(text),
        in_reply_to=first,
    )
    line = ChatMessage(
        session_id=stored_id(chat.id), role=ChatRole.VISITOR, text=text, client_message_id=client_message_id
    )
    try:
        with session.begin_nested():
            session.add(line)
            session.flush()
    except IntegrityError:  # a concurrent resend of the same message won
        winner = session.exec(
            select(ChatMessage).where(
                ChatMessage.session_id == chat.id, ChatMessage.client_message_id == client_message_id
            )
        ).one()
        return StoredChatMessage(stored_id(winner.id), stored_id(winner.inbound_message_id), False)
    inbound_id, _created = store_inbound(
        session, raw, channel=Channel.CHAT, envelope_from=chat.visitor_email, envelope_to=[recipient], peer=peer
    )
    line.inbound_message_id = inbound_id
    if first is None:
        chat.first_message_id = message_id
    session.flush()
    return StoredChatMessage(stored_id(line.id), inbound_id, True)
