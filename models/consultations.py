"""Consultations — the unit the team works in and the ministry reports on — with their
messages, follow-up tasks, notes and audit trail."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Date, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.db import EnumString, UtcDateTime, utcnow
from models.messages import Channel


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
    status: ConsultationStatus = Field(
        default=ConsultationStatus.NEW, sa_type=EnumString(ConsultationStatus, 32), nullable=False, index=True
    )
    channel: Channel = Field(sa_type=EnumString(Channel, 16), nullable=False)
    priority: Priority = Field(default=Priority.NORMAL, sa_type=EnumString(Priority, 16), nullable=False)
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
    # Another consultation this one concerns (split off from it, merged into it, or a chat that
    # named its reference before being proven); shown on both case pages.
    related_consultation_id: int | None = Field(default=None)
    # Set when a consultant merged this consultation into another: mail that still names this
    # one (reference, Message-ID) is threaded into that one.
    merged_into_id: int | None = Field(default=None)

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
    direction: Direction = Field(sa_type=EnumString(Direction, 16), nullable=False)
    channel: Channel = Field(sa_type=EnumString(Channel, 16), nullable=False)
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
    status: TaskStatus = Field(default=TaskStatus.OPEN, sa_type=EnumString(TaskStatus, 16), nullable=False, index=True)
    assignee_id: int | None = Field(default=None, foreign_key="user_account.id", index=True)
    postponed_reason: str | None = Field(default=None, sa_column=Column(Text))
    created_by: str = Field(default="system", max_length=128)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
    completed_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))


def effective_assignee_id(task: FollowUpTask, consultation: Consultation) -> int | None:
    """A task without its own assignee belongs to the consultation's assignee."""
    return task.assignee_id if task.assignee_id is not None else consultation.assignee_id


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
    """The outbox: every mail Eingang sends (acknowledgements, answers, digests, escalations,
    chat answers). Written in the transaction of the change that causes it, with the complete
    message (``raw``); delivered after the commit by ``casework.outbox.deliver``.

    ``status``: ``pending`` (to be sent, or retried after a transient relay error),
    ``sending`` (claimed by a delivery since ``claimed_at``), ``sent``, ``failed`` (refused or
    out of retries; ``error`` says why)."""

    __tablename__ = "outbound_mail"

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int | None = Field(default=None, foreign_key="consultation.id", index=True)
    kind: str = Field(max_length=32, index=True)
    recipient: str = Field(max_length=320, index=True)
    subject: str = Field(sa_column=Column(Text, nullable=False))
    message_id: str = Field(max_length=998, unique=True)
    status: str = Field(default="pending", max_length=16, index=True)
    error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False, index=True))
    sent_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))
    raw: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    attempts: int = Field(default=0)
    claimed_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))


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
