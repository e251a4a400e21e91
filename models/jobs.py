"""Bookkeeping for periodic jobs: a row per (job, period) makes each run happen once,
even with several schedulers running."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.db import UtcDateTime, utcnow


class PeriodicRun(SQLModel, table=True):
    __tablename__ = "periodic_run"
    __table_args__ = (UniqueConstraint("job", "period", name="uq_periodic_run"),)

    id: int | None = Field(default=None, primary_key=True)
    job: str = Field(max_length=64)
    period: str = Field(max_length=64)
    started_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
