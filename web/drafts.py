"""Reply drafts on the server (issue 14): ``GET/PUT /api/consultations/{reference}/draft``.

One draft per consultant and consultation, written by the reply editor's autosave
(``static/reply.js``, debounced) or any API client; a colleague's change of the consultation
does not touch it, sending the answer deletes it (``casework.answers.send_answer``)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from casework import replies, workflow
from models import Consultation, ReplyDraft, as_utc
from web.errors import API_ERROR_RESPONSES
from web.security import ApiUser, DbSession

router = APIRouter(prefix="/api", tags=["api"], responses=API_ERROR_RESPONSES)


class DraftBody(BaseModel):
    body: str = Field(default="", max_length=replies.MAX_DRAFT, description="The text typed so far")
    to: str = Field(default="", max_length=4000, description="To, as typed (comma-separated)")
    cc: str = Field(default="", max_length=4000, description="CC, as typed (comma-separated)")


class DraftPublic(DraftBody):
    reference: str
    updated_at: datetime | None = Field(description="When it was last saved; null = no draft")


def _consultation(db, reference: str) -> Consultation:
    try:
        return workflow.load_consultation(db, reference)
    except workflow.NotFound as error:
        raise HTTPException(404, str(error)) from None


def _public(reference: str, draft: ReplyDraft | None) -> DraftPublic:
    if draft is None:
        return DraftPublic(reference=reference, updated_at=None)
    return DraftPublic(
        reference=reference, body=draft.body, to=draft.to, cc=draft.cc, updated_at=as_utc(draft.updated_at)
    )


@router.get("/consultations/{reference}/draft", response_model=DraftPublic)
def get_draft(reference: str, db: DbSession, user: ApiUser):
    """The calling consultant's draft answer for this consultation (empty when there is none)."""
    consultation = _consultation(db, reference)
    return _public(consultation.reference, replies.get_draft(db, user_id=user.id, consultation_id=consultation.id))


@router.put("/consultations/{reference}/draft", response_model=DraftPublic)
def put_draft(reference: str, body: DraftBody, db: DbSession, user: ApiUser):
    """Save the calling consultant's draft answer (replaces the previous one)."""
    consultation = _consultation(db, reference)
    try:
        draft = replies.save_draft(
            db, user_id=user.id, consultation_id=consultation.id, body=body.body, to=body.to, cc=body.cc
        )
    except workflow.WorkflowError as error:
        raise HTTPException(422, str(error)) from None
    db.commit()
    return _public(consultation.reference, draft)
