"""The triage inbox: filtering and ordering consultations (shared by the page and the API).

New and unassigned consultations come first, then by priority, then the longest waiting.
With a search (``q``), the matches of the full-text search (``models.search``) come in its
ranking order instead, each with a highlighted snippet."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Float, String, and_, case, cast, exists, func, or_
from sqlmodel import Session, col, select

from casework import tags as tag_functions
from casework import workflow
from classifiers.taxonomy import Taxonomy
from models import (
    AuditEntry,
    Consultation,
    ConsultationStatus,
    ConsultationTag,
    Priority,
    Tag,
    UserAccount,
    as_utc,
    utcnow,
)
from models.public import ConsultationPublic, consultations_public
from models.search import highlight_snippets, search_matches
from web.params import sane_date

PAGE_SIZE = 50
PAGE_SIZES = (25, 50, 100, 200)
# The settings' defaults; the app passes the configured hours (``sla_by_priority``).
DEFAULT_SLA_HOURS = {Priority.URGENT: 4.0, Priority.HIGH: 24.0, Priority.NORMAL: 72.0}
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
    priority: str | None = None  # normal, hoch, dringend
    overdue: bool = False  # first-response deadline passed, not answered
    tag: str | None = None
    sort: str | None = None  # a key of SORTS; None = triage (with a search: ranking)

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
            priority=text("prioritaet"),
            overdue=text("ueberfaellig") == "1",
            tag=text("schlagwort"),
            sort=text("sort"),
        )

    def as_query(self) -> dict[str, str]:
        pairs = {
            "thema": self.topic,
            "status": self.status,
            "kreis": self.district,
            "behoerde": self.authority,
            "zustaendig": self.assignee,
            "von": self.received_from.isoformat() if self.received_from else None,
            "bis": self.received_to.isoformat() if self.received_to else None,
            "q": self.search,
            "prioritaet": self.priority,
            "pruefen": "1" if self.review else None,
            "ueberfaellig": "1" if self.overdue else None,
            "schlagwort": self.tag,
            "sort": self.sort,
        }
        return {k: v for k, v in pairs.items() if v}


def _day_start(day: date, zone: str) -> datetime:
    """Midnight of ``day`` in the local time zone, as UTC (the consultations store UTC)."""
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


SORTS = {
    "triage": "neue und nicht zugewiesene zuerst",
    "eingang": "älteste zuerst",
    "-eingang": "neueste zuerst",
    "prioritaet": "dringendste zuerst",
    "betreff": "Betreff A–Z",
    "-betreff": "Betreff Z–A",
    "status": "nach Status",
    "rang": "beste Treffer zuerst (nur mit Suche)",
}
MAX_LIMIT = 200


class CursorError(ValueError):
    """A cursor that does not belong to this sort order or is not one of ours."""


def _sort_keys(sort: str, matches) -> list[tuple[object, bool]]:
    """(expression, ascending) pairs; the id always breaks ties, so the order is total."""
    status_rank = case(
        (Consultation.status == ConsultationStatus.NEW, 0),
        (Consultation.status == ConsultationStatus.IN_PROGRESS, 1),
        (Consultation.status == ConsultationStatus.WAITING, 2),
        (Consultation.status == ConsultationStatus.ANSWERED, 3),
        else_=4,
    )
    priority_rank = case(
        (Consultation.priority == Priority.URGENT, 0), (Consultation.priority == Priority.HIGH, 1), else_=2
    )
    received = col(Consultation.received_at)
    ident = col(Consultation.id)
    if sort == "rang" and matches is not None:
        return [(cast(matches.c.rank, Float), False), (ident, False)]
    if sort == "eingang":
        return [(received, True), (ident, True)]
    if sort == "-eingang":
        return [(received, False), (ident, False)]
    if sort == "prioritaet":
        return [(priority_rank, True), (received, True), (ident, True)]
    if sort in ("betreff", "-betreff"):
        ascending = sort == "betreff"
        return [(func.lower(Consultation.subject), ascending), (ident, ascending)]
    if sort == "status":
        return [(status_rank, True), (received, True), (ident, True)]
    return [
        (case((Consultation.status == ConsultationStatus.NEW, 0), else_=1), True),
        (case((col(Consultation.assignee_id).is_(None), 0), else_=1), True),
        (priority_rank, True),
        (received, True),
        (ident, True),
    ]


def effective_sort(filters: InboxFilter) -> str:
    """The sort in force: the one asked for if known, else ranking with a search, triage without."""
    if filters.sort in SORTS and (filters.sort != "rang" or filters.search):
        return filters.sort
    return "rang" if filters.search else "triage"


def encode_cursor(sort: str, values: list) -> str:
    def plain(value):
        if isinstance(value, datetime):
            return {"d": value.isoformat()}
        return value

    raw = json.dumps({"s": sort, "k": [plain(v) for v in values]}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str, count: int) -> list:
    """The key values of a cursor; every value is checked (a cursor is outside input)."""
    try:
        if len(cursor) > 2000:
            raise ValueError
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(data, dict) or data.get("s") != sort:
            raise ValueError
        values = data.get("k")
        if not isinstance(values, list) or len(values) != count:
            raise ValueError
        result = []
        for value in values:
            if isinstance(value, dict) and set(value) == {"d"} and isinstance(value["d"], str):
                result.append(datetime.fromisoformat(value["d"]))
            elif isinstance(value, bool) or not isinstance(value, int | float | str):
                raise ValueError
            else:
                result.append(value)
        return result
    except (ValueError, TypeError, UnicodeDecodeError, binascii.Error):
        raise CursorError("Ungültiger Cursor (er passt nicht zu dieser Sortierung).") from None


def _after(keys: list[tuple[object, bool]], values: list):
    """Rows strictly after ``values`` in the order of ``keys`` (lexicographic keyset condition)."""
    alternatives = []
    for index, (expression, ascending) in enumerate(keys):
        equal = [keys[j][0] == values[j] for j in range(index)]
        step = expression > values[index] if ascending else expression < values[index]
        alternatives.append(and_(*equal, step))
    return or_(*alternatives)


@dataclass
class InboxPage:
    consultations: list[Consultation]
    next_cursor: str | None
    sort: str


def inbox_page(
    session: Session,
    filters: InboxFilter,
    *,
    limit: int = PAGE_SIZE,
    cursor: str | None = None,
    now: datetime | None = None,
    sla: dict[str, float] | None = None,
) -> InboxPage:
    """One page of the inbox, ``limit`` rows after ``cursor`` (keyset pagination: a page never
    repeats or skips a consultation because others arrived or changed meanwhile — only the
    listed one's own sort key moving can)."""
    limit = max(1, min(limit, MAX_LIMIT))
    sort = effective_sort(filters)
    query, matches = _filtered(session, filters, select(Consultation), now=now, sla=sla)
    if query is None:
        return InboxPage([], None, sort)
    keys = _sort_keys(sort, matches)
    query = query.add_columns(*[expression for expression, _ in keys])
    if cursor:
        query = query.where(_after(keys, decode_cursor(cursor, sort, len(keys))))
    query = query.order_by(*[(e.asc() if ascending else e.desc()) for e, ascending in keys]).limit(limit + 1)
    rows = list(session.execute(query))
    consultations = [row[0] for row in rows[:limit]]
    next_cursor = encode_cursor(sort, list(rows[limit - 1][1:])) if len(rows) > limit else None
    return InboxPage(consultations, next_cursor, sort)


def inbox_query(
    session: Session, filters: InboxFilter, *, limit: int | None = PAGE_SIZE, sla: dict[str, float] | None = None
) -> list[Consultation]:
    """The consultations of the inbox, in its order (the first ``limit``; ``None`` = all)."""
    query, matches = _filtered(session, filters, select(Consultation), sla=sla)
    if query is None:
        return []
    keys = _sort_keys(effective_sort(filters), matches)
    query = query.order_by(*[(e.asc() if ascending else e.desc()) for e, ascending in keys])
    return list(session.exec(query.limit(limit) if limit else query))


def inbox_references(session: Session, filters: InboxFilter) -> list[str]:
    """Only the references, in the same order (for next/previous on the consultation page)."""
    query, matches = _filtered(session, filters, select(Consultation.reference))
    if query is None:
        return []
    keys = _sort_keys(effective_sort(filters), matches)
    return list(session.exec(query.order_by(*[(e.asc() if ascending else e.desc()) for e, ascending in keys])))


def inbox_count(
    session: Session, filters: InboxFilter, *, now: datetime | None = None, sla: dict[str, float] | None = None
) -> int:
    query, _matches = _filtered(session, filters, select(Consultation.id), ranked=False, now=now, sla=sla)
    if query is None:
        return 0
    return session.exec(select(func.count()).select_from(query.subquery())).one()


def overdue_condition(now: datetime, sla_hours: dict[str, float]):
    """Open, no first response yet, and the first-response deadline of its priority passed."""
    per_priority = [
        and_(Consultation.priority == priority, Consultation.received_at < now - timedelta(hours=hours))
        for priority, hours in sla_hours.items()
    ]
    return and_(
        col(Consultation.first_response_at).is_(None),
        col(Consultation.status).in_([ConsultationStatus.NEW, ConsultationStatus.IN_PROGRESS]),
        or_(*per_priority),
    )


def _filtered(session: Session, filters: InboxFilter, query, *, ranked: bool = True, now=None, sla=None):
    """``query`` with the filter's conditions, and the search's match subquery (or ``None``).
    ``(None, None)`` when a search has no usable term (nothing matches)."""
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
    if filters.authority == "keine":
        query = query.where(col(Consultation.authority_key).is_(None))
    elif filters.authority:
        query = query.where(Consultation.authority_key == filters.authority)
    if filters.assignee == "niemand":
        query = query.where(col(Consultation.assignee_id).is_(None))
    elif filters.assignee:
        user = session.exec(select(UserAccount).where(UserAccount.username == filters.assignee)).first()
        query = query.where(Consultation.assignee_id == (user.id if user else -1))
    if filters.priority:
        query = query.where(Consultation.priority == filters.priority)
    if filters.overdue:
        query = query.where(overdue_condition(as_utc(now or utcnow()), sla or DEFAULT_SLA_HOURS))
    if filters.tag:
        query = query.where(tag_condition(filters.tag))
    if filters.received_from:
        query = query.where(Consultation.received_at >= _day_start(filters.received_from, filters.time_zone))
    if filters.received_to:
        query = query.where(
            Consultation.received_at < _day_start(filters.received_to + timedelta(days=1), filters.time_zone)
        )
    matches = None
    if filters.search:
        # Full text (models.search): German stems, umlaut folding, prefixes; ranked.
        matches = search_matches(session, filters.search, ranked=ranked)
        if matches is None:
            return None, None
        query = query.join(matches, matches.c.consultation_id == Consultation.id)
    return query, matches


def sla_by_priority(settings) -> dict[str, float]:
    """First-response hours per priority, from the settings."""
    return {
        Priority.URGENT: settings.sla_hours_urgent,
        Priority.HIGH: settings.sla_hours_high,
        Priority.NORMAL: settings.sla_hours_normal,
    }


def tag_condition(name: str):
    return exists(
        select(ConsultationTag.consultation_id)
        .join(Tag, Tag.id == ConsultationTag.tag_id)
        .where(ConsultationTag.consultation_id == Consultation.id, Tag.key == tag_functions.normalise(name))
    )


def search_highlights(session: Session, filters: InboxFilter, consultations: list[Consultation]) -> dict[int, str]:
    """Highlighted snippets (escaped HTML with <mark>) of the listed consultations for the search."""
    if not filters.search:
        return {}
    return highlight_snippets(session, filters.search, [c.id for c in consultations])


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
    """What the inbox and the API list show: the public schema of each consultation (without the
    list's SLA, tags and escalation: ``decorate_rows`` adds them)."""
    return consultations_public(session, consultations, taxonomy.labels)


def bulk_change(db, *, references: list[str], action: str, value, actor: str, taxonomy) -> list[dict]:
    """One change per consultation, each through casework (audited) in its own transaction:
    one refused change does not undo the others. Answers per reference what happened."""
    results = []
    for reference in dict.fromkeys(references):  # each once, in the order given
        try:
            before = workflow.load_consultation(db, reference)
            audit_count = _audit_count(db, before.id)
            if action == "status":
                status, reason = (
                    (value.get("status"), value.get("reason")) if isinstance(value, dict) else (value, None)
                )
                if not isinstance(status, str):
                    raise workflow.WorkflowError("Bitte einen Status angeben.")
                row = workflow.change_status(db, consultation=reference, actor=actor, status=status, reason=reason)
            elif action == "assignee":
                if value is not None and not isinstance(value, str):
                    raise workflow.WorkflowError("Bitte einen Benutzernamen oder null angeben.")
                row = workflow.assign(db, consultation=reference, actor=actor, assignee=value or None)
            elif action == "priority":
                if not isinstance(value, str):
                    raise workflow.WorkflowError("Bitte eine Priorität angeben.")
                row = workflow.set_priority(db, consultation=reference, actor=actor, priority=value)
            elif action == "topics":
                if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
                    raise workflow.WorkflowError("Bitte eine Liste von Themen angeben.")
                row = workflow.confirm_topics(db, consultation=reference, actor=actor, topics=value, taxonomy=taxonomy)
            else:
                mode, names = ("set", value) if isinstance(value, list) else (
                    (value.get("mode", "set"), value.get("tags")) if isinstance(value, dict) else (None, None)
                )  # fmt: skip
                if not isinstance(names, list) or not isinstance(mode, str):
                    raise workflow.WorkflowError("Bitte eine Liste von Schlagworten angeben.")
                row = tag_functions.set_tags(db, consultation=reference, actor=actor, tags=names, mode=mode)
            db.flush()
            changed = _audit_count(db, row.id) > audit_count
            db.commit()
            results.append({"reference": reference, "ok": True, "changed": changed, "state": bulk_state(db, row)})
        except workflow.WorkflowError as error:
            db.rollback()
            outcome = "nicht_gefunden" if isinstance(error, workflow.NotFound) else "abgelehnt"
            results.append(
                {"reference": reference, "ok": False, "changed": False, "error": outcome, "message": str(error)}
            )
    return results


def _audit_count(db, consultation_id: int) -> int:
    return db.exec(select(func.count()).where(AuditEntry.consultation_id == consultation_id)).one()


def bulk_state(db: Session, consultation: Consultation) -> dict:
    return {
        "reference": consultation.reference,
        "status": consultation.status,
        "priority": consultation.priority,
        "topics": consultation.topics,
        "assignee": workflow._username(db, consultation.assignee_id),
        "tags": tag_functions.tags_of(db, consultation.id),
    }
