"""The REST API (OpenAPI at ``/api/docs``) for scripts and the UI: consultations, messages,
tasks and statistics. Authentication: ``Authorization: Bearer <token>`` (``eingang users token``)
or the browser session (writes then need the ``X-CSRF-Token`` header).

Changes go through ``queue_workers.workflow`` / ``.tasks`` / ``.answers`` like everywhere else."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field
from sqlmodel import col, select

from models import AuditEntry, ConsultationMessage, ConsultationNote, FollowUpTask, InboundMessage, UserAccount, as_utc
from models.queries import authority_summary
from queue_workers import answers, workflow
from queue_workers import tasks as task_functions
from web.errors import API_ERROR_RESPONSES
from web.inbox import InboxFilter, consultation_row, inbox_query, usernames
from web.params import MAX_WORKING_DAYS, DbId, SaneDate, Year
from web.security import AdminApi, ApiUser, DbSession, ManagerApi
from web.statistics import Period, annual_summary, dashboard_tables, default_period, table_by_key

router = APIRouter(prefix="/api", tags=["api"], responses=API_ERROR_RESPONSES)


def _error(error: workflow.WorkflowError) -> HTTPException:
    return HTTPException(404 if isinstance(error, workflow.NotFound) else 409, str(error))


def _load(db, reference: str):
    try:
        return workflow.load_consultation(db, reference)
    except workflow.NotFound as error:
        raise _error(error) from None


def _iso(value: datetime | None) -> str | None:
    return as_utc(value).isoformat() if value else None


class Me(BaseModel):
    username: str
    display_name: str
    role: str
    is_team_lead: bool


class TopicBody(BaseModel):
    topics: list[str] | None = Field(default=None, description="None = confirm the current topics")
    authority_key: str | None = Field(default=None, description="Confirm (None) or correct the authority")
    confirm_authority: bool = Field(default=False, description="Also confirm the linked authority")


class AssignBody(BaseModel):
    assignee: str | None = Field(description="Username; null = nobody")


class PriorityBody(BaseModel):
    priority: str = Field(description="normal, hoch or dringend")


class StatusBody(BaseModel):
    status: str
    reason: str | None = None


class NoteBody(BaseModel):
    text: str


class TaskBody(BaseModel):
    title: str
    due: SaneDate | None = None
    assignee: str | None = None


class PostponeBody(BaseModel):
    reason: str
    due: SaneDate | None = None
    working_days: int | None = Field(default=None, ge=1, le=MAX_WORKING_DAYS)


class AnswerBody(BaseModel):
    body: str
    waiting: bool = Field(default=False, description="A question back: status wartet_auf_rueckmeldung")


@router.get("/me", response_model=Me)
def me(user: ApiUser):
    """The account making this request."""
    return Me(username=user.username, display_name=user.display_name, role=user.role, is_team_lead=user.is_team_lead)


@router.get("/consultations")
def list_consultations(
    request: Request,
    db: DbSession,
    user: ApiUser,
    thema: str | None = None,
    status: str | None = None,
    kreis: str | None = None,
    behoerde: str | None = None,
    zustaendig: str | None = None,
    von: SaneDate | None = None,
    bis: SaneDate | None = None,
    q: str | None = None,
    limit: int = 100,
) -> list[dict]:
    """Consultations in triage order (new and unassigned first), filtered like the inbox."""
    zone = request.app.state.runtime.settings.local_timezone
    filters = InboxFilter(thema, status, kreis, behoerde, zustaendig, von, bis, q, time_zone=zone)
    taxonomy = request.app.state.runtime.taxonomy
    names = usernames(db)
    return [consultation_row(db, c, taxonomy, names) for c in inbox_query(db, filters, limit=max(1, min(limit, 1000)))]


@router.get("/consultations/{reference}")
def get_consultation(request: Request, reference: str, db: DbSession, user: ApiUser) -> dict:
    """One consultation with suggestions (and their evidence), tasks and notes."""
    consultation = _load(db, reference)
    row = consultation_row(db, consultation, request.app.state.runtime.taxonomy, usernames(db))
    tasks = db.exec(select(FollowUpTask).where(FollowUpTask.consultation_id == consultation.id)).all()
    notes = db.exec(select(ConsultationNote).where(ConsultationNote.consultation_id == consultation.id)).all()
    return {
        **row,
        "suggested_topics": consultation.suggested_topics,
        "suggested_authority": consultation.suggested_authority,
        "authority": authority_summary(db, consultation.authority_key),
        "urgent_incident": consultation.urgent_incident,
        "first_response_at": _iso(consultation.first_response_at),
        "closed_at": _iso(consultation.closed_at),
        "allowed_transitions": sorted(workflow.allowed_transitions(consultation.status)),
        "tasks": [task_functions.task_summary(db, t, consultation) for t in tasks],
        "notes": [{"author": n.author, "text": n.text, "created_at": _iso(n.created_at)} for n in notes],
    }


@router.get("/consultations/{reference}/messages")
def consultation_messages(reference: str, db: DbSession, user: ApiUser) -> list[dict]:
    """The thread of a consultation (inbound and outbound) as text."""
    consultation = _load(db, reference)
    messages = db.exec(
        select(ConsultationMessage)
        .where(ConsultationMessage.consultation_id == consultation.id)
        .order_by(ConsultationMessage.sent_at, ConsultationMessage.id)
    ).all()
    return [
        {
            "id": m.id,
            "direction": m.direction,
            "channel": m.channel,
            "sender": m.sender,
            "sender_name": m.sender_name,
            "recipients": m.recipients,
            "sent_at": _iso(m.sent_at),
            "subject": m.subject,
            "text": m.text,
            "quoted_text": m.quoted_text,
            "signature": m.signature,
            "message_id": m.message_id,
        }
        for m in messages
    ]


@router.get("/consultations/{reference}/audit")
def consultation_audit(reference: str, db: DbSession, user: ApiUser) -> list[dict]:
    """Who changed what on the consultation, oldest first."""
    consultation = _load(db, reference)
    entries = db.exec(
        select(AuditEntry).where(AuditEntry.consultation_id == consultation.id).order_by(AuditEntry.at, AuditEntry.id)
    ).all()
    return [
        {"at": _iso(e.at), "actor": e.actor, "action": e.action, "field": e.field, "before": e.before, "after": e.after}
        for e in entries
    ]


def _change(db, change) -> dict:
    try:
        result = change()
        db.commit()
    except workflow.WorkflowError as error:
        db.rollback()
        raise _error(error) from None
    return result


def _state(db, consultation) -> dict:
    names = usernames(db)
    return {
        "reference": consultation.reference,
        "status": consultation.status,
        "priority": consultation.priority,
        "topics": consultation.topics,
        "topics_confirmed": consultation.topics_confirmed,
        "authority_key": consultation.authority_key,
        "authority_confirmed": consultation.authority_confirmed,
        "assignee": names.get(consultation.assignee_id) if consultation.assignee_id else None,
    }


@router.post("/consultations/{reference}/topics")
def confirm_topics(request: Request, reference: str, body: TopicBody, db: DbSession, user: ApiUser) -> dict:
    """Confirm (``topics`` null) or correct the topics; optionally confirm/correct the authority."""
    taxonomy = request.app.state.runtime.taxonomy

    def change():
        row = workflow.confirm_topics(
            db, consultation=reference, actor=user.username, topics=body.topics, taxonomy=taxonomy
        )
        if body.authority_key or body.confirm_authority:
            workflow.confirm_authority(db, consultation=row, actor=user.username, authority_key=body.authority_key)
        return _state(db, row)

    return _change(db, change)


@router.post("/consultations/{reference}/assignee")
def assign(reference: str, body: AssignBody, db: DbSession, user: ApiUser) -> dict:
    """Set or clear the consultant responsible."""
    return _change(
        db, lambda: _state(db, workflow.assign(db, consultation=reference, actor=user.username, assignee=body.assignee))
    )


@router.post("/consultations/{reference}/priority")
def set_priority(reference: str, body: PriorityBody, db: DbSession, user: ApiUser) -> dict:
    """Set the priority."""
    return _change(
        db,
        lambda: _state(
            db, workflow.set_priority(db, consultation=reference, actor=user.username, priority=body.priority)
        ),
    )


@router.post("/consultations/{reference}/status")
def set_status(reference: str, body: StatusBody, db: DbSession, user: ApiUser) -> dict:
    """Change the status along the allowed transitions."""
    return _change(
        db,
        lambda: _state(
            db,
            workflow.change_status(
                db, consultation=reference, actor=user.username, status=body.status, reason=body.reason
            ),
        ),
    )


@router.post("/consultations/{reference}/notes", status_code=201)
def add_note(reference: str, body: NoteBody, db: DbSession, user: ApiUser) -> dict:
    """Add an internal note."""

    def change():
        note = workflow.add_note(db, consultation=reference, actor=user.username, text=body.text)
        return {"id": note.id, "author": note.author, "text": note.text}

    return _change(db, change)


@router.post("/consultations/{reference}/tasks", status_code=201)
def add_task(reference: str, body: TaskBody, db: DbSession, user: ApiUser) -> dict:
    """Add a follow-up task by hand (default due in five working days)."""

    def change():
        task = task_functions.add_task(
            db, consultation=reference, actor=user.username, title=body.title, due=body.due, assignee=body.assignee
        )
        return task_functions.task_summary(db, task)

    return _change(db, change)


@router.post("/consultations/{reference}/answers", status_code=201)
def send_answer(request: Request, reference: str, body: AnswerBody, db: DbSession, user: ApiUser) -> dict:
    """Send a consultant's answer to the municipality through the relay (502 if the relay refuses)."""
    settings = request.app.state.runtime.settings
    status = "wartet_auf_rueckmeldung" if body.waiting else "beantwortet"

    def change():
        stored = answers.send_answer(
            db, settings=settings, consultation=reference, actor=user.username, body=body.body, status=status
        )
        return {**_state(db, workflow.load_consultation(db, reference)), "message_id": stored.message_id}

    try:
        return _change(db, change)
    except HTTPException as error:
        if error.status_code == 409 and str(error.detail).startswith("Die Antwort konnte nicht"):
            raise HTTPException(502, error.detail) from None
        raise

    return _change(db, change)


@router.get("/tasks")
def list_tasks(
    db: DbSession,
    user: ApiUser,
    status: str = "offen",
    overdue: bool = False,
    assignee: str | None = None,
    consultation: str | None = None,
) -> list[dict]:
    """Follow-up tasks ordered by due date; ``overdue=true`` only those past due."""
    try:
        rows = task_functions.list_tasks(
            db,
            status=status or None,
            overdue_before=date.today() if overdue else None,
            assignee=assignee,
            consultation=consultation,
        )
    except workflow.WorkflowError as error:
        raise _error(error) from None
    return [task_functions.task_summary(db, task, row) for task, row in rows]


def _task_change(db, task_id: int, change) -> dict:
    def run():
        task = change()
        return task_functions.task_summary(db, task)

    return _change(db, run)


@router.post("/tasks/{task_id}/complete")
def complete_task(task_id: DbId, db: DbSession, user: ApiUser) -> dict:
    """Mark a task done."""
    return _task_change(db, task_id, lambda: task_functions.complete_task(db, task_id=task_id, actor=user.username))


@router.post("/tasks/{task_id}/postpone")
def postpone_task(task_id: DbId, body: PostponeBody, db: DbSession, user: ApiUser) -> dict:
    """Move a task's due date (a reason is required)."""
    return _task_change(
        db,
        task_id,
        lambda: task_functions.postpone_task(
            db, task_id=task_id, actor=user.username, reason=body.reason, due=body.due, working_days=body.working_days
        ),
    )


@router.get("/messages/failed")
def failed_messages(db: DbSession, user: ApiUser) -> list[dict]:
    """Stored messages whose processing failed, with their errors."""
    rows = db.exec(
        select(InboundMessage).where(InboundMessage.status == "failed").order_by(col(InboundMessage.received_at).desc())
    ).all()
    return [
        {
            "id": m.id,
            "channel": m.channel,
            "received_at": _iso(m.received_at),
            "envelope_from": m.envelope_from,
            "message_id": m.message_id,
            "subject": m.subject,
            "error": m.error,
            "attempts": m.attempts,
        }
        for m in rows
    ]


@router.post("/messages/{inbound_id}/reprocess", status_code=202)
def reprocess(inbound_id: DbId, db: DbSession, user: ApiUser) -> dict:
    """Queue a stored message for processing again."""
    from queue_workers.dispatch import enqueue_processing

    if db.get(InboundMessage, inbound_id) is None:
        raise HTTPException(404, "Nachricht nicht gefunden.")
    return {"id": inbound_id, "queued": enqueue_processing(inbound_id)}


def _period(von: date | None, bis: date | None) -> Period:
    default = default_period()
    period = Period(von or default.start, bis or default.end)
    if period.end < period.start:
        raise HTTPException(400, "Das Ende des Zeitraums liegt vor seinem Anfang.")
    return period


@router.get("/statistics")
def statistics(
    request: Request, db: DbSession, user: ManagerApi, von: SaneDate | None = None, bis: SaneDate | None = None
) -> dict:
    """Every dashboard table for the period (default: the last twelve months). Managers only."""
    period = _period(von, bis)
    tables = dashboard_tables(db, period, request.app.state.runtime.taxonomy)
    return {"from": period.start.isoformat(), "to": period.end.isoformat(), "tables": [t.as_dict() for t in tables]}


@router.get("/statistics/annual/{year}")
def annual(request: Request, year: Year, db: DbSession, user: ManagerApi) -> dict:
    """The annual summary: consultations per topic and per district. Managers only."""
    tables = annual_summary(db, year, request.app.state.runtime.taxonomy)
    return {"year": year, "tables": [t.as_dict() for t in tables]}


@router.get("/statistics/{key}")
def statistics_table(
    request: Request,
    key: str,
    db: DbSession,
    user: ManagerApi,
    von: SaneDate | None = None,
    bis: SaneDate | None = None,
) -> dict:
    """One dashboard table by key (e.g. ``themen_monate``, ``kreise``). Managers only."""
    table = table_by_key(db, key, _period(von, bis), request.app.state.runtime.taxonomy)
    if table is None:
        raise HTTPException(404, f"Tabelle {key} gibt es nicht.")
    return table.as_dict()


@router.get("/users")
def list_users(db: DbSession, user: AdminApi) -> list[dict]:
    """User accounts (administrators only)."""
    return [
        {
            "username": u.username,
            "display_name": u.display_name,
            "email": u.email,
            "role": u.role,
            "is_team_lead": u.is_team_lead,
            "active": u.active,
            "has_api_token": bool(u.api_token_hash),
        }
        for u in db.exec(select(UserAccount).order_by(UserAccount.username))
    ]
