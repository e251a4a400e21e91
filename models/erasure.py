"""Erasing personal data on request (DSGVO Art. 17) and by retention period.

A consultation is erased with everything that belongs to it: raw and parsed messages,
attachments, chat, tasks, notes, corrections used for training, mails sent, SLA records and
its audit trail. What remains is one audit line saying that reference X was erased, by whom
and when — without any personal data. Reference numbers are never reused. Helpers here flush
but never commit; the caller's transaction makes the erasure all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from sqlalchemy import CursorResult, delete, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from models.audit import record_change
from models.chat import ChatMessage, ChatSession
from models.consultations import (
    AuditEntry,
    Consultation,
    ConsultationMessage,
    ConsultationNote,
    ConsultationStatus,
    FollowUpTask,
    OutboundMail,
    SlaBreach,
    TopicCorrection,
)
from models.contacts import ConsultationContact
from models.linking import bump_linking_knowledge
from models.messages import Attachment, AttachmentBlob, InboundMessage
from models.notifications import Notification
from models.people import KnownSender
from models.replies import ReplyDraft
from models.tags import ConsultationTag


@dataclass
class ErasureReport:
    consultations: list[str] = field(default_factory=list)
    inbound_messages: int = 0
    known_senders: int = 0

    def as_dict(self) -> dict:
        return {
            "consultations": self.consultations,
            "inbound_messages": self.inbound_messages,
            "known_senders": self.known_senders,
        }


def _delete_inbound(session: Session, inbound_ids: list[int]) -> int:
    if not inbound_ids:
        return 0
    session.execute(delete(Attachment).where(col(Attachment.inbound_message_id).in_(inbound_ids)))
    session.execute(delete(InboundMessage).where(col(InboundMessage.id).in_(inbound_ids)))
    return len(inbound_ids)


def _delete_orphan_blobs(session: Session) -> None:
    used = sa_select(col(Attachment.sha256))
    session.execute(delete(AttachmentBlob).where(col(AttachmentBlob.sha256).not_in(used)))


def _delete_chats(session: Session, chat_ids: list[int]) -> None:
    if chat_ids:
        session.execute(delete(ChatMessage).where(col(ChatMessage.session_id).in_(chat_ids)))
        session.execute(delete(ChatSession).where(col(ChatSession.id).in_(chat_ids)))


def _erase_one(session: Session, consultation: Consultation) -> int:
    cid = consultation.id
    chat_ids = [i for i in session.exec(select(ChatSession.id).where(ChatSession.consultation_id == cid)) if i]
    _delete_chats(session, chat_ids)
    inbound_ids = [i for i in session.exec(select(InboundMessage.id).where(InboundMessage.consultation_id == cid)) if i]
    inbound_ids += [
        message_id
        for message_id in session.exec(
            select(ConsultationMessage.inbound_message_id).where(
                ConsultationMessage.consultation_id == cid, col(ConsultationMessage.inbound_message_id).is_not(None)
            )
        )
        if message_id is not None and message_id not in inbound_ids
    ]
    for model in (
        Notification,  # before the notes they point to
        ConsultationMessage,
        FollowUpTask,
        ConsultationNote,
        SlaBreach,
        TopicCorrection,
        OutboundMail,
        ConsultationContact,
        ConsultationTag,
        ReplyDraft,  # a draft may quote the municipality
    ):
        session.execute(delete(model).where(col(model.consultation_id) == cid))
    erased = _delete_inbound(session, inbound_ids)
    session.execute(delete(AuditEntry).where(col(AuditEntry.consultation_id) == cid))
    session.execute(delete(Consultation).where(col(Consultation.id) == cid))
    return erased


def erase_consultations(session: Session, consultations: list[Consultation], *, actor: str) -> ErasureReport:
    """Erase the given consultations completely; one anonymous audit line each remains."""
    report = ErasureReport()
    for consultation in consultations:
        reference = consultation.reference
        report.inbound_messages += _erase_one(session, consultation)
        report.consultations.append(reference)
        record_change(session, consultation_id=None, actor=actor, action="erased", after={"reference": reference})
    if report.consultations:  # a confirmed one taught the linker its sender's domain
        bump_linking_knowledge(session)
    _delete_orphan_blobs(session)
    session.flush()
    return report


def erase_consultation(session: Session, *, reference: str, actor: str) -> ErasureReport:
    consultation = session.exec(select(Consultation).where(Consultation.reference == reference)).first()
    if consultation is None:
        raise LookupError(f"Kein Beratungsfall mit dem Aktenzeichen {reference}.")
    return erase_consultations(session, [consultation], actor=actor)


def erase_sender(session: Session, *, address: str, actor: str) -> ErasureReport:
    """Erase everything a sender's address is found in: their consultations, stored messages
    that never became one (failed or automatic mail), chat sessions and the sender registry."""
    address = address.strip().lower()
    if "@" not in address:
        raise ValueError(f"„{address}“ ist keine E-Mail-Adresse.")
    consultation_ids = set(session.exec(select(Consultation.id).where(Consultation.sender_address == address)))
    consultation_ids |= {
        cid
        for cid in session.exec(
            select(ConsultationMessage.consultation_id).where(ConsultationMessage.sender == address)
        )
    }
    consultation_ids |= {
        cid
        for cid in session.exec(select(ChatSession.consultation_id).where(ChatSession.visitor_email == address))
        if cid is not None
    }
    consultations = list(session.exec(select(Consultation).where(col(Consultation.id).in_(consultation_ids))))
    report = erase_consultations(session, consultations, actor=actor)
    loose = [
        i
        for i in session.exec(
            select(InboundMessage.id).where(
                or_(col(InboundMessage.from_address) == address, col(InboundMessage.envelope_from) == address)
            )
        )
        if i is not None
    ]
    _delete_chats(
        session, [i for i in session.exec(select(ChatSession.id).where(ChatSession.visitor_email == address)) if i]
    )
    report.inbound_messages += _delete_inbound(session, loose)
    # a contact added to someone else's consultation: the address goes, the consultation stays
    session.execute(delete(ConsultationContact).where(col(ConsultationContact.address) == address))
    deleted = cast(CursorResult, session.execute(delete(KnownSender).where(col(KnownSender.address) == address)))
    report.known_senders = deleted.rowcount
    if deleted.rowcount:
        bump_linking_knowledge(session)  # the cached sender registry of every worker forgets it
    _delete_orphan_blobs(session)
    record_change(
        session, consultation_id=None, actor=actor, action="sender_erased", after={"consultations": len(consultations)}
    )
    session.flush()
    return report


def closed_before(session: Session, cutoff: datetime) -> list[Consultation]:
    """Consultations closed before ``cutoff`` (candidates for the retention purge)."""
    return list(
        session.exec(
            select(Consultation).where(
                Consultation.status == ConsultationStatus.CLOSED,
                col(Consultation.closed_at).is_not(None),
                col(Consultation.closed_at) < cutoff,
            )
        )
    )
