"""The consultant's notifications (issue 14): where a colleague named them with ``@name`` in an
internal note. A badge in the header counts the unread ones; this page lists them."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse

from casework import notifications
from web.params import DbId
from web.security import DbSession, PageUser, verify_csrf
from web.templating import flash, render

router = APIRouter(include_in_schema=False)
Csrf = [Depends(verify_csrf)]


@router.get("/benachrichtigungen")
def notification_list(request: Request, db: DbSession, user: PageUser):
    assert user.id is not None
    return render(request, "notifications.html", {"items": notifications.notifications_for(db, user.id)})


@router.post("/benachrichtigungen/gelesen", dependencies=Csrf)
def mark_all_read(request: Request, db: DbSession, user: PageUser):
    assert user.id is not None
    count = notifications.mark_read(db, user_id=user.id)
    flash(request, f"{count} Benachrichtigung{'en' if count != 1 else ''} als gelesen markiert.")
    return RedirectResponse("/benachrichtigungen", status_code=303)


@router.post("/benachrichtigungen/{notification_id}/oeffnen", dependencies=Csrf)
def open_notification(request: Request, notification_id: DbId, db: DbSession, user: PageUser):
    """Mark one notification read and go to its place on the case's timeline."""
    assert user.id is not None
    for item in notifications.notifications_for(db, user.id, limit=1000):
        if item.id == notification_id:
            notifications.mark_read(db, user_id=user.id, notification_id=notification_id)
            return RedirectResponse(f"/faelle/{item.reference}#zeitleiste", status_code=303)
    flash(request, "Diese Benachrichtigung gibt es nicht.", "error")
    return RedirectResponse("/benachrichtigungen", status_code=303)
