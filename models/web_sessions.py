"""Server-side login sessions of the web app.

The signed session cookie carries only a random session id; the row here is what makes it a
login. Logging out deletes the row, so a copied cookie stops working at once; changing a
password or disabling the account deletes all rows of that user. Only a SHA-256 of the id is
stored (it is a 256-bit random value, so a plain hash suffices). Helpers never commit."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import Column, ForeignKey, Integer, delete
from sqlmodel import Field, Session, SQLModel, col, select

from models.db import UtcDateTime, as_utc, utcnow


class WebSession(SQLModel, table=True):
    __tablename__ = "web_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(sa_column=Column(Integer, ForeignKey("user_account.id"), nullable=False, index=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
    expires_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_web_session(session: Session, user_id: int, *, lifetime: timedelta) -> str:
    """A new login of ``user_id``; returns the session id for the cookie (stored only hashed)."""
    now = utcnow()
    session.exec(delete(WebSession).where(col(WebSession.expires_at) < now))  # housekeeping on the way
    token = secrets.token_urlsafe(32)
    session.add(WebSession(token_hash=_digest(token), user_id=user_id, created_at=now, expires_at=now + lifetime))
    session.flush()
    return token


def web_session_user_id(session: Session, token: object) -> int | None:
    """The user id of a valid, unexpired session id, else None."""
    if not isinstance(token, str) or not token or len(token) > 128:
        return None
    row = session.exec(select(WebSession).where(WebSession.token_hash == _digest(token))).first()
    if row is None or as_utc(row.expires_at) <= utcnow():
        return None
    return row.user_id


def end_web_session(session: Session, token: object) -> None:
    if isinstance(token, str) and token:
        session.exec(delete(WebSession).where(col(WebSession.token_hash) == _digest(token)))


def end_user_sessions(session: Session, user_id: int) -> None:
    """Log ``user_id`` out everywhere (password changed, account disabled)."""
    session.exec(delete(WebSession).where(col(WebSession.user_id) == user_id))
