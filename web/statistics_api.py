"""``GET /api/statistics/consultations``: consultation counts and response times grouped by any
combination of month, topic, district, kind of authority, authority, assignee, channel, status.

Registered before ``web.api``'s ``/api/statistics/{key}`` so that path does not swallow it."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from models.statistics import DIMENSIONS
from web.errors import API_ERROR_RESPONSES
from web.security import DbSession, ManagerApi
from web.statistics import Figures, Filters, InvalidGrouping, Period, default_period, parse_group_by

router = APIRouter(prefix="/api", tags=["api"], responses=API_ERROR_RESPONSES)
MAX_DAYS = 366 * 10


def parse_period(von: str | None, bis: str | None, zone: str, *, status: int = 422) -> Period:
    """``von``/``bis`` as JJJJ-MM-TT (default: the last twelve months); German errors."""
    default = default_period(zone=zone)
    try:
        start = date.fromisoformat(von.strip()) if von and von.strip() else default.start
        end = date.fromisoformat(bis.strip()) if bis and bis.strip() else default.end
    except ValueError:
        raise HTTPException(status, "Bitte Datumsangaben als JJJJ-MM-TT angeben.") from None
    if not (date(2000, 1, 1) <= start <= date(2100, 12, 31) and date(2000, 1, 1) <= end <= date(2100, 12, 31)):
        raise HTTPException(status, "Datumsangaben müssen zwischen 2000 und 2100 liegen.")
    if end < start:
        raise HTTPException(status, "Das Ende des Zeitraums liegt vor seinem Anfang.")
    if (end - start).days > MAX_DAYS:
        raise HTTPException(status, "Der Zeitraum darf höchstens zehn Jahre umfassen.")
    return Period(start, end, zone)


@router.get("/statistics/consultations")
def consultation_statistics(
    request: Request,
    db: DbSession,
    user: ManagerApi,
    von: str | None = None,
    bis: str | None = None,
    group_by: Annotated[
        list[str] | None,
        Query(description=f"Dimensionen, kommagetrennt oder wiederholt: {', '.join(DIMENSIONS)}"),
    ] = None,
    thema: str | None = None,
    kreis: str | None = None,
    art: str | None = None,
    behoerde: str | None = None,
    zustaendig: str | None = None,
    kanal: str | None = None,
    status: str | None = None,
) -> dict:
    """Beratungsfälle gruppiert: je Zeile Anzahl, Median und 90 %-Wert der Stunden bis zur ersten
    Antwort; ``total`` zählt jeden Fall einmal. Nur für die Leitung."""
    runtime = request.app.state.runtime
    try:
        dimensions = parse_group_by(group_by)
    except InvalidGrouping as error:
        raise HTTPException(422, str(error)) from None
    period = parse_period(von, bis, runtime.settings.local_timezone)
    filters = Filters.from_query(request.query_params)
    return Figures(db, period, runtime.taxonomy, filters, runtime.settings).grouped(dimensions)
