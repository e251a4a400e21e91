"""Charts of the dashboard tables as SVG, drawn on the server with pygal (no JavaScript,
nothing loaded from elsewhere). Shown as images; the tables beside them carry the same data."""

from __future__ import annotations

import pygal
from pygal.style import Style

from web.statistics import Table

# Colour-blind-safe palette (Okabe–Ito) with dark text for contrast.
_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1a1a1a",
    foreground_strong="#000000",
    foreground_subtle="#555555",
    colors=("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"),
    font_family="DejaVu Sans, Arial, sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    title_font_size=16,
)
_COMMON = {"style": _STYLE, "js": [], "width": 900, "height": 420, "print_values": False, "legend_at_bottom": True}


def chart_svg(table: Table) -> bytes:
    """An SVG chart fitting the table: series over months, or one bar per category."""
    if table.columns and table.columns[0] == "Monat":
        stacked = table.key == "themen_monate"
        chart = (pygal.StackedBar if stacked else pygal.Bar)(title=table.title, x_label_rotation=30, **_COMMON)
        chart.x_labels = [row[0] for row in table.rows]
        series = table.columns[1:-1] if stacked else table.columns[1:]
        for offset, name in enumerate(series, start=1):
            chart.add(name, [row[offset] for row in table.rows])
    else:
        chart = pygal.HorizontalBar(title=table.title, show_legend=False, **_COMMON)
        rows = [row for row in table.rows if isinstance(row[1], int | float)][:25]
        chart.x_labels = [str(row[0]) for row in rows]
        chart.add(table.columns[1], [row[1] for row in rows])
        if not rows:
            chart.no_data_text = "Keine Daten im Zeitraum"
    return chart.render()
