"""Erinnerungen und Fristen: die tägliche Aufgaben-Übersicht je Beraterin, die Eskalation
dringender Fälle ohne erste Antwort an die Teamleitung und die Erfassung verletzter
Erstantwort-Fristen (SLA). Aufgerufen von den periodischen Jobs (``queue_workers.periodic``)
innerhalb von deren Transaktion; jede Mail kommt in derselben Transaktion in den Postausgang
(``casework.outbox``) und wird nach dem Commit versendet.

- ``send_task_digests(session, *, settings, today)`` — je Person eine Mail
  mit heute fälligen und überfälligen Aufgaben (Teamleitung zusätzlich: Aufgaben ohne Zuständige)
  und den noch ungelesenen ``@name``-Erwähnungen in internen Notizen (jede nur einmal).
- ``escalate_unanswered_urgent(session, *, settings, now)`` — dringende Fälle
  ohne erste Antwort nach ``escalation_hours`` an die Teamleitung, je Fall genau einmal.
- ``record_sla_breaches(session, *, settings, now)`` — ``SlaBreach`` für jeden Fall, dessen erste
  Antwort später als die Frist seiner Priorität kam oder noch aussteht.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from casework.mailer import new_message
from casework.notifications import NotificationItem, take_for_digest
from casework.outbox import queue_mail
from casework.tasks import effective_assignee_id
from eingang.settings import Settings
from models import (
    Consultation,
    ConsultationStatus,
    FollowUpTask,
    OutboundMail,
    Priority,
    SlaBreach,
    TaskStatus,
    UserAccount,
    as_utc,
    local_time,
    metrics,
    stored_id,
)
from models.audit import record_change
from models.notifications import Notification

logger = logging.getLogger(__name__)

FIRST_RESPONSE = "first_response"
ESCALATION = "escalation"
SLA_LOOKBACK = timedelta(days=7)


def sla_hours(settings: Settings, priority: Priority) -> float:
    return {
        Priority.URGENT: settings.sla_hours_urgent,
        Priority.HIGH: settings.sla_hours_high,
    }.get(priority, settings.sla_hours_normal)


def first_response_due(settings: Settings, consultation: Consultation) -> datetime:
    return as_utc(consultation.received_at) + timedelta(hours=sla_hours(settings, consultation.priority))


def deliver(
    session: Session,
    *,
    settings: Settings,
    kind: str,
    to: str,
    subject: str,
    body: str,
    consultation_id: int | None = None,
) -> OutboundMail:
    """Queue one mail of Eingang's own in the outbox (sent after the caller's commit)."""
    message = new_message(settings, to=to, subject=subject, body=body, auto_submitted="auto-generated")
    return queue_mail(session, message, kind=kind, recipient=to, consultation_id=consultation_id)


def _task_line(task: FollowUpTask, consultation: Consultation, today: date) -> str:
    late = (today - task.due).days
    when = "heute" if late == 0 else f"seit {task.due:%d.%m.%Y} ({late} Tag{'e' if late != 1 else ''} überfällig)"
    return f"- [{consultation.reference}] {task.title} — fällig {when}\n  Fall: {consultation.subject}"


def _mention_line(item: NotificationItem) -> str:
    return f"- [{item.reference}] {item.actor} hat Sie in einer internen Notiz erwähnt\n  Fall: {item.subject}"


def digest_body(
    user: UserAccount,
    rows: list[tuple[FollowUpTask, Consultation]],
    today: date,
    mentions: list[NotificationItem] | None = None,
) -> str:
    due_today = [(t, c) for t, c in rows if t.due == today]
    overdue = [(t, c) for t, c in rows if t.due < today]
    name = user.display_name or user.username
    parts = [f"Guten Morgen {name},", "", f"Ihre Aufgaben am {today:%d.%m.%Y}:", ""]
    if not rows:
        parts[2] = f"Ihre Übersicht am {today:%d.%m.%Y}:"
    if overdue:
        parts += [f"Überfällig ({len(overdue)}):", *(_task_line(t, c, today) for t, c in overdue), ""]
    if due_today:
        parts += [f"Heute fällig ({len(due_today)}):", *(_task_line(t, c, today) for t, c in due_today), ""]
    if mentions:
        parts += [f"Erwähnungen ({len(mentions)}):", *(_mention_line(item) for item in mentions), ""]
    parts += ["Diese Übersicht verschickt Eingang automatisch an jedem Arbeitstag.", ""]
    return "\n".join(parts)


def send_task_digests(session: Session, *, settings: Settings, today: date) -> list[OutboundMail]:
    """One digest per person with open tasks due today or overdue. Tasks without any assignee
    (neither the task's nor the consultation's) go to every team lead."""
    rows = list(
        session.exec(
            select(FollowUpTask, Consultation)
            .join(Consultation, col(Consultation.id) == col(FollowUpTask.consultation_id))
            .where(FollowUpTask.status == TaskStatus.OPEN, FollowUpTask.due <= today)
            .where(Consultation.status != ConsultationStatus.CLOSED)
            .order_by(col(FollowUpTask.due), col(FollowUpTask.id))
        )
    )
    users = {u.id: u for u in session.exec(select(UserAccount).where(UserAccount.active == True))}  # noqa: E712
    per_user: dict[int, list[tuple[FollowUpTask, Consultation]]] = {}
    unassigned = []
    for task, consultation in rows:
        owner = effective_assignee_id(task, consultation)
        if owner is not None and owner in users:
            per_user.setdefault(owner, []).append((task, consultation))
        else:
            unassigned.append((task, consultation))
    for lead in (u for u in users.values() if u.is_team_lead):
        per_user.setdefault(stored_id(lead.id), []).extend(unassigned)
    mentioned = set(
        session.exec(
            select(Notification.user_id).where(
                col(Notification.read_at).is_(None), col(Notification.digested_at).is_(None)
            )
        ).all()
    )
    for user_id in mentioned & set(users):
        per_user.setdefault(user_id, [])
    sent = []
    for user_id, items in sorted(per_user.items()):
        user = users[user_id]
        if not items and user_id not in mentioned:
            continue
        if not user.email:
            logger.warning("user %s has tasks due but no e-mail address; no digest", user.username)
            continue
        mentions = take_for_digest(session, user_id) if user_id in mentioned else []
        if not items and not mentions:
            continue
        items.sort(key=lambda pair: (pair[0].due, pair[0].id))
        if items:
            subject = f"Eingang: {len(items)} Aufgabe{'n' if len(items) != 1 else ''} fällig am {today:%d.%m.%Y}"
        else:
            subject = f"Eingang: {len(mentions)} Erwähnung{'en' if len(mentions) != 1 else ''} am {today:%d.%m.%Y}"
        sent.append(
            deliver(
                session,
                settings=settings,
                kind="digest",
                to=user.email,
                subject=subject,
                body=digest_body(user, items, today, mentions),
            )
        )
    return sent


def _claim_breach(session: Session, consultation: Consultation, kind: str, due_at: datetime) -> SlaBreach | None:
    """Record the breach once per (consultation, kind); None if it was recorded before."""
    breach = SlaBreach(consultation_id=stored_id(consultation.id), kind=kind, due_at=due_at)
    try:
        with session.begin_nested():
            session.add(breach)
            session.flush()
    except IntegrityError:
        return None
    metrics.SLA_BREACHES.labels(kind=kind).inc()
    return breach


def _without_breach(kind: str):
    recorded = select(SlaBreach.consultation_id).where(SlaBreach.kind == kind)
    return select(Consultation).where(col(Consultation.id).not_in(recorded))


def escalate_unanswered_urgent(session: Session, *, settings: Settings, now: datetime) -> list[Consultation]:
    """Urgent consultations without a first response after ``escalation_hours`` go to the team
    lead(s), once per consultation (``SlaBreach`` kind ``escalation``)."""
    cutoff = now - timedelta(hours=settings.escalation_hours)
    candidates = session.exec(
        _without_breach(ESCALATION).where(
            Consultation.priority == Priority.URGENT,
            col(Consultation.first_response_at).is_(None),
            Consultation.status != ConsultationStatus.CLOSED,
            Consultation.received_at <= cutoff,
        )
    ).all()
    leads = [
        u
        for u in session.exec(select(UserAccount).where(UserAccount.is_team_lead == True, UserAccount.active == True))  # noqa: E712
        if u.email
    ]
    escalated = []
    for consultation in candidates:
        due_at = as_utc(consultation.received_at) + timedelta(hours=settings.escalation_hours)
        if _claim_breach(session, consultation, ESCALATION, due_at) is None:
            continue
        hours = (now - as_utc(consultation.received_at)).total_seconds() / 3600
        body = (
            "Hallo,\n\n"
            f"der dringende Beratungsfall {consultation.reference} ist seit {hours:.1f} Stunden ohne erste Antwort.\n\n"
            f"Betreff: {consultation.subject}\n"
            f"Absender: {consultation.sender_address or '—'}\n"
            f"Eingegangen: {local_time(consultation.received_at, settings.local_timezone):%d.%m.%Y um %H:%M Uhr}\n\n"
            "Bitte sorgen Sie für eine Antwort oder weisen Sie den Fall zu.\n\n"
            "— Eingang (automatische Eskalation)\n"
        )
        recipients = []
        for lead in leads:
            assert lead.email  # leads are filtered on their address above
            deliver(
                session,
                settings=settings,
                kind="escalation",
                to=lead.email,
                subject=f"Eskalation: dringender Fall {consultation.reference} ohne Antwort",
                body=body,
                consultation_id=consultation.id,
            )
            recipients.append(lead.username)
        if not leads:
            logger.warning("no team lead with an e-mail address; escalation of %s recorded only", consultation.id)
        record_change(
            session,
            consultation_id=consultation.id,
            actor="rule:escalation",
            action="escalated",
            after={"to": recipients, "hours_without_response": round(hours, 1)},
        )
        escalated.append(consultation)
    return escalated


def record_sla_breaches(session: Session, *, settings: Settings, now: datetime) -> list[SlaBreach]:
    """Record a first-response SLA breach for every consultation answered too late or still
    unanswered after its priority's deadline (once per consultation)."""
    earliest_deadline = min(settings.sla_hours_normal, settings.sla_hours_high, settings.sla_hours_urgent)
    latest_deadline = max(settings.sla_hours_normal, settings.sla_hours_high, settings.sla_hours_urgent)
    candidates = session.exec(
        _without_breach(FIRST_RESPONSE).where(
            Consultation.received_at <= now - timedelta(hours=earliest_deadline),
            # Older consultations were judged when their deadline passed; the lookback only
            # bounds the work of each run (and covers a scheduler that was down for a week).
            Consultation.received_at >= now - timedelta(hours=latest_deadline) - SLA_LOOKBACK,
        )
    ).all()
    breaches = []
    for consultation in candidates:
        due_at = first_response_due(settings, consultation)
        answered = as_utc(consultation.first_response_at)
        late = answered > due_at if answered else now > due_at and consultation.status != ConsultationStatus.CLOSED
        breach = _claim_breach(session, consultation, FIRST_RESPONSE, due_at) if late else None
        if breach is None:
            continue
        record_change(
            session,
            consultation_id=consultation.id,
            actor="rule:sla",
            action="sla_breached",
            field="first_response_at",
            after={"due_at": due_at.isoformat(), "answered_at": answered.isoformat() if answered else None},
        )
        breaches.append(breach)
    return breaches
