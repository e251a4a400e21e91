"""Versions of the gazetteer loaded with ``eingang gazetteer load``.

Each version keeps the validated CSV texts themselves, so every worker and web process builds
exactly the same in-memory gazetteer from the database (the newest version wins; without any
version the gazetteer shipped in the package is used)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from models.db import UtcDateTime, utcnow


class GazetteerVersion(SQLModel, table=True):
    """One loaded gazetteer: where it came from, a checksum, counts and the CSV texts."""

    __tablename__ = "gazetteer_version"

    id: int | None = Field(default=None, primary_key=True)
    loaded_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
    source: str = Field(max_length=1024, description="Directory the files were loaded from")
    checksum: str = Field(max_length=64, index=True, description="SHA-256 over the file names and texts")
    counts: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    files: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
