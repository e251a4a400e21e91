"""Consultation lists as they leave Eingang (inbox, ``GET /api/consultations``,
``consultations list``): the public rows with what a list shows beyond them — tags, the
first-response deadline (SLA) and how it stands, the escalation, the assignee's display name."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from casework import tags as tag_functions
from casework.reminders import ESCALATION, first_response_due
from models import Consultation, ConsultationStatus, SlaBreach, UserAccount, as_utc, stored_id, utcnow
from models.public import ConsultationPublic, DeadlinePublic, consultations_public


def list_rows(
    session: Session, settings, consultations: Sequence[Consultation], labels: Mapping[str, str]
) -> list[ConsultationPublic]:
    """The public rows of ``consultations`` with tags, SLA, escalation and display names."""
    rows = consultations_public(session, consultations, labels)
    decorate_rows(session, settings, list(consultations), rows)
    return rows


def display_names(session: Session) -> dict[int, str]:
    return {stored_id(user.id): user.display_name or user.username for user in session.exec(select(UserAccount))}


SLA_SOON = 0.25  # the last quarter of the first-response time: "bald fällig"


def sla_state(settings, consultation: Consultation, now: datetime | None = None) -> dict:
    """The first-response deadline of a row: when, how it stands (``ok``, ``bald``,
    ``ueberfaellig``, ``erledigt``) and a German label."""
    now = now or utcnow()
    due = first_response_due(settings, consultation)
    if consultation.first_response_at is not None or consultation.status in (
        ConsultationStatus.ANSWERED,
        ConsultationStatus.CLOSED,
    ):
        return {"due_at": due.isoformat(), "state": "erledigt", "label": "beantwortet"}
    if consultation.status == ConsultationStatus.WAITING:
        return {"due_at": due.isoformat(), "state": "erledigt", "label": "wartet"}
    left = (due - as_utc(now)).total_seconds()
    total = max(1.0, (due - as_utc(consultation.received_at)).total_seconds())
    if left < 0:
        state, label = "ueberfaellig", f"seit {_span(-left, dative=True)} überfällig"
    else:
        state = "bald" if left <= total * SLA_SOON else "ok"
        label = f"noch {_span(left)}"
    return {"due_at": due.isoformat(), "state": state, "label": label}


def _span(seconds: float, *, dative: bool = False) -> str:
    if seconds < 3600:
        return f"{max(1, int(seconds // 60))} Min."
    if seconds < 86400 * 2:
        return f"{int(seconds // 3600)} Std."
    return f"{int(seconds // 86400)} {'Tagen' if dative else 'Tage'}"


def decorate_rows(
    session: Session, settings, consultations: list[Consultation], rows: list[ConsultationPublic]
) -> None:
    """Adds what a list row shows beyond ``inbox_rows``: tags, the SLA deadline, the
    escalation, the assignee's display name."""
    ids = [stored_id(c.id) for c in consultations]
    tags = tag_functions.tags_by_consultation(session, ids)
    breaches: dict[int, set[str]] = {}
    if ids:
        for cid, kind in session.exec(
            select(SlaBreach.consultation_id, SlaBreach.kind).where(col(SlaBreach.consultation_id).in_(ids))
        ):
            breaches.setdefault(cid, set()).add(kind)
    names = session.info.setdefault("display_names", None) or display_names(session)
    session.info["display_names"] = names
    now = utcnow()
    for row, consultation in zip(rows, consultations, strict=True):
        row.tags = tags.get(stored_id(consultation.id), [])
        row.sla = DeadlinePublic(**sla_state(settings, consultation, now))
        row.escalated = ESCALATION in breaches.get(stored_id(consultation.id), set())
        row.assignee_name = names.get(consultation.assignee_id) if consultation.assignee_id else None
