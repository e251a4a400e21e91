"""The managers' dashboard: figures for a period and filters (topic, district, kind of
authority, consultant, channel), charts, drill-down to the consultations behind each figure,
CSV/XLSX exports of every view, the grouped evaluation and the annual summary."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from sqlmodel import select

from models import Channel, District, Municipality, UserAccount
from models.statistics import DIMENSIONS
from web.charts import chart_svg
from web.downloads import attachment_disposition
from web.exports import export as export_file
from web.params import EARLIEST, LATEST
from web.security import DOWNLOAD_CSP, DbSession, ManagerPage
from web.statistics import (
    CHANNEL_LABELS,
    DIMENSION_LABELS,
    Figures,
    Filters,
    InvalidGrouping,
    Period,
    annual_summary,
    build_table,
    parse_group_by,
    table_by_key,
)
from web.statistics_api import parse_period
from web.templating import render, templates

router = APIRouter(include_in_schema=False)


def _cell(value):
    """A table cell on the page: German numbers and dates (the tables hold local times)."""
    if value is None:
        return "–"
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return templates.env.filters["number"](value)


templates.env.filters["cell"] = _cell
CHARTED = ("themen_monate", "neu_abgeschlossen", "rueckstand", "kreise", "kommunaltyp")
# Which dashboard sections show which tables (in this order).
SECTIONS = (
    ("Eingang und Rückstand", ("neu_abgeschlossen", "rueckstand", "themen_monate", "themen")),
    ("Kommunen", ("kreise", "kommunaltyp", "abdeckung")),
    (
        "Antwortzeiten und Fristen",
        ("antwortzeiten", "antwortzeiten_monat", "antwortzeiten_beratung", "sla_einhaltung", "sla", "aufgaben"),
    ),
)


def period_from(request: Request, von: str | None, bis: str | None) -> Period:
    return parse_period(von, bis, request.app.state.runtime.settings.local_timezone, status=400)


def _figures(request: Request, db, von: str | None, bis: str | None) -> Figures:
    runtime = request.app.state.runtime
    period = period_from(request, von, bis)
    return Figures(db, period, runtime.taxonomy, Filters.from_query(request.query_params), runtime.settings)


def _query(figures: Figures, **extra) -> str:
    pairs = {"von": figures.period.start.isoformat(), "bis": figures.period.end.isoformat()}
    pairs.update(figures.filters.as_query())
    pairs.update({k: v for k, v in extra.items() if v})
    return urlencode(pairs)


def _options(db, figures: Figures) -> dict:
    taxonomy = figures.taxonomy
    districts = sorted(db.exec(select(District)).all(), key=lambda d: d.name)
    kinds = sorted({kind for kind in db.exec(select(Municipality.kind).distinct())} | {d.kind for d in districts})
    users = db.exec(select(UserAccount).order_by(UserAccount.display_name, UserAccount.username)).all()
    return {
        "topics": [(t, taxonomy.label(t)) for t in taxonomy.ids] + [("-", "ohne Thema")],
        "districts": [(d.key, figures.label("district", d.key)) for d in districts] + [("-", "nicht zugeordnet")],
        "kinds": [(k, k) for k in kinds] + [("-", "nicht zugeordnet")],
        "assignees": [(u.username, u.display_name or u.username) for u in users] + [("niemand", "niemand")],
        "channels": [(c.value, CHANNEL_LABELS.get(c.value, c.value)) for c in Channel],
    }


@router.get("/dashboard")
def dashboard(
    request: Request,
    db: DbSession,
    user: ManagerPage,
    von: str | None = None,
    bis: str | None = None,
    jahr: Annotated[int | None, Query(ge=EARLIEST.year, le=LATEST.year)] = None,
):
    figures = _figures(request, db, von, bis)
    year = jahr or date.today().year
    tables = {key: build_table(figures, key) for _title, keys in SECTIONS for key in keys}
    context = {
        "period": figures.period,
        "filters": figures.filters,
        "options": _options(db, figures),
        "sections": [(title, [tables[key] for key in keys]) for title, keys in SECTIONS],
        "charted": CHARTED,
        "year": year,
        "annual": annual_summary(db, year, figures.taxonomy, figures.period.zone),
        "query": _query(figures),
        "total": len(figures.facts),
        "drill_all": figures.drill_down(),
        "dimensions": [(d, DIMENSION_LABELS[d]) for d in DIMENSIONS],
        "described": figures.filter_description(),
        "grouped": None,
        "group_by": [],
    }
    group_by = request.query_params.getlist("group_by")
    if group_by:
        try:
            context["group_by"] = parse_group_by(group_by)
        except InvalidGrouping as error:
            raise HTTPException(400, str(error)) from None
        context["grouped"] = figures.grouped_table(context["group_by"])
        context["grouped_query"] = _query(figures) + "&" + urlencode([("group_by", d) for d in context["group_by"]])
    return render(request, "dashboard.html", context)


@router.get("/dashboard/faelle")
def drill_down(request: Request, db: DbSession, user: ManagerPage, von: str | None = None, bis: str | None = None):
    """The consultations behind a figure: exactly those counted, one per row."""
    figures = _figures(request, db, von, bis)
    table = figures.consultations()
    context = {
        "table": table,
        "period": figures.period,
        "described": figures.filter_description(),
        "query": _query(figures),
        "inbox_link": _inbox_link(figures),
    }
    return render(request, "dashboard_cases.html", context)


def _inbox_link(figures: Figures) -> str | None:
    """The same selection in the triage inbox, where its filters can express it (no channel,
    no kind of authority, no "without …")."""
    filters = figures.filters
    if filters.channel or filters.authority_kind or "-" in filters.as_query().values():
        return None
    pairs = {
        "thema": filters.topic,
        "kreis": filters.district,
        "behoerde": filters.authority,
        "zustaendig": filters.assignee,
        "status": filters.status or "alle",
        "von": figures.period.start.isoformat(),
        "bis": figures.period.end.isoformat(),
    }
    return "/eingang?" + urlencode({k: v for k, v in pairs.items() if v})


def _table(request: Request, db, key: str, von: str | None, bis: str | None):
    figures = _figures(request, db, von, bis)
    if key == "auswertung":
        try:
            dimensions = parse_group_by(request.query_params.getlist("group_by"))
        except InvalidGrouping as error:
            raise HTTPException(400, str(error)) from None
        return figures.grouped_table(dimensions), figures.period
    if key.startswith("jahr_"):
        table = table_by_key(db, key, figures.period, figures.taxonomy)
    else:
        table = build_table(figures, key)
    if table is None:
        raise HTTPException(404, f"Tabelle {key} gibt es nicht.")
    return table, figures.period


@router.get("/dashboard/diagramme/{key}.svg")
def chart(request: Request, key: str, db: DbSession, user: ManagerPage, von: str | None = None, bis: str | None = None):
    table, _period = _table(request, db, key, von, bis)
    svg = chart_svg(table)
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
    if extension not in ("csv", "xlsx"):
        raise HTTPException(404, "Nur CSV und XLSX sind möglich.")
    table, period = _table(request, db, key, von, bis)
    stem = f"eingang-{table.key}" if key.startswith("jahr_") else f"eingang-{table.key}-{period.start}-{period.end}"
    content, media_type = export_file(table, extension)
    headers = {
        "Content-Disposition": attachment_disposition(f"{stem}.{extension}", f"eingang-export.{extension}"),
        "Content-Security-Policy": DOWNLOAD_CSP,
        "Cache-Control": "no-store",
    }
    return Response(content, media_type=media_type, headers=headers)
