"""Which consultation an inbound message belongs to, and when joining it needs a consultant.

Rules, strongest first:

1. **Message-ID chain** — ``In-Reply-To``/``References`` name a message of a consultation: one
   that came in, or one Eingang sent (answer, acknowledgement). Trusted as it is.
2. **Reference number** — ``[KV-2026-00042]`` in the subject (also after AW:/WG:/Re:/Fwd:).
   The message joins that consultation; but when its sender is not yet part of the thread and
   belongs to another authority than the consultation (or to none that can be compared, from
   a new mail domain), it does not merge silently: the consultation is flagged
   ``needs_review`` with a German reason naming both sides.
3. **Subject** — a reply (``AW: …``) whose subject without prefixes equals that of a recent,
   not closed consultation joins it only when the sender already wrote in that thread or
   belongs to the same authority. Subjects such as "Anfrage" are common, so a subject match
   from anyone else is no match: the message opens its own consultation.

Authorities count as the same when their keys are equal or one is the
Verwaltungsgemeinschaft / erfüllende Gemeinde the other (a member municipality) belongs to.
Nothing here commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from intake.parsed import ParsedMail
from intake.threading import normalise_subject, thread_keys
from models import Consultation, ConsultationMessage, ConsultationStatus, Municipality, OutboundMail, utcnow
from models.audit import record_change
from models.gazetteer import authority_summary

SUBJECT_MATCH_DAYS = 90
SUBJECT_MIN_LENGTH = 8


@dataclass(frozen=True)
class ThreadMatch:
    consultation: Consultation
    via: str  # "message_id" | "reference" | "subject"
    review_reason: str | None = None


def _sender_addresses(parsed: ParsedMail) -> set[str]:
    return {a.address for a in (parsed.sender, parsed.original_sender) if a and a.address}


def _participants(session: Session, consultation: Consultation) -> set[str]:
    """Addresses that wrote in the consultation's thread."""
    senders = session.exec(
        select(ConsultationMessage.sender).where(ConsultationMessage.consultation_id == consultation.id)
    ).all()
    return {s.lower() for s in [*senders, consultation.sender_address] if s}


def _association_of(session: Session, key: str) -> str | None:
    municipality = session.get(Municipality, key) if len(key) == 8 else None
    return municipality.association_key if municipality else None


def same_authority(session: Session, first: str, second: str) -> bool:
    """Equal keys, or a member municipality and its Verwaltungsgemeinschaft/erfüllende Gemeinde."""
    if first == second:
        return True
    return _association_of(session, first) == second or _association_of(session, second) == first


def _authority_name(session: Session, key: str) -> str:
    summary = authority_summary(session, key)
    return f"{summary['name']} ({key})" if summary else key


def _reference_guard(
    session: Session, consultation: Consultation, parsed: ParsedMail, sender_authority: str | None
) -> str | None:
    """Why joining ``consultation`` by its reference number needs a consultant, or None."""
    addresses = _sender_addresses(parsed)
    participants = _participants(session, consultation)
    if addresses & participants:
        return None
    shown = (parsed.sender.address if parsed.sender and parsed.sender.address else None) or "unbekannt"
    reference = consultation.reference
    if sender_authority and consultation.authority_key:
        if same_authority(session, sender_authority, consultation.authority_key):
            return None
        return (
            f"Nachricht mit Aktenzeichen {reference} im Betreff von {shown} "
            f"({_authority_name(session, sender_authority)}), der Fall gehört zu "
            f"{_authority_name(session, consultation.authority_key)}. Bitte prüfen, ob sie zu diesem Fall gehört."
        )
    domains = {address.rpartition("@")[2] for address in addresses}
    if domains & {address.rpartition("@")[2] for address in participants}:
        return None
    return (
        f"Nachricht mit Aktenzeichen {reference} im Betreff von {shown}, der an diesem Fall bisher nicht "
        "beteiligt war und keiner Behörde des Falls zugeordnet werden kann. Bitte prüfen, ob sie zu diesem Fall gehört."
    )


def _by_subject(
    session: Session, parsed: ParsedMail, sender_authority: str | None, subject: str
) -> Consultation | None:
    addresses = _sender_addresses(parsed)
    since = utcnow() - timedelta(days=SUBJECT_MATCH_DAYS)
    candidate_ids: set[int] = set()
    if addresses:
        candidate_ids |= set(
            session.exec(
                select(ConsultationMessage.consultation_id).where(ConsultationMessage.sender.in_(addresses))
            ).all()
        )
    if sender_authority:
        candidate_ids |= set(
            session.exec(select(Consultation.id).where(Consultation.authority_key == sender_authority)).all()
        )
    if not candidate_ids:
        return None
    candidates = session.exec(
        select(Consultation)
        .where(
            Consultation.id.in_(candidate_ids),
            Consultation.status != ConsultationStatus.CLOSED,
            Consultation.received_at >= since,
        )
        .order_by(Consultation.updated_at.desc())
    ).all()
    wanted = subject.casefold()
    return next((c for c in candidates if normalise_subject(c.subject).casefold() == wanted), None)


def match_thread(
    session: Session, parsed: ParsedMail, *, sender_authority: str | None, reference_prefix: str
) -> ThreadMatch | None:
    """The consultation ``parsed`` belongs to by the rules above, or None for a new one.
    ``sender_authority`` is the linker's authority key for the sender (None when unsure)."""
    keys = thread_keys(parsed, reference_prefix)
    if keys.message_ids:
        consultation_id = (
            session.exec(
                select(ConsultationMessage.consultation_id).where(ConsultationMessage.message_id.in_(keys.message_ids))
            ).first()
            or session.exec(
                select(OutboundMail.consultation_id).where(OutboundMail.message_id.in_(keys.message_ids))
            ).first()
        )
        if consultation_id:
            return ThreadMatch(session.get(Consultation, consultation_id), "message_id")
    for reference in keys.references:
        found = session.exec(select(Consultation).where(Consultation.reference == reference)).first()
        if found:
            return ThreadMatch(found, "reference", _reference_guard(session, found, parsed, sender_authority))
    subject = normalise_subject(parsed.subject)
    if keys.is_reply and len(subject) >= SUBJECT_MIN_LENGTH:
        found = _by_subject(session, parsed, sender_authority, subject)
        if found is not None:
            return ThreadMatch(found, "subject")
    return None


def flag_for_review(session: Session, consultation: Consultation, reason: str, *, actor: str = "system") -> None:
    """Mark the consultation for a consultant's look, keeping earlier reasons."""
    before = consultation.review_reason if consultation.needs_review else None
    if before and reason in before:
        return
    consultation.needs_review = True
    consultation.review_reason = f"{before}\n{reason}" if before else reason
    record_change(
        session,
        consultation_id=consultation.id,
        actor=actor,
        action="flagged_for_review",
        field="needs_review",
        before=before,
        after=consultation.review_reason,
    )
