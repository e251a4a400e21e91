"""Engine and session handling. Transactions are opened and committed at the edges
(worker, request, CLI command); the query helpers in this package never commit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from functools import cache
from typing import Any, overload
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime, String, event
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, create_engine


def utcnow() -> datetime:
    """Current time in UTC, timezone-aware."""
    return datetime.now(UTC)


@overload
def as_utc(value: datetime) -> datetime: ...
@overload
def as_utc(value: None) -> None: ...
@overload
def as_utc(value: datetime | None) -> datetime | None: ...
def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything Eingang stores is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


class EnumString(TypeDecorator):
    """A ``StrEnum`` stored as its value in a plain VARCHAR column (no database enum type, so a new
    member needs no migration and existing rows stay as they are). Reading gives the enum member.

    Values outside the enum pass through unchanged in both directions, as with the plain string
    column before: a filter on an unknown status (a hand-typed URL) matches nothing instead of
    failing, and an unknown value in an old row is still readable. The services validate what
    they write (``ConsultationStatus(status)`` …)."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[StrEnum], length: int) -> None:
        super().__init__(length)
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        try:
            return self.enum(value)
        except ValueError:
            return value


def stored_id(value: int | None) -> int:
    """A primary or foreign key that is set once the row is stored (SQLModel types ids as
    ``int | None`` because they are None before the first flush)."""
    if value is None:
        raise RuntimeError("row has not been stored yet (no id)")
    return value


class UtcDateTime(TypeDecorator):
    """A timestamp stored as UTC and read back as an aware UTC datetime, on every database.

    PostgreSQL's ``timestamptz`` converts by itself; SQLite keeps only the wall-clock digits, so a
    ``Date: … +0200`` stored unconverted would come back as that wall time *in UTC* and be shown
    two hours late. Aware values are converted to UTC before they are written; naive values are
    taken as UTC (everything Eingang computes is UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return as_utc(value).astimezone(UTC) if value is not None else None


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_time(value: datetime, zone: str) -> datetime:
    """``value`` (stored UTC) in the local time zone ``zone`` (``settings.local_timezone``) —
    the one conversion for display: pages, e-mails and exports."""
    return as_utc(value).astimezone(_zone(zone))


def make_engine(database_url: str, **kwargs) -> Engine:
    """Create an engine; SQLite gets WAL and a busy timeout so the SMTP thread,
    the embedded worker and the CLI can share one file."""
    if database_url.startswith("sqlite"):
        engine = create_engine(
            database_url,
            connect_args={"check_same_thread": False, "timeout": 30},
            **kwargs,
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - driver hook
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(database_url, pool_pre_ping=True, **kwargs)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
