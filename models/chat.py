"""Chat sessions of the chat channel and their messages in both directions.

A chat message from a visitor is stored like a mail (``InboundMessage``, channel ``chat``) and
processed by the same pipeline; these tables add what only a live chat needs: the session
token, who the visitor said they are, the client's idempotency key per message (a resend after
a dropped connection is stored once) and the delivery state of answers (live or by e-mail)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.db import EnumString, UtcDateTime, utcnow


class ChatRole(StrEnum):
    VISITOR = "visitor"  # the municipality employee
    ASSISTANT = "assistant"  # Eingang's immediate reply
    CONSULTANT = "consultant"  # a team member answering live


class ChatDelivery(StrEnum):
    PENDING = "pending"  # waiting for the visitor's browser to fetch it
    DELIVERED = "delivered"  # the visitor's browser received it
    EMAILED = "emailed"  # the visitor had left; sent by e-mail instead
    FAILED = "failed"  # neither delivered nor mailed (see error)


class ChatSession(SQLModel, table=True):
    """One visitor's chat; the token is the visitor's only credential."""

    __tablename__ = "chat_session"

    id: int | None = Field(default=None, primary_key=True)
    token: str = Field(max_length=64, unique=True, index=True)
    visitor_name: str = Field(max_length=255)
    visitor_email: str = Field(max_length=320)
    authority_key: str | None = Field(default=None, max_length=12)
    consultation_id: int | None = Field(default=None, foreign_key="consultation.id", index=True)
    # Message-ID of the first stored message: later messages reference it so they thread.
    first_message_id: str | None = Field(default=None, max_length=998)
    client_address: str | None = Field(default=None, max_length=255)
    # A consultation the visitor named and must prove to belong to (issue 13): a one-time code
    # is mailed to that consultation's contacts; only its hash is kept.
    claim_consultation_id: int | None = Field(default=None)
    claim_code_hash: str | None = Field(default=None, max_length=128)
    claim_expires_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))
    claim_attempts: int = Field(default=0)
    claim_verified_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
    last_seen_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))


class ChatMessage(SQLModel, table=True):
    """One line of a chat, either direction, with its delivery state."""

    __tablename__ = "chat_message"
    __table_args__ = (UniqueConstraint("session_id", "client_message_id", name="uq_chat_message_client_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="chat_session.id", index=True)
    role: ChatRole = Field(sa_type=EnumString(ChatRole, 16), nullable=False)
    text: str = Field(sa_column=Column(Text, nullable=False))
    # The visitor's idempotency key (generated in the browser); None for outbound lines.
    client_message_id: str | None = Field(default=None, max_length=64)
    inbound_message_id: int | None = Field(default=None, foreign_key="inbound_message.id")
    # The stored visitor message this line answers (assistant replies).
    reply_to_id: int | None = Field(default=None, foreign_key="chat_message.id")
    author_id: int | None = Field(default=None, foreign_key="user_account.id")
    author_name: str | None = Field(default=None, max_length=128)
    delivery: ChatDelivery = Field(
        default=ChatDelivery.DELIVERED, sa_type=EnumString(ChatDelivery, 16), nullable=False, index=True
    )
    outbound_mail_id: int | None = Field(default=None, foreign_key="outbound_mail.id")
    error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
    delivered_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))
