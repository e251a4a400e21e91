"""Logging in and out of the web app."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from models import metrics
from web.accounts import authenticate
from web.login_throttle import LoginThrottle
from web.security import DbSession, log_in, log_out, verify_csrf
from web.templating import flash, render

router = APIRouter(include_in_schema=False)


def _too_many(wait: float) -> str:
    if wait < 60:
        seconds = int(wait) + 1
        unit = "Sekunde" if seconds == 1 else "Sekunden"
        return f"Zu viele Anmeldeversuche. Bitte in {seconds} {unit} erneut versuchen."
    minutes = int(wait // 60) + 1
    return f"Zu viele Anmeldeversuche. Bitte in {minutes} Minuten erneut versuchen."


def _safe_next(target: str | None) -> str:
    """Only local paths, so the login cannot be used to redirect elsewhere."""
    if not target or not target.startswith("/") or target.startswith("//") or urlsplit(target).netloc:
        return "/"
    return target


@router.get("/anmelden")
def login_page(request: Request, next: str | None = None):
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/anmelden", dependencies=[Depends(verify_csrf)])
def login(
    request: Request,
    db: DbSession,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
):
    throttle: LoginThrottle = request.app.state.login_throttle
    client = request.client.host if request.client else "?"
    wait = throttle.wait_seconds(username, client)
    if wait:
        context = {"next": _safe_next(next), "error": _too_many(wait), "username": username}
        metrics.LOGINS_FAILED.labels(reason="throttled").inc()
        return render(request, "login.html", context, status_code=429, headers={"Retry-After": str(int(wait) + 1)})
    user = authenticate(db, username, password)
    if user is None:
        throttle.failed(username, client)
        metrics.LOGINS_FAILED.labels(reason="wrong_credentials").inc()
        context = {"next": _safe_next(next), "error": "Benutzername oder Passwort ist falsch.", "username": username}
        return render(request, "login.html", context, status_code=401)
    throttle.succeeded(username, client)
    log_in(request, db, user)
    flash(request, f"Willkommen, {user.display_name or user.username}.")
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/abmelden", dependencies=[Depends(verify_csrf)])
def logout(request: Request, db: DbSession):
    log_out(request, db)  # ends the session on the server: a copied cookie is dead, too
    flash(request, "Sie sind abgemeldet.")
    return RedirectResponse("/anmelden", status_code=303)
