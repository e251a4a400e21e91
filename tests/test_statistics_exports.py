"""The dashboard on the grouped figures and its exports: filters, drill-down to exactly the
counted consultations, charts that say what they count, coverage of the Gemeinden, and every
view as XLSX with typed cells (read with openpyxl) and as CSV for German Excel (read back with
``;`` and decimal comma)."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from html import unescape

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.statistics_support import add_consultation, two_municipalities_of_one_district
from tests.test_web_support import add_user, login, web_runtime
from web.app import create_app

PERIOD = {"von": "2024-01-01", "bis": "2025-12-31"}


@pytest.fixture
def desk(sqlite_url):
    runtime = web_runtime(sqlite_url)
    add_user(runtime, "lea", "leitung")
    add_user(runtime, "anna", "berater")
    first, second = two_municipalities_of_one_district(runtime)
    a, b = runtime.taxonomy.ids[:2]
    add_consultation(
        runtime,
        "KV-2024-00001",
        datetime(2024, 3, 5, 9, 0, tzinfo=UTC),
        topics=[a, b],
        response_hours=1.5,
        authority_key=first.key,
        assignee="anna",
    )
    add_consultation(
        runtime,
        "KV-2025-00001",
        datetime(2025, 11, 20, 8, 0, tzinfo=UTC),
        topics=[a],
        response_hours=10.5,
        authority_key=first.key,
        channel="smtp",
    )
    add_consultation(
        runtime,
        "KV-2025-00002",
        datetime(2025, 11, 21, 8, 0, tzinfo=UTC),
        channel="chat",
        closed=datetime(2025, 11, 25, 8, 0, tzinfo=UTC),
        status="abgeschlossen",
    )
    with TestClient(create_app(runtime)) as client:
        assert login(client, "lea").status_code == 303
        yield client, runtime, (a, b), (first, second)
    runtime.engine.dispose()


def read_csv(response) -> list[list[str]]:
    assert response.content.startswith(b"\xef\xbb\xbf"), "German Excel needs the UTF-8 BOM"
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def german_number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def test_one_row_per_consultation_as_csv_and_typed_xlsx(desk):
    client, _runtime, _topics, (first, _second) = desk
    rows = read_csv(client.get("/dashboard/export/faelle.csv", params=PERIOD))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["Aktenzeichen", "Eingang", "erste Antwort", "Stunden bis erste Antwort"]
    assert [row[0] for row in body] == ["KV-2024-00001", "KV-2025-00001", "KV-2025-00002"]
    assert body[0][1] == "05.03.2024 10:00"  # 09:00 UTC is 10:00 in Berlin (winter time)
    assert body[0][3] == "1,5" and german_number(body[1][3]) == 10.5 and body[2][3] == ""
    assert body[0][8] == first.name and body[0][11] == "Anna"

    xlsx = client.get("/dashboard/export/faelle.xlsx", params=PERIOD)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A3"].value == "Aktenzeichen" and sheet["A4"].value == "KV-2024-00001"
    assert isinstance(sheet["B4"].value, datetime) and sheet["B4"].value == datetime(2024, 3, 5, 10, 0)
    assert sheet["B4"].number_format == "DD.MM.YYYY HH:MM"
    assert isinstance(sheet["D4"].value, float) and sheet["D4"].value == 1.5
    assert sheet["D6"].value is None and sheet["E6"].value == datetime(2025, 11, 25, 9, 0)


def test_aggregates_export_with_decimal_comma_and_numbers(desk):
    client, runtime, (a, _b), _places = desk
    topics = read_csv(client.get("/dashboard/export/themen.csv", params=PERIOD))
    row_a = next(row for row in topics[1:] if row[0] == runtime.taxonomy.label(a))
    assert row_a[1:5] == ["2", "2", "6,0", "9,6"]  # median of 1.5 h and 10.5 h; 90 % value
    xlsx = client.get("/dashboard/export/themen.xlsx", params=PERIOD)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A2"].value.startswith("Gezählt: Themennennungen")
    values = {row[0]: row[1:] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert values[runtime.taxonomy.label(a)][:4] == (2, 2, 6.0, 9.6)
    by_month = read_csv(client.get("/dashboard/export/neu_abgeschlossen.csv", params=PERIOD))
    assert ["2024-03", "1", "0"] in by_month and ["2025-11", "2", "1"] in by_month
    grouped = read_csv(
        client.get("/dashboard/export/auswertung.csv", params={**PERIOD, "group_by": ["month", "channel"]})
    )
    assert grouped[0][:3] == ["Monat", "Kanal", "Fälle"]
    assert ["2025-11", "Chat", "1", "0", "", ""] in grouped
    assert client.get("/dashboard/export/auswertung.csv", params={"group_by": "farbe"}).status_code == 400
    assert client.get("/dashboard/export/faelle.pdf").status_code == 404


def test_dashboard_filters_drill_down_and_charts_say_what_they_count(desk):
    client, _runtime, (_a, b), (first, _second) = desk
    page = client.get("/dashboard", params=PERIOD)
    assert page.status_code == 200
    for text in (
        "Themennennungen",
        "Beratungsfälle",
        "Rückstand",
        "Abdeckung",
        "Einhaltung der Erstantwort-Frist",
        "Antwortzeiten je Beraterin",
        'name="kanal"',
        'name="art"',
        'name="zustaendig"',
    ):
        assert text in page.text, text
    chart = client.get("/dashboard/diagramme/themen_monate.svg", params=PERIOD).text
    assert "Themennennungen je Monat" in chart and "ein Fall zählt bei jedem seiner Themen" in chart
    assert "Beratungsfälle" in client.get("/dashboard/diagramme/kreise.svg", params=PERIOD).text

    # Drill-down: the link of the district row lists exactly the consultations counted there.
    district_table = page.text.split('id="tabelle-kreise"')[1].split("</table>")[0]
    link = unescape(re.search(r'<a href="(/dashboard/faelle\?[^"]+)"', district_table).group(1))
    assert f"kreis={first.district_key}" in link
    listed = client.get(link).text
    found = re.findall(r"KV-\d{4}-\d{5}", listed.split("<tbody>")[1])
    assert list(dict.fromkeys(found)) == ["KV-2024-00001", "KV-2025-00001"]
    inbox = unescape(re.search(r'<a href="(/eingang\?[^"]+)">Im Eingang öffnen', listed).group(1))
    assert f"kreis={first.district_key}" in inbox and "status=alle" in inbox
    assert client.get(inbox).status_code == 200

    # Filters: topic b and a channel narrow every table; the drill-down keeps them.
    filtered = client.get("/dashboard", params={**PERIOD, "thema": b})
    assert "1 Beratungsfälle anzeigen" in filtered.text
    grouped = client.get("/dashboard", params={**PERIOD, "group_by": ["topic", "month"]}).text
    grouped_table = grouped.split('id="tabelle-auswertung"')[1].split("</table>")[0]
    links = [unescape(link) for link in re.findall(r'<a href="(/dashboard/faelle\?[^"]+)"', grouped_table)]
    assert len(links) == 4  # (a, 2024-03), (a, 2025-11), (b, 2024-03), (ohne Thema, 2025-11)
    assert all(
        len(set(re.findall(r"KV-\d{4}-\d{5}", client.get(link).text.split("<tbody>")[1]))) == 1 for link in links
    )
    by_channel = client.get("/dashboard/faelle", params={**PERIOD, "kanal": "chat"}).text
    assert "KV-2025-00002" in by_channel and "KV-2024-00001" not in by_channel
    assert client.get("/dashboard", params={"von": "2026-05-01", "bis": "2026-01-01"}).status_code == 400


def test_coverage_lists_gemeinden_without_consultation_in_twelve_months(desk):
    client, _runtime, _topics, (first, second) = desk
    rows = read_csv(client.get("/dashboard/export/abdeckung.csv", params={**PERIOD, "kreis": first.district_key}))
    assert rows[0][:3] == ["Gemeinde", "Verwaltungsgemeinschaft", "beraten"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name[first.name][2] == "ja" and by_name[first.name][3] == "1"  # only the 2025 one is within 12 months
    assert by_name[first.name][5] == "20.11.2025"
    assert by_name[second.name][2] == "nein"
    assert rows[1][2] == "nein"  # who has not consulted comes first
    overview = read_csv(client.get("/dashboard/export/abdeckung.csv", params=PERIOD))
    assert overview[0] == ["Kreis", "Gemeinden", "mit Beratung", "ohne Beratung", "Anteil mit Beratung (%)"]
    consulted = [row for row in overview[1:] if row[2] != "0"]
    assert len(consulted) == 1 and int(consulted[0][2]) == 1


def test_exported_text_never_runs_as_a_formula_but_numbers_stay_numbers():
    from web.exports import table_xlsx, write_csv
    from web.statistics import Table

    hostile = ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tTab", "Gotha"]
    rows = list(
        csv.reader(
            io.StringIO(write_csv(["Wert", "Zahl"], [[v, -1.5] for v in hostile]).decode("utf-8-sig")), delimiter=";"
        )
    )
    assert [row[0] for row in rows[1:]] == ["'" + v for v in hostile[:5]] + ["Gotha"]
    assert all(row[1] == "-1,5" for row in rows[1:])
    sheet = load_workbook(
        io.BytesIO(table_xlsx(Table("t", "T", ["Wert", "Zahl"], [[v, -1.5] for v in hostile])))
    ).active
    assert sheet["A4"].value == "'" + hostile[0] and sheet["B4"].value == -1.5 and sheet["A9"].value == "Gotha"
