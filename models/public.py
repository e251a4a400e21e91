"""The public shape of every entity: what the REST API answers, what ``--format json`` prints,
what the chat sends and what the exports hold. One schema per entity, built only here, so a
consultation looks the same wherever it leaves Eingang.

The schemas are plain pydantic models (``…Public``) next to the tables they show. They carry
enums and datetimes; ``model_dump(mode="json")`` (and FastAPI's ``response_model``) turn them
into JSON with ISO 8601 timestamps in UTC (``2026-03-02T09:15:00+00:00``).

Builders take what they need as values: topic labels come in as a mapping (the taxonomy is a
classifier's concern, not the database's), workflow facts such as the allowed transitions are
passed in by the caller."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer
from sqlmodel import Session, col, select

from models.chat import ChatDelivery, ChatMessage, ChatRole
from models.consultations import (
    AuditEntry,
    Consultation,
    ConsultationMessage,
    ConsultationNote,
    ConsultationStatus,
    Direction,
    FollowUpTask,
    Priority,
    TaskStatus,
    effective_assignee_id,
)
from models.contacts import ConsultationContact, ContactRole
from models.db import as_utc
from models.gazetteer import authority_summary
from models.messages import Channel, InboundMessage, ProcessingStatus
from models.people import Role, UserAccount

MIN_GUESS_SCORE = 0.1  # below this a "best guess" topic is noise and not shown


def _iso(value: datetime) -> str:
    moment = as_utc(value)
    assert moment is not None
    return moment.isoformat()


# A UTC timestamp; SQLite hands back naive datetimes, which are UTC too.
UtcDatetime = Annotated[datetime, PlainSerializer(_iso, return_type=str, when_used="json-unless-none")]


class PublicModel(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    def as_json(self) -> dict[str, Any]:
        """The JSON form (what the API sends), as a dict for ``json.dumps``."""
        return self.model_dump(mode="json", by_alias=True)


# ---------------------------------------------------------------- authorities and topics


class AuthorityPublic(PublicModel):
    """A municipality, district or Verwaltungsgemeinschaft, by its official key."""

    key: str = Field(description="8-digit AGS, 5-digit district key or 9-digit VG key")
    name: str
    kind: str | None = None
    district: str | None = Field(default=None, description="5-digit key of the district it lies in")


def authority_public(session: Session, key: str | None) -> AuthorityPublic | None:
    """The authority of ``key``, memoised for the session (a list shows the same ones often)."""
    if not key:
        return None
    cache: dict[str, AuthorityPublic | None] = session.info.setdefault("public_authorities", {})
    if key not in cache:
        summary = authority_summary(session, key)
        cache[key] = AuthorityPublic(**summary) if summary else None
    return cache[key]


class TopicPublic(PublicModel):
    id: str
    label: str
    confidence: float = Field(description="The classifier's score, 0…1, rounded to two places")


# ---------------------------------------------------------------- people


class UserPublic(PublicModel):
    username: str
    display_name: str
    email: str | None = None
    role: Role
    is_team_lead: bool
    active: bool
    has_api_token: bool


def user_public(user: UserAccount) -> UserPublic:
    return UserPublic(
        username=user.username,
        display_name=user.display_name,
        email=user.email,
        role=user.role,
        is_team_lead=user.is_team_lead,
        active=user.active,
        has_api_token=bool(user.api_token_hash),
    )


def usernames(session: Session) -> dict[int, str]:
    return {user.id: user.username for user in session.exec(select(UserAccount)) if user.id is not None}


# ---------------------------------------------------------------- tasks, notes, audit, thread


class TaskPublic(PublicModel):
    id: int
    reference: str = Field(description="The consultation's reference")
    consultation_subject: str
    title: str
    template: str | None = Field(default=None, description="Task template key (taxonomy), None = added by hand")
    due: date
    status: TaskStatus
    assignee: str | None = Field(default=None, description="Own assignee, else the consultation's")
    own_assignee: str | None = None
    postponed_reason: str | None = None
    created_by: str
    completed_at: UtcDatetime | None = None


def task_public(task: FollowUpTask, consultation: Consultation, names: Mapping[int, str]) -> TaskPublic:
    """``names``: user id → username (``usernames(session)``)."""
    own = names.get(task.assignee_id) if task.assignee_id is not None else None
    effective_id = effective_assignee_id(task, consultation)
    assert task.id is not None
    return TaskPublic(
        id=task.id,
        reference=consultation.reference,
        consultation_subject=consultation.subject,
        title=task.title,
        template=task.template_key,
        due=task.due,
        status=task.status,
        assignee=names.get(effective_id) if effective_id is not None else None,
        own_assignee=own,
        postponed_reason=task.postponed_reason,
        created_by=task.created_by,
        completed_at=task.completed_at,
    )


class NotePublic(PublicModel):
    id: int
    author: str
    text: str
    created_at: UtcDatetime


def note_public(note: ConsultationNote) -> NotePublic:
    assert note.id is not None
    return NotePublic(id=note.id, author=note.author, text=note.text, created_at=note.created_at)


class AuditEntryPublic(PublicModel):
    at: UtcDatetime
    actor: str
    action: str
    field: str | None = None
    before: Any = None
    after: Any = None


def audit_public(entry: AuditEntry) -> AuditEntryPublic:
    return AuditEntryPublic(
        at=entry.at, actor=entry.actor, action=entry.action, field=entry.field, before=entry.before, after=entry.after
    )


class MessagePublic(PublicModel):
    """One message of a consultation's thread (inbound or outbound) as text."""

    id: int
    direction: Direction
    channel: Channel
    sender: str | None = None
    sender_name: str | None = None
    recipients: list[str] = Field(default_factory=list)
    sent_at: UtcDatetime
    subject: str
    text: str
    quoted_text: str
    signature: str
    message_id: str | None = None


def message_public(message: ConsultationMessage) -> MessagePublic:
    assert message.id is not None
    return MessagePublic(
        id=message.id,
        direction=message.direction,
        channel=message.channel,
        sender=message.sender,
        sender_name=message.sender_name,
        recipients=list(message.recipients),
        sent_at=message.sent_at,
        subject=message.subject,
        text=message.text,
        quoted_text=message.quoted_text,
        signature=message.signature,
        message_id=message.message_id,
    )


# ---------------------------------------------------------------- consultations


class DeadlinePublic(PublicModel):
    """The first-response deadline of a consultation and how it stands."""

    due_at: str = Field(description="When the first answer is due (ISO 8601, UTC)")
    state: str = Field(description="ok, bald (last quarter of the time), ueberfaellig or erledigt")
    label: str = Field(description="German, e.g. „noch 3 Std.“ or „seit 2 Tagen überfällig“")


class ConsultationPublic(PublicModel):
    """A consultation as lists show it (inbox, API, ``consultations list``)."""

    reference: str
    subject: str
    status: ConsultationStatus
    channel: Channel
    priority: Priority
    urgent_incident: bool
    sender: str | None = Field(default=None, description="Sender address")
    sender_name: str | None = None
    authority_key: str | None = None
    authority: AuthorityPublic | None = None
    authority_confirmed: bool
    topics: list[TopicPublic] = Field(description="The chosen topics with label and confidence")
    topics_confirmed: bool
    best_guess: TopicPublic | None = Field(
        default=None, description="No topic chosen: the classifier's best guess, if not noise"
    )
    assignee: str | None = Field(default=None, description="Username of the consultant responsible")
    needs_review: bool
    review_reason: str | None = Field(default=None, description='Why the consultation is flagged "zu prüfen"')
    received_at: UtcDatetime
    first_response_at: UtcDatetime | None = None
    closed_at: UtcDatetime | None = None
    tasks: list[TaskPublic] = Field(default_factory=list, description="Follow-up tasks, earliest due first")
    assignee_name: str | None = Field(default=None, description="Display name of the consultant responsible")
    tags: list[str] = Field(default_factory=list, description="Free tags, sorted")
    sla: DeadlinePublic | None = Field(default=None, description="The first-response deadline (lists only)")
    escalated: bool = Field(default=False, description="The escalation to the team lead was sent")
    highlight: str | None = Field(
        default=None, description="With a full-text query: HTML snippet of the hits in <mark> (escaped otherwise)"
    )


class ConsultationPage(PublicModel):
    """One page of a consultation list (``GET /api/consultations``)."""

    items: list[ConsultationPublic]
    next_cursor: str | None = Field(description="Pass as ``cursor`` for the next page; null on the last page")
    total: int = Field(description="How many consultations match the filters in all")


class ContactPublic(PublicModel):
    """A person who receives the consultation's answers."""

    address: str
    name: str | None = None
    role: str = Field(description="opener (opened the consultation) or added (by a consultant)")
    added_by: str


class ConsultationDetail(ConsultationPublic):
    """One consultation with everything about it (``GET /api/consultations/{ref}``,
    ``consultations show``)."""

    contacts: list[ContactPublic] = Field(default_factory=list, description="Who receives the answers")
    related: str | None = Field(default=None, description="Reference of a related consultation (split, chat)")
    merged_into: str | None = Field(default=None, description="Reference this consultation was merged into")

    suggested_topics: list[dict[str, Any]] = Field(description="The classifier's scores with their evidence")
    suggested_authority: dict[str, Any] | None = Field(description="The linker's suggestion with its evidence")
    machine_topics: list[str] = Field(description="The topics the classifier chose when the consultation opened")
    allowed_transitions: list[ConsultationStatus]
    notes: list[NotePublic]
    messages: list[MessagePublic]
    audit: list[AuditEntryPublic] = Field(description="Who changed what, oldest first")


class AnsweredConsultation(ConsultationPublic):
    message_id: str = Field(description="Message-ID of the answer that was sent")
    recipients: list[str] = Field(default_factory=list, description="To and Cc of the answer")


def topics_public(
    consultation: Consultation, labels: Mapping[str, str]
) -> tuple[list[TopicPublic], TopicPublic | None]:
    """The chosen topics with label and confidence, and — only when none was chosen — the
    classifier's best guess (unless it is noise or not in the taxonomy)."""
    scores = {item["topic"]: item.get("score", 0.0) for item in consultation.suggested_topics or []}
    scores.update(consultation.topic_scores or {})
    topics = [
        TopicPublic(id=topic, label=labels.get(topic, topic), confidence=round(float(scores.get(topic, 0.0)), 2))
        for topic in consultation.topics
    ]
    best_guess = None
    if not topics and consultation.suggested_topics:
        # Nothing above the threshold: still show the classifier's best guess, marked as such.
        top = max(consultation.suggested_topics, key=lambda item: float(item.get("score", 0)))
        if float(top.get("score", 0)) >= MIN_GUESS_SCORE and top.get("topic") in labels:
            best_guess = TopicPublic(
                id=top["topic"], label=labels[top["topic"]], confidence=round(float(top["score"]), 2)
            )
    return topics, best_guess


def _tasks_by_consultation(session: Session, ids: Sequence[int]) -> dict[int, list[FollowUpTask]]:
    found: dict[int, list[FollowUpTask]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = (
            select(FollowUpTask)
            .where(col(FollowUpTask.consultation_id).in_(chunk))
            .order_by(col(FollowUpTask.due), col(FollowUpTask.id))
        )
        for task in session.exec(query):
            found[task.consultation_id].append(task)
    return found


def _consultation_fields(
    session: Session,
    consultation: Consultation,
    labels: Mapping[str, str],
    names: Mapping[int, str],
    tasks: Iterable[FollowUpTask],
) -> dict[str, Any]:
    topics, best_guess = topics_public(consultation, labels)
    return {
        "reference": consultation.reference,
        "subject": consultation.subject,
        "status": consultation.status,
        "channel": consultation.channel,
        "priority": consultation.priority,
        "urgent_incident": consultation.urgent_incident,
        "sender": consultation.sender_address,
        "sender_name": consultation.sender_name,
        "authority_key": consultation.authority_key,
        "authority": authority_public(session, consultation.authority_key),
        "authority_confirmed": consultation.authority_confirmed,
        "topics": topics,
        "topics_confirmed": consultation.topics_confirmed,
        "best_guess": best_guess,
        "assignee": names.get(consultation.assignee_id) if consultation.assignee_id is not None else None,
        "needs_review": consultation.needs_review,
        "review_reason": consultation.review_reason if consultation.needs_review else None,
        "received_at": consultation.received_at,
        "first_response_at": consultation.first_response_at,
        "closed_at": consultation.closed_at,
        "tasks": [task_public(task, consultation, names) for task in tasks],
    }


def consultations_public(
    session: Session, consultations: Sequence[Consultation], labels: Mapping[str, str]
) -> list[ConsultationPublic]:
    """Many consultations at once (one query for all their tasks). ``labels``: topic id → label."""
    names = usernames(session)
    tasks = _tasks_by_consultation(session, [c.id for c in consultations if c.id is not None])
    return [
        ConsultationPublic(**_consultation_fields(session, c, labels, names, tasks.get(c.id or 0, [])))
        for c in consultations
    ]


def consultation_public(session: Session, consultation: Consultation, labels: Mapping[str, str]) -> ConsultationPublic:
    return consultations_public(session, [consultation], labels)[0]


def consultation_detail(
    session: Session,
    consultation: Consultation,
    labels: Mapping[str, str],
    *,
    machine_topics: list[str],
    allowed_transitions: Iterable[str],
) -> ConsultationDetail:
    """``machine_topics`` and ``allowed_transitions`` are the workflow's to know; the caller asks it."""
    names = usernames(session)
    tasks = _tasks_by_consultation(session, [consultation.id] if consultation.id is not None else [])
    fields = _consultation_fields(session, consultation, labels, names, tasks.get(consultation.id or 0, []))
    notes = session.exec(
        select(ConsultationNote)
        .where(ConsultationNote.consultation_id == consultation.id)
        .order_by(col(ConsultationNote.created_at), col(ConsultationNote.id))
    ).all()
    messages = session.exec(
        select(ConsultationMessage)
        .where(ConsultationMessage.consultation_id == consultation.id)
        .order_by(col(ConsultationMessage.sent_at), col(ConsultationMessage.id))
    ).all()
    contact_rows = session.exec(
        select(ConsultationContact)
        .where(ConsultationContact.consultation_id == consultation.id)
        .order_by(col(ConsultationContact.added_at), col(ConsultationContact.id))
    ).all()
    contacts = sorted(contact_rows, key=lambda row: row.role != ContactRole.OPENER)

    def reference_of(consultation_id: int | None) -> str | None:
        row = session.get(Consultation, consultation_id) if consultation_id else None
        return row.reference if row else None

    return ConsultationDetail(
        **fields,
        contacts=[ContactPublic(address=k.address, name=k.name, role=k.role, added_by=k.added_by) for k in contacts],
        related=reference_of(consultation.related_consultation_id),
        merged_into=reference_of(consultation.merged_into_id),
        suggested_topics=list(consultation.suggested_topics or []),
        suggested_authority=consultation.suggested_authority,
        machine_topics=machine_topics,
        allowed_transitions=sorted(ConsultationStatus(status) for status in allowed_transitions),
        notes=[note_public(note) for note in notes],
        messages=[message_public(message) for message in messages],
        audit=[audit_public(entry) for entry in audit_entries(session, consultation)],
    )


class CorrespondentPublic(PublicModel):
    """Someone who wrote to the team about an authority."""

    address: str
    name: str | None = None
    messages: int
    last_at: UtcDatetime


class KnownSenderPublic(PublicModel):
    """A sender address a consultant confirmed as belonging to the authority."""

    address: str
    authority_key: str
    confirmed_by: str
    confirmed_at: UtcDatetime


class QuarterTopicsPublic(PublicModel):
    quarter: str = Field(description="Local calendar quarter, e.g. 2026-Q1")
    topics: dict[str, int] = Field(description="Topic id → number of consultations received in the quarter")


class AuthorityDetail(AuthorityPublic):
    """One authority with its consultations (``GET /api/authorities/{key}``)."""

    member_keys: list[str] = Field(default_factory=list, description="A VG's member Gemeinden (included below)")
    open_count: int
    closed_count: int
    last_contact: UtcDatetime | None = Field(default=None, description="The newest message in or out")
    consultations: list[ConsultationPublic] = Field(description="Newest first, open and closed")
    correspondents: list[CorrespondentPublic] = Field(description="Who wrote, most recent first")
    confirmed_senders: list[KnownSenderPublic]
    topics_by_quarter: list[QuarterTopicsPublic] = Field(description="Newest quarter first")


def audit_entries(session: Session, consultation: Consultation) -> list[AuditEntry]:
    """The consultation's audit trail, oldest first."""
    return list(
        session.exec(
            select(AuditEntry)
            .where(AuditEntry.consultation_id == consultation.id)
            .order_by(col(AuditEntry.at), col(AuditEntry.id))
        )
    )


# ---------------------------------------------------------------- stored inbound messages


class InboundMessagePublic(PublicModel):
    """A stored inbound message, without its body (personal data stays in the database)."""

    id: int
    message_id: str
    channel: Channel
    status: ProcessingStatus
    error: str | None = None
    from_address: str | None = Field(default=None, alias="from", description="From address (header)")
    envelope_from: str | None = None
    subject: str | None = None
    auto_reply: bool | None = None
    consultation: str | None = Field(default=None, description="Reference of its consultation")
    received_at: UtcDatetime
    size: int
    attempts: int


def _headers_of(raw: bytes) -> tuple[str | None, str | None]:
    """From and Subject straight from the raw headers, for messages not (yet) processed."""
    try:
        headers = BytesHeaderParser(policy=default_policy).parsebytes(raw[:65536], headersonly=True)
        sender = headers.get("From")
        subject = headers.get("Subject")
        addresses = getattr(sender, "addresses", ()) if sender is not None else ()
        address = addresses[0].addr_spec.lower() if addresses else (str(sender) if sender is not None else None)
        return address or None, (str(subject) if subject is not None else None)
    except Exception:  # headers the parser cannot represent: the list still shows the row
        return None, None


def inbound_message_public(
    session: Session,
    row: InboundMessage,
    *,
    headers_of: Callable[[bytes], tuple[str | None, str | None]] | None = None,
) -> InboundMessagePublic:
    """``headers_of`` reads From and Subject of a message not (yet) processed; the callers above
    pass intake's reader (which also skips junk lines before the fields), models imports no intake."""
    from_address, subject = row.from_address, row.subject
    if from_address is None and subject is None:
        from_address, subject = (headers_of or _headers_of)(row.raw)
    consultation = session.get(Consultation, row.consultation_id) if row.consultation_id else None
    assert row.id is not None
    return InboundMessagePublic(
        id=row.id,
        message_id=row.message_id,
        channel=row.channel,
        status=row.status,
        error=row.error,
        from_address=from_address,
        envelope_from=row.envelope_from,
        subject=subject,
        auto_reply=row.auto_reply,
        consultation=consultation.reference if consultation else None,
        received_at=row.received_at,
        size=row.size,
        attempts=row.attempts,
    )


# ---------------------------------------------------------------- chat


class ChatSessionPublic(PublicModel):
    """What the visitor gets when a chat starts; the token is their only credential."""

    token: str
    name: str
    email: str
    authority: str | None = Field(default=None, description="Label of the authority the visitor chose")


class ChatLinePublic(PublicModel):
    """A chat line for the widget and the consultation page. Text only, never HTML."""

    id: int
    role: ChatRole
    text: str
    client_id: str | None = None
    author: str | None = None
    delivery: ChatDelivery
    at: UtcDatetime
    reference: str | None = None


def chat_line_public(line: ChatMessage, *, reference: str | None = None) -> ChatLinePublic:
    assert line.id is not None
    return ChatLinePublic(
        id=line.id,
        role=line.role,
        text=line.text,
        client_id=line.client_message_id,
        author=line.author_name,
        delivery=line.delivery,
        at=line.created_at,
        reference=reference,
    )


class ChatVisitorPublic(PublicModel):
    name: str
    email: str


class ConsultationChatPublic(PublicModel):
    """The chat of a consultation for the consultation page: visitor, presence and lines."""

    consultation_id: int
    reference: str | None = None
    visitor: ChatVisitorPublic
    present: bool
    lines: list[ChatLinePublic]


# ---------------------------------------------------------------- statistics (dashboard, exports)


class StatisticsTablePublic(PublicModel):
    """One dashboard table: the same rows the CSV/XLSX exports hold."""

    key: str
    title: str
    counts: str = Field(description="What the numbers count: Beratungsfälle, Themennennungen, Stunden …")
    note: str = ""
    columns: list[str]
    rows: list[list[Any]]
