"""Writing the audit trail: every change to a consultation, by a person, a rule or the machine."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from models.consultations import AuditEntry


def record_change(
    session: Session,
    *,
    consultation_id: int | None,
    actor: str,
    action: str,
    field: str | None = None,
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    entry = AuditEntry(
        consultation_id=consultation_id, actor=actor, action=action, field=field, before=before, after=after
    )
    session.add(entry)
    return entry
