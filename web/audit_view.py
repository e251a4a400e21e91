"""The audit trail as German sentences for the case page ("Status: neu → in Bearbeitung").

``AuditEntry.before`` / ``.after`` hold JSON values whose shape depends on the action (a status
string, ``{"status": …, "reason": …}``, a topic list, ``{"authority_key": …}``, ISO times …).
``describe`` turns each known action into a sentence with German labels and local times, and
any other action (added later, by another module) into its label and readable values — never a
Python dict."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from models import AuditEntry
from web.templating import PRIORITY_LABELS, STATUS_LABELS

FIELD_LABELS = {
    "status": "Status",
    "reason": "Grund",
    "priority": "Priorität",
    "assignee": "Zuständig",
    "topics": "Themen",
    "authority_key": "Behörde",
    "confirmed": "bestätigt",
    "reference": "Aktenzeichen",
    "title": "Titel",
    "due": "fällig",
    "to": "an",
    "due_at": "fällig",
    "answered_at": "beantwortet",
    "hours_without_response": "Stunden ohne Antwort",
    "template": "Vorlage",
}
NOBODY = "niemand"
NONE = "–"


@dataclass(frozen=True)
class AuditContext:
    """What a sentence needs besides the entry: labels and the local time zone."""

    topic_label: Callable[[str], str]
    authority_name: Callable[[str], str | None]
    task_titles: Mapping[int, str]
    format_time: Callable[[datetime | date | None], str]


def _time(value: Any, ctx: AuditContext, *, day_only: bool = False) -> str:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value) if day_only or len(value) == 10 else datetime.fromisoformat(value)
        except ValueError:
            return value
    return ctx.format_time(value) if isinstance(value, datetime | date) else _plain(value, ctx)


def _status(value: Any) -> str:
    return STATUS_LABELS.get(value, str(value)) if value else NONE


def _priority(value: Any) -> str:
    return PRIORITY_LABELS.get(value, str(value)) if value else NONE


def _topics(value: Any, ctx: AuditContext) -> str:
    if not value:
        return "keine"
    return ", ".join(ctx.topic_label(str(topic)) for topic in value)


def _authority(key: Any, ctx: AuditContext) -> str:
    if not key:
        return "keine"
    name = ctx.authority_name(str(key))
    return f"{name} ({key})" if name else str(key)


def _plain(value: Any, ctx: AuditContext) -> str:
    """Any JSON value as readable German text."""
    if value is None or value == "" or value == []:
        return NONE
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, list | tuple):
        return ", ".join(_plain(item, ctx) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{FIELD_LABELS.get(k, k)}: {_plain(v, ctx)}" for k, v in value.items() if v is not None)
    return str(value)


def _status_after(after: Any) -> tuple[Any, str | None]:
    if isinstance(after, dict):
        return after.get("status"), after.get("reason")
    return after, None


def _with_reason(text: str, reason: str | None) -> str:
    return f"{text} (Grund: {reason})" if reason else text


def _task(entry: AuditEntry, ctx: AuditContext) -> str:
    """``Aufgabe „Titel“`` for an entry whose field is ``task:<id>``."""
    task_id = None
    if entry.field and entry.field.startswith("task:"):
        try:
            task_id = int(entry.field.split(":", 1)[1])
        except ValueError:
            task_id = None
    after = entry.after if isinstance(entry.after, dict) else {}
    title = after.get("title") or (ctx.task_titles.get(task_id) if task_id is not None else None)
    return f"Aufgabe „{title}“" if title else "Aufgabe"


def describe(entry: AuditEntry, ctx: AuditContext, labels: Mapping[str, str]) -> str:
    """One audit entry as a German sentence (without time and actor)."""
    action, before, after = entry.action, entry.before, entry.after
    if action in ("status_changed", "closed", "reopened"):
        status, reason = _status_after(after)
        return _with_reason(f"Status: {_status(before)} → {_status(status)}", reason)
    if action == "assigned":
        return f"Zuständig: {before or NOBODY} → {after or NOBODY}"
    if action == "priority_changed":
        return f"Priorität: {_priority(before)} → {_priority(after)}"
    if action == "priority_followed_topics":
        return f"Priorität folgt den Themen: {_priority(before)} → {_priority(after)}"
    if action == "topics_confirmed":
        return f"Themen bestätigt: {_topics(after, ctx)}"
    if action == "topics_corrected":
        return f"Themen: {_topics(before, ctx)} → {_topics(after, ctx)}"
    if action in ("authority_confirmed", "authority_corrected"):
        old = before.get("authority_key") if isinstance(before, dict) else before
        new = after.get("authority_key") if isinstance(after, dict) else after
        if action == "authority_confirmed":
            return f"Behörde bestätigt: {_authority(new, ctx)}"
        return f"Behörde: {_authority(old, ctx)} → {_authority(new, ctx)} (bestätigt)"
    if action == "created" and isinstance(after, dict):
        parts = [
            f"Themen: {_topics(after.get('topics'), ctx)}",
            f"Behörde: {_authority(after.get('authority_key'), ctx)}",
        ]
        if after.get("priority"):
            parts.append(f"Priorität: {_priority(after['priority'])}")
        return f"Fall {after.get('reference') or ''} angelegt ({'; '.join(parts)})".replace("Fall  ", "Fall ")
    if action == "note_added":
        return "Interne Notiz hinzugefügt"
    if action == "first_response":
        return f"Erste Antwort am {_time(after, ctx)}"
    if action == "chat_answer":
        return "Antwort im Chat"
    if action == "flagged_for_review":
        return f"Zur Prüfung markiert: {_plain(after, ctx)}" if after else "Zur Prüfung markiert"
    if action == "escalated" and isinstance(after, dict):
        hours = after.get("hours_without_response")
        to = _plain(after.get("to"), ctx) if after.get("to") else "niemanden (keine Teamleitung mit E-Mail-Adresse)"
        since = f" nach {_plain(float(hours), ctx)} Stunden ohne erste Antwort" if hours is not None else ""
        return f"Eskaliert an {to}{since}"
    if action == "sla_breached" and isinstance(after, dict):
        text = f"Frist für die erste Antwort überschritten (fällig {_time(after.get('due_at'), ctx)}"
        if after.get("answered_at"):
            text += f", beantwortet {_time(after['answered_at'], ctx)}"
        return text + ")"
    if action == "task_added" and isinstance(after, dict):
        due = f", fällig am {_time(after['due'], ctx, day_only=True)}" if after.get("due") else ""
        return f"{_task(entry, ctx)} angelegt{due}"
    if action == "task_assigned":
        return f"{_task(entry, ctx)} zugewiesen: {before or NOBODY} → {after or NOBODY}"
    if action == "task_completed":
        return f"{_task(entry, ctx)} erledigt"
    if action == "task_reopened":
        return f"{_task(entry, ctx)} wieder geöffnet"
    if action == "task_cancelled":
        reason = after.get("reason") if isinstance(after, dict) else None
        return _with_reason(f"{_task(entry, ctx)} entfällt", reason)
    if action == "task_postponed" and isinstance(after, dict):
        old = _time(before, ctx, day_only=True) if before else NONE
        return _with_reason(
            f"{_task(entry, ctx)} verschoben: {old} → {_time(after.get('due'), ctx, day_only=True)}",
            after.get("reason"),
        )
    # An action this view does not know (yet): its label and the values, readable.
    label = labels.get(action, action.replace("_", " "))
    if before is None and after is None:
        return label
    if before is None:
        return f"{label}: {_plain(after, ctx)}"
    return f"{label}: {_plain(before, ctx)} → {_plain(after, ctx)}"
