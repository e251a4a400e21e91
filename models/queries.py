"""Read queries shared by the CLI, the workers and the web app."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from classifiers.gazetteer import association_display_name, district_display_name
from models.consultations import Consultation
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


def list_consultations(
    session: Session, *, statuses: Iterable[str] | None = None, limit: int | None = None
) -> list[Consultation]:
    query = select(Consultation).order_by(col(Consultation.received_at).desc(), col(Consultation.id).desc())
    if statuses:
        query = query.where(col(Consultation.status).in_(list(statuses)))
    if limit:
        query = query.limit(limit)
    return list(session.exec(query))
