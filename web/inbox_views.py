"""The inbox pages: the paged, sortable list with saved views (with counts) and a consultant's
own saved filters, bulk actions, and Meine Aufgaben. Queries in ``web.inbox``; every change
goes through casework (``web.inbox.bulk_change``)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from casework import tags as tag_functions
from casework import tasks as task_functions
from casework import workflow
from casework.listing import decorate_rows
from models import (
    District,
    InboundMessage,
    Priority,
    ProcessingStatus,
    SavedFilter,
    UserAccount,
    local_time,
    utcnow,
)
from web.inbox import (
    PAGE_SIZE,
    PAGE_SIZES,
    SORTS,
    CursorError,
    InboxFilter,
    bulk_change,
    effective_sort,
    inbox_count,
    inbox_page,
    inbox_rows,
    search_highlights,
    sla_by_priority,
)
from web.live import publish_change
from web.security import DbSession, PageUser, verify_csrf
from web.templating import flash, render, time_zone

router = APIRouter(include_in_schema=False)
Csrf = [Depends(verify_csrf)]
MAX_SAVED_FILTERS = 30


def views(user: UserAccount) -> list[tuple[str, InboxFilter]]:
    """The saved views every consultant has (label, filter)."""
    return [
        ("Meine Fälle", InboxFilter(assignee=user.username)),
        ("Neu", InboxFilter(status="neu")),
        ("Dringend", InboxFilter(priority=Priority.URGENT)),
        ("Zu prüfen", InboxFilter(review=True)),
        ("Ohne Behörde", InboxFilter(authority="keine")),
        ("Überfällig", InboxFilter(overdue=True)),
        ("Wartet auf Rückmeldung", InboxFilter(status="wartet_auf_rueckmeldung")),
    ]


def _link(filters: InboxFilter, **extra) -> str:
    query = urlencode({**filters.as_query(), **{k: v for k, v in extra.items() if v}})
    return f"/eingang?{query}" if query else "/eingang"


def _without_sort(filters: InboxFilter) -> dict:
    return {k: v for k, v in filters.as_query().items() if k != "sort"}


def _page_size(params) -> int:
    try:
        size = int(params.get("anzahl") or PAGE_SIZE)
    except ValueError:
        return PAGE_SIZE
    return size if size in PAGE_SIZES else PAGE_SIZE


def _active_users(session: Session) -> list[UserAccount]:
    return list(session.exec(select(UserAccount).where(UserAccount.active).order_by(UserAccount.username)))


@router.get("/eingang")
def inbox(request: Request, db: DbSession, user: PageUser):
    filters = InboxFilter.from_query(request.query_params, time_zone=time_zone(request))
    runtime = request.app.state.runtime
    sla = sla_by_priority(runtime.settings)
    size = _page_size(request.query_params)
    cursor = request.query_params.get("cursor") or None
    try:
        page = inbox_page(db, filters, limit=size, cursor=cursor, sla=sla)
    except CursorError:
        flash(request, "Der Link zur Seite passt nicht mehr; die Liste beginnt wieder von vorn.", "error")
        return RedirectResponse(_link(filters), status_code=303)
    rows = inbox_rows(db, page.consultations, runtime.taxonomy)
    decorate_rows(db, runtime.settings, page.consultations, rows)
    highlights = search_highlights(db, filters, page.consultations)
    for row, consultation in zip(rows, page.consultations, strict=True):
        row.highlight = highlights.get(consultation.id)
    current = _without_sort(filters)
    view_links = [
        {
            "label": label,
            "href": _link(view),
            "count": inbox_count(db, view, sla=sla),
            "active": view.as_query() == current,
        }
        for label, view in views(user)
    ]
    own = []
    for saved in db.exec(select(SavedFilter).where(SavedFilter.user_id == user.id).order_by(SavedFilter.name)):
        saved_filter = InboxFilter.from_query(dict(parse_qsl(saved.query)), time_zone=filters.time_zone)
        own.append(
            {
                "id": saved.id,
                "label": saved.name,
                "href": _link(saved_filter),
                "count": inbox_count(db, saved_filter, sla=sla),
                "active": _without_sort(saved_filter) == current,
            }
        )
    sort = effective_sort(filters)

    def sort_link(key: str) -> str:
        reverse = {"eingang": "-eingang", "-eingang": "eingang", "betreff": "-betreff", "-betreff": "betreff"}
        target = reverse.get(key, key) if sort == key else key
        return _link(InboxFilter(**{**filters.__dict__, "sort": target}), anzahl=str(size) if size != PAGE_SIZE else "")

    context = {
        "rows": rows,
        "total": inbox_count(db, filters, sla=sla),
        "filters": filters,
        "sort": sort,
        "sorts": {k: v for k, v in SORTS.items() if k != "rang" or filters.search},
        "sort_link": sort_link,
        "page_size": size,
        "page_sizes": PAGE_SIZES,
        "next_link": _link(filters, cursor=page.next_cursor, anzahl=str(size)) if page.next_cursor else None,
        "first_link": _link(filters, anzahl=str(size) if size != PAGE_SIZE else "") if cursor else None,
        "current_query": urlencode({**filters.as_query(), **({"cursor": cursor} if cursor else {})}),
        "views": view_links,
        "own_filters": own,
        "can_save": bool(current),
        "topics": runtime.taxonomy.topics,
        "districts": list(db.exec(select(District).order_by(District.name))),
        "users": _active_users(db),
        "known_tags": tag_functions.suggest_tags(db, limit=100),
        "failed_count": len(
            db.exec(select(InboundMessage.id).where(InboundMessage.status == ProcessingStatus.FAILED)).all()
        ),
    }
    return render(request, "inbox.html", context)


def _back(query: str) -> str:
    """Back to the inbox with the same filters (only our own parameters survive)."""
    params = InboxFilter.from_query(dict(parse_qsl(query or ""))).as_query()
    return f"/eingang?{urlencode(params)}" if params else "/eingang"


@router.post("/eingang/sammelaktion", dependencies=Csrf)
def bulk_action(
    request: Request,
    db: DbSession,
    user: PageUser,
    aktion: Annotated[str, Form()] = "",
    schlagwort: Annotated[str, Form()] = "",
    ref: Annotated[list[str] | None, Form()] = None,
    zurueck: Annotated[str, Form()] = "",
):
    references = [r for r in (ref or []) if r][:200]
    back = _back(zurueck)
    if not references:
        flash(request, "Bitte zuerst Fälle auswählen.", "error")
        return RedirectResponse(back, status_code=303)
    action, _, value = aktion.partition(":")
    if action == "tags_add" or action == "tags_remove":
        if not schlagwort.strip():
            flash(request, "Bitte ein Schlagwort angeben.", "error")
            return RedirectResponse(back, status_code=303)
        mode = "add" if action == "tags_add" else "remove"
        action, payload = "tags", {"mode": mode, "tags": [schlagwort]}
    elif action == "topics":
        payload = [value] if value else []
    elif action in ("status", "assignee", "priority"):
        payload = value or None
    else:
        flash(request, "Bitte eine Aktion wählen.", "error")
        return RedirectResponse(back, status_code=303)
    results = bulk_change(
        db, references=references, action=action, value=payload, actor=user.username,
        taxonomy=request.app.state.runtime.taxonomy,
    )  # fmt: skip
    for result in results:
        if result["changed"]:
            publish_change(request, result["reference"], user.username)
    changed = sum(r["changed"] for r in results)
    failed = [r for r in results if not r["ok"]]
    flash(request, f"{changed} von {len(results)} {'Fall' if len(results) == 1 else 'Fällen'} geändert.")
    for result in failed[:5]:
        flash(request, f"{result['reference']}: {result['message']}", "error")
    return RedirectResponse(back, status_code=303)


@router.post("/eingang/filter", dependencies=Csrf)
def save_filter(
    request: Request,
    db: DbSession,
    user: PageUser,
    name: Annotated[str, Form()] = "",
    zurueck: Annotated[str, Form()] = "",
):
    query = urlencode(
        {k: v for k, v in InboxFilter.from_query(dict(parse_qsl(zurueck or ""))).as_query().items() if k != "sort"}
    )
    name = " ".join(name.split())[:80]
    back = _back(zurueck)
    if not name or not query:
        flash(request, "Bitte einen Namen angeben und zuerst filtern.", "error")
        return RedirectResponse(back, status_code=303)
    count = len(db.exec(select(SavedFilter.id).where(SavedFilter.user_id == user.id)).all())
    if count >= MAX_SAVED_FILTERS:
        flash(request, f"Höchstens {MAX_SAVED_FILTERS} eigene Filter.", "error")
        return RedirectResponse(back, status_code=303)
    db.add(SavedFilter(user_id=user.id, name=name, query=query))
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        flash(request, f"Einen Filter „{name}“ gibt es schon.", "error")
        return RedirectResponse(back, status_code=303)
    flash(request, f"Filter „{name}“ gespeichert.")
    return RedirectResponse(back, status_code=303)


@router.post("/eingang/filter/{filter_id}/loeschen", dependencies=Csrf)
def delete_filter(request: Request, filter_id: int, db: DbSession, user: PageUser):
    saved = db.get(SavedFilter, filter_id)
    if saved is not None and saved.user_id == user.id:
        db.delete(saved)
        db.commit()
        flash(request, f"Filter „{saved.name}“ gelöscht.")
    return RedirectResponse("/eingang", status_code=303)


@router.post("/faelle/{reference}/schlagworte", dependencies=Csrf)
def set_tags(request: Request, reference: str, db: DbSession, user: PageUser, schlagworte: Annotated[str, Form()] = ""):
    """The consultation's tags, exactly as typed (comma-separated); audited by casework.tags."""
    names = [name for name in schlagworte.split(",") if name.strip()]
    try:
        tag_functions.set_tags(db, consultation=reference, actor=user.username, tags=names)
        db.commit()
    except workflow.WorkflowError as error:
        db.rollback()
        flash(request, str(error), "error")
    else:
        publish_change(request, reference, user.username)
        flash(request, "Schlagworte gespeichert.")
    return RedirectResponse(f"/faelle/{quote(reference)}#bearbeitung", status_code=303)


@router.get("/aufgaben")
def my_tasks(request: Request, db: DbSession, user: PageUser):
    """Meine Aufgaben: overdue, due today, due this week — across all consultations."""
    today = local_time(utcnow(), time_zone(request)).date()  # the consultant's day, not the server's
    week_end = today + timedelta(days=6 - today.weekday())
    rows = task_functions.list_tasks(db, assignee=user.username, due_until=max(week_end, today))
    groups = {"Überfällig": [], "Heute fällig": [], "Diese Woche": []}
    for task, consultation in rows:
        key = "Überfällig" if task.due < today else "Heute fällig" if task.due == today else "Diese Woche"
        groups[key].append({"task": task, "consultation": consultation})
    later = len(task_functions.list_tasks(db, assignee=user.username)) - len(rows)
    return render(request, "aufgaben.html", {"groups": groups, "today": today, "later": later})
