"""The triage inbox: filtering and ordering consultations (shared by the page and the API).

New and unassigned consultations come first, then by priority, then the longest waiting.
Full-text search is a case-insensitive LIKE over reference, subject, sender and the messages'
text — the same on SQLite and PostgreSQL (``ILIKE`` there)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import String, case, cast, exists, func, or_
from sqlmodel import Session, col, select

from classifiers.taxonomy import Taxonomy
from models import Consultation, ConsultationMessage, ConsultationStatus, Priority, UserAccount, as_utc, utcnow
from models.public import ConsultationPublic, consultations_public
from web.params import sane_date

PAGE_SIZE = 100
OPEN_STATUSES = (
    ConsultationStatus.NEW,
    ConsultationStatus.IN_PROGRESS,
    ConsultationStatus.WAITING,
    ConsultationStatus.ANSWERED,
)


@dataclass(frozen=True)
class InboxFilter:
    topic: str | None = None
    status: str | None = None  # None = all open ones; "alle" = every status
    district: str | None = None  # 5-digit district key
    authority: str | None = None  # any authority key
    assignee: str | None = None  # username, or "niemand"
    received_from: date | None = None
    received_to: date | None = None
    search: str | None = None
    review: bool = False  # only consultations flagged "zu prüfen"
    time_zone: str = "Europe/Berlin"  # the days of received_from/received_to are local days

    @classmethod
    def from_query(cls, params, *, time_zone: str = "Europe/Berlin") -> InboxFilter:
        def text(name: str) -> str | None:
            value = (params.get(name) or "").strip()
            return value or None

        def day(name: str) -> date | None:
            value = text(name)
            try:
                return sane_date(date.fromisoformat(value)) if value else None
            except ValueError:  # unreadable or out of range (9999-12-31): no filter
                return None

        return cls(
            topic=text("thema"),
            status=text("status"),
            district=text("kreis"),
            authority=text("behoerde"),
            assignee=text("zustaendig"),
            received_from=day("von"),
            received_to=day("bis"),
            search=text("q"),
            review=text("pruefen") in ("1", "ja", "true"),
            time_zone=time_zone,
        )


def _day_start(day: date, zone: str) -> datetime:
    """Midnight of ``day`` in the local time zone, as UTC (the consultations store UTC)."""
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def inbox_query(session: Session, filters: InboxFilter, *, limit: int | None = PAGE_SIZE) -> list[Consultation]:
    """The consultations of the inbox, in triage order."""
    return list(session.exec(_inbox_select(session, filters, select(Consultation), limit)))


def inbox_references(session: Session, filters: InboxFilter) -> list[str]:
    """Only the references, in the same order (for next/previous on the consultation page)."""
    return list(session.exec(_inbox_select(session, filters, select(Consultation.reference), None)))


def inbox_count(session: Session, filters: InboxFilter) -> int:
    query = _inbox_select(session, filters, select(Consultation.id), None).order_by(None)
    return session.exec(select(func.count()).select_from(query.subquery())).one()


def _inbox_select(session: Session, filters: InboxFilter, query, limit: int | None):
    if filters.status == "alle":
        pass
    elif filters.status:
        query = query.where(Consultation.status == filters.status)
    else:
        query = query.where(col(Consultation.status).in_(list(OPEN_STATUSES)))
    if filters.review:
        query = query.where(col(Consultation.needs_review).is_(True))
    if filters.topic:
        # topics is a JSON list; its text form contains the quoted id on SQLite and PostgreSQL.
        query = query.where(cast(Consultation.topics, String).like(_like_pattern(f'"{filters.topic}"'), escape="\\"))
    if filters.district:
        query = query.where(col(Consultation.authority_key).startswith(filters.district, autoescape=True))
    if filters.authority:
        query = query.where(Consultation.authority_key == filters.authority)
    if filters.assignee == "niemand":
        query = query.where(col(Consultation.assignee_id).is_(None))
    elif filters.assignee:
        user = session.exec(select(UserAccount).where(UserAccount.username == filters.assignee)).first()
        query = query.where(Consultation.assignee_id == (user.id if user else -1))
    if filters.received_from:
        query = query.where(Consultation.received_at >= _day_start(filters.received_from, filters.time_zone))
    if filters.received_to:
        query = query.where(
            Consultation.received_at < _day_start(filters.received_to + timedelta(days=1), filters.time_zone)
        )
    if filters.search:
        pattern = _like_pattern(filters.search)
        in_messages = exists().where(
            ConsultationMessage.consultation_id == Consultation.id,
            or_(
                col(ConsultationMessage.text).ilike(pattern, escape="\\"),
                col(ConsultationMessage.subject).ilike(pattern, escape="\\"),
            ),
        )
        query = query.where(
            or_(
                col(Consultation.reference).ilike(pattern, escape="\\"),
                col(Consultation.subject).ilike(pattern, escape="\\"),
                col(Consultation.sender_address).ilike(pattern, escape="\\"),
                col(Consultation.sender_name).ilike(pattern, escape="\\"),
                in_messages,
            )
        )
    priority_rank = case(
        (Consultation.priority == Priority.URGENT, 0), (Consultation.priority == Priority.HIGH, 1), else_=2
    )
    query = query.order_by(
        case((Consultation.status == ConsultationStatus.NEW, 0), else_=1),
        case((col(Consultation.assignee_id).is_(None), 0), else_=1),
        priority_rank,
        Consultation.received_at,
        Consultation.id,
    )
    return query.limit(limit) if limit else query


def age_label(moment: datetime | None, now: datetime | None = None) -> str:
    """``vor 5 Min.``, ``vor 3 Std.``, ``vor 2 Tagen`` — how long a consultation has been waiting."""
    if moment is None:
        return "–"
    seconds = max(0, ((now or utcnow()) - as_utc(moment)).total_seconds())
    if seconds < 60:
        return "gerade eben"
    if seconds < 3600:
        return f"vor {int(seconds // 60)} Min."
    if seconds < 86400:
        return f"vor {int(seconds // 3600)} Std."
    days = int(seconds // 86400)
    return "vor 1 Tag" if days == 1 else f"vor {days} Tagen"


def inbox_rows(session: Session, consultations: list[Consultation], taxonomy: Taxonomy) -> list[ConsultationPublic]:
    """What the inbox and the API list show: the public schema of each consultation."""
    return consultations_public(session, consultations, taxonomy.labels)
