"""CSV and XLSX files of the dashboard's tables (the same ``Table`` objects the page shows)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from web.statistics import Table

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table_csv(table: Table) -> bytes:
    """Semicolon-separated UTF-8 with BOM: what German Excel opens correctly by double-click."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_safe_cell(value) for value in table.columns])
    writer.writerows([_safe_cell(value) for value in row] for row in table.rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# OWASP "CSV injection": a cell starting with one of these is read as a formula by spreadsheet
# programs (=HYPERLINK(…), =cmd|…). A leading apostrophe makes it plain text, in CSV and XLSX.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def table_xlsx(table: Table) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.key[:31]
    sheet.append([_safe_cell(table.title)])
    sheet["A1"].font = Font(bold=True)
    sheet.append([_safe_cell(value) for value in table.columns])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_safe_cell(value) for value in row])
    for index, column in enumerate(table.columns, start=1):
        width = max([len(str(column)), *(len(str(row[index - 1])) for row in table.rows)])
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = min(60, width + 2)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
