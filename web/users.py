"""Administration: the team's user accounts (administrators only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from sqlmodel import select

from models import Role, UserAccount
from web.accounts import AccountError, create_user, issue_api_token, set_active
from web.security import AdminPage, DbSession, verify_csrf
from web.templating import flash, render

router = APIRouter(include_in_schema=False)
Csrf = [Depends(verify_csrf)]


@router.get("/admin/benutzer")
def users_page(request: Request, db: DbSession, user: AdminPage):
    return _page(request, db)


def _page(request: Request, db, new_token: tuple[str, str] | None = None):
    accounts = db.exec(select(UserAccount).order_by(UserAccount.username)).all()
    context = {"accounts": accounts, "roles": [r.value for r in Role], "new_token": new_token}
    return render(request, "users.html", context, headers={"Cache-Control": "no-store"})


@router.post("/admin/benutzer", dependencies=Csrf)
def add_user(
    request: Request,
    db: DbSession,
    user: AdminPage,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    role: Annotated[str, Form()],
    display_name: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
    is_team_lead: Annotated[bool, Form()] = False,
):
    try:
        created = create_user(
            db,
            username=username,
            password=password,
            role=role,
            display_name=display_name,
            email=email.strip() or None,
            is_team_lead=is_team_lead,
        )
        db.commit()
        flash(request, f"Benutzer {created.username} angelegt.")
    except AccountError as error:
        db.rollback()
        flash(request, str(error), "error")
    return RedirectResponse("/admin/benutzer", status_code=303)


@router.post("/admin/benutzer/{username}/token", dependencies=Csrf)
def new_token(request: Request, username: str, db: DbSession, user: AdminPage):
    account = db.exec(select(UserAccount).where(UserAccount.username == username)).first()
    if account is None:
        raise HTTPException(404, "Benutzer nicht gefunden.")
    token = issue_api_token(db, account)
    db.commit()
    return _page(request, db, (account.username, token))  # shown once, never stored in clear


@router.post("/admin/benutzer/{username}/aktiv", dependencies=Csrf)
def toggle_active(request: Request, username: str, db: DbSession, user: AdminPage):
    account = db.exec(select(UserAccount).where(UserAccount.username == username)).first()
    if account is None:
        raise HTTPException(404, "Benutzer nicht gefunden.")
    if account.id == user.id:
        flash(request, "Das eigene Konto kann nicht deaktiviert werden.", "error")
    else:
        set_active(db, account, not account.active)  # disabling also ends the account's logins
        db.commit()
        flash(request, f"Benutzer {account.username} ist jetzt {'aktiv' if account.active else 'deaktiviert'}.")
    return RedirectResponse("/admin/benutzer", status_code=303)


@router.post("/admin/benutzer/{username}/passwort", dependencies=Csrf)
def new_password(request: Request, username: str, db: DbSession, user: AdminPage, password: Annotated[str, Form()]):
    from web.accounts import find_user, set_password

    try:
        account = find_user(db, username)
        set_password(db, account, password)
        db.commit()
        flash(request, f"Passwort von {account.username} neu gesetzt.")
    except AccountError as error:
        db.rollback()
        flash(request, str(error), "error")
    return RedirectResponse("/admin/benutzer", status_code=303)


@router.post("/admin/benutzer/{username}/entfernen", dependencies=Csrf)
def remove(request: Request, username: str, db: DbSession, user: AdminPage):
    if username.strip().lower() == user.username:
        flash(request, "Das eigene Konto kann nicht entfernt werden.", "error")
        return RedirectResponse("/admin/benutzer", status_code=303)
    from web.accounts import remove_user

    try:
        result = remove_user(db, username, actor=user.username)
        db.commit()
        flash(
            request,
            f"Benutzer {result['username']} entfernt; {result['unassigned_consultations']} Fälle und "
            f"{result['unassigned_tasks']} Aufgaben sind jetzt ohne Zuständige.",
        )
    except AccountError as error:
        db.rollback()
        flash(request, str(error), "error")
    return RedirectResponse("/admin/benutzer", status_code=303)
