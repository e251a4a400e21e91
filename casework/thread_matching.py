"""Which consultation an inbound message belongs to, and when joining it needs a consultant.

Rules, strongest first:

1. **Message-ID chain** — ``In-Reply-To``/``References`` name a message of a consultation: one
   that came in, or one Eingang sent (answer, acknowledgement). Trusted as it is.
2. **Reference number** — ``[KV-2026-00042]`` in the subject (also after AW:/WG:/Re:/Fwd:).
   The message joins that consultation (it never adds recipients: answers go to the
   consultation's contacts, ``casework.contacts``); but when its sender is not a contact and
   belongs to another authority than the consultation (or to none that can be compared, from
   a new mail domain), it does not merge silently: the consultation is flagged
   ``needs_review`` with a German reason naming both sides (shown as „zu prüfen“ in the inbox
   and on the case page; resolved by split, merge or "gehört dazu", ``casework.review``).
   A consultation merged into another is followed to that one (rules 1 and 2).
3. **Subject** — a reply (``AW: …``) whose subject without prefixes equals that of a recent,
   not closed consultation joins it only when the sender is a contact of it or
   belongs to the same authority. Subjects such as "Anfrage" are common, so a subject match
   from anyone else is no match: the message opens its own consultation.

Authorities count as the same when their keys are equal or one is the
Verwaltungsgemeinschaft / erfüllende Gemeinde the other (a member municipality) belongs to.
Nothing here commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, col, select

from casework.contacts import contact_addresses
from casework.gazetteers import learned_domains
from casework.review import follow_merges
from classifiers.linker import GENERIC_MAIL_PROVIDERS
from intake.parsed import ParsedMail
from intake.threading import normalise_subject, thread_keys
from models import (
    Consultation,
    ConsultationContact,
    ConsultationMessage,
    ConsultationStatus,
    KnownSender,
    Municipality,
    OutboundMail,
    stored_id,
    utcnow,
)
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
    """The consultation's contacts (who opened it, whom a consultant added). Merely having
    written into the thread (e.g. by quoting the reference) makes nobody a participant."""
    return {a.lower() for a in [*contact_addresses(session, consultation), consultation.sender_address] if a}


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


def _domain(address: str) -> str:
    return address.rpartition("@")[2].lower()


def _proven_authority(session: Session, address: str | None) -> str | None:
    """The authority the sender's *address* is known to belong to (a consultant confirmed the
    address, or the domain was learned from confirmed consultations) — never the text's claim."""
    if not address:
        return None
    known = session.get(KnownSender, address) or session.get(KnownSender, address.lower())
    if known is not None:
        return known.authority_key
    return learned_domains(session, [_domain(address)]).get(_domain(address))


def _reference_guard(
    session: Session, consultation: Consultation, parsed: ParsedMail, sender_authority: str | None
) -> str | None:
    """Why joining ``consultation`` by its reference number needs a consultant, or None.

    Without a flag only: a contact (the From address, not a forwarded "Von:" in the body), a
    sender of a contact's own mail domain (not a mass mail provider), or an address whose
    authority is known from confirmed data and is the consultation's. A signature or display
    name naming the right municipality proves nothing."""
    address = (parsed.sender.address or "").lower() if parsed.sender and parsed.sender.address else ""
    participants = _participants(session, consultation)
    if address and address in participants:
        return None
    contact_domains = {_domain(a) for a in participants} - GENERIC_MAIL_PROVIDERS
    if address and _domain(address) in contact_domains:
        return None
    proven = _proven_authority(session, address)
    if proven and consultation.authority_key and same_authority(session, proven, consultation.authority_key):
        return None
    shown = address or "unbekannt"
    reference = consultation.reference
    contacts = ", ".join(sorted(participants)) or "keine"
    claimed = proven or sender_authority
    if claimed and consultation.authority_key and not same_authority(session, claimed, consultation.authority_key):
        return (
            f"Nachricht mit Aktenzeichen {reference} im Betreff von {shown} "
            f"({_authority_name(session, claimed)}), der Fall gehört zu "
            f"{_authority_name(session, consultation.authority_key)} (Kontakte: {contacts}). "
            "Bitte prüfen, ob sie zu diesem Fall gehört."
        )
    authority = (
        f" und nicht nachweislich zu {_authority_name(session, consultation.authority_key)} gehört"
        if consultation.authority_key
        else ""
    )
    return (
        f"Nachricht mit Aktenzeichen {reference} im Betreff von {shown}, der kein Kontakt des Falls ist"
        f"{authority} (Kontakte: {contacts}). Bitte prüfen, ob sie zu diesem Fall gehört."
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
                select(ConsultationContact.consultation_id).where(
                    col(ConsultationContact.address).in_({a.lower() for a in addresses})
                )
            ).all()
        )
    if sender_authority:
        candidate_ids |= {
            stored_id(i)
            for i in session.exec(
                select(col(Consultation.id)).where(Consultation.authority_key == sender_authority)
            ).all()
        }
    if not candidate_ids:
        return None
    candidates = session.exec(
        select(Consultation)
        .where(
            col(Consultation.id).in_(candidate_ids),
            Consultation.status != ConsultationStatus.CLOSED,
            Consultation.received_at >= since,
        )
        .order_by(col(Consultation.updated_at).desc())
    ).all()
    wanted = subject.casefold()
    return next((c for c in candidates if normalise_subject(c.subject).casefold() == wanted), None)


def match_thread(
    session: Session,
    parsed: ParsedMail,
    *,
    sender_authority: str | None,
    reference_prefix: str,
    trust_reference: bool = True,
) -> ThreadMatch | None:
    """The consultation ``parsed`` belongs to by the rules above, or None for a new one.
    ``sender_authority`` is the linker's authority key for the sender (None when unsure).
    ``trust_reference=False`` (the chat: its visitor is anonymous, the address unverified): a
    reference or subject never joins; a named reference comes back as ``via="related"`` so the
    caller opens a consultation of its own, linked and flagged."""
    keys = thread_keys(parsed, reference_prefix)
    if keys.message_ids:
        consultation_id = (
            session.exec(
                select(col(ConsultationMessage.consultation_id)).where(
                    col(ConsultationMessage.message_id).in_(keys.message_ids)
                )
            ).first()
            or session.exec(
                select(col(OutboundMail.consultation_id)).where(col(OutboundMail.message_id).in_(keys.message_ids))
            ).first()
        )
        if consultation_id:
            by_id = session.get(Consultation, consultation_id)
            assert by_id is not None  # consultation_id is a foreign key
            return ThreadMatch(follow_merges(session, by_id), "message_id")
    for reference in keys.references:
        found = session.exec(select(Consultation).where(Consultation.reference == reference)).first()
        if found:
            found = follow_merges(session, found)
            if not trust_reference:
                claimed = parsed.sender.address if parsed.sender and parsed.sender.address else "unbekannt"
                return ThreadMatch(
                    found,
                    "related",
                    f"Chat nennt das Aktenzeichen {found.reference}. Der Besucher ({claimed}, Adresse nicht "
                    f"nachgewiesen) erhält nichts aus {found.reference}, bis er den an die Kontakte des Falls "
                    "gesendeten Code eingibt. Bitte prüfen, ob der Chat dazugehört.",
                )
            return ThreadMatch(found, "reference", _reference_guard(session, found, parsed, sender_authority))
    subject = normalise_subject(parsed.subject)
    if trust_reference and keys.is_reply and len(subject) >= SUBJECT_MIN_LENGTH:
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
