"""The page of one authority (issue 14): a Gemeinde, a Verwaltungsgemeinschaft or a Landkreis
with its consultations (open and closed), the people who wrote, the confirmed senders, the
topics over time (per quarter) and the last contact.

A VG's page also lists the consultations of its member Gemeinden (each row says which
authority it is linked to); a Landkreis's page lists those linked to the Landkreis itself."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from models import (
    AdministrativeAssociation,
    Consultation,
    ConsultationMessage,
    ConsultationStatus,
    Direction,
    KnownSender,
    as_utc,
    local_time,
)
from models.gazetteer import authority_summary


class UnknownAuthority(LookupError):
    """No authority has this key, and no consultation names it."""


@dataclass(frozen=True)
class Correspondent:
    """Someone who wrote to the team about this authority."""

    address: str
    name: str | None
    messages: int
    last_at: datetime


@dataclass
class AuthorityProfile:
    key: str
    name: str
    kind: str | None
    district: str | None
    member_keys: list[str] = field(default_factory=list)
    open: list[Consultation] = field(default_factory=list)
    closed: list[Consultation] = field(default_factory=list)
    correspondents: list[Correspondent] = field(default_factory=list)
    confirmed_senders: list[KnownSender] = field(default_factory=list)
    topics_by_quarter: list[tuple[str, dict[str, int]]] = field(default_factory=list)
    last_contact: datetime | None = None

    @property
    def consultations(self) -> list[Consultation]:
        return sorted(self.open + self.closed, key=lambda c: (as_utc(c.received_at), c.id or 0), reverse=True)


def quarter_of(moment: datetime, zone: str) -> str:
    local = local_time(moment, zone)
    return f"{local.year}-Q{(local.month - 1) // 3 + 1}"


def authority_profile(session: Session, key: str, *, zone: str = "Europe/Berlin") -> AuthorityProfile:
    """Everything the authority page shows; ``UnknownAuthority`` for a key nobody knows."""
    key = (key or "").strip()
    summary = authority_summary(session, key)
    association = session.get(AdministrativeAssociation, key) if key else None
    members = list(association.member_keys) if association is not None else []
    keys = [key, *members]
    consultations = list(
        session.exec(
            select(Consultation)
            .where(col(Consultation.authority_key).in_(keys))
            .where(col(Consultation.merged_into_id).is_(None))
            .order_by(col(Consultation.received_at).desc(), col(Consultation.id).desc())
        )
    )
    if summary is None or (summary.get("kind") is None and not consultations):
        raise UnknownAuthority(f"Keine Behörde mit dem Schlüssel {key}.")
    profile = AuthorityProfile(
        key=key,
        name=summary["name"],
        kind=summary.get("kind"),
        district=summary.get("district"),
        member_keys=members,
    )
    for consultation in consultations:
        (profile.closed if consultation.status == ConsultationStatus.CLOSED else profile.open).append(consultation)
    ids = [c.id for c in consultations if c.id is not None]
    if ids:
        rows = session.exec(
            select(
                func.lower(ConsultationMessage.sender),
                func.max(ConsultationMessage.sender_name),
                func.count(),
                func.max(ConsultationMessage.sent_at),
            )
            .where(col(ConsultationMessage.consultation_id).in_(ids))
            .where(ConsultationMessage.direction == Direction.INBOUND)
            .where(col(ConsultationMessage.sender).is_not(None))
            .group_by(func.lower(ConsultationMessage.sender))
        ).all()
        profile.correspondents = sorted(
            (Correspondent(address, name, count, as_utc(last)) for address, name, count, last in rows if address),
            key=lambda c: c.last_at,
            reverse=True,
        )
        last = session.exec(
            select(func.max(ConsultationMessage.sent_at)).where(col(ConsultationMessage.consultation_id).in_(ids))
        ).one()
        profile.last_contact = as_utc(last) if last else None
    profile.confirmed_senders = list(
        session.exec(select(KnownSender).where(col(KnownSender.authority_key).in_(keys)).order_by(KnownSender.address))
    )
    quarters: dict[str, Counter[str]] = {}
    for consultation in consultations:
        counter = quarters.setdefault(quarter_of(as_utc(consultation.received_at), zone), Counter())
        for topic in consultation.topics or ["ohne Thema"]:
            counter[topic] += 1
    profile.topics_by_quarter = [(quarter, dict(quarters[quarter])) for quarter in sorted(quarters, reverse=True)]
    return profile
