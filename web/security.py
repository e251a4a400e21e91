"""Who is asking, and may they: session login, API tokens, roles, CSRF and security headers.

Browser pages use a signed session cookie (Starlette's SessionMiddleware, SameSite=Lax) naming a
server-side session (web.sessions) and a per-session CSRF token that every form POST must echo.
Scripts use ``Authorization: Bearer``."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from casework import notifications, outbox
from casework.accounts import user_for_token
from models import Role, UserAccount
from web import sessions

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
# Our own static files hold nothing personal and may be cached; everything else is "no-store".
CACHEABLE_PREFIXES = ("/static/", "/api/docs-assets/", "/chat/static/")


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
    return sessions.current_user(request, db)


def log_in(request: Request, db: Session, user: UserAccount) -> None:
    sessions.start(request, db, user, hours=request.app.state.runtime.settings.web_session_hours)
    csrf_token(request)  # a fresh session (and CSRF token) at every login: no fixation


def log_out(request: Request, db: Session) -> None:
    sessions.end(request, db)


def page_user(request: Request, db: DbSession) -> UserAccount:
    user = _session_user(request, db)
    if user is None:
        raise LoginRequired()
    # A plain copy for the templates: error pages render after the transaction ended.
    request.state.user = SimpleNamespace(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        unread_notifications=notifications.unread_count(db, user.id),
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


# Declared in the OpenAPI document (both optional: api_user decides); the checks are below.
BEARER = HTTPBearer(scheme_name="bearerToken", auto_error=False, description="API-Token: `eingang users token NAME`")
SESSION_COOKIE = APIKeyCookie(
    name="eingang_session",
    scheme_name="sessionCookie",
    auto_error=False,
    description="Sitzung der Weboberfläche; schreibende Aufrufe brauchen dazu den Kopf `X-CSRF-Token`.",
)


def api_user(
    request: Request,
    db: DbSession,
    _bearer: Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)] = None,
    _cookie: Annotated[str | None, Security(SESSION_COOKIE)] = None,
) -> UserAccount:
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
                if not scope["path"].startswith(CACHEABLE_PREFIXES):  # pages and API carry personal data
                    defaults[b"cache-control"] = b"no-store"
                headers += [(name, value) for name, value in defaults.items() if name not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
