"""CSV and XLSX files of the figures (the same ``Table`` objects the dashboard shows).

CSV is written for German Excel: semicolon-separated, decimal comma, dates as ``TT.MM.JJJJ``,
UTF-8 with BOM, CRLF. Every CSV file goes through ``write_csv`` and every cell through
``csv_cell`` (the one place that decides how a value is written). XLSX cells are typed: numbers
are numbers, dates and times are dates (local time), text is text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Font

from web.statistics import Table

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
# OWASP "CSV injection": a cell starting with one of these is read as a formula by spreadsheet
# programs (=HYPERLINK(…), =cmd|…). A leading apostrophe makes it plain text, in CSV and XLSX.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """One value as German Excel reads it: ``0,5``, ``05.03.2024 14:30``, empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return repr(round(value, 6)).replace(".", ",")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return _safe_cell(str(value))


def write_csv(columns: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """The only CSV writer: header and rows, each cell through ``csv_cell``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_cell(column) for column in columns])
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_csv(table: Table) -> bytes:
    return write_csv(table.columns, table.rows)


def _safe_cell(value):
    """Text that a spreadsheet would run as a formula is made plain text (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # XLSX has no time zones; the tables hold local time
    return value


_FORMATS = {datetime: "DD.MM.YYYY HH:MM", date: "DD.MM.YYYY", float: "0.0"}


def table_xlsx(table: Table) -> bytes:
    """One sheet: title, what is counted, header, typed rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.key[:31]
    sheet.append([_safe_cell(table.title)])
    sheet["A1"].font = Font(bold=True)
    sheet.append([f"Gezählt: {table.counts}. {table.note}".strip()])
    sheet.append([_safe_cell(column) for column in table.columns])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_safe_cell(value) for value in row])
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            for kind, number_format in _FORMATS.items():
                if isinstance(value, kind) and not isinstance(value, bool):
                    cell.number_format = number_format
                    break
    for index, column in enumerate(table.columns, start=1):
        width = max([len(str(column)), *(len(csv_cell(row[index - 1])) for row in table.rows)])
        sheet.column_dimensions[sheet.cell(row=3, column=index).column_letter].width = min(60, width + 2)
    sheet.freeze_panes = "A4"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export(table: Table, extension: str) -> tuple[bytes, str]:
    """The file content and its media type for ``csv`` or ``xlsx``; ValueError otherwise."""
    if extension == "csv":
        return table_csv(table), CSV_TYPE
    if extension == "xlsx":
        return table_xlsx(table), XLSX_TYPE
    raise ValueError("Nur CSV und XLSX sind möglich.")
