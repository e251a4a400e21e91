"""Folgeaufgaben eines Beratungsfalls bearbeiten — dieselben Funktionen für CLI, Web und Worker.

Aufgaben entstehen automatisch aus den Vorlagen je Thema (``classifiers/data/taxonomy.yaml``,
siehe ``casework.followups``) oder von Hand. Fälligkeiten zählen Arbeitstage (Montag bis
Freitag ohne Thüringer Feiertage). Jede Änderung steht im Audit-Log des Falls. Keine Funktion
committet. Alle Argumente sind Schlüsselwort-Argumente; ``actor`` ist der Benutzername.

Funktionen:

- ``load_task(session, task_id)`` — Aufgabe laden oder ``NotFound``.
- ``add_task(session, *, consultation, actor, title, due=None, due_working_days=None, assignee=None)``
  — Aufgabe von Hand anlegen (Standard: fällig in 5 Arbeitstagen).
- ``assign_task(session, *, task_id, actor, assignee)`` — Zuständige(n) setzen (``None`` = keine).
- ``complete_task(session, *, task_id, actor)`` — als erledigt markieren.
- ``reopen_task(session, *, task_id, actor)`` — erledigte/entfallene Aufgabe wieder öffnen.
- ``cancel_task(session, *, task_id, actor, reason)`` — entfällt (mit Grund).
- ``postpone_task(session, *, task_id, actor, reason, due=None, working_days=None)`` — verschieben,
  Grund ist Pflicht; neues Datum oder Anzahl Arbeitstage ab heute (bzw. ab alter Fälligkeit).
- ``effective_assignee_id(task, consultation)`` — Aufgabe ohne eigene Zuständige gehört der
  Zuständigen des Falls.
- ``list_tasks(session, *, due_on=None, overdue_before=None, assignee=None, status="offen",
  consultation=None)`` — Aufgaben filtern (``tasks_due_today`` / ``tasks_overdue`` als Abkürzungen).
- ``task_summary(session, task)`` — das öffentliche Schema ``TaskPublic`` für Listen und die API.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from casework.followups import add_working_days
from casework.workflow import ConsultationRef, NotFound, WorkflowError, find_user, load_consultation
from models import Consultation, FollowUpTask, TaskStatus, UserAccount, stored_id, utcnow
from models.audit import record_change
from models.consultations import effective_assignee_id as effective_assignee_id  # used by reminders
from models.public import TaskPublic, task_public, usernames

DEFAULT_MANUAL_DUE_WORKING_DAYS = 5


def load_task(session: Session, task_id: int, *, for_update: bool = False) -> FollowUpTask:
    task = session.get(FollowUpTask, task_id, with_for_update=for_update)
    if task is None:
        raise NotFound(f"Aufgabe {task_id} gibt es nicht.")
    return task


def _audit(session: Session, task: FollowUpTask, *, actor: str, action: str, before=None, after=None) -> None:
    record_change(
        session,
        consultation_id=task.consultation_id,
        actor=actor,
        action=action,
        field=f"task:{task.id}",
        before=before,
        after=after,
    )


def _require_open(task: FollowUpTask) -> None:
    if task.status != TaskStatus.OPEN:
        raise WorkflowError(f"Aufgabe {task.id} ist nicht offen (Status: {task.status}).")


def add_task(
    session: Session,
    *,
    consultation: ConsultationRef,
    actor: str,
    title: str,
    due: date | None = None,
    due_working_days: int | None = None,
    assignee: str | None = None,
    today: date | None = None,
) -> FollowUpTask:
    """Add a task by hand. ``due`` wins over ``due_working_days`` (counted from ``today``)."""
    row = load_consultation(session, consultation)
    title = (title or "").strip()
    if not title:
        raise WorkflowError("Eine Aufgabe braucht einen Titel.")
    if due is None:
        days = DEFAULT_MANUAL_DUE_WORKING_DAYS if due_working_days is None else due_working_days
        if days < 0:
            raise WorkflowError("Die Anzahl der Arbeitstage darf nicht negativ sein.")
        due = add_working_days(today or date.today(), days)
    user = find_user(session, assignee) if assignee else None
    task = FollowUpTask(
        consultation_id=stored_id(row.id),
        template_key=None,
        title=title,
        due=due,
        assignee_id=user.id if user else None,
        created_by=actor,
    )
    session.add(task)
    session.flush()
    _audit(
        session,
        task,
        actor=actor,
        action="task_added",
        after={"title": title, "due": due.isoformat(), "assignee": user.username if user else None},
    )
    return task


def assign_task(session: Session, *, task_id: int, actor: str, assignee: str | None) -> FollowUpTask:
    task = load_task(session, task_id, for_update=True)
    user = find_user(session, assignee) if assignee else None
    before = None
    if task.assignee_id:
        previous = session.get(UserAccount, task.assignee_id)
        assert previous is not None  # assignee_id is a foreign key
        before = previous.username
    if (user.id if user else None) == task.assignee_id:
        return task
    task.assignee_id = user.id if user else None
    _audit(session, task, actor=actor, action="task_assigned", before=before, after=user.username if user else None)
    return task


def complete_task(session: Session, *, task_id: int, actor: str) -> FollowUpTask:
    task = load_task(session, task_id, for_update=True)
    if task.status == TaskStatus.DONE:
        return task
    _require_open(task)
    task.status = TaskStatus.DONE
    task.completed_at = utcnow()
    _audit(session, task, actor=actor, action="task_completed", before=TaskStatus.OPEN, after=TaskStatus.DONE)
    return task


def reopen_task(session: Session, *, task_id: int, actor: str) -> FollowUpTask:
    task = load_task(session, task_id, for_update=True)
    if task.status == TaskStatus.OPEN:
        return task
    before = task.status
    task.status = TaskStatus.OPEN
    task.completed_at = None
    _audit(session, task, actor=actor, action="task_reopened", before=before, after=TaskStatus.OPEN)
    return task


def cancel_task(session: Session, *, task_id: int, actor: str, reason: str) -> FollowUpTask:
    task = load_task(session, task_id, for_update=True)
    _require_open(task)
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("Bitte einen Grund angeben, warum die Aufgabe entfällt.")
    task.status = TaskStatus.CANCELLED
    task.postponed_reason = reason
    _audit(
        session,
        task,
        actor=actor,
        action="task_cancelled",
        before=TaskStatus.OPEN,
        after={"status": task.status, "reason": reason},
    )
    return task


def postpone_task(
    session: Session,
    *,
    task_id: int,
    actor: str,
    reason: str,
    due: date | None = None,
    working_days: int | None = None,
    today: date | None = None,
) -> FollowUpTask:
    """Move the due date, with a reason (required): to ``due``, or ``working_days`` working days
    after the later of today and the old due date."""
    task = load_task(session, task_id, for_update=True)
    _require_open(task)
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("Bitte einen Grund für das Verschieben angeben.")
    today = today or date.today()
    if due is None:
        if working_days is None or working_days < 1:
            raise WorkflowError("Bitte ein neues Fälligkeitsdatum oder eine Anzahl Arbeitstage (≥ 1) angeben.")
        due = add_working_days(max(today, task.due), working_days)
    if due < today:
        raise WorkflowError(f"Das neue Fälligkeitsdatum {due:%d.%m.%Y} liegt in der Vergangenheit.")
    before = task.due.isoformat()
    task.due = due
    task.postponed_reason = reason
    _audit(
        session,
        task,
        actor=actor,
        action="task_postponed",
        before=before,
        after={"due": due.isoformat(), "reason": reason},
    )
    return task


def list_tasks(
    session: Session,
    *,
    due_on: date | None = None,
    overdue_before: date | None = None,
    due_until: date | None = None,
    assignee: str | None = None,
    status: str | None = TaskStatus.OPEN,
    consultation: ConsultationRef | None = None,
) -> list[tuple[FollowUpTask, Consultation]]:
    """Tasks with their consultation, ordered by due date. ``assignee`` matches the effective
    assignee (own or the consultation's)."""
    query = select(FollowUpTask, Consultation).join(
        Consultation, col(Consultation.id) == col(FollowUpTask.consultation_id)
    )
    if status:
        query = query.where(FollowUpTask.status == status)
    if due_on is not None:
        query = query.where(FollowUpTask.due == due_on)
    if overdue_before is not None:
        query = query.where(FollowUpTask.due < overdue_before)
    if due_until is not None:
        query = query.where(FollowUpTask.due <= due_until)
    if consultation is not None:
        query = query.where(FollowUpTask.consultation_id == load_consultation(session, consultation).id)
    if assignee:
        user = find_user(session, assignee)
        query = query.where(
            or_(
                col(FollowUpTask.assignee_id) == user.id,
                (col(FollowUpTask.assignee_id).is_(None)) & (col(Consultation.assignee_id) == user.id),
            )
        )
    query = query.order_by(col(FollowUpTask.due), col(FollowUpTask.id))
    return [(task, row) for task, row in session.exec(query)]


def tasks_due_today(session: Session, *, today: date, assignee: str | None = None):
    return list_tasks(session, due_on=today, assignee=assignee)


def tasks_overdue(session: Session, *, today: date, assignee: str | None = None):
    return list_tasks(session, overdue_before=today, assignee=assignee)


def count_open_tasks(session: Session, *, consultation: ConsultationRef) -> int:
    row = load_consultation(session, consultation)
    return session.exec(
        select(func.count())
        .select_from(FollowUpTask)
        .where(FollowUpTask.consultation_id == row.id, FollowUpTask.status == TaskStatus.OPEN)
    ).one()


def task_summary(session: Session, task: FollowUpTask, consultation: Consultation | None = None) -> TaskPublic:
    """The task's public schema (``models.public.TaskPublic``)."""
    consultation = consultation or session.get(Consultation, task.consultation_id)
    assert consultation is not None  # consultation_id is a foreign key
    return task_public(task, consultation, usernames(session))
