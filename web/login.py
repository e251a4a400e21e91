"""Logging in and out of the web app."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from casework.accounts import authenticate
from web.chat.ratelimit import SlidingWindowLimiter
from web.security import DbSession, log_in, verify_csrf
from web.templating import flash, render

router = APIRouter(include_in_schema=False)
# Password guessing: at most this many login attempts per account and per client address.
ATTEMPTS_PER_ACCOUNT = 20
ATTEMPTS_PER_CLIENT = 60
ATTEMPT_WINDOW_SECONDS = 15 * 60


class LoginThrottle:
    def __init__(self) -> None:
        self.per_account = SlidingWindowLimiter(ATTEMPTS_PER_ACCOUNT, ATTEMPT_WINDOW_SECONDS)
        self.per_client = SlidingWindowLimiter(ATTEMPTS_PER_CLIENT, ATTEMPT_WINDOW_SECONDS)

    def wait_seconds(self, username: str, client: str) -> float:
        return max(self.per_account.hit(username.strip().lower()), self.per_client.hit(client))


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
    wait = throttle.wait_seconds(username, request.client.host if request.client else "?")
    if wait:
        context = {
            "next": _safe_next(next),
            "error": f"Zu viele Anmeldeversuche. Bitte in {int(wait // 60) + 1} Minuten erneut versuchen.",
            "username": username,
        }
        return render(request, "login.html", context, status_code=429, headers={"Retry-After": str(int(wait) + 1)})
    user = authenticate(db, username, password)
    if user is None:
        context = {"next": _safe_next(next), "error": "Benutzername oder Passwort ist falsch.", "username": username}
        return render(request, "login.html", context, status_code=401)
    log_in(request, user)
    flash(request, f"Willkommen, {user.display_name or user.username}.")
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/abmelden", dependencies=[Depends(verify_csrf)])
def logout(request: Request):
    request.session.clear()
    flash(request, "Sie sind abgemeldet.")
    return RedirectResponse("/anmelden", status_code=303)
