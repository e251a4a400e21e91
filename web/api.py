"""The REST API (OpenAPI at ``/api/docs``) for scripts and the UI: consultations, messages,
tasks and statistics. Authentication: ``Authorization: Bearer <token>`` (``eingang users token``)
or the browser session (writes then need the ``X-CSRF-Token`` header).

Changes go through ``casework.workflow`` / ``.tasks`` / ``.answers`` like everywhere else."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import Base64Bytes, BaseModel, Field
from sqlmodel import Session, col, select

from casework import answers, review, workflow
from casework import tags as tag_functions
from casework import tasks as task_functions
from casework.listing import decorate_rows
from models import (
    Consultation,
    ConsultationMessage,
    ConsultationStatus,
    InboundMessage,
    ProcessingStatus,
    TaskStatus,
    UserAccount,
)
from models.public import (
    AnsweredConsultation,
    AuditEntryPublic,
    ConsultationDetail,
    ConsultationPage,
    ConsultationPublic,
    InboundMessagePublic,
    MessagePublic,
    NotePublic,
    StatisticsTablePublic,
    TaskPublic,
    UserPublic,
    audit_entries,
    audit_public,
    consultation_detail,
    consultation_public,
    inbound_message_public,
    message_public,
    note_public,
    user_public,
)
from web.errors import API_ERROR_RESPONSES
from web.inbox import (
    MAX_LIMIT,
    SORTS,
    CursorError,
    InboxFilter,
    bulk_change,
    inbox_count,
    inbox_page,
    inbox_rows,
    search_highlights,
    sla_by_priority,
)
from web.live import publish_change
from web.params import MAX_WORKING_DAYS, DbId, SaneDate, Year
from web.reply_editor import reply_parts
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


class AnswerAttachment(BaseModel):
    filename: str = Field(min_length=1, max_length=200)
    content_type: str = Field(default="application/octet-stream", max_length=127)
    data: Base64Bytes = Field(description="The file, base64-encoded")


class AnswerBody(BaseModel):
    body: str
    waiting: bool = Field(default=False, description="A question back: status wartet_auf_rueckmeldung")
    to: list[str] | None = Field(
        default=None,
        max_length=20,
        description="Recipients; default: the consultation's contacts. An address that is not yet a "
        "contact becomes one, added by the calling consultant (audited).",
    )
    cc: list[str] | None = Field(default=None, max_length=20, description="Copy recipients (same rule as to)")
    include_signature: bool = Field(default=False, description="Append the caller's signature (Mein Profil)")
    include_quote: bool = Field(default=False, description="Append the last inbound message, quoted")
    attachments: list[AnswerAttachment] = Field(default_factory=list, max_length=20)


@router.get("/me", response_model=UserPublic)
def me(user: ApiUser):
    """The account making this request."""
    return user_public(user)


@router.get("/consultations", response_model=ConsultationPage)
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
    pruefen: bool = Query(default=False, description="only those flagged „zu prüfen“"),
    prioritaet: str | None = None,
    schlagwort: str | None = None,
    ueberfaellig: bool = False,
    sort: str | None = Query(
        default=None,
        description="triage (default), eingang, -eingang, prioritaet, betreff, -betreff, status, "
        "rang (with q; then the default)",
    ),
    limit: int = Query(default=50, ge=1, le=MAX_LIMIT),
    cursor: str | None = Query(default=None, max_length=2000),
):
    """Consultations filtered like the inbox, one page: ``{"items": [...], "next_cursor": … or
    null, "total": N}``. Following ``next_cursor`` (keyset pagination) visits every matching
    consultation exactly once, also while new mail arrives. Default order: triage (new and
    unassigned first); with ``q`` (full text: German word forms, umlauts as ae/oe/ue, ``Förder*``,
    reference, AGS; all words must match) by rank, each item with ``highlight`` (HTML, hits in
    ``<mark>``). ``behoerde=keine``: without an authority; ``pruefen=true``: only those flagged
    "zu prüfen"."""
    if sort is not None and sort not in SORTS:
        raise HTTPException(400, f"Unbekannte Sortierung „{sort}“ (erlaubt: {', '.join(SORTS)}).")
    filters = InboxFilter(
        thema, status, kreis, behoerde, zustaendig, von, bis, q,
        review=pruefen, time_zone=request.app.state.runtime.settings.local_timezone,
        priority=prioritaet, overdue=ueberfaellig, tag=schlagwort, sort=sort,
    )  # fmt: skip
    runtime = request.app.state.runtime
    sla = sla_by_priority(runtime.settings)
    try:
        page = inbox_page(db, filters, limit=limit, cursor=cursor, sla=sla)
    except CursorError as error:
        raise HTTPException(400, str(error)) from None
    rows = inbox_rows(db, page.consultations, runtime.taxonomy)
    decorate_rows(db, runtime.settings, page.consultations, rows)
    if filters.search:  # ranked by the full-text search; each with its highlighted snippet
        highlights = search_highlights(db, filters, page.consultations)
        for row, consultation in zip(rows, page.consultations, strict=True):
            row.highlight = highlights.get(consultation.id, "")
    return ConsultationPage(items=rows, next_cursor=page.next_cursor, total=inbox_count(db, filters, sla=sla))


class BulkBody(BaseModel):
    references: list[str] = Field(min_length=1, max_length=MAX_LIMIT, description="References, e.g. KV-2026-00042")
    action: Literal["status", "assignee", "topics", "priority", "tags"]
    value: Any = Field(
        description="status: a status (or {status, reason}); assignee: username or null; topics: list of topic ids; "
        "priority: normal/hoch/dringend; tags: list of names, or {mode: set|add|remove, tags: [...]}"
    )


@router.post("/consultations/bulk")
def bulk(request: Request, body: BulkBody, db: DbSession, user: ApiUser) -> dict:
    """The same change on many consultations (each audited, each in its own transaction).
    Answers ``{"results": [{"reference", "ok", "changed", "state" | "error", "message"}, ...]}``."""
    results = bulk_change(
        db,
        references=body.references,
        action=body.action,
        value=body.value,
        actor=user.username,
        taxonomy=request.app.state.runtime.taxonomy,
    )
    for result in results:
        if result["changed"]:
            publish_change(request, result["reference"], user.username)
    return {
        "results": results,
        "changed": sum(r["changed"] for r in results),
        "failed": sum(not r["ok"] for r in results),
    }


@router.get("/tags")
def list_tags(db: DbSession, user: ApiUser, prefix: str = Query(default="", max_length=64)) -> list[str]:
    """Tag names for autocomplete, most used first."""
    return tag_functions.suggest_tags(db, prefix)


def _detail(request: Request, db: Session, consultation: Consultation) -> ConsultationDetail:
    return consultation_detail(
        db,
        consultation,
        request.app.state.runtime.taxonomy.labels,
        machine_topics=workflow.machine_topics(db, consultation),
        allowed_transitions=workflow.allowed_transitions(consultation.status),
    )


@router.get("/consultations/{reference}", response_model=ConsultationDetail)
def get_consultation(request: Request, reference: str, db: DbSession, user: ApiUser):
    """One consultation with suggestions (and their evidence), tasks, notes, thread, contacts and audit trail."""
    consultation = _load(db, reference)
    return _detail(request, db, consultation)


@router.get("/consultations/{reference}/messages", response_model=list[MessagePublic])
def consultation_messages(reference: str, db: DbSession, user: ApiUser):
    """The thread of a consultation (inbound and outbound) as text."""
    consultation = _load(db, reference)
    messages = db.exec(
        select(ConsultationMessage)
        .where(ConsultationMessage.consultation_id == consultation.id)
        .order_by(col(ConsultationMessage.sent_at), col(ConsultationMessage.id))
    ).all()
    return [message_public(m) for m in messages]


@router.get("/consultations/{reference}/audit", response_model=list[AuditEntryPublic])
def consultation_audit(reference: str, db: DbSession, user: ApiUser):
    """Who changed what on the consultation, oldest first."""
    return [audit_public(entry) for entry in audit_entries(db, _load(db, reference))]


def _change(db: Session, change, request: Request | None = None, reference: str | None = None):
    try:
        result = change()
        db.commit()
    except workflow.WorkflowError as error:
        db.rollback()
        raise _error(error) from None
    if request is not None and reference:
        user = getattr(request.state, "user", None)
        publish_change(request, reference, getattr(user, "username", "system"))
    return result


def _state(request: Request, db: Session, consultation: Consultation) -> ConsultationPublic:
    return consultation_public(db, consultation, request.app.state.runtime.taxonomy.labels)


@router.post("/consultations/{reference}/topics", response_model=ConsultationPublic)
def confirm_topics(request: Request, reference: str, body: TopicBody, db: DbSession, user: ApiUser):
    """Confirm (``topics`` null) or correct the topics; optionally confirm/correct the authority."""
    taxonomy = request.app.state.runtime.taxonomy

    def change():
        row = workflow.confirm_topics(
            db, consultation=reference, actor=user.username, topics=body.topics, taxonomy=taxonomy
        )
        if body.authority_key or body.confirm_authority:
            workflow.confirm_authority(db, consultation=row, actor=user.username, authority_key=body.authority_key)
        return _state(request, db, row)

    return _change(db, change, request, reference)


@router.post("/consultations/{reference}/assignee", response_model=ConsultationPublic)
def assign(request: Request, reference: str, body: AssignBody, db: DbSession, user: ApiUser):
    """Set or clear the consultant responsible."""
    return _change(
        db,
        lambda: _state(
            request, db, workflow.assign(db, consultation=reference, actor=user.username, assignee=body.assignee)
        ),
        request,
        reference,
    )


@router.post("/consultations/{reference}/priority", response_model=ConsultationPublic)
def set_priority(request: Request, reference: str, body: PriorityBody, db: DbSession, user: ApiUser):
    """Set the priority."""
    return _change(
        db,
        lambda: _state(
            request, db, workflow.set_priority(db, consultation=reference, actor=user.username, priority=body.priority)
        ),
        request,
        reference,
    )


@router.post("/consultations/{reference}/status", response_model=ConsultationPublic)
def set_status(request: Request, reference: str, body: StatusBody, db: DbSession, user: ApiUser):
    """Change the status along the allowed transitions."""
    return _change(
        db,
        lambda: _state(
            request,
            db,
            workflow.change_status(
                db, consultation=reference, actor=user.username, status=body.status, reason=body.reason
            ),
        ),
        request,
        reference,
    )


@router.post("/consultations/{reference}/notes", status_code=201, response_model=NotePublic)
def add_note(request: Request, reference: str, body: NoteBody, db: DbSession, user: ApiUser):
    """Add an internal note."""
    return _change(
        db,
        lambda: note_public(workflow.add_note(db, consultation=reference, actor=user.username, text=body.text)),
        request,
        reference,
    )


@router.post("/consultations/{reference}/tasks", status_code=201, response_model=TaskPublic)
def add_task(request: Request, reference: str, body: TaskBody, db: DbSession, user: ApiUser):
    """Add a follow-up task by hand (default due in five working days)."""

    def change():
        task = task_functions.add_task(
            db, consultation=reference, actor=user.username, title=body.title, due=body.due, assignee=body.assignee
        )
        return task_functions.task_summary(db, task)

    return _change(db, change, request, reference)


@router.post("/consultations/{reference}/answers", status_code=201, response_model=AnsweredConsultation)
def send_answer(request: Request, reference: str, body: AnswerBody, db: DbSession, user: ApiUser):
    """Send a consultant's answer to the municipality through the relay (502 if the relay refuses)."""
    settings = request.app.state.runtime.settings
    status = ConsultationStatus.WAITING if body.waiting else ConsultationStatus.ANSWERED

    def change():
        stored = answers.send_answer(
            db,
            settings=settings,
            consultation=reference,
            actor=user.username,
            body=body.body,
            status=status,
            to=body.to,
            cc=body.cc,
            attachments=[(a.filename, a.content_type, a.data) for a in body.attachments],
            **reply_parts(request, db, user, reference, body.include_signature, body.include_quote),
        )
        state = _state(request, db, workflow.load_consultation(db, reference))
        return AnsweredConsultation(**dict(state), message_id=stored.message_id, recipients=stored.recipients)

    try:
        return _change(db, change, request, reference)
    except HTTPException as error:
        if error.status_code == 409 and str(error.detail).startswith("Die Antwort konnte nicht"):
            raise HTTPException(502, error.detail) from None
        raise


class SplitBody(BaseModel):
    message_id: int = Field(ge=1, le=2**31 - 1, description="Id of an inbound message of this consultation")


class MergeBody(BaseModel):
    into: str = Field(max_length=32, description="Reference of the consultation this one is merged into")


@router.post("/consultations/{reference}/split", status_code=201, response_model=ConsultationDetail)
def split(request: Request, reference: str, body: SplitBody, db: DbSession, user: ApiUser):
    """Split an inbound message off into a consultation of its own (linked, audited)."""
    prefix = request.app.state.runtime.settings.reference_prefix
    new = _change(
        db,
        lambda: review.split_message(
            db, consultation=reference, message_id=body.message_id, actor=user.username, reference_prefix=prefix
        ),
    )
    return _detail(request, db, new)


@router.post("/consultations/{reference}/merge", response_model=ConsultationDetail)
def merge(request: Request, reference: str, body: MergeBody, db: DbSession, user: ApiUser):
    """Merge this consultation into ``into``: messages, contacts, tasks and notes move; this one is
    closed and later mail naming it lands in ``into`` (audited on both). Answers the merged one."""
    merged = _change(
        db, lambda: review.merge_consultations(db, consultation=reference, into=body.into, actor=user.username)
    )
    return _detail(request, db, merged)


@router.post("/consultations/{reference}/review/clear", response_model=ConsultationPublic)
def clear_review(request: Request, reference: str, db: DbSession, user: ApiUser):
    """Mark the "zu prüfen" flag as resolved: the messages belong to this consultation."""
    cleared = _change(db, lambda: review.clear_review(db, consultation=reference, actor=user.username))
    return _state(request, db, cleared)


@router.get("/tasks", response_model=list[TaskPublic])
def list_tasks(
    db: DbSession,
    user: ApiUser,
    status: str = TaskStatus.OPEN,
    overdue: bool = False,
    assignee: str | None = None,
    consultation: str | None = None,
):
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


def _task_change(db: Session, task_id: int, change):
    def run():
        task = change()
        return task_functions.task_summary(db, task)

    return _change(db, run)


@router.post("/tasks/{task_id}/complete", response_model=TaskPublic)
def complete_task(task_id: DbId, db: DbSession, user: ApiUser):
    """Mark a task done."""
    return _task_change(db, task_id, lambda: task_functions.complete_task(db, task_id=task_id, actor=user.username))


@router.post("/tasks/{task_id}/postpone", response_model=TaskPublic)
def postpone_task(task_id: DbId, body: PostponeBody, db: DbSession, user: ApiUser):
    """Move a task's due date (a reason is required)."""
    return _task_change(
        db,
        task_id,
        lambda: task_functions.postpone_task(
            db, task_id=task_id, actor=user.username, reason=body.reason, due=body.due, working_days=body.working_days
        ),
    )


@router.get("/messages/failed", response_model=list[InboundMessagePublic])
def failed_messages(db: DbSession, user: ApiUser):
    """Stored messages whose processing failed, with their errors."""
    rows = db.exec(
        select(InboundMessage)
        .where(InboundMessage.status == ProcessingStatus.FAILED)
        .order_by(col(InboundMessage.received_at).desc())
    ).all()
    return [inbound_message_public(db, m) for m in rows]


@router.post("/messages/{inbound_id}/reprocess", status_code=202)
def reprocess(request: Request, inbound_id: DbId, db: DbSession, user: ApiUser) -> dict:
    """Queue a stored message for processing again."""
    if db.get(InboundMessage, inbound_id) is None:
        raise HTTPException(404, "Nachricht nicht gefunden.")
    return {"id": inbound_id, "queued": request.app.state.runtime.tasks.enqueue_processing(inbound_id)}


def _period(von: date | None, bis: date | None) -> Period:
    default = default_period()
    period = Period(von or default.start, bis or default.end)
    if period.end < period.start:
        raise HTTPException(400, "Das Ende des Zeitraums liegt vor seinem Anfang.")
    return period


class StatisticsPublic(BaseModel):
    from_: date = Field(alias="from")
    to: date
    tables: list[StatisticsTablePublic]


class AnnualStatisticsPublic(BaseModel):
    year: int
    tables: list[StatisticsTablePublic]


@router.get("/statistics", response_model=StatisticsPublic)
def statistics(
    request: Request, db: DbSession, user: ManagerApi, von: SaneDate | None = None, bis: SaneDate | None = None
):
    """Every dashboard table for the period (default: the last twelve months). Managers only."""
    period = _period(von, bis)
    tables = dashboard_tables(db, period, request.app.state.runtime.taxonomy)
    return StatisticsPublic(**{"from": period.start}, to=period.end, tables=[t.public() for t in tables])


@router.get("/statistics/annual/{year}", response_model=AnnualStatisticsPublic)
def annual(request: Request, year: Year, db: DbSession, user: ManagerApi):
    """The annual summary: consultations per topic and per district. Managers only."""
    tables = annual_summary(db, year, request.app.state.runtime.taxonomy)
    return AnnualStatisticsPublic(year=year, tables=[t.public() for t in tables])


@router.get("/statistics/{key}", response_model=StatisticsTablePublic)
def statistics_table(
    request: Request,
    key: str,
    db: DbSession,
    user: ManagerApi,
    von: SaneDate | None = None,
    bis: SaneDate | None = None,
):
    """One dashboard table by key (e.g. ``themen_monate``, ``kreise``). Managers only."""
    table = table_by_key(db, key, _period(von, bis), request.app.state.runtime.taxonomy)
    if table is None:
        raise HTTPException(404, f"Tabelle {key} gibt es nicht.")
    return table.public()


@router.get("/users", response_model=list[UserPublic])
def list_users(db: DbSession, user: AdminApi):
    """User accounts (administrators only)."""
    return [user_public(u) for u in db.exec(select(UserAccount).order_by(col(UserAccount.username)))]
