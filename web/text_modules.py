"""Textbausteine in the web app (issue 14): the REST API (``GET/POST /api/text-modules``,
``PUT/DELETE /api/text-modules/{id}``; reading for every consultant, changing for
administrators) and the administrators' pages under ``/admin/textbausteine``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field

from casework import text_modules
from models import TextModule, as_utc
from web.errors import API_ERROR_RESPONSES
from web.params import DbId
from web.security import AdminApi, AdminPage, ApiUser, DbSession, verify_csrf
from web.templating import flash, render

api_router = APIRouter(prefix="/api", tags=["api"], responses=API_ERROR_RESPONSES)
page_router = APIRouter(include_in_schema=False)
Csrf = [Depends(verify_csrf)]


class TextModuleBody(BaseModel):
    title: str = Field(max_length=text_modules.MAX_TITLE)
    body: str = Field(
        max_length=text_modules.MAX_BODY,
        description="Text; placeholders: " + ", ".join("{{" + name + "}}" for name in text_modules.PLACEHOLDERS),
    )
    topics: list[str] = Field(default_factory=list, max_length=50, description="Topic ids the module is suggested for")


class TextModulePublic(TextModuleBody):
    id: int
    placeholders: list[str]
    updated_by: str
    updated_at: datetime


def _public(row: TextModule) -> TextModulePublic:
    return TextModulePublic(
        id=row.id,
        title=row.title,
        body=row.body,
        topics=list(row.topics),
        placeholders=text_modules.check_placeholders(row.body),
        updated_by=row.updated_by,
        updated_at=as_utc(row.updated_at),
    )


def _http(error: text_modules.TextModuleError) -> HTTPException:
    return HTTPException(404 if isinstance(error, text_modules.TextModuleNotFound) else 422, str(error))


@api_router.get("/text-modules", response_model=list[TextModulePublic])
def list_text_modules(db: DbSession, user: ApiUser, topic: str | None = None):
    """All text modules (optionally only those tagged with ``topic``)."""
    return [_public(row) for row in text_modules.list_modules(db, topic=topic)]


@api_router.post("/text-modules", status_code=201, response_model=TextModulePublic)
def create_text_module(request: Request, body: TextModuleBody, db: DbSession, user: AdminApi):
    """Create a text module (administrators; unknown placeholders or topics: 422)."""
    try:
        row = text_modules.create_module(
            db,
            actor=user.username,
            title=body.title,
            body=body.body,
            topics=body.topics,
            taxonomy=request.app.state.runtime.taxonomy,
        )
    except text_modules.TextModuleError as error:
        raise _http(error) from None
    db.commit()
    return _public(row)


@api_router.put("/text-modules/{module_id}", response_model=TextModulePublic)
def update_text_module(request: Request, module_id: DbId, body: TextModuleBody, db: DbSession, user: AdminApi):
    """Replace a text module's title, text and topics (administrators)."""
    try:
        row = text_modules.update_module(
            db,
            module_id=module_id,
            actor=user.username,
            title=body.title,
            body=body.body,
            topics=body.topics,
            taxonomy=request.app.state.runtime.taxonomy,
        )
    except text_modules.TextModuleError as error:
        raise _http(error) from None
    db.commit()
    return _public(row)


@api_router.delete("/text-modules/{module_id}", status_code=204)
def delete_text_module(module_id: DbId, db: DbSession, user: AdminApi) -> None:
    """Delete a text module (administrators)."""
    try:
        text_modules.delete_module(db, module_id=module_id)
    except text_modules.TextModuleError as error:
        raise _http(error) from None
    db.commit()


def _page(request: Request, db, *, editing: TextModule | None = None, form: dict | None = None, status_code=200):
    context = {
        "modules": text_modules.list_modules(db),
        "taxonomy": request.app.state.runtime.taxonomy,
        "placeholders": text_modules.PLACEHOLDERS,
        "editing": editing,
        "form": form
        or (
            {"title": editing.title, "body": editing.body, "topics": list(editing.topics)}
            if editing
            else {"title": "", "body": "", "topics": []}
        ),
    }
    return render(request, "text_modules.html", context, status_code=status_code)


@page_router.get("/admin/textbausteine")
def text_modules_page(request: Request, db: DbSession, user: AdminPage):
    return _page(request, db)


@page_router.get("/admin/textbausteine/{module_id}")
def edit_text_module_page(request: Request, module_id: DbId, db: DbSession, user: AdminPage):
    try:
        return _page(request, db, editing=text_modules.get_module(db, module_id))
    except text_modules.TextModuleNotFound as error:
        raise HTTPException(404, str(error)) from None


def _save(request: Request, db, user, module_id: int | None, title: str, body: str, topics: list[str]):
    taxonomy = request.app.state.runtime.taxonomy
    try:
        if module_id is None:
            row = text_modules.create_module(
                db, actor=user.username, title=title, body=body, topics=topics, taxonomy=taxonomy
            )
        else:
            row = text_modules.update_module(
                db, module_id=module_id, actor=user.username, title=title, body=body, topics=topics, taxonomy=taxonomy
            )
        db.commit()
    except text_modules.TextModuleNotFound as error:
        raise HTTPException(404, str(error)) from None
    except text_modules.TextModuleError as error:
        db.rollback()
        flash(request, str(error), "error")
        editing = db.get(TextModule, module_id) if module_id is not None else None
        form = {"title": title, "body": body, "topics": topics}
        return _page(request, db, editing=editing, form=form, status_code=422)
    flash(request, f"Textbaustein „{row.title}“ gespeichert.")
    return RedirectResponse("/admin/textbausteine", status_code=303)


@page_router.post("/admin/textbausteine", dependencies=Csrf)
def create_text_module_form(
    request: Request,
    db: DbSession,
    user: AdminPage,
    title: Annotated[str, Form(max_length=text_modules.MAX_TITLE)] = "",
    body: Annotated[str, Form(max_length=text_modules.MAX_BODY)] = "",
    topics: Annotated[list[str], Form()] = (),  # type: ignore[assignment]
):
    return _save(request, db, user, None, title, body, list(topics))


@page_router.post("/admin/textbausteine/{module_id}", dependencies=Csrf)
def update_text_module_form(
    request: Request,
    module_id: DbId,
    db: DbSession,
    user: AdminPage,
    title: Annotated[str, Form(max_length=text_modules.MAX_TITLE)] = "",
    body: Annotated[str, Form(max_length=text_modules.MAX_BODY)] = "",
    topics: Annotated[list[str], Form()] = (),  # type: ignore[assignment]
):
    return _save(request, db, user, module_id, title, body, list(topics))


@page_router.post("/admin/textbausteine/{module_id}/loeschen", dependencies=Csrf)
def delete_text_module_form(request: Request, module_id: DbId, db: DbSession, user: AdminPage):
    try:
        row = text_modules.get_module(db, module_id)
        title = row.title
        text_modules.delete_module(db, module_id=module_id)
        db.commit()
    except text_modules.TextModuleNotFound as error:
        raise HTTPException(404, str(error)) from None
    flash(request, f"Textbaustein „{title}“ gelöscht.")
    return RedirectResponse("/admin/textbausteine", status_code=303)
