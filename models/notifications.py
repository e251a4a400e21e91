"""In-app notifications for the team: a consultant named with ``@name`` in an internal note
(issue 14). Shown as a badge and list in the web app and, once, in the daily digest mail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from models.db import UtcDateTime, utcnow


class Notification(SQLModel, table=True):
    __tablename__ = "notification"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True, description="who is notified")
    consultation_id: int = Field(foreign_key="consultation.id", index=True)
    note_id: int | None = Field(default=None, foreign_key="consultation_note.id")
    kind: str = Field(default="mention", max_length=32)
    actor: str = Field(max_length=128, description="who wrote the note")
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
    read_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))
    digested_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))
