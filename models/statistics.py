"""Grouped figures over consultations: the facts the managers' statistics are computed from.

``load_facts`` reads the few columns the figures need for a period; ``group_facts`` counts them
by any combination of the ``DIMENSIONS``, each consultation once per row it belongs to (a
consultation with two topics is in two topic rows), and the total without double counting.

Everything is computed in Python over the period's rows, so it runs the same on SQLite and
PostgreSQL, and months are calendar months in the local time zone (Europe/Berlin).

When a consultation was received is decided in one place, ``received_time()``: every figure,
filter and export uses it (the mail's own date, once the pipeline records it there)."""

from __future__ import annotations

import statistics as pystats
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import product
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from models.consultations import Consultation
from models.db import as_utc
from models.gazetteer import AdministrativeAssociation, District, Municipality

DIMENSIONS = ("month", "topic", "district", "authority_kind", "authority", "assignee", "channel", "status")
NO_VALUE = None  # a consultation without topic, authority or assignee: its dimension value is None
WITHOUT = "-"  # filter value selecting consultations *without* a topic, district, kind or authority


def received_time():
    """The column holding when a consultation was received — the one every figure follows."""
    return Consultation.received_at


@dataclass(frozen=True)
class Fact:
    """The columns of one consultation that the figures need (not the large JSON suggestions)."""

    id: int
    reference: str
    received_at: datetime
    first_response_at: datetime | None
    closed_at: datetime | None
    topics: tuple[str, ...]
    authority_key: str | None
    assignee_id: int | None
    channel: str
    status: str
    priority: str

    @property
    def first_response_hours(self) -> float | None:
        if self.first_response_at is None:
            return None
        return max(0.0, (as_utc(self.first_response_at) - as_utc(self.received_at)).total_seconds() / 3600)


class AuthorityIndex:
    """Every authority key of the gazetteer tables → its district key, kind and name (loaded once)."""

    def __init__(self, session: Session) -> None:
        self.districts = {d.key: d for d in session.exec(select(District))}
        self.municipalities = {m.key: m for m in session.exec(select(Municipality))}
        self.associations = {a.key: a for a in session.exec(select(AdministrativeAssociation))}

    def district_key(self, key: str | None) -> str | None:
        if not key:
            return None
        for table in (self.municipalities, self.associations):
            if key in table:
                return table[key].district_key
        return key if key in self.districts else None

    def kind(self, key: str | None) -> str | None:
        if not key:
            return None
        for table in (self.municipalities, self.associations, self.districts):
            if key in table:
                return table[key].kind
        return None


@dataclass(frozen=True)
class FactFilter:
    """Restricts the facts; every field None = no restriction. ``assignee`` is a user id, or 0 for
    "nobody"; ``topic`` also restricts the topic dimension to that topic."""

    topic: str | None = None
    district: str | None = None
    authority_kind: str | None = None
    authority: str | None = None
    assignee: int | None = None
    channel: str | None = None
    status: str | None = None

    def matches(self, fact: Fact, authorities: AuthorityIndex) -> bool:
        def wanted(expected: str | None, actual: str | None) -> bool:
            if expected is None:
                return True
            return actual is None if expected == WITHOUT else actual == expected

        if self.topic == WITHOUT:
            if fact.topics:
                return False
        elif self.topic and self.topic not in fact.topics:
            return False
        if not wanted(self.district, authorities.district_key(fact.authority_key)):
            return False
        if not wanted(self.authority_kind, authorities.kind(fact.authority_key)):
            return False
        if not wanted(self.authority, fact.authority_key):
            return False
        if self.assignee is not None and (fact.assignee_id or 0) != self.assignee:
            return False
        if self.channel and fact.channel != self.channel:
            return False
        return not (self.status and fact.status != self.status)


def load_facts(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    filters: FactFilter | None = None,
    authorities: AuthorityIndex | None = None,
) -> list[Fact]:
    """Consultations received in ``[start, end)`` that pass ``filters``, oldest first."""
    received = received_time()
    rows = session.exec(
        select(
            Consultation.id,
            Consultation.reference,
            received,
            Consultation.first_response_at,
            Consultation.closed_at,
            Consultation.topics,
            Consultation.authority_key,
            Consultation.assignee_id,
            Consultation.channel,
            Consultation.status,
            Consultation.priority,
        )
        .where(received >= start, received < end)
        .order_by(received, col(Consultation.id))
    ).all()
    facts = [
        Fact(
            id=row[0],
            reference=row[1],
            received_at=as_utc(row[2]),
            first_response_at=as_utc(row[3]),
            closed_at=as_utc(row[4]),
            topics=tuple(dict.fromkeys(row[5] or [])),
            authority_key=row[6],
            assignee_id=row[7],
            channel=row[8],
            status=row[9],
            priority=row[10],
        )
        for row in rows
    ]
    if filters is None or filters == FactFilter():
        return facts
    authorities = authorities or AuthorityIndex(session)
    return [fact for fact in facts if filters.matches(fact, authorities)]


def percentile(values: Sequence[float], share: float) -> float | None:
    """The ``share`` quantile (0..1) with linear interpolation between ranks; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def response_figures(facts: Iterable[Fact]) -> dict:
    """Count, answered, median and 90th percentile of the hours to the first response."""
    facts = list(facts)
    hours = [h for h in (f.first_response_hours for f in facts) if h is not None]
    median = pystats.median(hours) if hours else None
    p90 = percentile(hours, 0.9)
    return {
        "count": len(facts),
        "answered": len(hours),
        "median_first_response_hours": round(median, 1) if median is not None else None,
        "p90_first_response_hours": round(p90, 1) if p90 is not None else None,
    }


@dataclass
class Grouping:
    """Rows of ``group_facts``: the dimension values, the facts of each row, the distinct total."""

    dimensions: tuple[str, ...]
    rows: list[tuple[tuple, list[Fact]]] = field(default_factory=list)
    total: int = 0


def month_of(moment: datetime, zone: ZoneInfo) -> str:
    return as_utc(moment).astimezone(zone).strftime("%Y-%m")


def dimension_values(
    fact: Fact, dimension: str, *, zone: ZoneInfo, authorities: AuthorityIndex, topic: str | None = None
) -> list:
    """The values ``fact`` has for ``dimension`` (several only for topics)."""
    if dimension == "month":
        return [month_of(fact.received_at, zone)]
    if dimension == "topic":
        topics = [t for t in fact.topics if topic in (None, WITHOUT) or t == topic]
        return topics or [NO_VALUE]
    if dimension == "district":
        return [authorities.district_key(fact.authority_key)]
    if dimension == "authority_kind":
        return [authorities.kind(fact.authority_key)]
    if dimension == "authority":
        return [fact.authority_key]
    if dimension == "assignee":
        return [fact.assignee_id]
    if dimension == "channel":
        return [fact.channel]
    if dimension == "status":
        return [fact.status]
    raise ValueError(f"unknown dimension {dimension!r}")


def _sort_key(values: tuple) -> tuple:
    # None (no topic, no authority …) sorts last; mixed types never compare with each other.
    return tuple((value is None, str(value) if value is not None else "") for value in values)


def group_facts(
    facts: Sequence[Fact],
    dimensions: Sequence[str],
    *,
    zone: ZoneInfo,
    authorities: AuthorityIndex,
    topic: str | None = None,
    order: Callable[[tuple], tuple] | None = None,
) -> Grouping:
    """Each fact counted once in every row whose dimension values it has; ``total`` counts
    each fact once however many rows it is in."""
    dimensions = tuple(dict.fromkeys(dimensions))
    unknown = [d for d in dimensions if d not in DIMENSIONS]
    if unknown:
        raise ValueError(f"unknown dimensions {unknown}")
    buckets: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in facts:
        per_dimension = [dimension_values(fact, d, zone=zone, authorities=authorities, topic=topic) for d in dimensions]
        for values in product(*per_dimension):
            buckets[values].append(fact)
    rows = sorted(buckets.items(), key=lambda item: (order or _sort_key)(item[0]))
    return Grouping(dimensions, rows, len(facts))
