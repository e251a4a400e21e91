"""Read queries shared by the CLI, the workers and the web app."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session, select

from classifiers.gazetteer import association_display_name, district_display_name
from models.consultations import Consultation, FollowUpTask
from models.db import as_utc
from models.gazetteer import AdministrativeAssociation, District, Municipality


def authority_summary(session: Session, key: str | None) -> dict | None:
    """``{"key", "name", "kind", "district"}`` for any authority key, or None."""
    if not key:
        return None
    municipality = session.get(Municipality, key)
    if municipality is not None:
        return {"key": key, "name": municipality.name, "kind": municipality.kind, "district": municipality.district_key}
    district = session.get(District, key)
    if district is not None:
        name = district_display_name(district.name, district.kind)
        return {"key": key, "name": name, "kind": district.kind, "district": district.key}
    association = session.get(AdministrativeAssociation, key)
    if association is not None:
        return {
            "key": key,
            "name": association_display_name(association.name, association.kind),
            "kind": association.kind,
            "district": association.district_key,
        }
    return {"key": key, "name": key, "kind": None, "district": None}


def _iso(value: datetime | None) -> str | None:
    value = as_utc(value)
    return value.isoformat() if value else None


def consultation_summary(session: Session, consultation: Consultation) -> dict:
    tasks = session.exec(
        select(FollowUpTask)
        .where(FollowUpTask.consultation_id == consultation.id)
        .order_by(FollowUpTask.due, FollowUpTask.id)
    ).all()
    return {
        "reference": consultation.reference,
        "subject": consultation.subject,
        "status": consultation.status,
        "channel": consultation.channel,
        "priority": consultation.priority,
        "received_at": _iso(consultation.received_at),
        "topics": list(consultation.topics),
        "topic_scores": dict(consultation.topic_scores),
        "municipality": authority_summary(session, consultation.authority_key),
        "sender": consultation.sender_address,
        "needs_review": consultation.needs_review,
        "tasks": [{"title": t.title, "due": t.due.isoformat(), "status": t.status} for t in tasks],
    }


def list_consultations(
    session: Session, *, statuses: Iterable[str] | None = None, limit: int | None = None
) -> list[Consultation]:
    query = select(Consultation).order_by(Consultation.received_at.desc(), Consultation.id.desc())
    if statuses:
        query = query.where(Consultation.status.in_(list(statuses)))
    if limit:
        query = query.limit(limit)
    return list(session.exec(query))
