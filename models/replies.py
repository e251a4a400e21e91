"""What a consultant's answers are built from (issue 14, "Antworten"): text modules
(Textbausteine) with placeholders, the consultant's own signature, and the reply draft saved on
the server as one types (one per consultant and consultation)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.db import UtcDateTime, utcnow


class TextModule(SQLModel, table=True):
    """A reusable passage for answers; ``{{platzhalter}}`` are filled per consultation."""

    __tablename__ = "text_module"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    body: str = Field(sa_column=Column(Text, nullable=False))
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_by: str = Field(default="system", max_length=128)
    updated_by: str = Field(default="system", max_length=128)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))


class UserProfile(SQLModel, table=True):
    """Per-consultant settings kept apart from the account (the signature of their answers)."""

    __tablename__ = "user_profile"

    user_id: int = Field(primary_key=True, foreign_key="user_account.id")
    signature: str = Field(default="", sa_column=Column(Text, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))


class ReplyDraft(SQLModel, table=True):
    """The answer a consultant is typing, saved as they type; deleted when it is sent."""

    __tablename__ = "reply_draft"
    __table_args__ = (UniqueConstraint("user_id", "consultation_id", name="uq_reply_draft"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    consultation_id: int = Field(foreign_key="consultation.id", index=True)
    body: str = Field(default="", sa_column=Column(Text, nullable=False))
    to: str = Field(default="", max_length=4000)
    cc: str = Field(default="", max_length=4000)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
