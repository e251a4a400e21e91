"""Notifications for the team (issue 14): ``@name`` in an internal note notifies that
consultant — in the app (badge and list) and once in the next daily digest mail.

A name is a username (``@anna``), matched case-insensitively against the active accounts;
unknown names and the note's author are not notified. The note text is never logged."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from models import Consultation, ConsultationNote, UserAccount, utcnow
from models.notifications import Notification

# "@anna", "@anna.schmidt", "@a-b"; not the "@" of a mail address ("x@y.de").
MENTION = re.compile(r"(?<![\w.@])@([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z0-9])")


def mentioned_names(text: str) -> list[str]:
    """The ``@names`` in ``text``, lower case, first occurrence order, no duplicates."""
    names: list[str] = []
    for match in MENTION.finditer(text or ""):
        name = match.group(1).lower()
        if name not in names:
            names.append(name)
    return names


def notify_mentions(session: Session, *, note: ConsultationNote, actor: str) -> list[Notification]:
    """One notification per active consultant named in ``note`` (not its author)."""
    names = mentioned_names(note.text)
    if not names:
        return []
    users = session.exec(
        select(UserAccount).where(UserAccount.active, func.lower(UserAccount.username).in_(names))
    ).all()
    created = []
    for user in users:
        if user.id is None or user.username.lower() == actor.lower():
            continue
        notification = Notification(
            user_id=user.id, consultation_id=note.consultation_id, note_id=note.id, kind="mention", actor=actor
        )
        session.add(notification)
        created.append(notification)
    if created:
        session.flush()
    return created


@dataclass(frozen=True)
class NotificationItem:
    """One notification as the list and the digest show it."""

    id: int
    kind: str
    actor: str
    created_at: datetime
    read: bool
    reference: str
    subject: str
    note_text: str


def unread_count(session: Session, user_id: int | None) -> int:
    if user_id is None:
        return 0
    query = (
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user_id, col(Notification.read_at).is_(None))
    )
    return int(session.exec(query).one())


def _items(session: Session, query) -> list[NotificationItem]:
    rows = session.exec(
        query.join(Consultation, col(Consultation.id) == Notification.consultation_id).outerjoin(
            ConsultationNote, col(ConsultationNote.id) == Notification.note_id
        )
    ).all()
    return [
        NotificationItem(
            id=notification.id or 0,
            kind=notification.kind,
            actor=notification.actor,
            created_at=notification.created_at,
            read=notification.read_at is not None,
            reference=consultation.reference,
            subject=consultation.subject,
            note_text=note.text if note is not None else "",
        )
        for notification, consultation, note in rows
    ]


def notifications_for(session: Session, user_id: int, *, limit: int = 100) -> list[NotificationItem]:
    """The newest notifications of a user, unread first."""
    query = (
        select(Notification, Consultation, ConsultationNote)
        .where(Notification.user_id == user_id)
        .order_by(
            col(Notification.read_at).is_not(None), col(Notification.created_at).desc(), col(Notification.id).desc()
        )
        .limit(limit)
    )
    return _items(session, query)


def mark_read(
    session: Session, *, user_id: int, notification_id: int | None = None, reference: str | None = None
) -> int:
    """Mark one (``notification_id``), one consultation's (``reference``) or all unread
    notifications of ``user_id`` as read; returns how many."""
    query = select(Notification).where(Notification.user_id == user_id, col(Notification.read_at).is_(None))
    if notification_id is not None:
        query = query.where(Notification.id == notification_id)
    if reference is not None:
        query = query.join(Consultation, col(Consultation.id) == Notification.consultation_id).where(
            Consultation.reference == reference
        )
    now = utcnow()
    rows = session.exec(query).all()
    for row in rows:
        row.read_at = now
    return len(rows)


def take_for_digest(session: Session, user_id: int) -> list[NotificationItem]:
    """Unread notifications not yet in a digest; marks them as digested (each goes out once)."""
    query = (
        select(Notification, Consultation, ConsultationNote)
        .where(
            Notification.user_id == user_id,
            col(Notification.read_at).is_(None),
            col(Notification.digested_at).is_(None),
        )
        .order_by(col(Notification.created_at), col(Notification.id))
    )
    items = _items(session, query)
    if items:
        now = utcnow()
        for row in session.exec(select(Notification).where(col(Notification.id).in_([i.id for i in items]))):
            row.digested_at = now
    return items
