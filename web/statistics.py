"""The managers' figures as tables, for a period and a set of filters.

Every figure is a ``Table`` (title, what it counts, columns, rows, drill-down links) so the
dashboard, the charts, the CSV/XLSX exports, the CLI and the API show the same numbers. They are
all computed from the facts of ``models.statistics`` (one received time, local months), so a
filter or a period means the same thing in every table.

"Beratungsfälle" count consultations, each once; "Themennennungen" count a consultation once per
topic it has — the tables and charts say which of the two they show."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, func, select

from classifiers.taxonomy import Taxonomy
from eingang.settings import Settings
from models import Consultation, FollowUpTask, SlaBreach, TaskStatus, UserAccount, as_utc, utcnow
from models.gazetteer import association_display_name, district_display_name
from models.public import StatisticsTablePublic
from models.statistics import (
    DIMENSIONS,
    WITHOUT,
    AuthorityIndex,
    Fact,
    FactFilter,
    group_facts,
    load_facts,
    month_of,
    received_time,
    response_figures,
)
from web.templating import CHANNEL_LABELS, STATUS_LABELS

NO_TOPIC = "ohne Thema"
UNASSIGNED_AUTHORITY = "nicht zugeordnet"
NOBODY = "niemand"
NONE_TOKEN = WITHOUT  # filter value for "without" (topic, district, kind, authority)
DEFAULT_ZONE = "Europe/Berlin"
CASES = "Beratungsfälle"
MENTIONS = "Themennennungen"
DIMENSION_LABELS = {
    "month": "Monat",
    "topic": "Thema",
    "district": "Kreis",
    "authority_kind": "Art der Kommune",
    "authority": "Kommune / Behörde",
    "assignee": "Zuständig",
    "channel": "Kanal",
    "status": "Status",
}
FILTER_PARAMS = {
    "topic": "thema",
    "district": "kreis",
    "authority_kind": "art",
    "authority": "behoerde",
    "assignee": "zustaendig",
    "channel": "kanal",
    "status": "status",
}
FIGURE_COLUMNS = ("Fälle", "beantwortet", "Median Stunden bis erste Antwort", "90 %-Wert Stunden")
SLA_SETTINGS = {"dringend": "sla_hours_urgent", "hoch": "sla_hours_high"}


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    counts: str = CASES  # what the numbers are: Beratungsfälle, Themennennungen, Stunden …
    note: str = ""
    links: list[str | None] = field(default_factory=list)  # drill-down per row (same order)

    def public(self) -> StatisticsTablePublic:
        """The table as the API and ``eingang export … --format json`` show it (the same rows as the
        CSV/XLSX exports; dates become ISO strings in JSON)."""
        return StatisticsTablePublic(
            key=self.key, title=self.title, counts=self.counts, note=self.note, columns=self.columns, rows=self.rows
        )


@dataclass(frozen=True)
class Period:
    """Calendar days ``start`` … ``end`` (inclusive) in the local time zone."""

    start: date
    end: date  # inclusive
    zone: str = DEFAULT_ZONE

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    @property
    def start_at(self) -> datetime:
        return datetime.combine(self.start, time.min, tzinfo=self.tz).astimezone(UTC)

    @property
    def end_at(self) -> datetime:
        return datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=self.tz).astimezone(UTC)

    def months(self) -> list[str]:
        months, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    def month_bounds(self, month: str) -> tuple[date, date]:
        """The days of ``month`` (``2024-03``) that lie inside the period."""
        year, number = int(month[:4]), int(month[5:7])
        first = date(year, number, 1)
        last = (date(year + 1, 1, 1) if number == 12 else date(year, number + 1, 1)) - timedelta(days=1)
        return max(first, self.start), min(last, self.end)

    def contains(self, moment: datetime | None) -> bool:
        moment = as_utc(moment)
        return moment is not None and self.start_at <= moment < self.end_at


def default_period(today: date | None = None, zone: str = DEFAULT_ZONE) -> Period:
    """The last twelve months including the current one."""
    today = today or datetime.now(ZoneInfo(zone)).date()
    start = date(today.year, 1, 1) if today.month == 12 else date(today.year - 1, today.month + 1, 1)
    return Period(start, today, zone)


@dataclass(frozen=True)
class Filters:
    """The dashboard's filters as the query string names them (German, like the inbox)."""

    topic: str | None = None  # thema
    district: str | None = None  # kreis (5-digit key)
    authority_kind: str | None = None  # art
    authority: str | None = None  # behoerde
    assignee: str | None = None  # zustaendig (username or "niemand")
    channel: str | None = None  # kanal
    status: str | None = None  # status

    @classmethod
    def from_query(cls, params) -> Filters:
        values = {}
        for name, param in FILTER_PARAMS.items():
            value = (params.get(param) or "").strip()[:64]
            values[name] = value or None
        return cls(**values)

    def as_query(self) -> dict[str, str]:
        return {param: getattr(self, name) for name, param in FILTER_PARAMS.items() if getattr(self, name)}

    def replace(self, **changes) -> Filters:
        return Filters(**{**{name: getattr(self, name) for name in FILTER_PARAMS}, **changes})

    def fact_filter(self, session: Session) -> FactFilter:
        assignee = None
        if self.assignee == NOBODY:
            assignee = 0
        elif self.assignee:
            user = session.exec(select(UserAccount).where(UserAccount.username == self.assignee)).first()
            assignee = user.id if user else -1
        return FactFilter(
            topic=self.topic,
            district=self.district,
            authority_kind=self.authority_kind,
            authority=self.authority,
            assignee=assignee,
            channel=self.channel,
            status=self.status,
        )


class Figures:
    """The facts of one period and filter set, loaded once, and every table computed from them."""

    def __init__(
        self,
        session: Session,
        period: Period,
        taxonomy: Taxonomy,
        filters: Filters | None = None,
        settings=None,
    ) -> None:
        self.session = session
        self.period = period
        self.taxonomy = taxonomy
        self.filters = filters or Filters()
        self.settings = settings
        self.zone = period.tz
        self.authorities = AuthorityIndex(session)
        self._fact_filter = self.filters.fact_filter(session)

    # --- data --------------------------------------------------------------------------
    @cached_property
    def facts(self) -> list[Fact]:
        return self.load(self.period.start_at, self.period.end_at)

    def load(self, start: datetime, end: datetime, filters: FactFilter | None = None) -> list[Fact]:
        return load_facts(
            self.session, start=start, end=end, filters=filters or self._fact_filter, authorities=self.authorities
        )

    @cached_property
    def history(self) -> list[Fact]:
        """Every consultation received before the end of the period (for backlog and closures)."""
        return self.load(datetime(1970, 1, 1, tzinfo=UTC), self.period.end_at)

    @cached_property
    def users(self) -> dict[int, UserAccount]:
        return {u.id: u for u in self.session.exec(select(UserAccount))}

    # --- labels ------------------------------------------------------------------------
    def label(self, dimension: str, value) -> str:
        if dimension == "topic":
            if value is None:
                return NO_TOPIC
            return self.taxonomy.label(value) if value in self.taxonomy.ids else str(value)
        if dimension == "district":
            district = self.authorities.districts.get(value) if value else None
            return district_display_name(district.name, district.kind) if district else UNASSIGNED_AUTHORITY
        if dimension == "authority_kind":
            return value or UNASSIGNED_AUTHORITY
        if dimension == "authority":
            return self.authority_name(value)
        if dimension == "assignee":
            user = self.users.get(value) if value else None
            return (user.display_name or user.username) if user else NOBODY
        if dimension == "channel":
            return CHANNEL_LABELS.get(value, value)
        if dimension == "status":
            return STATUS_LABELS.get(value, value)
        return str(value)

    def authority_name(self, key: str | None) -> str:
        index = self.authorities
        if not key:
            return UNASSIGNED_AUTHORITY
        if key in index.municipalities:
            return index.municipalities[key].name
        if key in index.associations:
            association = index.associations[key]
            return association_display_name(association.name, association.kind)
        if key in index.districts:
            return district_display_name(index.districts[key].name, index.districts[key].kind)
        return key

    def filter_description(self) -> list[tuple[str, str]]:
        """The active filters in words: ``[("Thema", "Förderung"), ("Zuständig", "Anna Berg")]``."""
        described = []
        for name in FILTER_PARAMS:
            value = getattr(self.filters, name)
            if not value:
                continue
            if name == "assignee":
                user = next((u for u in self.users.values() if u.username == value), None)
                text = (user.display_name or user.username) if user else NOBODY
            else:
                text = self.label(name, None if value == NONE_TOKEN else value)
            described.append((DIMENSION_LABELS[name], text))
        return described

    def filter_value(self, dimension: str, value) -> dict[str, str]:
        """The query parameters selecting the consultations of one dimension value."""
        if dimension == "month":
            first, last = self.period.month_bounds(value)
            return {"von": first.isoformat(), "bis": last.isoformat()}
        if dimension == "assignee":
            user = self.users.get(value) if value else None
            return {"zustaendig": user.username if user else NOBODY}
        param = FILTER_PARAMS[dimension]
        return {param: NONE_TOKEN if value is None else str(value)}

    def drill_down(self, **pairs) -> str:
        """Link to the list of the consultations behind a figure (this period and filters)."""
        query = {"von": self.period.start.isoformat(), "bis": self.period.end.isoformat(), **self.filters.as_query()}
        query.update(pairs)
        return "/dashboard/faelle?" + urlencode({k: v for k, v in query.items() if v})

    # --- the grouped statistics (API) ---------------------------------------------------
    def grouped(self, dimensions: list[str]) -> dict:
        grouping = group_facts(
            self.facts, dimensions, zone=self.zone, authorities=self.authorities, topic=self.filters.topic
        )
        rows = []
        for values, facts in grouping.rows:
            row = {}
            for dimension, value in zip(grouping.dimensions, values, strict=True):
                if dimension == "assignee":
                    user = self.users.get(value) if value else None
                    row["assignee"] = user.username if user else None
                else:
                    row[dimension] = value
                if dimension != "month":
                    row[f"{dimension}_label"] = self.label(dimension, value)
            figures = response_figures(facts)
            row.update(
                count=figures["count"],
                answered=figures["answered"],
                median_first_response_hours=figures["median_first_response_hours"],
                p90_first_response_hours=figures["p90_first_response_hours"],
            )
            rows.append(row)
        return {
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "group_by": list(grouping.dimensions),
            "filters": self.filters.as_query(),
            "rows": rows,
            "total": grouping.total,
        }

    def grouped_table(self, dimensions: list[str]) -> Table:
        data = self.grouped(dimensions)
        counts = MENTIONS if "topic" in dimensions else CASES
        columns = [DIMENSION_LABELS[d] for d in data["group_by"]]
        columns += ["Fälle", "beantwortet", "Median Stunden bis erste Antwort", "90 %-Wert Stunden"]
        rows, links = [], []
        for row in data["rows"]:
            values = [row[d] if d == "month" else row[f"{d}_label"] for d in data["group_by"]]
            rows.append([*values, row["count"], row["answered"], *_hours(row)])
            pairs: dict[str, str] = {}
            for dimension in data["group_by"]:
                if dimension == "assignee":
                    pairs["zustaendig"] = row["assignee"] or NOBODY
                else:
                    pairs.update(self.filter_value(dimension, row[dimension]))
            links.append(self.drill_down(**pairs))
        note = f"{data['total']} Beratungsfälle im Zeitraum (jeder Fall einmal)."
        if counts == MENTIONS:
            note += " Ein Fall mit mehreren Themen steht in jeder seiner Themenzeilen."
        title = "Auswertung nach " + ", ".join(DIMENSION_LABELS[d] for d in data["group_by"])
        return Table("auswertung", title, columns, rows, counts=counts, note=note, links=links)

    # --- the dashboard's tables ---------------------------------------------------------
    def _by(self, dimension: str) -> list[tuple[object, list[Fact]]]:
        grouping = group_facts(
            self.facts, [dimension], zone=self.zone, authorities=self.authorities, topic=self.filters.topic
        )
        return [(values[0], facts) for values, facts in grouping.rows]

    def topics_by_month(self) -> Table:
        counts: Counter[tuple[str, str | None]] = Counter()
        cases: Counter[str] = Counter()
        for fact in self.facts:
            month = month_of(fact.received_at, self.zone)
            cases[month] += 1
            for topic in fact.topics or (None,):
                counts[(month, topic)] += 1
        topic_ids = [*self.taxonomy.ids, None]
        rows = [[m, *[counts[(m, t)] for t in topic_ids], cases[m]] for m in self.period.months()]
        columns = ["Monat", *[self.label("topic", t) for t in topic_ids], "Beratungsfälle (jeder einmal)"]
        note = "Ein Fall mit mehreren Themen zählt bei jedem seiner Themen; die letzte Spalte zählt jeden Fall einmal."
        links = [self.drill_down(**self.filter_value("month", m)) for m in self.period.months()]
        return Table("themen_monate", "Themennennungen nach Monat", columns, rows, MENTIONS, note, links)

    def new_vs_closed(self) -> Table:
        new = Counter(month_of(f.received_at, self.zone) for f in self.facts)
        closed = Counter(
            month_of(f.closed_at, self.zone)
            for f in self.history
            if f.closed_at is not None and self.period.contains(f.closed_at)
        )
        rows = [[m, new[m], closed[m]] for m in self.period.months()]
        links = [self.drill_down(**self.filter_value("month", m)) for m in self.period.months()]
        note = "neu: nach Eingangsdatum des Falls; abgeschlossen: nach Datum des Abschlusses."
        return Table(
            "neu_abgeschlossen",
            "Neue und abgeschlossene Beratungsfälle",
            ["Monat", "neu", "abgeschlossen"],
            rows,
            CASES,
            note,
            links,
        )

    def backlog(self) -> Table:
        """Consultations open at the end of each month (received before, not closed by then)."""
        history = self.history
        rows = []
        for month in self.period.months():
            _first, last = self.period.month_bounds(month)
            end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=self.zone)
            open_count = sum(1 for f in history if f.received_at < end and (f.closed_at is None or f.closed_at >= end))
            rows.append([month, open_count])
        note = "Fälle, die am Monatsende (bzw. am Ende des Zeitraums) eingegangen und noch nicht abgeschlossen waren."
        return Table(
            "rueckstand", "Offene Beratungsfälle am Monatsende (Rückstand)", ["Monat", "offen"], rows, CASES, note
        )

    def _figure_rows(self, dimension: str) -> tuple[list[list], list[str]]:
        rows, links = [], []
        for value, facts in self._by(dimension):
            figures = response_figures(facts)
            rows.append([self.label(dimension, value), figures["count"], figures["answered"], *_hours(figures)])
            links.append(self.drill_down(**self.filter_value(dimension, value)))
        return rows, links

    def by_topic(self) -> Table:
        rows, links = self._figure_rows("topic")
        note = "Ein Fall mit mehreren Themen steht bei jedem seiner Themen (die Summe ist größer als die Fallzahl)."
        return Table(
            "themen",
            "Themennennungen und Antwortzeiten je Thema",
            ["Thema", *FIGURE_COLUMNS],
            rows,
            MENTIONS,
            note,
            links,
        )

    def by_district(self) -> Table:
        rows, links = self._figure_rows("district")
        order = sorted(range(len(rows)), key=lambda i: (-rows[i][1], rows[i][0]))
        return Table(
            "kreise",
            "Beratungsfälle nach Landkreis / kreisfreier Stadt",
            ["Kreis", *FIGURE_COLUMNS],
            [rows[i] for i in order],
            CASES,
            "",
            [links[i] for i in order],
        )

    def by_authority_kind(self) -> Table:
        rows, links = self._figure_rows("authority_kind")
        order = sorted(range(len(rows)), key=lambda i: (-rows[i][1], rows[i][0]))
        return Table(
            "kommunaltyp",
            "Beratungsfälle nach Art der Kommune",
            ["Art", *FIGURE_COLUMNS],
            [rows[i] for i in order],
            CASES,
            "",
            [links[i] for i in order],
        )

    def by_assignee(self) -> Table:
        rows, links = self._figure_rows("assignee")
        return Table(
            "antwortzeiten_beratung",
            "Antwortzeiten je Beraterin / Berater",
            ["Zuständig", *FIGURE_COLUMNS],
            rows,
            CASES,
            "Nach der heutigen Zuständigkeit.",
            links,
        )

    def by_month(self) -> Table:
        by_month = dict(self._by("month"))
        rows, links = [], []
        for month in self.period.months():
            figures = response_figures(by_month.get(month, []))
            rows.append([month, figures["count"], figures["answered"], *_hours(figures)])
            links.append(self.drill_down(**self.filter_value("month", month)))
        return Table(
            "antwortzeiten_monat",
            "Antwortzeiten je Monat",
            ["Monat", *FIGURE_COLUMNS],
            rows,
            CASES,
            "Zeit vom Eingang des Falls bis zur ersten Antwort, nach Eingangsmonat.",
            links,
        )

    def response_times(self) -> Table:
        figures = response_figures(self.facts)
        median = figures["median_first_response_hours"]
        p90 = figures["p90_first_response_hours"]
        rows = [
            ["Fälle im Zeitraum", figures["count"]],
            ["davon beantwortet", figures["answered"]],
            ["Median Zeit bis zur ersten Antwort (Stunden)", median if median is not None else "–"],
            ["90 % der Fälle beantwortet innerhalb von (Stunden)", p90 if p90 is not None else "–"],
        ]
        return Table("antwortzeiten", "Antwortzeiten", ["Kennzahl", "Wert"], rows, CASES)

    def _sla_hours(self, priority: str) -> float:
        name = SLA_SETTINGS.get(priority, "sla_hours_normal")
        if self.settings is not None:
            return float(getattr(self.settings, name))
        return float(Settings.model_fields[name].default)

    def sla_compliance(self, now: datetime | None = None) -> Table:
        """Per month: cases whose first-response deadline has passed or that were answered, and
        how many of them were answered in time (deadline by priority, from the settings)."""
        now = now or utcnow()
        decided: Counter[str] = Counter()
        in_time: Counter[str] = Counter()
        for fact in self.facts:
            due = fact.received_at + timedelta(hours=self._sla_hours(fact.priority))
            answered = fact.first_response_at
            if answered is None and now <= due:
                continue  # still open within its deadline: not decided yet
            month = month_of(fact.received_at, self.zone)
            decided[month] += 1
            if answered is not None and answered <= due:
                in_time[month] += 1
        rows = []
        for month in self.period.months():
            share = round(100 * in_time[month] / decided[month], 1) if decided[month] else "–"
            rows.append([month, decided[month], in_time[month], decided[month] - in_time[month], share])
        columns = ["Monat", "Fälle mit abgelaufener Frist oder Antwort", "fristgerecht beantwortet"]
        columns += ["verspätet / offen", "Anteil fristgerecht (%)"]
        note = "Frist für die erste Antwort je Priorität (Einstellungen sla_hours_*), gerechnet ab Eingang des Falls."
        return Table("sla_einhaltung", "Einhaltung der Erstantwort-Frist (SLA)", columns, rows, CASES, note)

    def sla_breaches(self) -> Table:
        received = received_time()
        rows = self.session.exec(
            select(SlaBreach.kind, func.count(SlaBreach.id))
            .join(Consultation, col(Consultation.id) == SlaBreach.consultation_id)
            .where(received >= self.period.start_at, received < self.period.end_at)
            .group_by(SlaBreach.kind)
            .order_by(SlaBreach.kind)
        ).all()
        labels = {"first_response": "erste Antwort zu spät", "escalation": "Eskalation an die Teamleitung"}
        return Table(
            "sla",
            "Erfasste Fristüberschreitungen (SLA)",
            ["Art", "Anzahl"],
            [[labels.get(kind, kind), n] for kind, n in rows],
            CASES,
        )

    def coverage(self) -> Table:
        """Which Gemeinden have consulted in the twelve months up to the end of the period: per
        district, or per Gemeinde when a district is chosen. A consultation of a
        Verwaltungsgemeinschaft counts for its member Gemeinden ("über die VG")."""
        index = self.authorities
        end = self.period.end_at
        start = end - timedelta(days=365)
        base = self.filters.replace(district=None, authority=None, authority_kind=None)
        facts = self.load(start, end, base.fact_filter(self.session))
        direct: Counter[str] = Counter()
        via_association: Counter[str] = Counter()
        last: dict[str, datetime] = {}
        for fact in facts:
            key = fact.authority_key
            if not key:
                continue
            members: list[str] = []
            if key in index.municipalities:
                direct[key] += 1
                members = [key]
            elif key in index.associations:
                members = list(index.associations[key].member_keys)
                for member in members:
                    via_association[member] += 1
            elif key in index.districts and index.districts[key].kind == "kreisfreie Stadt":
                members = [m.key for m in index.municipalities.values() if m.district_key == key]
                for member in members:
                    direct[member] += 1
            for member in members:
                last[member] = max(last.get(member, fact.received_at), fact.received_at)
        period_note = f"in den zwölf Monaten bis {self.period.end.strftime('%d.%m.%Y')}"
        if self.filters.district and self.filters.district in index.districts:
            district = index.districts[self.filters.district]
            rows, links = [], []
            members = sorted(
                (m for m in index.municipalities.values() if m.district_key == district.key), key=lambda m: m.name
            )
            for municipality in members:
                association = index.associations.get(municipality.association_key or "")
                consulted = direct[municipality.key] + via_association[municipality.key]
                seen = last.get(municipality.key)
                rows.append(
                    [
                        municipality.name,
                        association_display_name(association.name, association.kind) if association else "–",
                        "ja" if consulted else "nein",
                        direct[municipality.key],
                        via_association[municipality.key],
                        seen.astimezone(self.zone).date() if seen else "–",
                    ]
                )
                own = direct[municipality.key]
                links.append(self.drill_down(behoerde=municipality.key, kreis=None) if own else None)
            order = sorted(range(len(rows)), key=lambda i: (rows[i][2] == "ja", rows[i][0]))  # not consulted first
            rows, links = [rows[i] for i in order], [links[i] for i in order]
            title = f"Abdeckung {district_display_name(district.name, district.kind)}: Gemeinden mit und ohne Beratung"
            columns = [
                "Gemeinde",
                "Verwaltungsgemeinschaft",
                "beraten",
                "Fälle der Gemeinde",
                "Fälle über die VG",
                "zuletzt",
            ]
            return Table("abdeckung", title, columns, rows, "Gemeinden", f"Beratungsfälle {period_note}.", links)
        rows, links = [], []
        for district in sorted(index.districts.values(), key=lambda d: d.name):
            members = [m.key for m in index.municipalities.values() if m.district_key == district.key]
            consulted = sum(1 for key in members if direct[key] or via_association[key])
            share = round(100 * consulted / len(members), 1) if members else "–"
            rows.append(
                [
                    district_display_name(district.name, district.kind),
                    len(members),
                    consulted,
                    len(members) - consulted,
                    share,
                ]
            )
            links.append(
                f"/dashboard?{urlencode({**self._period_query(), **base.as_query(), 'kreis': district.key})}#abdeckung"
            )
        columns = ["Kreis", "Gemeinden", "mit Beratung", "ohne Beratung", "Anteil mit Beratung (%)"]
        note = f"Gemeinden, von denen oder deren VG ein Beratungsfall kam, {period_note}. Kreis wählen für die Liste."
        return Table(
            "abdeckung", "Abdeckung: Gemeinden je Kreis mit und ohne Beratung", columns, rows, "Gemeinden", note, links
        )

    def _period_query(self) -> dict[str, str]:
        return {"von": self.period.start.isoformat(), "bis": self.period.end.isoformat()}

    def consultations(self) -> Table:
        """One row per consultation of the period and filters (drill-down list and export)."""
        rows, links = [], []
        for fact in self.facts:
            hours = fact.first_response_hours
            rows.append(
                [
                    fact.reference,
                    _local_naive(fact.received_at, self.zone),
                    _local_naive(fact.first_response_at, self.zone),
                    round(hours, 1) if hours is not None else None,
                    _local_naive(fact.closed_at, self.zone),
                    self.label("status", fact.status),
                    self.label("channel", fact.channel),
                    ", ".join(self.label("topic", t) for t in fact.topics) or NO_TOPIC,
                    self.authority_name(fact.authority_key),
                    self.label("district", self.authorities.district_key(fact.authority_key)),
                    self.label("authority_kind", self.authorities.kind(fact.authority_key)),
                    self.label("assignee", fact.assignee_id),
                ]
            )
            links.append(f"/faelle/{fact.reference}")
        columns = [
            "Aktenzeichen",
            "Eingang",
            "erste Antwort",
            "Stunden bis erste Antwort",
            "abgeschlossen",
            "Status",
            "Kanal",
            "Themen",
            "Kommune / Behörde",
            "Kreis",
            "Art der Kommune",
            "Zuständig",
        ]
        return Table(
            "faelle", "Beratungsfälle (ein Fall je Zeile)", columns, rows, CASES, f"{len(rows)} Beratungsfälle.", links
        )


def _hours(figures: dict) -> list:
    return [figures["median_first_response_hours"], figures["p90_first_response_hours"]]


def _local_naive(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    """Local wall-clock time without offset (what spreadsheets show), to the minute."""
    if moment is None:
        return None
    return as_utc(moment).astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)


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
    return Table("aufgaben", "Offene und überfällige Aufgaben (Stand heute)", ["Aufgaben", "Anzahl"], rows, "Aufgaben")


def annual_summary(session: Session, year: int, taxonomy: Taxonomy, zone: str = DEFAULT_ZONE) -> list[Table]:
    """Counts of the year per topic and per district, as the ministry reports them to the cabinet."""
    figures = Figures(session, Period(date(year, 1, 1), date(year, 12, 31), zone), taxonomy)
    facts = figures.facts
    topic_counts = Counter(t for f in facts for t in (f.topics or (None,)))
    topic_rows = [[taxonomy.label(t), topic_counts[t]] for t in taxonomy.ids]
    topic_rows += [[NO_TOPIC, topic_counts[None]], ["Beratungsfälle insgesamt (jeder einmal)", len(facts)]]
    district_counts = Counter(figures.authorities.district_key(f.authority_key) for f in facts)
    districts = sorted(figures.authorities.districts.values(), key=lambda d: d.name)
    district_rows = [[district_display_name(d.name, d.kind), district_counts.get(d.key, 0)] for d in districts]
    if district_counts.get(None):
        district_rows.append([UNASSIGNED_AUTHORITY, district_counts[None]])
    title = f"Jahresübersicht {year}:"
    return [
        Table(
            f"jahr_{year}_themen",
            f"{title} Themennennungen je Thema",
            ["Thema", "Nennungen"],
            topic_rows,
            MENTIONS,
            "Ein Fall mit mehreren Themen zählt bei jedem Thema; die letzte Zeile zählt jeden Fall einmal.",
        ),
        Table(f"jahr_{year}_kreise", f"{title} Beratungsfälle je Kreis", ["Kreis", "Fälle"], district_rows, CASES),
    ]


TABLE_KEYS = (
    "neu_abgeschlossen",
    "themen_monate",
    "themen",
    "kreise",
    "kommunaltyp",
    "antwortzeiten",
    "antwortzeiten_monat",
    "antwortzeiten_beratung",
    "sla_einhaltung",
    "sla",
    "rueckstand",
    "abdeckung",
    "aufgaben",
    "faelle",
)


def build_table(figures: Figures, key: str) -> Table | None:
    builders = {
        "neu_abgeschlossen": figures.new_vs_closed,
        "themen_monate": figures.topics_by_month,
        "themen": figures.by_topic,
        "kreise": figures.by_district,
        "kommunaltyp": figures.by_authority_kind,
        "antwortzeiten": figures.response_times,
        "antwortzeiten_monat": figures.by_month,
        "antwortzeiten_beratung": figures.by_assignee,
        "sla_einhaltung": figures.sla_compliance,
        "sla": figures.sla_breaches,
        "rueckstand": figures.backlog,
        "abdeckung": figures.coverage,
        "aufgaben": lambda: tasks_overview(figures.session),
        "faelle": figures.consultations,
    }
    builder = builders.get(key)
    return builder() if builder else None


def dashboard_tables(
    session: Session, period: Period, taxonomy: Taxonomy, filters: Filters | None = None, settings=None
) -> list[Table]:
    figures = Figures(session, period, taxonomy, filters, settings)
    return [build_table(figures, key) for key in TABLE_KEYS if key != "faelle"]


def table_by_key(
    session: Session, key: str, period: Period, taxonomy: Taxonomy, filters: Filters | None = None, settings=None
) -> Table | None:
    if key.startswith("jahr_"):
        parts = key.split("_")
        if len(parts) == 3 and parts[1].isdigit() and 2000 <= int(parts[1]) <= 2100:
            return next(
                (t for t in annual_summary(session, int(parts[1]), taxonomy, period.zone) if t.key == key), None
            )
        return None
    return build_table(Figures(session, period, taxonomy, filters, settings), key)


class InvalidGrouping(ValueError):
    """``group_by`` names something that is no dimension (message in German)."""


def parse_group_by(values: list[str] | str | None) -> list[str]:
    """``month,topic`` or repeated parameters → dimensions; raises InvalidGrouping."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    names = [name.strip() for value in values for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in DIMENSIONS]
    if unknown:
        raise InvalidGrouping(
            f"Unbekannte Gruppierung {', '.join(repr(n[:40]) for n in unknown)}; möglich sind: {', '.join(DIMENSIONS)}."
        )
    if len(names) > len(DIMENSIONS):
        raise InvalidGrouping("Jede Gruppierung höchstens einmal angeben.")
    return list(dict.fromkeys(names))
