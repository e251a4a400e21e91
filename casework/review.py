"""Fälle „zu prüfen“: ein Aktenzeichen ist kein Schlüssel (Issue 13).

Eine Mail mit ``[KV-…]`` im Betreff von jemandem, der weder Kontakt des Falls ist noch zu
dessen Behörde gehört, wird dem Fall **angehängt, aber markiert** (``needs_review`` mit einer
Begründung, die beide Seiten nennt; ``casework.thread_matching``). Sie fügt keine Empfänger
hinzu: Antworten gehen nur an die Kontakte (``casework.contacts``). Die Beraterin löst die
Markierung auf:

- ``split_message(session, *, consultation, message_id, actor, reference_prefix)`` — die
  Nachricht wird ein eigener Fall (ihr Absender dessen Kontakt), mit dem alten verknüpft.
- ``merge_consultations(session, *, consultation, into, actor)`` — ein Fall geht in einem
  anderen auf: Nachrichten, Kontakte, Aufgaben, Notizen, Postausgang und Chats wandern mit;
  der alte Fall wird abgeschlossen und verweist auf den neuen, spätere Mails mit seinem
  Aktenzeichen landen im neuen.
- ``clear_review(session, *, consultation, actor)`` — geprüft, gehört dazu.
- ``foreign_senders(session, consultation)`` — Absender eingegangener Nachrichten, die keine
  Kontakte sind (für die Kennzeichnung im Verlauf).

Alles wird im Audit-Log beider Fälle festgehalten. Nichts hier committet."""

from __future__ import annotations

from sqlmodel import Session, col, select

from casework.contacts import add_opener, contact_addresses
from casework.workflow import (
    ConsultationRef,
    WorkflowError,
    _set_status,
    load_consultation,
)
from models import (
    ChatSession,
    Consultation,
    ConsultationContact,
    ConsultationMessage,
    ConsultationNote,
    ConsultationStatus,
    Direction,
    FollowUpTask,
    InboundMessage,
    OutboundMail,
    stored_id,
    utcnow,
)
from models.audit import record_change
from models.references import next_reference

MAX_MERGE_HOPS = 10


def foreign_senders(session: Session, consultation: Consultation) -> set[str]:
    contacts = set(contact_addresses(session, consultation))
    senders = session.exec(
        select(ConsultationMessage.sender).where(
            ConsultationMessage.consultation_id == consultation.id,
            ConsultationMessage.direction == Direction.INBOUND,
        )
    ).all()
    return {s.lower() for s in senders if s and s.lower() not in contacts}


def clear_review(session: Session, *, consultation: ConsultationRef, actor: str) -> Consultation:
    row = load_consultation(session, consultation, for_update=True)
    if not row.needs_review:
        return row
    record_change(
        session,
        consultation_id=row.id,
        actor=actor,
        action="review_cleared",
        field="needs_review",
        before=row.review_reason,
        after=None,
    )
    row.needs_review, row.review_reason, row.updated_at = False, None, utcnow()
    return row


def split_message(
    session: Session, *, consultation: ConsultationRef, message_id: int, actor: str, reference_prefix: str
) -> Consultation:
    """Move one inbound message into a consultation of its own, linked to the old one."""
    row = load_consultation(session, consultation, for_update=True)
    message = session.get(ConsultationMessage, message_id)
    if message is None or message.consultation_id != row.id:
        raise WorkflowError(f"Nachricht {message_id} gehört nicht zu {row.reference}.")
    if message.direction != Direction.INBOUND:
        raise WorkflowError("Nur eingegangene Nachrichten können abgetrennt werden.")
    first = session.exec(
        select(ConsultationMessage.id)
        .where(ConsultationMessage.consultation_id == row.id)
        .order_by(col(ConsultationMessage.sent_at), col(ConsultationMessage.id))
    ).first()
    if first == message.id:
        raise WorkflowError("Die erste Nachricht eines Falls kann nicht abgetrennt werden.")
    now = utcnow()
    new = Consultation(
        reference=next_reference(session, prefix=reference_prefix, year=now.year),
        subject=message.subject or "(ohne Betreff)",
        channel=message.channel,
        sender_address=message.sender,
        sender_name=message.sender_name,
        received_at=message.sent_at or now,
        related_consultation_id=row.id,
    )
    session.add(new)
    session.flush()
    add_opener(session, new, message.sender, message.sender_name)
    message.consultation_id = stored_id(new.id)
    if message.inbound_message_id:
        inbound = session.get(InboundMessage, message.inbound_message_id)
        if inbound is not None:
            inbound.consultation_id = new.id
    record_change(
        session,
        consultation_id=new.id,
        actor=actor,
        action="split_from",
        after={"von": row.reference, "nachricht": message.id, "absender": message.sender},
    )
    record_change(
        session,
        consultation_id=row.id,
        actor=actor,
        action="split_off",
        after={"nach": new.reference, "nachricht": message.id, "absender": message.sender},
    )
    row.updated_at = now
    if row.needs_review and not foreign_senders(session, row):
        clear_review(session, consultation=row, actor=actor)
    session.flush()
    return new


def merge_consultations(
    session: Session, *, consultation: ConsultationRef, into: ConsultationRef, actor: str
) -> Consultation:
    """Merge ``consultation`` into ``into``; returns ``into``."""
    source = load_consultation(session, consultation, for_update=True)
    target = load_consultation(session, into, for_update=True)
    if source.id == target.id:
        raise WorkflowError("Ein Fall kann nicht mit sich selbst zusammengeführt werden.")
    if source.merged_into_id or target.merged_into_id:
        merged = source if source.merged_into_id else target
        raise WorkflowError(f"{merged.reference} ist bereits in einen anderen Fall zusammengeführt.")
    target_templates = set(
        session.exec(select(FollowUpTask.template_key).where(FollowUpTask.consultation_id == target.id)).all()
    )
    with session.no_autoflush:
        for model in (ConsultationMessage, FollowUpTask, ConsultationNote, OutboundMail, InboundMessage, ChatSession):
            for item in session.exec(select(model).where(model.consultation_id == source.id)).all():
                if isinstance(item, FollowUpTask) and item.template_key in target_templates:
                    item.template_key = None  # the target has this template's task already; keep both
                item.consultation_id = target.id
    known = set(contact_addresses(session, target))
    for contact in session.exec(select(ConsultationContact).where(ConsultationContact.consultation_id == source.id)):
        if contact.address in known:
            session.delete(contact)
        else:
            contact.consultation_id = stored_id(target.id)
            known.add(contact.address)
    if source.received_at and target.received_at and source.received_at < target.received_at:
        target.received_at = source.received_at
    record_change(
        session, consultation_id=target.id, actor=actor, action="merged_from", after={"von": source.reference}
    )
    record_change(
        session, consultation_id=source.id, actor=actor, action="merged_into", after={"nach": target.reference}
    )
    source.merged_into_id = target.id
    source.related_consultation_id = target.id
    if source.needs_review:
        clear_review(session, consultation=source, actor=actor)
    if source.status != ConsultationStatus.CLOSED:
        _set_status(
            session,
            source,
            actor=actor,
            status=ConsultationStatus.CLOSED,
            action="closed",
            reason=f"zusammengeführt in {target.reference}",
        )
    target.updated_at = utcnow()
    session.flush()
    return target


def follow_merges(session: Session, consultation: Consultation) -> Consultation:
    """The consultation mail naming ``consultation`` belongs to now (after merges)."""
    for _ in range(MAX_MERGE_HOPS):
        if not consultation.merged_into_id:
            break
        consultation = session.get(Consultation, consultation.merged_into_id) or consultation
    return consultation
