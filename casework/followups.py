"""Follow-up task rules: which tasks a consultation gets from the taxonomy, and when they are
due, counted in working days (Monday–Friday without Thuringian public holidays)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

import holidays
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from classifiers.taxonomy import TaskTemplate, Taxonomy
from models.audit import record_change
from models.consultations import FollowUpTask


@lru_cache(maxsize=8)
def _thuringian_holidays(year: int) -> holidays.HolidayBase:
    return holidays.Germany(subdiv="TH", years=[year], language="de")


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _thuringian_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start``; 0 means ``start`` itself, or the next
    working day when ``start`` is a weekend or holiday."""
    current = start
    while not is_working_day(current):
        current += timedelta(days=1)
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def templates_for(taxonomy: Taxonomy, topics: list[str] | tuple[str, ...], *, urgent: bool) -> list[TaskTemplate]:
    templates = [t for topic in taxonomy.topics if topic.id in topics for t in topic.tasks]
    if urgent:
        templates = [*taxonomy.urgent_tasks, *templates]
    return templates


def create_tasks(
    session: Session,
    *,
    consultation_id: int,
    templates: list[TaskTemplate],
    received: date,
    actor: str = "system",
) -> list[FollowUpTask]:
    """Add each template's task once per consultation (a unique constraint guards retries);
    each new task is written to the audit log."""
    existing = set(
        session.exec(select(FollowUpTask.template_key).where(FollowUpTask.consultation_id == consultation_id))
    )
    created = []
    for template in templates:
        if template.key in existing:
            continue
        task = FollowUpTask(
            consultation_id=consultation_id,
            template_key=template.key,
            title=template.title,
            due=add_working_days(received, template.due_working_days),
        )
        try:
            with session.begin_nested():
                session.add(task)
                session.flush()
        except IntegrityError:
            continue
        record_change(
            session,
            consultation_id=consultation_id,
            actor=actor,
            action="task_added",
            field=f"task:{task.id}",
            after={"title": task.title, "due": task.due.isoformat(), "template": template.key},
        )
        created.append(task)
    return created


def create_initial_tasks(
    session: Session,
    *,
    consultation_id: int,
    templates: list[TaskTemplate],
    received: date,
    actor: str = "system",
    before_audit: Callable[[], object] | None = None,
) -> list[FollowUpTask]:
    """The tasks of a consultation opened in this very transaction: it can have none yet, so no
    lookup and no savepoints — all tasks go in one batched INSERT (flushed here, for their ids);
    their audit entries are only added, for the caller's next flush (one INSERT shared with the
    consultation's other audit rows). ``before_audit`` runs first (e.g. the "created" entry)."""
    tasks: list[FollowUpTask] = []
    seen: set[str] = set()
    for template in templates:
        if template.key in seen:
            continue
        seen.add(template.key)
        tasks.append(
            FollowUpTask(
                consultation_id=consultation_id,
                template_key=template.key,
                title=template.title,
                due=add_working_days(received, template.due_working_days),
            )
        )
    if tasks:
        session.add_all(tasks)
        session.flush()
    if before_audit is not None:
        before_audit()
    for task in tasks:
        record_change(
            session,
            consultation_id=consultation_id,
            actor=actor,
            action="task_added",
            field=f"task:{task.id}",
            after={"title": task.title, "due": task.due.isoformat(), "template": task.template_key},
        )
    return tasks
