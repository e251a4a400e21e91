"""The managers' figures as tables: consultations by topic × month, by district, by kind of
authority, new vs closed, response times, SLA breaches, tasks, and the annual summary.

Every figure is a ``Table`` (title, columns, rows) so the dashboard, the charts, the CSV/XLSX
exports and the API show the same numbers. Computed in Python over the rows of the period,
so it runs the same on SQLite and PostgreSQL."""

from __future__ import annotations

import statistics as pystats
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, col, func, select

from casework.queries import authority_summary
from classifiers.taxonomy import Taxonomy
from models import Consultation, District, FollowUpTask, SlaBreach, TaskStatus, as_utc

NO_TOPIC = "ohne Thema"
UNASSIGNED_AUTHORITY = "nicht zugeordnet"


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"key": self.key, "title": self.title, "columns": self.columns, "rows": self.rows}


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def start_at(self) -> datetime:
        return datetime.combine(self.start, time.min, tzinfo=UTC)

    @property
    def end_at(self) -> datetime:
        return datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=UTC)

    def months(self) -> list[str]:
        months, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    def contains(self, moment: datetime | None) -> bool:
        moment = as_utc(moment)
        return moment is not None and self.start_at <= moment < self.end_at


def default_period(today: date | None = None) -> Period:
    """The last twelve months including the current one."""
    today = today or date.today()
    start = date(today.year, 1, 1) if today.month == 12 else date(today.year - 1, today.month + 1, 1)
    return Period(start, today)


def _month(moment: datetime) -> str:
    return as_utc(moment).strftime("%Y-%m")


class _Authorities:
    """Resolves authority keys to (district name, kind), cached for one computation."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.districts = {d.key: d.name for d in session.exec(select(District))}
        self.cache: dict[str | None, dict | None] = {}

    def summary(self, key: str | None) -> dict | None:
        if key not in self.cache:
            self.cache[key] = authority_summary(self.session, key)
        return self.cache[key]

    def district(self, key: str | None) -> str:
        summary = self.summary(key)
        if not summary or not summary.get("district"):
            return UNASSIGNED_AUTHORITY
        return self.districts.get(summary["district"], summary["district"])

    def kind(self, key: str | None) -> str:
        summary = self.summary(key)
        return (summary or {}).get("kind") or UNASSIGNED_AUTHORITY


@dataclass(frozen=True)
class _Fact:
    """The columns of a consultation that the figures need (not the large JSON suggestions)."""

    id: int
    received_at: datetime
    first_response_at: datetime | None
    topics: list[str]
    authority_key: str | None


def _consultations(session: Session, period: Period) -> list[_Fact]:
    """Consultations received in the period; loaded once per session and period."""
    cache = session.info.setdefault("statistics_facts", {})
    if period not in cache:
        rows = session.exec(
            select(
                Consultation.id,
                Consultation.received_at,
                Consultation.first_response_at,
                Consultation.topics,
                Consultation.authority_key,
            ).where(Consultation.received_at >= period.start_at, Consultation.received_at < period.end_at)
        )
        cache[period] = [_Fact(*row) for row in rows]
    return cache[period]


def topics_by_month(session: Session, period: Period, taxonomy: Taxonomy) -> Table:
    counts: Counter[tuple[str, str]] = Counter()
    for consultation in _consultations(session, period):
        month = _month(consultation.received_at)
        for topic in consultation.topics or [NO_TOPIC]:
            counts[(month, topic)] += 1
        counts[(month, "__total__")] += 1
    topic_ids = [*taxonomy.ids, NO_TOPIC]
    labels = [taxonomy.label(t) if t in taxonomy.ids else t for t in topic_ids]
    rows = [[m, *[counts[(m, t)] for t in topic_ids], counts[(m, "__total__")]] for m in period.months()]
    return Table("themen_monate", "Beratungsfälle nach Thema und Monat", ["Monat", *labels, "Fälle gesamt"], rows)


def by_district(session: Session, period: Period) -> Table:
    authorities = _Authorities(session)
    counts = Counter(authorities.district(c.authority_key) for c in _consultations(session, period))
    rows = [[name, n] for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    return Table("kreise", "Beratungsfälle nach Landkreis / kreisfreier Stadt", ["Kreis", "Fälle"], rows)


def by_authority_kind(session: Session, period: Period) -> Table:
    authorities = _Authorities(session)
    counts = Counter(authorities.kind(c.authority_key) for c in _consultations(session, period))
    rows = [[kind, n] for kind, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    return Table("kommunaltyp", "Beratungsfälle nach Art der Kommune", ["Art", "Fälle"], rows)


def new_vs_closed(session: Session, period: Period) -> Table:
    new = Counter(_month(c.received_at) for c in _consultations(session, period))
    closed_at = session.exec(
        select(Consultation.closed_at).where(
            Consultation.closed_at.is_not(None),
            Consultation.closed_at >= period.start_at,
            Consultation.closed_at < period.end_at,
        )
    )
    closed = Counter(_month(moment) for moment in closed_at)
    rows = [[m, new[m], closed[m]] for m in period.months()]
    return Table("neu_abgeschlossen", "Neue und abgeschlossene Beratungsfälle", ["Monat", "neu", "abgeschlossen"], rows)


def response_times(session: Session, period: Period) -> Table:
    consultations = _consultations(session, period)
    hours = [
        (as_utc(c.first_response_at) - as_utc(c.received_at)).total_seconds() / 3600
        for c in consultations
        if c.first_response_at is not None
    ]
    total = len(consultations)
    median = round(pystats.median(hours), 1) if hours else None
    rows = [
        ["Fälle im Zeitraum", total],
        ["davon beantwortet", len(hours)],
        ["Median Zeit bis zur ersten Antwort (Stunden)", median if median is not None else "–"],
    ]
    return Table("antwortzeiten", "Antwortzeiten", ["Kennzahl", "Wert"], rows)


def sla_breaches(session: Session, period: Period) -> Table:
    rows = session.exec(
        select(SlaBreach.kind, func.count(SlaBreach.id))
        .join(Consultation, col(Consultation.id) == SlaBreach.consultation_id)
        .where(Consultation.received_at >= period.start_at, Consultation.received_at < period.end_at)
        .group_by(SlaBreach.kind)
        .order_by(SlaBreach.kind)
    ).all()
    return Table("sla", "Überschreitungen der Bearbeitungsfristen (SLA)", ["Art", "Anzahl"], [list(r) for r in rows])


def tasks_overview(session: Session, today: date | None = None) -> Table:
    today = today or date.today()
    open_count = session.exec(select(func.count(FollowUpTask.id)).where(FollowUpTask.status == TaskStatus.OPEN)).one()
    overdue = session.exec(
        select(func.count(FollowUpTask.id)).where(FollowUpTask.status == TaskStatus.OPEN, FollowUpTask.due < today)
    ).one()
    due_week = session.exec(
        select(func.count(FollowUpTask.id)).where(
            FollowUpTask.status == TaskStatus.OPEN,
            FollowUpTask.due >= today,
            FollowUpTask.due <= today + timedelta(days=7),
        )
    ).one()
    rows = [["offen", open_count], ["überfällig", overdue], ["fällig in den nächsten 7 Tagen", due_week]]
    return Table("aufgaben", "Offene und überfällige Aufgaben (Stand heute)", ["Aufgaben", "Anzahl"], rows)


def annual_summary(session: Session, year: int, taxonomy: Taxonomy) -> list[Table]:
    """Counts of the year per topic and per district, as the ministry reports them to the cabinet."""
    period = Period(date(year, 1, 1), date(year, 12, 31))
    consultations = _consultations(session, period)
    topic_counts = Counter(t for c in consultations for t in (c.topics or [NO_TOPIC]))
    topic_rows = [[taxonomy.label(t), topic_counts[t]] for t in taxonomy.ids]
    topic_rows += [[NO_TOPIC, topic_counts[NO_TOPIC]], ["Beratungsfälle insgesamt", len(consultations)]]
    authorities = _Authorities(session)
    district_counts = Counter(authorities.district(c.authority_key) for c in consultations)
    district_rows = [[name, district_counts.get(name, 0)] for name in sorted(authorities.districts.values())]
    if district_counts.get(UNASSIGNED_AUTHORITY):
        district_rows.append([UNASSIGNED_AUTHORITY, district_counts[UNASSIGNED_AUTHORITY]])
    title = f"Jahresübersicht {year}: Beratungsfälle nach"
    return [
        Table(f"jahr_{year}_themen", f"{title} Thema", ["Thema", "Fälle"], topic_rows),
        Table(f"jahr_{year}_kreise", f"{title} Kreis", ["Kreis", "Fälle"], district_rows),
    ]


def dashboard_tables(session: Session, period: Period, taxonomy: Taxonomy) -> list[Table]:
    return [
        topics_by_month(session, period, taxonomy),
        new_vs_closed(session, period),
        by_district(session, period),
        by_authority_kind(session, period),
        response_times(session, period),
        sla_breaches(session, period),
        tasks_overview(session),
    ]


def table_by_key(session: Session, key: str, period: Period, taxonomy: Taxonomy) -> Table | None:
    if key.startswith("jahr_"):
        parts = key.split("_")
        if len(parts) == 3 and parts[1].isdigit():
            return next((t for t in annual_summary(session, int(parts[1]), taxonomy) if t.key == key), None)
        return None
    return next((t for t in dashboard_tables(session, period, taxonomy) if t.key == key), None)
