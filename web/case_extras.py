"""What the case page shows beyond the thread (issue 14): the "Ähnliche Fälle" with their
answers (``casework.similar``) and the one timeline (``casework.timeline``), as template context
for ``_similar.html`` and ``_timeline.html``."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from casework import similar, timeline
from classifiers.taxonomy import Taxonomy
from models import AuditEntry, Consultation
from models.gazetteer import authority_summary
from web.audit_view import AuditContext, describe
from web.templating import AUDIT_LABELS

SIMILAR_SHOWN = 3
PREVIEW = 280  # characters of a message shown on the timeline


def _preview(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1].rstrip() + "…"


def case_extras(
    db: Session,
    consultation: Consultation,
    *,
    taxonomy: Taxonomy,
    audit_context: AuditContext,
    names: dict[int, str],
) -> dict:
    """``similar`` and ``timeline`` for the case page."""
    similar_cases = []
    for case in similar.similar_consultations(db, consultation, limit=SIMILAR_SHOWN):
        authority = authority_summary(db, case.authority_key) if case.authority_key else None
        similar_cases.append(
            {
                "case": case,
                "authority": authority,
                "topics": [taxonomy.label(t) if t in taxonomy.ids else t for t in case.topics],
                "answered_by": names.get(case.answered_by) if case.answered_by else None,
            }
        )
    events = []
    for event in timeline.timeline(db, consultation, today=date.today()):
        record = event.record
        text = ""
        if isinstance(record, AuditEntry):
            text = describe(record, audit_context, AUDIT_LABELS)
        elif event.kind in (timeline.INBOUND, timeline.ANSWER):
            text = _preview(record.text)
        elif event.kind == timeline.NOTE:
            text = record.text
        else:  # an open task at its due date
            text = f"Aufgabe „{record.title}“ fällig" + (" – überfällig" if event.overdue else "")
        actor = event.actor
        if event.kind == timeline.ANSWER:
            actor = names.get(record.author_id) or record.sender_name or record.sender
        events.append(
            {
                "event": event,
                "text": text,
                "actor": actor,
                "due": event.kind == timeline.TASK and not isinstance(record, AuditEntry),
            }
        )
    return {"similar": similar_cases, "timeline": events}
