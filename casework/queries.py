"""Read queries shared by the CLI, the workers and the web app."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from models.consultations import Consultation


def list_consultations(
    session: Session, *, statuses: Iterable[str] | None = None, limit: int | None = None
) -> list[Consultation]:
    query = select(Consultation).order_by(col(Consultation.received_at).desc(), col(Consultation.id).desc())
    if statuses:
        query = query.where(col(Consultation.status).in_(list(statuses)))
    if limit:
        query = query.limit(limit)
    return list(session.exec(query))
