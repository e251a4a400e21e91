"""„Mein Profil“: what a consultant sets for themselves — the signature of their answers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from casework import replies, workflow
from web.security import DbSession, PageUser, verify_csrf
from web.templating import flash, render

router = APIRouter(include_in_schema=False)


@router.get("/profil")
def profile_page(request: Request, db: DbSession, user: PageUser):
    context = {"signature": replies.signature_of(db, user), "max_signature": replies.MAX_SIGNATURE}
    return render(request, "profile.html", context)


@router.post("/profil", dependencies=[Depends(verify_csrf)])
def save_profile(
    request: Request, db: DbSession, user: PageUser, signature: Annotated[str, Form(max_length=4000)] = ""
):
    try:
        replies.set_signature(db, user=user, signature=signature)
        db.commit()
        flash(request, "Signatur gespeichert.")
    except workflow.WorkflowError as error:
        db.rollback()
        flash(request, str(error), "error")
    return RedirectResponse("/profil", status_code=303)
