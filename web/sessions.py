"""The browser login: a server-side session (models.web_sessions) named by a random id in the
signed session cookie. The cookie alone proves nothing: logging out, a password change or
disabling the account deletes the session on the server, and every copy of the cookie is dead."""

from __future__ import annotations

from datetime import timedelta

from fastapi import Request
from sqlmodel import Session

from models import UserAccount
from models.web_sessions import end_web_session, start_web_session, web_session_user_id

SESSION_ID = "sid"


def start(request: Request, db: Session, user: UserAccount, *, hours: float) -> None:
    """A fresh cookie session (no fixation) naming a new server-side session of ``user``."""
    end_web_session(db, request.session.get(SESSION_ID))
    request.session.clear()
    request.session[SESSION_ID] = start_web_session(db, user.id, lifetime=timedelta(hours=hours))


def end(request: Request, db: Session) -> None:
    end_web_session(db, request.session.get(SESSION_ID))
    request.session.clear()


def current_user(request: Request, db: Session) -> UserAccount | None:
    """The active user of this request's session, or None (the cookie session is then cleared)."""
    token = request.session.get(SESSION_ID)
    if not token:
        return None
    user_id = web_session_user_id(db, token)
    user = db.get(UserAccount, user_id) if user_id is not None else None
    if user is None or not user.active:
        request.session.clear()
        return None
    return user
