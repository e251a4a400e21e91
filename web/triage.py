"""The consultants' pages: triage inbox, consultation page with its actions, failed messages,
attachment downloads. Every change goes through ``casework.workflow`` / ``.tasks`` /
``.answers`` — the same functions the CLI and the workers use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session, col, select

from casework import answers, contacts, replies, review, workflow
from casework import tags as tag_functions
from casework import tasks as task_functions
from models import (
    Attachment,
    AttachmentBlob,
    AuditEntry,
    Consultation,
    ConsultationMessage,
    ConsultationNote,
    ConsultationStatus,
    Direction,
    FollowUpTask,
    InboundMessage,
    Priority,
    ProcessingStatus,
    UserAccount,
)
from models.gazetteer import authority_summary
from models.public import usernames
from web.audit_view import AuditContext, describe
from web.case_extras import case_extras
from web.downloads import attachment_disposition
from web.inbox import (
    InboxFilter,
    inbox_references,
)
from web.live import publish_change
from web.mail_html import sanitise_mail_html
from web.params import DbId, form_date
from web.reply_editor import SEND_STATUSES, reply_editor_context, reply_parts
from web.security import DOWNLOAD_CSP, DbSession, PageUser, verify_csrf
from web.templating import AUDIT_LABELS, flash, format_local, render, time_zone

router = APIRouter(include_in_schema=False)
Csrf = [Depends(verify_csrf)]


def _active_users(session: Session) -> list[UserAccount]:
    return list(session.exec(select(UserAccount).where(UserAccount.active).order_by(UserAccount.username)))


@router.get("/")
def home(user: PageUser):
    return RedirectResponse("/eingang", status_code=303)


def _thread(db: Session, consultation: Consultation, *, show_images: bool) -> list[dict]:
    messages = db.exec(
        select(ConsultationMessage)
        .where(ConsultationMessage.consultation_id == consultation.id)
        .order_by(ConsultationMessage.sent_at, ConsultationMessage.id)
    ).all()
    inbound_ids = [m.inbound_message_id for m in messages if m.inbound_message_id]
    attachments: dict[int, list[Attachment]] = {}
    if inbound_ids:
        for attachment in db.exec(
            select(Attachment).where(col(Attachment.inbound_message_id).in_(inbound_ids)).order_by(Attachment.id)
        ):
            attachments.setdefault(attachment.inbound_message_id, []).append(attachment)
    thread = []
    for message in messages:
        html = sanitise_mail_html(message.html, allow_remote_images=show_images) if message.html else None
        thread.append(
            {
                "message": message,
                "html": html,
                "attachments": attachments.get(message.inbound_message_id, []),
            }
        )
    return thread


def _neighbours(db: Session, consultation: Consultation) -> tuple[str | None, str | None]:
    """Previous and next consultation in the default inbox order (for j/k)."""
    references = inbox_references(db, InboxFilter())
    if consultation.reference not in references:
        return None, references[0] if references else None
    index = references.index(consultation.reference)
    previous = references[index - 1] if index > 0 else None
    following = references[index + 1] if index + 1 < len(references) else None
    return previous, following


@router.get("/faelle/{reference}")
def consultation_page(
    request: Request,
    reference: str,
    db: DbSession,
    user: PageUser,
    bilder: int = 0,
):
    return _case_page(request, reference, db, bilder=bilder)


def _case_page(
    request: Request,
    reference: str,
    db: Session,
    *,
    bilder: int = 0,
    draft: str = "",
    status_code: int = 200,
    reply_to: str | None = None,
    reply_cc: str | None = None,
    pending_contacts: list[str] | None = None,
    reply_status: str | None = None,
):
    """The case page; ``draft``, ``status_code`` and the kept recipients only from our own code (a
    failed answer), never from the query string."""
    try:
        consultation = workflow.load_consultation(db, reference)
    except workflow.NotFound:
        raise HTTPException(404, f"Beratungsfall {reference} gibt es nicht.") from None
    runtime = request.app.state.runtime
    taxonomy = runtime.taxonomy
    names = usernames(db)
    tasks = db.exec(
        select(FollowUpTask)
        .where(FollowUpTask.consultation_id == consultation.id)
        .order_by(FollowUpTask.status, FollowUpTask.due, FollowUpTask.id)
    ).all()
    notes = db.exec(
        select(ConsultationNote)
        .where(ConsultationNote.consultation_id == consultation.id)
        .order_by(ConsultationNote.created_at)
    ).all()
    audit = db.exec(
        select(AuditEntry)
        .where(AuditEntry.consultation_id == consultation.id)
        .order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
    ).all()
    suggested = sorted(consultation.suggested_topics or [], key=lambda item: -float(item.get("score", 0)))
    suggestion = consultation.suggested_authority or {}
    previous, following = _neighbours(db, consultation)
    thread = _thread(db, consultation, show_images=bool(bilder))
    zone = time_zone(request)
    authority_names: dict[str, str | None] = {}

    def authority_name(key: str) -> str | None:
        if key not in authority_names:
            authority_names[key] = (authority_summary(db, key) or {}).get("name")
        return authority_names[key]

    audit_context = AuditContext(
        topic_label=lambda topic: taxonomy.label(topic) if topic in taxonomy.ids else topic,
        authority_name=authority_name,
        task_titles={task.id: task.title for task in tasks if task.id is not None},
        format_time=lambda value: format_local(value, zone),
    )
    headers = None
    if bilder:  # the consultant asked for remote images: allow them on this one response
        headers = {
            "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
            "img-src 'self' data: https: http:; object-src 'none'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'"
        }
    last_inbound = next((t["message"] for t in reversed(thread) if t["message"].direction == Direction.INBOUND), None)
    contact_rows = contacts.contacts(db, consultation)
    addresses = [row.address for row in contact_rows] or (
        [consultation.sender_address] if consultation.sender_address else []
    )
    default_to, default_cc = addresses[:1], addresses[1:]
    context = {
        "c": consultation,
        "authority": authority_summary(db, consultation.authority_key),
        "suggested_topics": [
            {**item, "label": taxonomy.label(item["topic"]) if item["topic"] in taxonomy.ids else item["topic"]}
            for item in suggested
        ],
        "authority_suggestion": suggestion,
        "taxonomy": taxonomy,
        "thread": thread,
        "show_images": bool(bilder),
        "blocked_images": sum(t["html"].blocked_images for t in thread if t["html"]),
        "tasks": tasks,
        "notes": notes,
        "audit": [{"entry": e, "text": describe(e, audit_context, AUDIT_LABELS)} for e in audit],
        "users": _active_users(db),
        "usernames": names,
        "assignee": names.get(consultation.assignee_id) if consultation.assignee_id else None,
        "transitions": sorted(workflow.allowed_transitions(consultation.status)),
        "priorities": [p.value for p in Priority],
        "previous": previous,
        "next": following,
        "today": date.today(),
        "reply_subject": answers.answer_subject(
            last_inbound.subject if last_inbound else consultation.subject, consultation.reference
        ),
        "draft": draft,
        "contacts": contact_rows,
        "reply_to": reply_to if reply_to is not None else ", ".join(default_to),
        "reply_cc": reply_cc if reply_cc is not None else ", ".join(default_cc),
        "pending_contacts": pending_contacts or [],
        "reply_status": reply_status,
        "foreign_senders": review.foreign_senders(db, consultation),
        "related": db.get(Consultation, consultation.related_consultation_id)
        if consultation.related_consultation_id
        else None,
        "tags": tag_functions.tags_of(db, consultation.id),
        "known_tags": tag_functions.suggest_tags(db, limit=100),
        **reply_editor_context(
            db,
            consultation,
            getattr(getattr(request.state, "user", None), "id", None),
            zone=zone,
            max_attachment_bytes=runtime.settings.answer_max_attachment_bytes,
        ),
    }
    context.update(case_extras(db, consultation, taxonomy=taxonomy, audit_context=audit_context, names=names))
    return render(request, "consultation.html", context, headers=headers, status_code=status_code)


def _act(request: Request, db: Session, reference: str, change: Callable[[], object], success: str, anchor: str = ""):
    """Run one workflow change in this request's transaction; report errors as messages."""
    try:
        change()
        db.commit()
        publish_change(request, reference, getattr(getattr(request.state, "user", None), "username", "system"))
        flash(request, success)
    except workflow.WorkflowError as error:
        db.rollback()
        flash(request, str(error), "error")
    return RedirectResponse(f"/faelle/{quote(reference)}{anchor}", status_code=303)


@router.post("/faelle/{reference}/vorschlag-bestaetigen", dependencies=Csrf)
def confirm_suggestions(request: Request, reference: str, db: DbSession, user: PageUser):
    """One click: confirm the suggested topics and, when one is linked, the authority."""
    taxonomy = request.app.state.runtime.taxonomy

    def change():
        consultation = workflow.confirm_topics(db, consultation=reference, actor=user.username, taxonomy=taxonomy)
        if consultation.authority_key and not consultation.authority_confirmed:
            workflow.confirm_authority(db, consultation=consultation, actor=user.username)

    return _act(request, db, reference, change, "Vorschläge bestätigt.")


@router.post("/faelle/{reference}/themen", dependencies=Csrf)
def set_topics(
    request: Request, reference: str, db: DbSession, user: PageUser, topics: Annotated[list[str], Form()] = ()
):
    taxonomy = request.app.state.runtime.taxonomy
    return _act(
        request,
        db,
        reference,
        lambda: workflow.confirm_topics(
            db, consultation=reference, actor=user.username, topics=list(topics), taxonomy=taxonomy
        ),
        "Themen gespeichert.",
        "#einordnung",
    )


@router.post("/faelle/{reference}/behoerde", dependencies=Csrf)
def set_authority(
    request: Request,
    reference: str,
    db: DbSession,
    user: PageUser,
    authority_key: Annotated[str, Form()] = "",
    candidate: Annotated[str, Form()] = "",
):
    """Save the chosen candidate (radio ``candidate``) or a typed key (``authority_key``, which
    wins when both are given); neither confirms the linked authority."""
    key = authority_key.strip() or candidate.strip() or None
    return _act(
        request,
        db,
        reference,
        lambda: workflow.confirm_authority(db, consultation=reference, actor=user.username, authority_key=key),
        "Behörde gespeichert.",
        "#einordnung",
    )


@router.post("/faelle/{reference}/zuweisen", dependencies=Csrf)
def assign(request: Request, reference: str, db: DbSession, user: PageUser, assignee: Annotated[str, Form()] = ""):
    target = user.username if assignee == "@ich" else (assignee.strip() or None)
    message = f"Zugewiesen an {target}." if target else "Zuweisung aufgehoben."
    return _act(
        request,
        db,
        reference,
        lambda: workflow.assign(db, consultation=reference, actor=user.username, assignee=target),
        message,
    )


@router.post("/faelle/{reference}/prioritaet", dependencies=Csrf)
def set_priority(request: Request, reference: str, db: DbSession, user: PageUser, priority: Annotated[str, Form()]):
    return _act(
        request,
        db,
        reference,
        lambda: workflow.set_priority(db, consultation=reference, actor=user.username, priority=priority),
        "Priorität gespeichert.",
    )


@router.post("/faelle/{reference}/status", dependencies=Csrf)
def set_status(
    request: Request,
    reference: str,
    db: DbSession,
    user: PageUser,
    status: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
):
    return _act(
        request,
        db,
        reference,
        lambda: workflow.change_status(
            db, consultation=reference, actor=user.username, status=status, reason=reason.strip() or None
        ),
        "Status gespeichert.",
    )


@router.post("/faelle/{reference}/notizen", dependencies=Csrf)
def add_note(request: Request, reference: str, db: DbSession, user: PageUser, text: Annotated[str, Form()] = ""):
    return _act(
        request,
        db,
        reference,
        lambda: workflow.add_note(db, consultation=reference, actor=user.username, text=text),
        "Notiz gespeichert.",
        "#notizen",
    )


@router.post("/faelle/{reference}/aufgaben", dependencies=Csrf)
def add_task(
    request: Request,
    reference: str,
    db: DbSession,
    user: PageUser,
    title: Annotated[str, Form()] = "",
    due: Annotated[str, Form()] = "",
):
    def change():
        try:
            due_date = form_date(due)
        except ValueError:
            raise workflow.WorkflowError("Bitte ein gültiges Fälligkeitsdatum angeben.") from None
        task_functions.add_task(db, consultation=reference, actor=user.username, title=title, due=due_date)

    return _act(request, db, reference, change, "Aufgabe angelegt.", "#aufgaben")


def _task_of(db: Session, reference: str, task_id: int) -> FollowUpTask:
    consultation = workflow.load_consultation(db, reference)
    task = db.get(FollowUpTask, task_id)
    if task is None or task.consultation_id != consultation.id:
        raise workflow.NotFound(f"Aufgabe {task_id} gehört nicht zu {reference}.")
    return task


@router.post("/faelle/{reference}/aufgaben/{task_id}/erledigt", dependencies=Csrf)
def complete_task(request: Request, reference: str, task_id: DbId, db: DbSession, user: PageUser):
    def change():
        _task_of(db, reference, task_id)
        task_functions.complete_task(db, task_id=task_id, actor=user.username)

    return _act(request, db, reference, change, "Aufgabe erledigt.", "#aufgaben")


@router.post("/faelle/{reference}/aufgaben/{task_id}/verschieben", dependencies=Csrf)
def postpone_task(
    request: Request,
    reference: str,
    task_id: DbId,
    db: DbSession,
    user: PageUser,
    reason: Annotated[str, Form()] = "",
    due: Annotated[str, Form()] = "",
):
    def change():
        _task_of(db, reference, task_id)
        try:
            due_date = form_date(due)
        except ValueError:
            raise workflow.WorkflowError("Bitte ein gültiges Datum angeben.") from None
        task_functions.postpone_task(
            db, task_id=task_id, actor=user.username, reason=reason, due=due_date, working_days=None if due else 5
        )

    return _act(request, db, reference, change, "Aufgabe verschoben.", "#aufgaben")


@router.post("/faelle/{reference}/antwort", dependencies=Csrf)
def reply(
    request: Request,
    reference: str,
    db: DbSession,
    user: PageUser,
    body: Annotated[str, Form()] = "",
    waiting: Annotated[bool, Form()] = False,
    status_after: Annotated[str, Form(max_length=32)] = "",
    to: Annotated[str, Form(max_length=4000)] = "",
    cc: Annotated[str, Form(max_length=4000)] = "",
    confirm_contacts: Annotated[str, Form(max_length=4000)] = "",
    include_signature: Annotated[bool, Form()] = False,
    include_quote: Annotated[bool, Form()] = False,
    attachments: Annotated[list[UploadFile], File()] = (),  # type: ignore[assignment]
):
    """Send the answer to the To/CC of the form (prefilled with the contacts) and set the status
    chosen under „Status danach“ in the same step; the signature and the quoted original are
    appended when ticked, the files go along as attachments (``answer_max_attachment_bytes``).
    An address that is not yet a contact is added only after the consultant confirmed exactly
    that list."""
    settings = request.app.state.runtime.settings
    status = status_after or (ConsultationStatus.WAITING if waiting else ConsultationStatus.ANSWERED)
    kept = {"draft": body, "reply_to": to, "reply_cc": cc, "reply_status": status}
    files = [item for item in attachments if item.filename]
    files_again = "Bitte die Anhänge erneut auswählen (der Browser behält sie nicht)."
    try:
        if status not in SEND_STATUSES:
            raise workflow.WorkflowError("Bitte einen gültigen Status für nach dem Senden wählen.")
        limit = settings.answer_max_attachment_bytes
        declared = sum(item.size or 0 for item in files)  # the sizes of the uploaded (spooled) files
        if declared > limit:
            raise workflow.WorkflowError(replies.attachment_limit_error(declared, limit))
        parts, total = [], 0
        for item in files:  # and never more than the limit (+1 byte) read in all
            data = item.file.read(limit - total + 1)
            total += len(data)
            if total > limit:
                raise workflow.WorkflowError(replies.attachment_limit_error(max(total, declared), limit))
            name = (item.filename or "anhang").replace("\\", "/").rsplit("/", 1)[-1][:200]
            parts.append((name, item.content_type or "application/octet-stream", data))
        consultation = workflow.load_consultation(db, reference)
        added = answers.new_recipients(db, consultation, to, cc)
        if added and ", ".join(added) != confirm_contacts.strip():
            if files:
                flash(request, files_again, "error")
            return _case_page(request, reference, db, status_code=409, pending_contacts=added, **kept)
        answers.send_answer(
            db,
            consultation=consultation,
            actor=user.username,
            body=body,
            settings=settings,
            status=ConsultationStatus.ANSWERED if status == ConsultationStatus.CLOSED else status,
            to=to,
            cc=cc,
            attachments=parts,
            **reply_parts(request, db, user, consultation, include_signature, include_quote),
        )
        if status == ConsultationStatus.CLOSED:
            workflow.close(db, consultation=consultation, actor=user.username, reason="Antwort versendet")
        db.commit()
    except workflow.WorkflowError as error:  # includes AnswerNotSent: the relay did not take it
        db.rollback()
        flash(request, str(error), "error")
        if files:
            flash(request, files_again, "error")
        # Show the page again with the text still in the composer, so nothing typed is lost.
        return _case_page(request, reference, db, status_code=422, **kept)
    if added:
        flash(request, ", ".join(added) + " als Kontakt hinzugefügt.")
    flash(request, f"Antwort gesendet. Status: {workflow.STATUS_LABELS.get(status, status)}.")
    return RedirectResponse(f"/faelle/{quote(reference)}#verlauf", status_code=303)


@router.post("/faelle/{reference}/pruefung-erledigt", dependencies=Csrf)
def clear_review(request: Request, reference: str, db: DbSession, user: PageUser):
    return _act(
        request,
        db,
        reference,
        lambda: review.clear_review(db, consultation=reference, actor=user.username),
        "Prüfung erledigt.",
    )


@router.post("/faelle/{reference}/abtrennen", dependencies=Csrf)
def split_message(request: Request, reference: str, db: DbSession, user: PageUser, message_id: Annotated[int, Form()]):
    prefix = request.app.state.runtime.settings.reference_prefix
    try:
        new = review.split_message(
            db, consultation=reference, message_id=message_id, actor=user.username, reference_prefix=prefix
        )
        db.commit()
    except workflow.WorkflowError as error:
        db.rollback()
        flash(request, str(error), "error")
        return RedirectResponse(f"/faelle/{quote(reference)}", status_code=303)
    flash(request, f"Nachricht als eigener Fall {new.reference} abgetrennt.")
    return RedirectResponse(f"/faelle/{quote(new.reference)}", status_code=303)


@router.post("/faelle/{reference}/zusammenfuehren", dependencies=Csrf)
def merge(request: Request, reference: str, db: DbSession, user: PageUser, into: Annotated[str, Form(max_length=32)]):
    try:
        target = review.merge_consultations(db, consultation=reference, into=into, actor=user.username)
        db.commit()
    except workflow.WorkflowError as error:
        db.rollback()
        flash(request, str(error), "error")
        return RedirectResponse(f"/faelle/{quote(reference)}", status_code=303)
    flash(request, f"{reference} wurde in {target.reference} zusammengeführt.")
    return RedirectResponse(f"/faelle/{quote(target.reference)}", status_code=303)


@router.get("/anhaenge/{attachment_id}")
def download_attachment(attachment_id: DbId, db: DbSession, user: PageUser):
    attachment = db.get(Attachment, attachment_id)
    if attachment is None:
        raise HTTPException(404, "Anhang nicht gefunden.")
    blob = db.get(AttachmentBlob, attachment.sha256)
    headers = {
        "Content-Disposition": attachment_disposition(attachment.filename, f"anhang-{attachment.id}"),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": DOWNLOAD_CSP,
        "Cache-Control": "private, no-store",
    }
    # Never let a browser render the file in our origin: a generic type plus "attachment".
    return Response(blob.data if blob else b"", media_type="application/octet-stream", headers=headers)


@router.get("/fehlgeschlagen")
def failed_messages(request: Request, db: DbSession, user: PageUser):
    rows = db.exec(
        select(InboundMessage)
        .where(InboundMessage.status == ProcessingStatus.FAILED)
        .order_by(col(InboundMessage.received_at).desc())
    ).all()
    return render(request, "failed.html", {"messages": rows})


@router.post("/fehlgeschlagen/{inbound_id}/erneut", dependencies=Csrf)
def reprocess(request: Request, inbound_id: DbId, db: DbSession, user: PageUser):
    message = db.get(InboundMessage, inbound_id)
    if message is None:
        raise HTTPException(404, "Nachricht nicht gefunden.")
    if request.app.state.runtime.tasks.enqueue_processing(inbound_id):
        flash(request, f"Nachricht {inbound_id} wird erneut verarbeitet.")
    else:
        flash(request, "Die Warteschlange ist nicht erreichbar; die Nachricht wird später verarbeitet.", "error")
    return RedirectResponse("/fehlgeschlagen", status_code=303)
