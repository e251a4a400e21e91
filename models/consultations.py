"""Consultations — the unit the team works in and the ministry reports on — with their
messages, follow-up tasks, notes and audit trail."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Date, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.db import UtcDateTime, utcnow


class ConsultationStatus(StrEnum):
    NEW = "neu"
    IN_PROGRESS = "in_bearbeitung"
    WAITING = "wartet_auf_rueckmeldung"
    ANSWERED = "beantwortet"
    CLOSED = "abgeschlossen"


class Priority(StrEnum):
    NORMAL = "normal"
    HIGH = "hoch"
    URGENT = "dringend"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class TaskStatus(StrEnum):
    OPEN = "offen"
    DONE = "erledigt"
    CANCELLED = "entfallen"


class ReferenceCounter(SQLModel, table=True):
    """Per-year counter behind the human references ``KV-2026-00042``."""

    __tablename__ = "reference_counter"

    year: int = Field(primary_key=True)
    last_number: int = 0


class Consultation(SQLModel, table=True):
    __tablename__ = "consultation"

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=32, unique=True, index=True)
    subject: str = Field(default="", sa_column=Column(Text, nullable=False))
    status: str = Field(default=ConsultationStatus.NEW, max_length=32, index=True)
    channel: str = Field(max_length=16)
    priority: str = Field(default=Priority.NORMAL, max_length=16)
    urgent_incident: bool = False

    # The authority the consultation concerns: 8-digit AGS (Gemeinde), 5-digit key
    # (Landkreis / kreisfreie Stadt) or 9-digit key (Verwaltungsgemeinschaft).
    authority_key: str | None = Field(default=None, max_length=12, index=True)
    authority_confirmed: bool = False
    # What the machine suggested, kept for learning and for measuring accuracy.
    suggested_authority: dict | None = Field(default=None, sa_column=Column(JSON))
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    topic_scores: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    suggested_topics: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    topics_confirmed: bool = False

    sender_address: str | None = Field(default=None, max_length=320, index=True)
    sender_name: str | None = Field(default=None, max_length=255)
    assignee_id: int | None = Field(default=None, foreign_key="user_account.id", index=True)
    needs_review: bool = False
    review_reason: str | None = Field(default=None, sa_column=Column(Text))

    received_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False, index=True))
    first_response_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))
    closed_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))


class ConsultationMessage(SQLModel, table=True):
    """One message of a consultation's thread, inbound or outbound, as readable text."""

    __tablename__ = "consultation_message"

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int = Field(foreign_key="consultation.id", index=True)
    inbound_message_id: int | None = Field(default=None, foreign_key="inbound_message.id", unique=True)
    direction: str = Field(max_length=16)
    channel: str = Field(max_length=16)
    sender: str | None = Field(default=None, max_length=320)
    sender_name: str | None = Field(default=None, max_length=255)
    recipients: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    sent_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
    subject: str = Field(default="", sa_column=Column(Text, nullable=False))
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    quoted_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    signature: str = Field(default="", sa_column=Column(Text, nullable=False))
    html: str | None = Field(default=None, sa_column=Column(Text))
    message_id: str | None = Field(default=None, max_length=998, index=True)
    in_reply_to: str | None = Field(default=None, max_length=998)
    references: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    author_id: int | None = Field(default=None, foreign_key="user_account.id")


class FollowUpTask(SQLModel, table=True):
    __tablename__ = "follow_up_task"
    # Idempotency: processing the same message twice must not add the template's task twice.
    __table_args__ = (UniqueConstraint("consultation_id", "template_key", name="uq_task_template"),)

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int = Field(foreign_key="consultation.id", index=True)
    template_key: str | None = Field(default=None, max_length=128)
    title: str = Field(sa_column=Column(Text, nullable=False))
    due: date = Field(sa_column=Column(Date, nullable=False, index=True))
    status: str = Field(default=TaskStatus.OPEN, max_length=16, index=True)
    assignee_id: int | None = Field(default=None, foreign_key="user_account.id", index=True)
    postponed_reason: str | None = Field(default=None, sa_column=Column(Text))
    created_by: str = Field(default="system", max_length=128)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
    completed_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))


class ConsultationNote(SQLModel, table=True):
    """Internal note of a consultant; never sent to the municipality."""

    __tablename__ = "consultation_note"

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int = Field(foreign_key="consultation.id", index=True)
    author: str = Field(max_length=128)
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))


class AuditEntry(SQLModel, table=True):
    """Who changed what on a consultation, when, from what to what."""

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int | None = Field(default=None, foreign_key="consultation.id", index=True)
    actor: str = Field(max_length=128, description="user name, 'system', or 'rule:<name>'")
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False, index=True))
    action: str = Field(max_length=64)
    field: str | None = Field(default=None, max_length=64)
    before: Any = Field(default=None, sa_column=Column(JSON))
    after: Any = Field(default=None, sa_column=Column(JSON))


class OutboundMail(SQLModel, table=True):
    """Every mail Eingang sent or tried to send (acknowledgements, answers, digests, escalations)."""

    __tablename__ = "outbound_mail"

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int | None = Field(default=None, foreign_key="consultation.id", index=True)
    kind: str = Field(max_length=32, index=True)
    recipient: str = Field(max_length=320, index=True)
    subject: str = Field(sa_column=Column(Text, nullable=False))
    message_id: str = Field(max_length=998, unique=True)
    status: str = Field(default="pending", max_length=16)
    error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False, index=True))
    sent_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))


class TopicCorrection(SQLModel, table=True):
    """A consultant's correction of the topics, kept as a labelled training example."""

    __tablename__ = "topic_correction"

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int = Field(foreign_key="consultation.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    suggested: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    corrected: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    author: str = Field(max_length=128)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))


class SlaBreach(SQLModel, table=True):
    __tablename__ = "sla_breach"
    __table_args__ = (UniqueConstraint("consultation_id", "kind", name="uq_sla_breach"),)

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int = Field(foreign_key="consultation.id", index=True)
    kind: str = Field(max_length=32)
    due_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))
    recorded_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
