"""The managers' dashboard: figures for a date range, charts, CSV/XLSX exports, annual summary."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from web.charts import chart_svg
from web.downloads import attachment_disposition
from web.exports import XLSX_TYPE, table_csv, table_xlsx
from web.params import EARLIEST, LATEST, form_date
from web.security import DOWNLOAD_CSP, DbSession, ManagerPage
from web.statistics import Period, annual_summary, dashboard_tables, default_period, table_by_key
from web.templating import render

router = APIRouter(include_in_schema=False)
CHARTED = ("themen_monate", "neu_abgeschlossen", "kreise", "kommunaltyp")


def period_from(von: str | None, bis: str | None) -> Period:
    default = default_period()
    try:
        start = form_date(von) or default.start
        end = form_date(bis) or default.end
    except ValueError:
        raise HTTPException(400, "Bitte Datumsangaben als JJJJ-MM-TT zwischen 2000 und 2100 angeben.") from None
    if end < start:
        raise HTTPException(400, "Das Ende des Zeitraums liegt vor seinem Anfang.")
    if (end - start).days > 366 * 10:
        raise HTTPException(400, "Der Zeitraum darf höchstens zehn Jahre umfassen.")
    return Period(start, end)


@router.get("/dashboard")
def dashboard(
    request: Request,
    db: DbSession,
    user: ManagerPage,
    von: str | None = None,
    bis: str | None = None,
    jahr: Annotated[int | None, Query(ge=EARLIEST.year, le=LATEST.year)] = None,
):
    period = period_from(von, bis)
    taxonomy = request.app.state.runtime.taxonomy
    year = jahr or date.today().year
    context = {
        "period": period,
        "tables": dashboard_tables(db, period, taxonomy),
        "charted": CHARTED,
        "year": year,
        "annual": annual_summary(db, year, taxonomy),
        "range_query": f"von={period.start.isoformat()}&bis={period.end.isoformat()}",
    }
    return render(request, "dashboard.html", context)


def _table(request: Request, db, key: str, von: str | None, bis: str | None):
    table = table_by_key(db, key, period_from(von, bis), request.app.state.runtime.taxonomy)
    if table is None:
        raise HTTPException(404, f"Tabelle {key} gibt es nicht.")
    return table


@router.get("/dashboard/diagramme/{key}.svg")
def chart(request: Request, key: str, db: DbSession, user: ManagerPage, von: str | None = None, bis: str | None = None):
    svg = chart_svg(_table(request, db, key, von, bis))
    # Shown through <img>, where no script runs; its own styles are inline, so allow those only.
    headers = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'", "Cache-Control": "no-store"}
    return Response(svg, media_type="image/svg+xml", headers=headers)


@router.get("/dashboard/export/{key}.{extension}")
def export(
    request: Request,
    key: str,
    extension: str,
    db: DbSession,
    user: ManagerPage,
    von: str | None = None,
    bis: str | None = None,
):
    table = _table(request, db, key, von, bis)
    period = period_from(von, bis)
    stem = f"eingang-{table.key}" if key.startswith("jahr_") else f"eingang-{table.key}-{period.start}-{period.end}"
    if extension == "csv":
        content, media_type = table_csv(table), "text/csv; charset=utf-8"
    elif extension == "xlsx":
        content, media_type = table_xlsx(table), XLSX_TYPE
    else:
        raise HTTPException(404, "Nur CSV und XLSX sind möglich.")
    headers = {
        "Content-Disposition": attachment_disposition(f"{stem}.{extension}", f"eingang-export.{extension}"),
        "Content-Security-Policy": DOWNLOAD_CSP,
    }
    return Response(content, media_type=media_type, headers=headers)
