"""Stored inbound messages: the raw bytes exactly as they arrived, before any parsing.

A channel's only job is to get a row in here and commit; everything else reads from it.
Uniqueness on (Message-ID, content hash) makes storing idempotent across retries of
the same delivery (SMTP retry, IMAP crash between fetch and move).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.db import EnumString, UtcDateTime, utcnow


class Channel(StrEnum):
    SMTP = "smtp"
    IMAP = "imap"
    FILE = "file"
    CHAT = "chat"


class ProcessingStatus(StrEnum):
    RECEIVED = "received"
    PROCESSED = "processed"
    FAILED = "failed"


class InboundMessage(SQLModel, table=True):
    """One message as received: raw bytes plus channel metadata and processing state."""

    __tablename__ = "inbound_message"
    __table_args__ = (UniqueConstraint("message_id", "content_hash", name="uq_inbound_message_identity"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: Channel = Field(sa_type=EnumString(Channel, 16), nullable=False, index=True)
    envelope_from: str | None = Field(default=None, max_length=320)
    envelope_to: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    peer: str | None = Field(default=None, max_length=255, description="Network peer or source path")
    message_id: str = Field(max_length=998, index=True)
    content_hash: str = Field(max_length=64, index=True, description="SHA-256 of the raw bytes")
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    size: int = 0
    received_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False, index=True))
    status: ProcessingStatus = Field(
        default=ProcessingStatus.RECEIVED, sa_type=EnumString(ProcessingStatus, 16), nullable=False, index=True
    )
    error: str | None = Field(default=None, sa_column=Column(Text))
    attempts: int = 0
    processed_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))
    # From when the sweeper may enqueue it again (enqueue lease / retry backoff); None: received_at.
    retry_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))
    # Filled by processing so lists need not re-parse the raw bytes.
    from_address: str | None = Field(default=None, max_length=320)
    subject: str | None = Field(default=None, sa_column=Column(Text))
    auto_reply: bool | None = None
    consultation_id: int | None = Field(default=None, foreign_key="consultation.id", index=True)


class AttachmentBlob(SQLModel, table=True):
    """Attachment contents, stored once per SHA-256 and outside the message rows."""

    __tablename__ = "attachment_blob"

    sha256: str = Field(primary_key=True, max_length=64)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    size: int = 0


class Attachment(SQLModel, table=True):
    """An attachment of an inbound message; its bytes live in ``AttachmentBlob``."""

    __tablename__ = "attachment"

    id: int | None = Field(default=None, primary_key=True)
    inbound_message_id: int = Field(foreign_key="inbound_message.id", index=True)
    filename: str | None = Field(default=None, max_length=512)
    content_type: str = Field(default="application/octet-stream", max_length=255)
    size: int = 0
    sha256: str = Field(foreign_key="attachment_blob.sha256", max_length=64)
    content_id: str | None = Field(default=None, max_length=512)
    inline: bool = False
