"""Jinja2 templates with the helpers every page needs (CSRF field, labels, German dates)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context

from casework.presence import HEARTBEAT_SECONDS
from casework.workflow import STATUS_LABELS
from models import Channel, ConsultationStatus, Direction, Priority, Role, TaskStatus, local_time
from web.attachment_preview import preview_kind
from web.inbox import age_label
from web.security import ROLE_LABELS, csrf_token

DEFAULT_TIMEZONE = "Europe/Berlin"
PRIORITY_LABELS = {Priority.NORMAL: "normal", Priority.HIGH: "hoch", Priority.URGENT: "dringend"}
TASK_STATUS_LABELS = {TaskStatus.OPEN: "offen", TaskStatus.DONE: "erledigt", TaskStatus.CANCELLED: "entfallen"}
AUDIT_LABELS = {
    "created": "angelegt",
    "assigned": "zugewiesen",
    "status_changed": "Status geändert",
    "closed": "abgeschlossen",
    "reopened": "wieder geöffnet",
    "priority_changed": "Priorität geändert",
    "priority_followed_topics": "Priorität folgt den Themen",
    "topics_confirmed": "Themen bestätigt",
    "topics_corrected": "Themen korrigiert",
    "authority_confirmed": "Behörde bestätigt",
    "authority_corrected": "Behörde korrigiert",
    "note_added": "Notiz",
    "first_response": "erste Antwort",
    "task_added": "Aufgabe angelegt",
    "task_assigned": "Aufgabe zugewiesen",
    "task_completed": "Aufgabe erledigt",
    "task_postponed": "Aufgabe verschoben",
    "task_cancelled": "Aufgabe entfällt",
    "task_reopened": "Aufgabe wieder geöffnet",
    "escalated": "eskaliert",
    "sla_breached": "Frist überschritten",
    "flagged_for_review": "zur Prüfung markiert",
    "review_cleared": "Prüfung erledigt",
    "split_off": "Nachricht als eigener Fall abgetrennt",
    "split_from": "aus einem anderen Fall abgetrennt",
    "merged_into": "zusammengeführt in",
    "merged_from": "zusammengeführt aus",
    "contact_added": "Kontakt hinzugefügt",
    "chat_answer": "Chat-Antwort",
}

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def time_zone(request: Request | None) -> str:
    """The local time zone of this app (``settings.local_timezone``)."""
    runtime = getattr(getattr(request, "app", None), "state", None)
    runtime = getattr(runtime, "runtime", None)
    return runtime.settings.local_timezone if runtime is not None else DEFAULT_TIMEZONE


def format_local(value: datetime | date | None, zone: str, fmt: str = "%d.%m.%Y %H:%M") -> str:
    """A stored (UTC) time as local wall time, German format; a date as ``dd.mm.yyyy``."""
    if value is None:
        return "–"
    if isinstance(value, datetime):
        return local_time(value, zone).strftime(fmt)
    return value.strftime("%d.%m.%Y")


@pass_context
def _local(context, value: datetime | date | None, fmt: str = "%d.%m.%Y %H:%M") -> str:
    return format_local(value, time_zone(context.get("request")), fmt)


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{round(float(value) * 100)} %"


def _number(value):
    """German number format: 1.234,5 — integers without decimals."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,d}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


# How a consultant reads a channel ("Kanal: E-Mail", not the stored value "smtp").
CHANNEL_LABELS = {"smtp": "E-Mail", "imap": "E-Mail (Postfach)", "file": "Import", "chat": "Chat"}


def _channel(value):
    key = getattr(value, "value", value)
    return CHANNEL_LABELS.get(key, key)


templates.env.filters["local"] = _local
templates.env.filters["channel"] = _channel
templates.env.filters["number"] = _number
templates.env.filters["percent"] = _percent
templates.env.filters["age"] = age_label
templates.env.globals.update(
    STATUS_LABELS=STATUS_LABELS,
    PRIORITY_LABELS=PRIORITY_LABELS,
    TASK_STATUS_LABELS=TASK_STATUS_LABELS,
    AUDIT_LABELS=AUDIT_LABELS,
    ROLE_LABELS=ROLE_LABELS,
    preview_kind=preview_kind,
    PRESENCE_HEARTBEAT_SECONDS=HEARTBEAT_SECONDS,
    # The enums, so templates compare with them instead of spelling the values.
    Channel=Channel,
    ConsultationStatus=ConsultationStatus,
    Direction=Direction,
    Priority=Priority,
    Role=Role,
    TaskStatus=TaskStatus,
)


def flash(request: Request, message: str, kind: str = "ok") -> None:
    """A one-time message shown on the next page (stored in the signed session)."""
    request.session.setdefault("flash", [])
    request.session["flash"] = [*request.session["flash"], [kind, message]][-5:]


def render(request: Request, name: str, context: dict, *, status_code: int = 200, headers: dict | None = None):
    messages = request.session.pop("flash", []) if "flash" in request.session else []
    base = {
        "user": getattr(request.state, "user", None),
        "csrf_token": csrf_token(request),
        "flashes": messages,
        "chat_enabled": getattr(request.app.state, "chat_enabled", False),
    }
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code, headers=headers)
