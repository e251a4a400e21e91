"""Processing one stored message: parse → classify → link → thread into a consultation →
follow-up tasks. The pure stages know no database; this module loads, calls and writes,
inside the caller's transaction. Idempotent on the inbound message id."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from casework.contacts import add_opener
from casework.followups import create_initial_tasks, templates_for
from casework.runtime import Runtime
from casework.thread_matching import flag_for_review, match_thread
from casework.workflow import allowed_transitions, change_status, on_inbound_message, record_first_response
from classifiers.gazetteer import Gazetteer
from classifiers.linker import link
from classifiers.predictions import AuthorityCandidate, AuthorityMatch, TopicPrediction
from classifiers.topics import classify
from intake.channel import require_headers
from intake.chat import declared_authority
from intake.parsed import ParsedMail
from intake.parsing import parse
from intake.threading import is_only_thanks
from models import (
    Attachment,
    AttachmentBlob,
    Channel,
    Consultation,
    ConsultationMessage,
    ConsultationStatus,
    Direction,
    InboundMessage,
    Priority,
    ProcessingStatus,
    as_utc,
    stored_id,
    utcnow,
)
from models.audit import record_change
from models.linking import linking_knowledge_version
from models.references import next_reference

SYSTEM = "system"
IMPORT = "import"
logger = logging.getLogger(__name__)

# A mail's own Date is believed within these bounds of its arrival (else the arrival time).
MAX_CLOCK_SKEW = timedelta(minutes=15)  # a sender's clock ahead of ours
MAX_MAIL_AGE = timedelta(days=366 * 15)  # older than this is a broken or forged Date
# Channels that deliver mail that may have been sent long before it reached Eingang (an
# imported mailbox, a polled folder): their consultations are dated by the mail's Date.
DATED_BY_MAIL = frozenset({Channel.FILE, Channel.IMAP})
# Only an import by the operator is trusted to carry the ministry's own sent mail: on a live
# channel a From: of our own address is trivially forged.
OWN_MAIL_CHANNELS = frozenset({Channel.FILE})


def plausible_date(date: datetime | None, arrival: datetime) -> datetime | None:
    """The mail's Date when it is believable: not later than its arrival (plus clock skew) and
    not absurdly old; else None."""
    date, arrival = as_utc(date), as_utc(arrival)
    if date is None or date > arrival + MAX_CLOCK_SKEW or date < arrival - MAX_MAIL_AGE:
        return None
    return date


def received_time(parsed: ParsedMail, inbound: InboundMessage) -> datetime:
    """When a consultation opened by this message was received: for imported and polled mail
    the mail's own (plausible) Date, for live SMTP and chat the arrival time."""
    arrival = as_utc(inbound.received_at) or utcnow()
    if inbound.channel in DATED_BY_MAIL:
        return plausible_date(parsed.date, arrival) or arrival
    return arrival


def is_own_address(address: str | None, own_addresses: Collection[str]) -> bool:
    """``address`` is one of the ministry's own (exact addresses, or ``@domain`` entries)."""
    if not address:
        return False
    address = address.strip().lower()
    domain = "@" + address.rpartition("@")[2]
    return any(own.strip().lower() in (address, domain) for own in own_addresses)


@dataclass(frozen=True)
class ProcessingResult:
    inbound_id: int
    consultation_id: int | None
    reference: str | None
    created: bool
    already_processed: bool = False


def _sender_domains(parsed: ParsedMail) -> list[str]:
    """The sender's mail domain and its parent domains (``a.stadt.de`` -> also ``stadt.de``)."""
    sender = parsed.original_sender or parsed.sender
    parts = sender.domain.split(".") if sender and sender.domain else []
    return [".".join(parts[i:]) for i in range(len(parts) - 1)]


def _sender_addresses(parsed: ParsedMail) -> set[str]:
    return {a.address for a in (parsed.sender, parsed.original_sender) if a and a.address}


def find_thread(session: Session, parsed: ParsedMail, *, reference_prefix: str) -> Consultation | None:
    """The consultation a message replies to (rules in ``casework.thread_matching``)."""
    thread = match_thread(session, parsed, sender_authority=None, reference_prefix=reference_prefix)
    return thread.consultation if thread else None


def _open_consultation(
    session: Session,
    *,
    inbound: InboundMessage,
    parsed: ParsedMail,
    prediction: TopicPrediction,
    match: AuthorityMatch,
    reference_prefix: str,
) -> Consultation:
    received = received_time(parsed, inbound)
    sender = parsed.original_sender or parsed.sender
    consultation = Consultation(
        reference=next_reference(session, prefix=reference_prefix, year=received.year),
        subject=parsed.subject or "(ohne Betreff)",
        channel=inbound.channel,
        priority=Priority.URGENT if prediction.urgent else Priority.NORMAL,
        urgent_incident=prediction.urgent,
        authority_key=match.match.key if match.match else None,
        suggested_authority=match.as_dict(),
        topics=list(prediction.topics),
        topic_scores={s.topic: round(s.score, 4) for s in prediction.scores},
        suggested_topics=[
            {
                "topic": s.topic,
                "score": round(s.score, 4),
                "confidence": round(s.probability, 4),  # calibrated: how often such a suggestion is right
                "evidence": list(s.evidence),
            }
            for s in prediction.scores
        ],
        sender_address=sender.address if sender else None,
        sender_name=sender.name if sender else None,
        received_at=received,
    )
    session.add(consultation)
    session.flush()
    add_opener(session, consultation, consultation.sender_address, consultation.sender_name, new=True)
    return consultation


def _record_created(session: Session, consultation: Consultation) -> None:
    record_change(
        session,
        consultation_id=consultation.id,
        actor=SYSTEM,
        action="created",
        after={
            "reference": consultation.reference,
            "topics": consultation.topics,
            "authority_key": consultation.authority_key,
            "priority": consultation.priority,
        },
    )


def _store_attachments(session: Session, inbound: InboundMessage, parsed: ParsedMail) -> None:
    """The message's attachments. No lookup first: the message row is locked and not processed,
    and its attachments are written only in the transaction that marks it processed. Blobs are
    shared by SHA-256: one ``INSERT … ON CONFLICT DO NOTHING`` for all of them."""
    if not parsed.attachments:
        return
    blobs = {part.sha256: {"sha256": part.sha256, "data": part.data, "size": part.size} for part in parsed.attachments}
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    table: Table = AttachmentBlob.__table__  # type: ignore[attr-defined]  # SQLModel sets it on table classes
    session.execute(insert(table).values(list(blobs.values())).on_conflict_do_nothing())
    for part in parsed.attachments:
        session.add(
            Attachment(
                inbound_message_id=stored_id(inbound.id),
                filename=part.filename,
                content_type=part.content_type,
                size=part.size,
                sha256=part.sha256,
                content_id=part.content_id,
                inline=part.inline,
            )
        )


DECLARED_AUTHORITY_SCORE = 0.97


def with_declared_authority(match: AuthorityMatch, raw: bytes, gazetteer: Gazetteer) -> AuthorityMatch:
    """Add the authority a chat visitor chose from the gazetteer as strong evidence to the
    linker's result (pure). Only for messages stored by the chat channel."""
    key = declared_authority(raw)
    if key is None or gazetteer.authority_name(key) is None:
        return match
    evidence = "im Chat ausgewählte Kommune"
    candidates = {candidate.key: candidate for candidate in match.candidates}
    current = candidates.get(key)
    if current is None:
        chosen = AuthorityCandidate(
            key,
            gazetteer.authority_name(key) or key,
            gazetteer.authority_kind(key) or "",
            DECLARED_AUTHORITY_SCORE,
            (evidence,),
        )
    else:
        score = 1 - (1 - current.score) * (1 - DECLARED_AUTHORITY_SCORE)
        chosen = AuthorityCandidate(key, current.name, current.kind, score, (*current.evidence, evidence))
    candidates[key] = chosen
    ranked = tuple(sorted(candidates.values(), key=lambda c: c.score, reverse=True)[:5])
    best = ranked[0]
    return AuthorityMatch(match=best, candidates=ranked, evidence=best.evidence)


def _record_own_answer(
    session: Session, inbound: InboundMessage, parsed: ParsedMail, *, reference_prefix: str
) -> ProcessingResult:
    """A mail sent by the ministry's own address, found in an imported mailbox: an answer in
    its consultation's thread (outbound message, first response at the mail's Date, status
    "beantwortet"), so the imported history's response times are real. One that belongs to
    no consultation opens none (it is kept, processed, without a consultation)."""
    thread = match_thread(session, parsed, sender_authority=None, reference_prefix=reference_prefix)
    arrival = as_utc(inbound.received_at) or utcnow()
    sent_at = plausible_date(parsed.date, arrival) or arrival
    consultation = thread.consultation if thread else None
    if consultation is not None:
        sender = parsed.sender
        session.add(
            ConsultationMessage(
                consultation_id=stored_id(consultation.id),
                inbound_message_id=inbound.id,
                direction=Direction.OUTBOUND,
                channel=inbound.channel,
                sender=sender.address if sender else None,
                sender_name=sender.name if sender else None,
                recipients=[a.address for a in parsed.to],
                sent_at=sent_at,
                subject=parsed.subject,
                text=parsed.new_text,
                quoted_text=parsed.quoted_text,
                signature=parsed.signature,
                html=parsed.html,
                message_id=parsed.message_id,
                in_reply_to=parsed.in_reply_to,
                references=list(parsed.references),
            )
        )
        _store_attachments(session, inbound, parsed)
        if sent_at >= as_utc(consultation.received_at):
            record_first_response(session, consultation=consultation, actor=IMPORT, at=sent_at)
            if ConsultationStatus.ANSWERED in allowed_transitions(consultation.status) and consultation.status in (
                ConsultationStatus.NEW,
                ConsultationStatus.IN_PROGRESS,
            ):
                change_status(
                    session,
                    consultation=consultation,
                    actor=IMPORT,
                    status=ConsultationStatus.ANSWERED,
                    reason="Antwort aus dem importierten Postfach",
                )
        consultation.updated_at = utcnow()
    else:
        logger.info("own message %s belongs to no consultation; kept without one", inbound.id)
    inbound.status = ProcessingStatus.PROCESSED
    inbound.error = None
    inbound.processed_at = utcnow()
    inbound.consultation_id = consultation.id if consultation else None
    inbound.from_address = parsed.sender.address if parsed.sender else None
    inbound.subject = parsed.subject
    inbound.auto_reply = parsed.auto_reply
    session.flush()
    return ProcessingResult(
        stored_id(inbound.id),
        consultation.id if consultation else None,
        consultation.reference if consultation else None,
        False,
    )


def _lock_inbound(session: Session, inbound_id: int) -> tuple[InboundMessage | None, int | None]:
    """The stored message, locked, and — in the same statement — the linking knowledge version
    (the cached sender knowledge is checked without a statement of its own)."""
    row = session.exec(
        select(InboundMessage, linking_knowledge_version())
        .where(InboundMessage.id == inbound_id)
        .with_for_update(of=InboundMessage)
        .execution_options(populate_existing=True)
    ).first()
    return (row[0], row[1]) if row is not None else (None, None)


def process_stored_message(session: Session, inbound_id: int, *, runtime: Runtime) -> ProcessingResult:
    """Run the pipeline on one stored message inside ``session`` (the caller commits), with the
    runtime's topic model, gazetteer and taxonomy. Imported mail sent from the ministry's own
    addresses (``runtime.settings.own_addresses``) is recorded as an answer, not as a new question."""
    taxonomy = runtime.taxonomy
    reference_prefix = runtime.settings.reference_prefix
    own_addresses = runtime.settings.own_addresses
    inbound, knowledge_version = _lock_inbound(session, inbound_id)
    if inbound is None:
        raise LookupError(f"no stored message with id {inbound_id}")
    if inbound.status == ProcessingStatus.PROCESSED:
        consultation = session.get(Consultation, inbound.consultation_id) if inbound.consultation_id else None
        return ProcessingResult(
            stored_id(inbound.id),
            inbound.consultation_id,
            consultation.reference if consultation else None,
            False,
            True,
        )

    require_headers(inbound.raw)  # bytes that are no mail at all fail here, kept with the error
    parsed = parse(inbound.raw)
    if inbound.channel in OWN_MAIL_CHANNELS and is_own_address(
        parsed.sender.address if parsed.sender else None, own_addresses
    ):
        return _record_own_answer(session, inbound, parsed, reference_prefix=reference_prefix)
    prediction = classify(parsed, runtime.topic_model.load())
    known_senders, learned, version = runtime.gazetteers.sender_knowledge(
        session, _sender_addresses(parsed), _sender_domains(parsed), version=knowledge_version
    )
    gazetteer = runtime.gazetteers.current(session, latest=version)
    match = link(parsed, known_senders=known_senders, gazetteer=gazetteer, learned_domains=learned)
    if inbound.channel == Channel.CHAT:  # the authority the chat visitor chose (header trusted only here)
        match = with_declared_authority(match, inbound.raw, gazetteer)

    thread = match_thread(
        session,
        parsed,
        sender_authority=match.match.key if match.match else None,
        reference_prefix=reference_prefix,
        trust_reference=inbound.channel != Channel.CHAT,  # an anonymous chat proves nothing
    )
    related = thread if thread and thread.via == "related" else None
    if related is not None:
        thread = None
    consultation = thread.consultation if thread else None
    created = consultation is None
    if consultation is None:
        consultation = _open_consultation(
            session,
            inbound=inbound,
            parsed=parsed,
            prediction=prediction,
            match=match,
            reference_prefix=reference_prefix,
        )
        if related is not None:  # a chat naming another consultation: its own, linked and flagged
            consultation.related_consultation_id = related.consultation.id
            assert related.review_reason is not None  # a "related" match always says why
            flag_for_review(session, consultation, related.review_reason)
        received = (as_utc(inbound.received_at) or utcnow()).date()
        # tasks first (one INSERT, for their ids), then every audit row of the new consultation
        # together with the thread message in the final flush
        create_initial_tasks(
            session,
            consultation_id=stored_id(consultation.id),  # flushed by _open_consultation
            templates=templates_for(taxonomy, consultation.topics, urgent=prediction.urgent),
            received=received,
            before_audit=lambda: _record_created(session, consultation),
        )
    else:  # a reply reopens a closed consultation (the workflow's one place for status changes)
        assert thread is not None  # the consultation came from the thread
        if thread.review_reason:  # e.g. a reference number quoted by another municipality
            flag_for_review(session, thread.consultation, thread.review_reason)
        only_thanks = consultation.status == ConsultationStatus.CLOSED and is_only_thanks(parsed.new_text)
        if not only_thanks:  # a mere "Vielen Dank" does not reopen a closed consultation
            on_inbound_message(session, consultation=consultation, auto_reply=parsed.auto_reply)

    sender = parsed.sender
    session.add(
        ConsultationMessage(
            consultation_id=stored_id(consultation.id),
            inbound_message_id=inbound.id,
            direction=Direction.INBOUND,
            channel=inbound.channel,
            sender=sender.address if sender else inbound.envelope_from,
            sender_name=sender.name if sender else None,
            recipients=[a.address for a in parsed.to],
            sent_at=plausible_date(parsed.date, as_utc(inbound.received_at) or utcnow()) or as_utc(inbound.received_at),
            subject=parsed.subject,
            text=parsed.new_text,
            quoted_text=parsed.quoted_text,
            signature=parsed.signature,
            html=parsed.html,
            message_id=parsed.message_id,
            in_reply_to=parsed.in_reply_to,
            references=list(parsed.references),
        )
    )
    _store_attachments(session, inbound, parsed)
    if not created:  # a new consultation was inserted with updated_at = now
        consultation.updated_at = utcnow()
    inbound.status = ProcessingStatus.PROCESSED
    inbound.error = None
    inbound.processed_at = utcnow()
    inbound.retry_at = None
    inbound.consultation_id = consultation.id
    inbound.from_address = sender.address if sender else None
    inbound.subject = parsed.subject
    inbound.auto_reply = parsed.auto_reply
    session.flush()
    return ProcessingResult(stored_id(inbound.id), consultation.id, consultation.reference, created)


def mark_failed(session: Session, inbound_id: int, error: str) -> None:
    """Keep the message with its error for a consultant; never drop it."""
    inbound = session.get(InboundMessage, inbound_id)
    if inbound is None:
        return
    inbound.status = ProcessingStatus.FAILED
    inbound.error = error[:4000]
    inbound.attempts += 1
