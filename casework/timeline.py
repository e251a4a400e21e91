"""One timeline per consultation (issue 14): incoming messages, answers, internal notes, status
changes and the other audited changes, tasks — in chronological order, composed from the records
that already exist (``ConsultationMessage``, ``ConsultationNote``, ``AuditEntry``,
``FollowUpTask``). Nothing is stored twice: a note's ``note_added`` audit entry is shown as the
note itself, and the answer's ``first_response`` entry is left out (the answer is on the line).

The events carry the source record; the web layer turns audit entries into German sentences
(``web.audit_view.describe``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from sqlmodel import Session, select

from models import (
    AuditEntry,
    Consultation,
    ConsultationMessage,
    ConsultationNote,
    Direction,
    FollowUpTask,
    TaskStatus,
    as_utc,
)

INBOUND = "eingang"
ANSWER = "antwort"
NOTE = "notiz"
STATUS = "status"
TASK = "aufgabe"
CHANGE = "aenderung"

KIND_LABELS = {
    INBOUND: "Nachricht",
    ANSWER: "Antwort",
    NOTE: "Interne Notiz",
    STATUS: "Status",
    TASK: "Aufgabe",
    CHANGE: "Änderung",
}
STATUS_ACTIONS = {"status_changed", "closed", "reopened"}
HIDDEN_ACTIONS = {"note_added", "first_response"}
# Sort order for events at the same instant: the message before what was done about it.
_ORDER = {INBOUND: 0, ANSWER: 1, NOTE: 2, STATUS: 3, TASK: 4, CHANGE: 5}


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    kind: str
    actor: str | None
    record: Any  # ConsultationMessage | ConsultationNote | AuditEntry | FollowUpTask
    overdue: bool = False

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def _audit_kind(entry: AuditEntry) -> str:
    if entry.action in STATUS_ACTIONS:
        return STATUS
    if entry.action.startswith("task_"):
        return TASK
    return CHANGE


def timeline(session: Session, consultation: Consultation, *, today: Any = None) -> list[TimelineEvent]:
    """All events of ``consultation``, oldest first. Open tasks appear once more at their due
    date (marked ``overdue`` when ``today`` is past it), so what is still to do is on the line."""
    cid = consultation.id
    events: list[TimelineEvent] = []
    for message in session.exec(select(ConsultationMessage).where(ConsultationMessage.consultation_id == cid)):
        inbound = message.direction == Direction.INBOUND
        actor = (message.sender_name or message.sender) if inbound else None
        events.append(TimelineEvent(as_utc(message.sent_at), INBOUND if inbound else ANSWER, actor, message))
    for note in session.exec(select(ConsultationNote).where(ConsultationNote.consultation_id == cid)):
        events.append(TimelineEvent(as_utc(note.created_at), NOTE, note.author, note))
    for entry in session.exec(select(AuditEntry).where(AuditEntry.consultation_id == cid)):
        if entry.action in HIDDEN_ACTIONS:
            continue
        events.append(TimelineEvent(as_utc(entry.at), _audit_kind(entry), entry.actor, entry))
    for task in session.exec(
        select(FollowUpTask).where(FollowUpTask.consultation_id == cid, FollowUpTask.status == TaskStatus.OPEN)
    ):
        due_at = datetime.combine(task.due, time(23, 59), tzinfo=UTC)
        overdue = today is not None and task.due < today
        events.append(TimelineEvent(due_at, TASK, None, task, overdue=overdue))

    def key(event: TimelineEvent) -> tuple:
        return (event.at, _ORDER[event.kind], getattr(event.record, "id", 0) or 0)

    events.sort(key=key)
    return events


def event_ids(events: list[TimelineEvent]) -> list[tuple[str, int | None]]:
    """(kind, record id) of each event — a compact form for tests and the API."""
    return [(event.kind, getattr(event.record, "id", None)) for event in events]
