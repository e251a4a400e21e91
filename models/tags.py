"""Free tags (Schlagworte) on consultations, and a consultant's own saved inbox filters."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.db import utcnow


class Tag(SQLModel, table=True):
    """One tag; ``key`` is its comparison form (trimmed, case-folded), ``name`` as first typed."""

    __tablename__ = "tag"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=64, unique=True, index=True)
    name: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class ConsultationTag(SQLModel, table=True):
    __tablename__ = "consultation_tag"

    consultation_id: int = Field(foreign_key="consultation.id", primary_key=True)
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, index=True)


class SavedFilter(SQLModel, table=True):
    """An inbox filter a consultant saved under a name (the inbox's query string)."""

    __tablename__ = "saved_filter"
    __table_args__ = (UniqueConstraint("user_id", "name", name="uq_saved_filter_name"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    name: str = Field(max_length=80)
    query: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
