"""Der Lebenszyklus eines Beratungsfalls — an genau einer Stelle.

Jede Änderung an einem Beratungsfall (durch eine Beraterin, eine Regel oder die Maschine)
läuft durch die Funktionen dieses Moduls und wird mit ``models.audit.record_change`` im
Audit-Log festgehalten (wer, wann, was, vorher, nachher). CLI, Web-Oberfläche und Worker
rufen dieselben Funktionen auf. Keine Funktion committet; die Transaktion gehört dem
Aufrufer (Request, CLI-Befehl, Actor).

Alle Funktionen nehmen nur Schlüsselwort-Argumente: ``session`` (die offene Session),
``actor`` (Benutzername, ``"system"`` oder ``"rule:<name>"``) und ``consultation`` — ein
``Consultation``-Objekt, seine id (int) oder sein Aktenzeichen (``"KV-2026-00042"``).
Verbotenes löst ``WorkflowError`` mit einer deutschen Meldung aus (``NotFound`` für
Unbekanntes).

Funktionen:

- ``load_consultation(session, consultation, for_update=False)`` — Fall laden oder ``NotFound``.
- ``allowed_transitions(status)`` — erlaubte Zielstatus (für Schaltflächen in der Oberfläche).
- ``change_status(session, *, consultation, actor, status, reason=None)`` — Statuswechsel,
  nur entlang ``TRANSITIONS``.
- ``close(...)`` / ``reopen(...)`` — Abkürzungen für ``abgeschlossen`` / ``in_bearbeitung``.
- ``on_inbound_message(session, *, consultation, auto_reply=False, actor="system")`` — eine neue
  eingehende Nachricht öffnet einen abgeschlossenen Fall wieder (und holt beantwortete/wartende
  Fälle zurück in Bearbeitung).
- ``assign(session, *, consultation, actor, assignee)`` — Zuständige(n) setzen (``None`` = keine).
- ``set_priority(session, *, consultation, actor, priority)`` — ``normal``/``hoch``/``dringend``,
  von Hand gesetzt: danach folgt die Priorität nicht mehr den Themen.
- ``confirm_topics(session, *, consultation, actor, taxonomy, topics=None)`` — Themen
  bestätigen (``None``) oder korrigieren; eine Korrektur schreibt eine ``TopicCorrection``
  und legt die Aufgaben neu hinzugekommener Themen an. ``suggested_topics`` bleibt erhalten.
  Ohne IT-Sicherheit ist ein Fall kein Sicherheitsvorfall mehr; die Priorität folgt den Themen
  (``priority_from_topics``), solange niemand sie von Hand gesetzt hat (``priority_set_by_hand``).
- ``confirm_authority(session, *, consultation, actor, authority_key=None)`` — Behörde
  bestätigen oder korrigieren; ``suggested_authority`` bleibt erhalten, die Absenderadresse
  wird als ``KnownSender`` gespeichert.
- ``add_note(session, *, consultation, actor, text)`` — interne Notiz.
- ``record_first_response(session, *, consultation, actor, at=None)`` — erste Antwort vermerken.
- ``find_user(session, username)`` — aktives Benutzerkonto oder ``NotFound``.
- ``machine_topics(session, consultation)`` — die ursprünglich vom Klassifikator gewählten Themen.
- ``authority_exists(session, key)`` — gibt es den Schlüssel im Gazetteer?

Daten: ``TRANSITIONS`` (erlaubte Statuswechsel), ``STATUS_LABELS`` (deutsche Anzeigenamen).
Antworten an die Kommune: ``casework.answers``; Aufgaben: ``casework.tasks``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from casework.followups import create_tasks, templates_for
from casework.notifications import notify_mentions
from classifiers.taxonomy import Taxonomy
from models import (
    AdministrativeAssociation,
    AuditEntry,
    Consultation,
    ConsultationMessage,
    ConsultationNote,
    ConsultationStatus,
    Direction,
    District,
    KnownSender,
    Municipality,
    Priority,
    TopicCorrection,
    UserAccount,
    as_utc,
    stored_id,
    utcnow,
)
from models.audit import record_change

SYSTEM = "system"

S = ConsultationStatus

# The one table of allowed status changes. Nothing goes back to "neu"; a closed consultation
# can only be reopened (to "in_bearbeitung").
TRANSITIONS: dict[str, frozenset[str]] = {
    S.NEW: frozenset({S.IN_PROGRESS, S.WAITING, S.ANSWERED, S.CLOSED}),
    S.IN_PROGRESS: frozenset({S.WAITING, S.ANSWERED, S.CLOSED}),
    S.WAITING: frozenset({S.IN_PROGRESS, S.ANSWERED, S.CLOSED}),
    S.ANSWERED: frozenset({S.IN_PROGRESS, S.WAITING, S.CLOSED}),
    S.CLOSED: frozenset({S.IN_PROGRESS}),
}

STATUS_LABELS = {
    S.NEW: "neu",
    S.IN_PROGRESS: "in Bearbeitung",
    S.WAITING: "wartet auf Rückmeldung",
    S.ANSWERED: "beantwortet",
    S.CLOSED: "abgeschlossen",
}


class WorkflowError(Exception):
    """A change the workflow does not allow; ``str(error)`` is a German message for people."""


class NotFound(WorkflowError):
    """The consultation, user, task or authority does not exist."""


ConsultationRef = Consultation | int | str


def load_consultation(session: Session, consultation: ConsultationRef, *, for_update: bool = False) -> Consultation:
    """The consultation by object, id or reference; raises ``NotFound``."""
    if isinstance(consultation, Consultation):
        return consultation
    if isinstance(consultation, int):
        found = session.get(Consultation, consultation, with_for_update=for_update)
    else:
        query = select(Consultation).where(Consultation.reference == consultation.strip().upper())
        if for_update:
            query = query.with_for_update()
        found = session.exec(query).first()
    if found is None:
        raise NotFound(f"Beratungsfall {consultation} gibt es nicht.")
    return found


def allowed_transitions(status: str) -> frozenset[str]:
    """The statuses a consultation in ``status`` may move to."""
    return TRANSITIONS.get(status, frozenset())


def _touch(consultation: Consultation) -> None:
    consultation.updated_at = utcnow()


def _set_status(
    session: Session,
    consultation: Consultation,
    *,
    actor: str,
    status: ConsultationStatus,
    action: str,
    reason: str | None,
) -> None:
    before = consultation.status
    consultation.status = status
    if status == S.CLOSED:
        consultation.closed_at = utcnow()
    elif before == S.CLOSED:
        consultation.closed_at = None
    _touch(consultation)
    record_change(
        session,
        consultation_id=consultation.id,
        actor=actor,
        action=action,
        field="status",
        before=before,
        after={"status": status, "reason": reason} if reason else status,
    )


def change_status(
    session: Session, *, consultation: ConsultationRef, actor: str, status: str, reason: str | None = None
) -> Consultation:
    """Move the consultation to ``status`` if ``TRANSITIONS`` allows it; else ``WorkflowError``."""
    row = load_consultation(session, consultation, for_update=True)
    try:
        target = ConsultationStatus(status)
    except ValueError:
        known = ", ".join(s.value for s in ConsultationStatus)
        raise WorkflowError(f"Unbekannter Status „{status}“ (erlaubt: {known}).") from None
    if target == row.status:
        return row
    if target not in allowed_transitions(row.status):
        allowed = ", ".join(sorted(allowed_transitions(row.status))) or "keiner"
        raise WorkflowError(
            f"{row.reference}: Wechsel von „{STATUS_LABELS.get(row.status, row.status)}“ nach "
            f"„{STATUS_LABELS[target]}“ ist nicht erlaubt (erlaubt: {allowed})."
        )
    action = "reopened" if row.status == S.CLOSED else "closed" if target == S.CLOSED else "status_changed"
    _set_status(session, row, actor=actor, status=target, action=action, reason=reason)
    return row


def close(session: Session, *, consultation: ConsultationRef, actor: str, reason: str | None = None) -> Consultation:
    """Close the consultation (``abgeschlossen``)."""
    return change_status(session, consultation=consultation, actor=actor, status=S.CLOSED, reason=reason)


def reopen(session: Session, *, consultation: ConsultationRef, actor: str, reason: str | None = None) -> Consultation:
    """Reopen a closed consultation (back to ``in_bearbeitung``)."""
    row = load_consultation(session, consultation, for_update=True)
    if row.status != S.CLOSED:
        raise WorkflowError(f"{row.reference} ist nicht abgeschlossen und kann nicht wieder geöffnet werden.")
    return change_status(session, consultation=row, actor=actor, status=S.IN_PROGRESS, reason=reason)


def on_inbound_message(
    session: Session, *, consultation: ConsultationRef, auto_reply: bool = False, actor: str = SYSTEM
) -> Consultation:
    """A new inbound message arrived in the consultation's thread: a closed, answered or waiting
    consultation goes back to ``in_bearbeitung`` (auto-replies change nothing)."""
    row = load_consultation(session, consultation)
    if auto_reply or row.status in (S.NEW, S.IN_PROGRESS):
        return row
    action = "reopened" if row.status == S.CLOSED else "status_changed"
    _set_status(session, row, actor=actor, status=S.IN_PROGRESS, action=action, reason="neue Nachricht eingegangen")
    return row


def find_user(session: Session, username: str) -> UserAccount:
    """An active user account by name; raises ``NotFound``."""
    user = session.exec(select(UserAccount).where(UserAccount.username == username.strip())).first()
    if user is None or not user.active:
        raise NotFound(f"Benutzer „{username}“ gibt es nicht (oder er ist deaktiviert).")
    return user


def _username(session: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    user = session.get(UserAccount, user_id)
    return user.username if user else str(user_id)


def assign(session: Session, *, consultation: ConsultationRef, actor: str, assignee: str | None) -> Consultation:
    """Make ``assignee`` (a username; ``None`` = nobody) responsible. A new consultation that
    gets an assignee moves to ``in_bearbeitung``."""
    row = load_consultation(session, consultation, for_update=True)
    user = find_user(session, assignee) if assignee else None
    before = _username(session, row.assignee_id)
    new_id = user.id if user else None
    if new_id == row.assignee_id:
        return row
    row.assignee_id = new_id
    _touch(row)
    record_change(
        session,
        consultation_id=row.id,
        actor=actor,
        action="assigned",
        field="assignee",
        before=before,
        after=user.username if user else None,
    )
    if user is not None and row.status == S.NEW:
        _set_status(session, row, actor=actor, status=S.IN_PROGRESS, action="status_changed", reason="zugewiesen")
    return row


def set_priority(session: Session, *, consultation: ConsultationRef, actor: str, priority: str) -> Consultation:
    """Set the priority: ``normal``, ``hoch`` or ``dringend``."""
    row = load_consultation(session, consultation, for_update=True)
    try:
        target = Priority(priority)
    except ValueError:
        known = ", ".join(p.value for p in Priority)
        raise WorkflowError(f"Unbekannte Priorität „{priority}“ (erlaubt: {known}).") from None
    if target == row.priority:
        return row
    before = row.priority
    row.priority = target
    _touch(row)
    record_change(
        session,
        consultation_id=row.id,
        actor=actor,
        action="priority_changed",
        field="priority",
        before=before,
        after=target,
    )
    return row


# The topic an urgent security incident is filed under: without it a consultation is no
# incident and its priority (unless a consultant set one) is back to normal.
INCIDENT_TOPIC = "it_security"
PRIORITY_FOLLOWS_TOPICS = "priority_followed_topics"


def priority_set_by_hand(session: Session, consultation: Consultation) -> bool:
    """Has a consultant set this consultation's priority (``set_priority``)? Recorded in the
    audit trail as a ``priority_changed`` entry by a person, not the system or a rule."""
    from models import AuditEntry

    actors = session.exec(
        select(AuditEntry.actor).where(
            AuditEntry.consultation_id == consultation.id, AuditEntry.action == "priority_changed"
        )
    ).all()
    return any(actor != SYSTEM and not actor.startswith("rule:") for actor in actors)


def priority_from_topics(consultation: Consultation) -> Priority:
    """The priority the topics give: ``dringend`` for an urgent security incident (filed under
    IT-Sicherheit), else ``normal``."""
    urgent = consultation.urgent_incident and INCIDENT_TOPIC in (consultation.topics or [])
    return Priority.URGENT if urgent else Priority.NORMAL


def _follow_topics(session: Session, row: Consultation, *, actor: str, before_topics: list[str]) -> None:
    """After a topic change: removing IT-Sicherheit ends the incident flag; the priority
    follows the topics unless a consultant set it by hand."""
    if row.urgent_incident and INCIDENT_TOPIC in before_topics and INCIDENT_TOPIC not in row.topics:
        row.urgent_incident = False
    if priority_set_by_hand(session, row):
        return
    target = priority_from_topics(row)
    if target == row.priority:
        return
    before = row.priority
    row.priority = target
    record_change(
        session,
        consultation_id=row.id,
        actor=actor,
        action=PRIORITY_FOLLOWS_TOPICS,
        field="priority",
        before=before,
        after=target,
    )


def machine_topics(session: Session, consultation: Consultation) -> list[str]:
    """The topics the classifier chose when the consultation was opened (from the audit trail;
    falls back to the current topics when no such record exists)."""
    created = session.exec(
        select(AuditEntry)
        .where(AuditEntry.consultation_id == consultation.id, AuditEntry.action == "created")
        .order_by(col(AuditEntry.id))
    ).first()
    if created is not None and isinstance(created.after, dict) and "topics" in created.after:
        return list(created.after["topics"] or [])
    return list(consultation.topics)


def _first_inbound_text(session: Session, consultation: Consultation) -> str:
    message = session.exec(
        select(ConsultationMessage)
        .where(
            ConsultationMessage.consultation_id == consultation.id, ConsultationMessage.direction == Direction.INBOUND
        )
        .order_by(col(ConsultationMessage.sent_at), col(ConsultationMessage.id))
    ).first()
    if message is None:
        return consultation.subject
    return f"{message.subject}\n\n{message.text}".strip()


def confirm_topics(
    session: Session,
    *,
    consultation: ConsultationRef,
    actor: str,
    taxonomy: Taxonomy,
    topics: Sequence[str] | None = None,
) -> Consultation:
    """Confirm the current topics (``topics=None``) or correct them to ``topics``.

    The machine's suggestion (``suggested_topics``) is kept untouched. A correction is also
    written as a ``TopicCorrection`` (labelled example for training and accuracy figures), and
    the follow-up tasks of newly added topics are created."""
    row = load_consultation(session, consultation, for_update=True)
    before = list(row.topics)
    if topics is None:
        new_topics = before
    else:
        new_topics = list(dict.fromkeys(t.strip() for t in topics if t and t.strip()))
        unknown = [t for t in new_topics if t not in taxonomy.ids]
        if unknown:
            raise WorkflowError(f"Unbekannte Themen: {', '.join(unknown)} (bekannt: {', '.join(taxonomy.ids)}).")
    corrected = sorted(new_topics) != sorted(before)
    row.topics = new_topics
    row.topics_confirmed = True
    _touch(row)
    record_change(
        session,
        consultation_id=row.id,
        actor=actor,
        action="topics_corrected" if corrected else "topics_confirmed",
        field="topics",
        before=before,
        after=new_topics,
    )
    if corrected:
        _follow_topics(session, row, actor=actor, before_topics=before)
        session.add(
            TopicCorrection(
                consultation_id=stored_id(row.id),
                text=_first_inbound_text(session, row),
                suggested=machine_topics(session, row),
                corrected=new_topics,
                author=actor,
            )
        )
        added = [t for t in new_topics if t not in before]
        if added:
            received = (as_utc(row.received_at) or utcnow()).date()
            create_tasks(
                session,
                consultation_id=stored_id(row.id),
                templates=templates_for(taxonomy, added, urgent=False),
                received=received,
                actor=actor,
            )
    return row


def authority_exists(session: Session, key: str) -> bool:
    return any(session.get(model, key) is not None for model in (Municipality, District, AdministrativeAssociation))


def confirm_authority(
    session: Session, *, consultation: ConsultationRef, actor: str, authority_key: str | None = None
) -> Consultation:
    """Confirm the linked authority (``authority_key=None``) or correct it to ``authority_key``
    (8-digit AGS, 5-digit district key or 9-digit VG key).

    ``suggested_authority`` (the machine's suggestion) is kept untouched; the sender address is
    stored as ``KnownSender`` so later mail from it links without guessing."""
    row = load_consultation(session, consultation, for_update=True)
    key = (authority_key or row.authority_key or "").strip()
    if not key:
        raise WorkflowError(f"{row.reference}: Keine Behörde verknüpft – bitte einen Schlüssel (AGS) angeben.")
    if not authority_exists(session, key):
        raise NotFound(f"Behörde mit Schlüssel {key} gibt es im Gazetteer nicht.")
    before = {"authority_key": row.authority_key, "confirmed": row.authority_confirmed}
    corrected = key != row.authority_key
    row.authority_key = key
    row.authority_confirmed = True
    _touch(row)
    record_change(
        session,
        consultation_id=row.id,
        actor=actor,
        action="authority_corrected" if corrected else "authority_confirmed",
        field="authority_key",
        before=before,
        after={"authority_key": key, "confirmed": True},
    )
    if row.sender_address:
        address = row.sender_address.strip().lower()
        known = session.get(KnownSender, address)
        if known is None:
            session.add(KnownSender(address=address, authority_key=key, confirmed_by=actor))
        else:
            known.authority_key = key
            known.confirmed_by = actor
            known.confirmed_at = utcnow()
    return row


def add_note(session: Session, *, consultation: ConsultationRef, actor: str, text: str) -> ConsultationNote:
    """Add an internal note (never sent to the municipality)."""
    row = load_consultation(session, consultation)
    text = (text or "").strip()
    if not text:
        raise WorkflowError("Eine Notiz braucht einen Text.")
    note = ConsultationNote(consultation_id=stored_id(row.id), author=actor, text=text)
    session.add(note)
    session.flush()
    _touch(row)
    record_change(session, consultation_id=row.id, actor=actor, action="note_added", field="note", after=note.id)
    notify_mentions(session, note=note, actor=actor)  # "@anna" in the note notifies Anna
    return note


def record_first_response(
    session: Session, *, consultation: ConsultationRef, actor: str, at: datetime | None = None
) -> Consultation:
    """Set ``first_response_at`` once (later answers do not move it)."""
    row = load_consultation(session, consultation)
    if row.first_response_at is not None:
        return row
    row.first_response_at = at or utcnow()
    record_change(
        session,
        consultation_id=row.id,
        actor=actor,
        action="first_response",
        field="first_response_at",
        after=as_utc(row.first_response_at).isoformat(),
    )
    return row
