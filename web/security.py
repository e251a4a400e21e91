"""Who is asking, and may they: session login, API tokens, roles, CSRF and security headers.

Browser pages use a signed session cookie (Starlette's SessionMiddleware, SameSite=Lax) and a
per-session CSRF token that every form POST must echo. Scripts use ``Authorization: Bearer``."""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlmodel import Session

from casework import outbox
from casework.accounts import user_for_token
from models import Role, UserAccount

SESSION_USER = "uid"
SESSION_LOGIN_AT = "at"
SESSION_CSRF = "csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

# Pages: only our own scripts and styles, no plugins, no framing, forms post only to us.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Downloads (attachments, exports): nothing inside them may run, even if a browser renders them.
DOWNLOAD_CSP = "default-src 'none'; sandbox"


class LoginRequired(Exception):
    """Raised by page dependencies; the app turns it into a redirect to the login page."""


def get_db(request: Request) -> Iterator[Session]:
    """One transaction per request, committed when the handler returns without error; mail the
    request queued in the outbox is handed to the workers after the commit."""
    with outbox.transaction(request.app.state.runtime) as session:
        yield session


DbSession = Annotated[Session, Depends(get_db)]


def csrf_token(request: Request) -> str:
    token = request.session.get(SESSION_CSRF)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[SESSION_CSRF] = token
    return token


def _session_user(request: Request, db: Session) -> UserAccount | None:
    user_id = request.session.get(SESSION_USER)
    if not user_id:
        return None
    max_age = request.app.state.runtime.settings.web_session_hours * 3600
    if time.time() - float(request.session.get(SESSION_LOGIN_AT, 0)) > max_age:
        request.session.clear()
        return None
    user = db.get(UserAccount, int(user_id))
    if user is None or not user.active:
        request.session.clear()
        return None
    return user


def log_in(request: Request, user: UserAccount) -> None:
    request.session.clear()  # a fresh session (and CSRF token) at every login: no fixation
    request.session[SESSION_USER] = user.id
    request.session[SESSION_LOGIN_AT] = time.time()
    csrf_token(request)


def page_user(request: Request, db: DbSession) -> UserAccount:
    user = _session_user(request, db)
    if user is None:
        raise LoginRequired()
    # A plain copy for the templates: error pages render after the transaction ended.
    request.state.user = SimpleNamespace(
        id=user.id, username=user.username, display_name=user.display_name, role=user.role
    )
    return user


async def verify_csrf(request: Request) -> None:
    """Every state-changing browser request must carry the session's CSRF token."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get(SESSION_CSRF)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            sent = (await request.form()).get(CSRF_FIELD)
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(expected, sent):
        raise HTTPException(status_code=403, detail="CSRF-Prüfung fehlgeschlagen. Bitte Seite neu laden.")


def api_user(request: Request, db: DbSession) -> UserAccount:
    """Bearer token for scripts; the logged-in browser session also works (with CSRF for writes)."""
    authorization = request.headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() == "bearer" and token:
        user = user_for_token(db, token.strip())
        if user is None:
            raise HTTPException(401, "Ungültiges API-Token.", headers={"WWW-Authenticate": "Bearer"})
        return user
    user = _session_user(request, db)
    if user is None:
        raise HTTPException(401, "Anmeldung erforderlich.", headers={"WWW-Authenticate": "Bearer"})
    if request.method not in SAFE_METHODS:
        expected = request.session.get(SESSION_CSRF)
        sent = request.headers.get(CSRF_HEADER, "")
        if not expected or not hmac.compare_digest(expected, sent):
            raise HTTPException(403, "CSRF-Prüfung fehlgeschlagen.")
    return user


ROLE_LABELS = {Role.CONSULTANT: "Beratung", Role.MANAGER: "Leitung", Role.ADMIN: "Administration"}
MANAGERS = (Role.MANAGER, Role.ADMIN)
ADMINS = (Role.ADMIN,)


def ensure_role(user: UserAccount, roles: tuple[str, ...]) -> None:
    if user.role not in roles:
        raise HTTPException(403, "Für diese Funktion fehlt Ihnen die Berechtigung.")


def page_role(*roles: str):
    def dependency(user: Annotated[UserAccount, Depends(page_user)]) -> UserAccount:
        ensure_role(user, roles)
        return user

    return dependency


def api_role(*roles: str):
    def dependency(user: Annotated[UserAccount, Depends(api_user)]) -> UserAccount:
        ensure_role(user, roles)
        return user

    return dependency


PageUser = Annotated[UserAccount, Depends(page_user)]
ApiUser = Annotated[UserAccount, Depends(api_user)]
ManagerPage = Annotated[UserAccount, Depends(page_role(*MANAGERS))]
AdminPage = Annotated[UserAccount, Depends(page_role(*ADMINS))]
ManagerApi = Annotated[UserAccount, Depends(api_role(*MANAGERS))]
AdminApi = Annotated[UserAccount, Depends(api_role(*ADMINS))]
CsrfChecked = Depends(verify_csrf)


class SecurityHeadersMiddleware:
    """Adds strict headers to every response; a route may set its own CSP first."""

    def __init__(self, app, *, hsts: bool) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _value in headers}
                defaults = {
                    b"content-security-policy": PAGE_CSP.encode(),
                    b"x-content-type-options": b"nosniff",
                    b"x-frame-options": b"DENY",
                    b"referrer-policy": b"no-referrer",
                    b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
                    b"cross-origin-opener-policy": b"same-origin",
                }
                if self.hsts:
                    defaults[b"strict-transport-security"] = b"max-age=31536000"
                headers += [(name, value) for name, value in defaults.items() if name not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
