"""Versions of the gazetteer loaded with ``eingang gazetteer load``.

Each version keeps the validated CSV texts themselves, so every worker and web process builds
exactly the same in-memory gazetteer from the database (the newest version wins; without any
version the gazetteer shipped in the package is used). ``LinkingKnowledgeVersion`` tells worker
processes when their cached linking knowledge is out of date."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, event, inspect, text
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.sql.selectable import ScalarSelect
from sqlmodel import Field, Session, SQLModel, select

from models.consultations import Consultation
from models.db import UtcDateTime, utcnow
from models.people import KnownSender


class GazetteerVersion(SQLModel, table=True):
    """One loaded gazetteer: where it came from, a checksum, counts and the CSV texts."""

    __tablename__ = "gazetteer_version"

    id: int | None = Field(default=None, primary_key=True)
    loaded_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
    source: str = Field(max_length=1024, description="Directory the files were loaded from")
    checksum: str = Field(max_length=64, index=True, description="SHA-256 over the file names and texts")
    counts: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    files: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


LINKING_KNOWLEDGE_ROW = 1


class LinkingKnowledgeVersion(SQLModel, table=True):
    """One row: a counter raised in the transaction of every change to what the linker learns
    from the database — a confirmed authority (known sender, learned domain), a newly loaded
    gazetteer, an erasure. Worker processes cache that knowledge and compare this counter, read
    with the message row they lock anyway, so a change counts for the next mail in every process
    without a statement of its own (issue 16)."""

    __tablename__ = "linking_knowledge_version"

    id: int = Field(default=LINKING_KNOWLEDGE_ROW, primary_key=True)
    version: int = Field(default=0)


def bump_linking_knowledge(session: Session) -> None:
    """Raise the counter inside the caller's transaction (visible with its commit). Core SQL on
    the session's connection: safe inside a flush."""
    connection = session.connection()
    result = connection.execute(
        text("UPDATE linking_knowledge_version SET version = version + 1 WHERE id = :id"),
        {"id": LINKING_KNOWLEDGE_ROW},
    )
    if not result.rowcount:  # a schema made without the migration's row
        connection.execute(
            text("INSERT INTO linking_knowledge_version (id, version) VALUES (:id, 1)"), {"id": LINKING_KNOWLEDGE_ROW}
        )


# What the linker learns from: writes of these through the ORM raise the counter by themselves
# (``_bump_on_flush``); bulk statements (``models.erasure``) call ``bump_linking_knowledge``.
_CONSULTATION_FIELDS = ("authority_confirmed", "authority_key", "sender_address")


def _changes_linking_knowledge(session: Session) -> bool:
    for row in (*session.new, *session.deleted):
        if isinstance(row, KnownSender | GazetteerVersion):
            return True
        if isinstance(row, Consultation) and row.authority_confirmed:
            return True
    for row in session.dirty:
        if isinstance(row, KnownSender):
            return True
        if isinstance(row, Consultation):
            state = inspect(row)
            if any(state.attrs[name].history.has_changes() for name in _CONSULTATION_FIELDS) and (
                row.authority_confirmed or state.attrs["authority_confirmed"].history.has_changes()
            ):
                return True
    return False


@event.listens_for(OrmSession, "before_flush")
def _bump_on_flush(session: OrmSession, _context: object, _instances: object) -> None:
    if not session.info.get("linking_knowledge_bumped") and _changes_linking_knowledge(session):  # type: ignore[arg-type]
        session.info["linking_knowledge_bumped"] = True  # once per transaction is enough
        bump_linking_knowledge(session)  # type: ignore[arg-type]


@event.listens_for(OrmSession, "after_transaction_end")
def _reset_bumped(session: OrmSession, transaction: object) -> None:
    session.info.pop("linking_knowledge_bumped", None)


def linking_knowledge_version() -> ScalarSelect[int]:
    """The counter as a scalar subquery, to be read along with another statement."""
    return (
        select(LinkingKnowledgeVersion.version)
        .where(LinkingKnowledgeVersion.id == LINKING_KNOWLEDGE_ROW)
        .scalar_subquery()
    )
