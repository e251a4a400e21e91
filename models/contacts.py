"""The people a consultation's answers go to: the person who opened it and the addresses a
consultant added (issue 13). Answers never go to whoever wrote last; a message that merely
quotes the reference number adds nobody here."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.db import UtcDateTime, utcnow


class ContactRole(StrEnum):
    OPENER = "eroeffnet"  # sent the message that opened the consultation
    CONFIRMED = "bestaetigt"  # added by a consultant


class ConsultationContact(SQLModel, table=True):
    __tablename__ = "consultation_contact"
    __table_args__ = (UniqueConstraint("consultation_id", "address", name="uq_consultation_contact"),)

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int = Field(foreign_key="consultation.id", index=True)
    address: str = Field(max_length=320, index=True, description="lower-case mail address")
    name: str | None = Field(default=None, max_length=255)
    role: str = Field(default=ContactRole.OPENER, max_length=16)
    added_by: str = Field(default="system", max_length=128)
    added_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
