"""``eingang export …``: the dashboard's figures as CSV or XLSX files, for scheduled reports
(e.g. a cron job mailing the monthly figures). The same tables, filters and numbers as the web
dashboard; output to a file or to standard output."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path

import typer

from eingang.cli.common import fail, runtime
from eingang.cli.german_help import GermanTyper
from models import session_scope

app = GermanTyper(help="Kennzahlen als CSV oder XLSX exportieren (wie im Dashboard).", no_args_is_help=True)


class FileFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"


FORMAT = typer.Option(FileFormat.CSV, "--format", "-f", help="Dateiformat: csv (für deutsches Excel), xlsx oder json.")
OUTPUT = typer.Option("-", "--output", "-o", help="Zieldatei; „-“ (Standard) schreibt auf die Standardausgabe.")
VON = typer.Option(None, "--von", help="Erster Tag des Zeitraums (JJJJ-MM-TT); Standard: vor zwölf Monaten.")
BIS = typer.Option(None, "--bis", help="Letzter Tag des Zeitraums (JJJJ-MM-TT); Standard: heute.")
THEMA = typer.Option(None, "--thema", help="Nur Fälle mit diesem Thema (Themen-ID; „-“ = ohne Thema).")
KREIS = typer.Option(None, "--kreis", help="Nur Fälle aus diesem Kreis (5-stelliger Schlüssel).")
ART = typer.Option(None, "--art", help="Nur Fälle dieser Art von Kommune (z. B. Gemeinde, Stadt).")
BEHOERDE = typer.Option(None, "--behoerde", help="Nur Fälle dieser Kommune/Behörde (Schlüssel).")
ZUSTAENDIG = typer.Option(None, "--zustaendig", help="Nur Fälle dieser Person (Benutzername; „niemand“).")
KANAL = typer.Option(None, "--kanal", help="Nur Fälle dieses Kanals („smtp“, „imap“, „file“, „chat“).")
STATUS = typer.Option(None, "--status", help="Nur Fälle mit diesem Status.")


def _period(von: str | None, bis: str | None, zone: str):
    from web.statistics import Period, default_period

    default = default_period(zone=zone)
    try:
        start = date.fromisoformat(von) if von else default.start
        end = date.fromisoformat(bis) if bis else default.end
    except ValueError:
        fail("Bitte Datumsangaben als JJJJ-MM-TT angeben.", 2)
    if end < start:
        fail("Das Ende des Zeitraums liegt vor seinem Anfang.", 2)
    return Period(start, end, zone)


def _write(content: bytes, output: str) -> None:
    if output == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    path = Path(output)
    path.write_bytes(content)
    typer.echo(f"{path} geschrieben ({len(content)} Bytes).", err=True)


def _export(build, fmt: FileFormat, output: str, von, bis, filter_values: dict) -> None:
    from web.exports import export
    from web.statistics import Figures, Filters

    if fmt == FileFormat.XLSX and output == "-" and sys.stdout.isatty():
        fail("XLSX ist binär: bitte mit --output DATEI schreiben (oder die Ausgabe umleiten).", 2)
    rt = runtime()
    period = _period(von, bis, rt.settings.local_timezone)
    filters = Filters(**filter_values)
    with session_scope(rt.engine) as session:
        figures = Figures(session, period, rt.taxonomy, filters, rt.settings)
        table = build(figures)
        if table is None:
            fail("Diese Tabelle gibt es nicht; „eingang export tables“ listet die möglichen.")
        if fmt == FileFormat.JSON:
            content = (json.dumps(table.public().as_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        else:
            content, _media_type = export(table, fmt.value)
    _write(content, output)


@app.command("tables")
def tables() -> None:
    """Die Schlüssel der exportierbaren Tabellen auflisten."""
    from web.statistics import TABLE_KEYS

    for key in TABLE_KEYS:
        typer.echo(key)
    typer.echo("jahr_JJJJ_themen, jahr_JJJJ_kreise (Jahresübersicht)")


def _filters(thema: str, kreis: str, art: str, behoerde: str, zustaendig: str, kanal: str, status: str) -> dict:
    """The dashboard's filters from the command's options (one mapping for every export)."""
    return dict(
        topic=thema,
        district=kreis,
        authority_kind=art,
        authority=behoerde,
        assignee=zustaendig,
        channel=kanal,
        status=status,
    )


@app.command("table")
def table(
    key: str = typer.Argument(..., help="Tabelle, z. B. themen_monate, kreise, abdeckung (siehe „tables“)."),
    fmt: FileFormat = FORMAT,
    output: str = OUTPUT,
    von: str = VON,
    bis: str = BIS,
    thema: str = THEMA,
    kreis: str = KREIS,
    art: str = ART,
    behoerde: str = BEHOERDE,
    zustaendig: str = ZUSTAENDIG,
    kanal: str = KANAL,
    status: str = STATUS,
) -> None:
    """Eine Tabelle des Dashboards exportieren (Zeitraum und Filter wie im Dashboard)."""
    from web.statistics import annual_summary, build_table

    def build(figures):
        if key.startswith("jahr_"):
            parts = key.split("_")
            if len(parts) == 3 and parts[1].isdigit() and 2000 <= int(parts[1]) <= 2100:
                found = annual_summary(figures.session, int(parts[1]), figures.taxonomy, figures.period.zone)
                return next((t for t in found if t.key == key), None)
            return None
        return build_table(figures, key)

    filters = _filters(thema, kreis, art, behoerde, zustaendig, kanal, status)
    _export(build, fmt, output, von, bis, filters)


@app.command("consultations")
def consultations(
    fmt: FileFormat = FORMAT,
    output: str = OUTPUT,
    von: str = VON,
    bis: str = BIS,
    thema: str = THEMA,
    kreis: str = KREIS,
    art: str = ART,
    behoerde: str = BEHOERDE,
    zustaendig: str = ZUSTAENDIG,
    kanal: str = KANAL,
    status: str = STATUS,
) -> None:
    """Ein Beratungsfall je Zeile: Eingang, erste Antwort, Stunden, Status, Themen, Kommune, Kreis."""
    filters = _filters(thema, kreis, art, behoerde, zustaendig, kanal, status)
    _export(lambda figures: figures.consultations(), fmt, output, von, bis, filters)


@app.command("statistics")
def statistics(
    group_by: str = typer.Option(
        "month",
        "--group-by",
        "-g",
        help="Dimensionen, kommagetrennt: month, topic, district, authority_kind, "
        "authority, assignee, channel, status.",
    ),
    fmt: FileFormat = FORMAT,
    output: str = OUTPUT,
    von: str = VON,
    bis: str = BIS,
    thema: str = THEMA,
    kreis: str = KREIS,
    art: str = ART,
    behoerde: str = BEHOERDE,
    zustaendig: str = ZUSTAENDIG,
    kanal: str = KANAL,
    status: str = STATUS,
) -> None:
    """Beratungsfälle gruppiert (wie GET /api/statistics/consultations): Anzahl, Median, 90 %-Wert."""
    from web.statistics import InvalidGrouping, parse_group_by

    try:
        dimensions = parse_group_by(group_by)
    except InvalidGrouping as error:
        fail(str(error), 2)
    filters = _filters(thema, kreis, art, behoerde, zustaendig, kanal, status)
    _export(lambda figures: figures.grouped_table(dimensions), fmt, output, von, bis, filters)
