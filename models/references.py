"""Human consultation references such as ``KV-2026-00042``.

On PostgreSQL one sequence per year (``reference_seq_<year>``): ``nextval`` takes no lock that is
held until the commit, so parallel workers never queue behind each other (a rolled-back
transaction leaves a gap in the numbers, which is harmless). The sequence is created on first use
of the year, starting after the year's ``reference_counter`` row (numbers given out before the
sequences existed). On SQLite (one writer anyway) the per-year counter row is incremented in the
caller's transaction."""

from __future__ import annotations

import threading

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from models.consultations import ReferenceCounter

# (database URL, year) pairs whose sequence this process has seen; checked without a statement.
_known_sequences: set[tuple[str, int]] = set()
_lock = threading.Lock()


def _sequence_number(session: Session, year: int) -> int:
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    key = (engine.url.render_as_string(hide_password=True), year)
    name = f"reference_seq_{int(year)}"
    if key not in _known_sequences:
        # Created once, in its own committed transaction (a rollback of the caller's must not
        # take the sequence with it); the advisory lock serialises concurrent first uses.
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(16016, :year)"), {"year": year})
            connection.execute(
                text(
                    f"DO $$ BEGIN IF to_regclass('{name}') IS NULL THEN "
                    f"EXECUTE format('CREATE SEQUENCE {name} START %s', "
                    f"COALESCE((SELECT last_number FROM reference_counter WHERE year = {int(year)}), 0) + 1); "
                    "END IF; END $$"
                )
            )
            connection.commit()
        with _lock:
            _known_sequences.add(key)
    return session.execute(text(f"SELECT nextval('{name}')")).scalar_one()


def next_reference(session: Session, *, prefix: str, year: int) -> str:
    """Allocate the next reference of ``year`` (one statement on PostgreSQL once the year's
    sequence is known to this process)."""
    if session.get_bind().dialect.name == "postgresql":
        return f"{prefix}-{year}-{_sequence_number(session, year):05d}"
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
            continue  # another writer created the year's row first; increment it
    raise RuntimeError(f"could not allocate a reference number for {year}")
