"""Presence on the case page (issue 14): ``/api/consultations/{reference}/presence``.

``POST`` is the case page's heartbeat (``static/presence.js``, every ``HEARTBEAT_SECONDS``,
with the session's CSRF token) and answers who else has the consultation open; ``GET`` only
answers; ``DELETE`` is sent when the page is left. The registry is ``casework.presence``
(in-process or Redis); the caller is never listed among the others."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from casework import presence
from models import UserAccount
from web.drafts import _consultation
from web.errors import API_ERROR_RESPONSES
from web.security import ApiUser, DbSession

router = APIRouter(prefix="/api", tags=["api"], responses=API_ERROR_RESPONSES)


class Viewer(BaseModel):
    username: str
    display_name: str


class PresencePublic(BaseModel):
    reference: str
    others: list[Viewer] = Field(description="Other consultants who have this consultation open now")
    text: str = Field(description='"Anna bearbeitet diesen Fall gerade", or "" when nobody else')
    heartbeat_seconds: int = Field(description="How often an open page should call POST")


def registry(request: Request) -> presence.Presence:
    return request.app.state.runtime.presence


def _answer(request: Request, reference: str, user: UserAccount) -> PresencePublic:
    others = [viewer for viewer in registry(request).viewers(reference) if viewer.username != user.username]
    return PresencePublic(
        reference=reference,
        others=[Viewer(username=o.username, display_name=o.display_name) for o in others],
        text=presence.sentence([o.display_name for o in others]),
        heartbeat_seconds=presence.HEARTBEAT_SECONDS,
    )


@router.get("/consultations/{reference}/presence", response_model=PresencePublic)
def who_is_here(request: Request, reference: str, db: DbSession, user: ApiUser):
    """The other consultants who have this consultation open right now."""
    consultation = _consultation(db, reference)
    return _answer(request, consultation.reference, user)


@router.post("/consultations/{reference}/presence", response_model=PresencePublic)
def heartbeat(request: Request, reference: str, db: DbSession, user: ApiUser):
    """Heartbeat: the caller has this consultation open (repeat within the TTL); answers the others."""
    consultation = _consultation(db, reference)
    registry(request).touch(consultation.reference, user.username, user.display_name or user.username)
    return _answer(request, consultation.reference, user)


@router.delete("/consultations/{reference}/presence", response_model=PresencePublic)
def leave(request: Request, reference: str, db: DbSession, user: ApiUser):
    """The caller closed the page and is no longer shown to the others."""
    consultation = _consultation(db, reference)
    registry(request).leave(consultation.reference, user.username)
    return _answer(request, consultation.reference, user)
