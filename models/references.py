"""Human consultation references such as ``KV-2026-00042``: a per-year counter row,
incremented atomically in the caller's transaction."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from models.consultations import ReferenceCounter


def next_reference(session: Session, *, prefix: str, year: int) -> str:
    """Allocate the next reference of ``year``. Safe under concurrent workers: the UPDATE
    takes a row lock (PostgreSQL) or the write lock (SQLite) until the caller commits."""
    for _attempt in range(3):
        number = session.execute(
            text("UPDATE reference_counter SET last_number = last_number + 1 WHERE year = :year RETURNING last_number"),
            {"year": year},
        ).scalar()
        if number is not None:
            return f"{prefix}-{year}-{number:05d}"
        try:
            with session.begin_nested():
                session.add(ReferenceCounter(year=year, last_number=0))
                session.flush()
        except IntegrityError:
            continue  # another worker created the year's row first; increment it
    raise RuntimeError(f"could not allocate a reference number for {year}")
