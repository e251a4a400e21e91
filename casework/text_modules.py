"""Textbausteine: reusable passages for answers, tagged with topics, with placeholders that are
filled per consultation (issue 14).

Placeholders (``PLACEHOLDERS``): ``{{anrede}}``, ``{{referenz}}``, ``{{behoerde}}``,
``{{berater}}``, ``{{frist}}``. An unknown or malformed placeholder is refused when the module is
saved (``TextModuleError``), so a municipality never receives ``{{xyz}}``.

- ``list_modules(session)`` / ``get_module(session, module_id)``
- ``create_module(session, *, actor, title, body, topics, taxonomy=None)`` /
  ``update_module(session, *, module_id, actor, …)`` / ``delete_module(session, *, module_id)``
- ``placeholder_values(session, *, consultation, consultant)`` — the values for one consultation.
- ``fill(body, values)`` — the module's text with the placeholders replaced.
- ``suggested(modules, topics)`` — modules sharing a topic with the consultation first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from sqlmodel import Session, col, select

from casework.followups import add_working_days
from casework.workflow import WorkflowError
from classifiers.taxonomy import Taxonomy
from models import Consultation, FollowUpTask, TaskStatus, TextModule, UserAccount, utcnow
from models.gazetteer import authority_summary

PLACEHOLDERS: dict[str, str] = {
    "anrede": "Anrede der Person, die geschrieben hat („Sehr geehrte Frau …“ oder „Sehr geehrte Damen und Herren“)",
    "referenz": "Aktenzeichen des Falls",
    "behoerde": "Name der Behörde (Gemeinde, VG, Landkreis)",
    "berater": "Name der Beraterin / des Beraters",
    "frist": "nächste Frist: fällige offene Aufgabe des Falls, sonst in 10 Arbeitstagen",
}
_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
MAX_TITLE = 200
MAX_BODY = 20_000
DEFAULT_DEADLINE_WORKING_DAYS = 10


class TextModuleError(WorkflowError):
    """A text module cannot be saved as given (the message says why, in German)."""


class TextModuleNotFound(TextModuleError):
    """No text module with that id."""


def check_placeholders(body: str) -> list[str]:
    """The placeholders ``body`` uses; raises on unknown or malformed ones."""
    used: list[str] = []
    for match in _PLACEHOLDER.finditer(body):
        name = match.group(1)
        if name not in PLACEHOLDERS:
            allowed = ", ".join("{{" + key + "}}" for key in PLACEHOLDERS)
            raise TextModuleError(f"Unbekannter Platzhalter „{match.group(0)}“. Erlaubt sind: {allowed}.")
        if name not in used:
            used.append(name)
    rest = _PLACEHOLDER.sub("", body)
    if "{{" in rest or "}}" in rest:
        raise TextModuleError(
            "Ein Platzhalter ist nicht geschlossen: bitte „{{name}}“ mit zwei Klammern je Seite schreiben."
        )
    return used


def _clean(
    title: str, body: str, topics: Iterable[str] | None, taxonomy: Taxonomy | None
) -> tuple[str, str, list[str]]:
    title = (title or "").strip()
    body = (body or "").replace("\r\n", "\n").strip("\n")
    if not title:
        raise TextModuleError("Bitte einen Titel angeben.")
    if len(title) > MAX_TITLE:
        raise TextModuleError(f"Der Titel ist zu lang (höchstens {MAX_TITLE} Zeichen).")
    if not body.strip():
        raise TextModuleError("Der Text des Bausteins ist leer.")
    if len(body) > MAX_BODY:
        raise TextModuleError(f"Der Text ist zu lang (höchstens {MAX_BODY} Zeichen).")
    check_placeholders(body)
    chosen: list[str] = []
    for topic in topics or []:
        topic = topic.strip()
        if not topic or topic in chosen:
            continue
        if taxonomy is not None and topic not in taxonomy.ids:
            raise TextModuleError(f"Unbekanntes Thema „{topic}“.")
        chosen.append(topic)
    return title, body, chosen


def list_modules(session: Session, *, topic: str | None = None) -> list[TextModule]:
    rows = list(session.exec(select(TextModule).order_by(TextModule.title, col(TextModule.id))))
    return [row for row in rows if topic in row.topics] if topic else rows


def get_module(session: Session, module_id: int) -> TextModule:
    row = session.get(TextModule, module_id)
    if row is None:
        raise TextModuleNotFound(f"Textbaustein {module_id} gibt es nicht.")
    return row


def create_module(
    session: Session,
    *,
    actor: str,
    title: str,
    body: str,
    topics: Iterable[str] | None = None,
    taxonomy: Taxonomy | None = None,
) -> TextModule:
    title, body, chosen = _clean(title, body, topics, taxonomy)
    row = TextModule(title=title, body=body, topics=chosen, created_by=actor, updated_by=actor)
    session.add(row)
    session.flush()
    return row


def update_module(
    session: Session,
    *,
    module_id: int,
    actor: str,
    title: str,
    body: str,
    topics: Iterable[str] | None = None,
    taxonomy: Taxonomy | None = None,
) -> TextModule:
    row = get_module(session, module_id)
    row.title, row.body, row.topics = _clean(title, body, topics, taxonomy)
    row.updated_by, row.updated_at = actor, utcnow()
    session.add(row)
    session.flush()
    return row


def delete_module(session: Session, *, module_id: int) -> None:
    session.delete(get_module(session, module_id))
    session.flush()


def salutation(name: str | None) -> str:
    """A formal German salutation; gender only from an explicit „Frau“/„Herr“ in the name."""
    name = (name or "").strip().strip('"')
    match = re.match(r"^(Frau|Herr)\s+(.+)$", name)
    if match:
        title, rest = match.groups()
        return f"Sehr geehrte Frau {rest}," if title == "Frau" else f"Sehr geehrter Herr {rest},"
    return "Sehr geehrte Damen und Herren,"


def _deadline(session: Session, consultation: Consultation, today: date) -> date:
    task = session.exec(
        select(FollowUpTask)
        .where(
            FollowUpTask.consultation_id == consultation.id,
            FollowUpTask.status == TaskStatus.OPEN,
            col(FollowUpTask.due) >= today,
        )
        .order_by(col(FollowUpTask.due))
    ).first()
    return task.due if task is not None else add_working_days(today, DEFAULT_DEADLINE_WORKING_DAYS)


def placeholder_values(
    session: Session, *, consultation: Consultation, consultant: UserAccount | None, today: date | None = None
) -> dict[str, str]:
    authority = authority_summary(session, consultation.authority_key) if consultation.authority_key else None
    return {
        "anrede": salutation(consultation.sender_name),
        "referenz": consultation.reference,
        "behoerde": (authority or {}).get("name") or "Ihre Behörde",
        "berater": (consultant.display_name or consultant.username) if consultant else "",
        "frist": _deadline(session, consultation, today or date.today()).strftime("%d.%m.%Y"),
    }


def fill(body: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), body)


def suggested(modules: Sequence[TextModule], topics: Iterable[str]) -> list[TextModule]:
    """Modules that share a topic with ``topics`` first (most shared topics first), then the rest."""
    wanted = set(topics)
    return sorted(modules, key=lambda row: (-len(wanted & set(row.topics)), row.title.lower()))
