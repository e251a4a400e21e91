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
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=15,
    value_font_size=14,
)
_COMMON = {"style": _STYLE, "js": [], "width": 720, "height": 360, "print_values": False, "legend_at_bottom": True}


def _integer_axis(maximum: float) -> dict:
    """Counts are whole numbers: at most ~8 integer ticks from 0 to the largest value."""
    top = max(1, int(maximum))
    step = max(1, -(-top // 8))
    return {"range": (0, top), "y_labels": list(range(0, top + step, step)), "y_labels_major_every": 1}


def _number(value) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def chart_svg(table: Table) -> bytes:
    """An SVG chart fitting the table, titled with what it counts: series over months (the
    topic chart stacks *Themennennungen*, so its bars may add up to more than the cases), or
    one bar per category."""
    if table.columns and table.columns[0] == "Monat":
        stacked = table.key == "themen_monate"
        # The topic chart stacks the topic columns, not the last column (cases, each once).
        series = table.columns[1:-1] if stacked else table.columns[1:]
        if stacked:
            values = [sum(_number(v) or 0 for v in row[1:-1]) for row in table.rows]
        else:
            values = [_number(v) or 0 for row in table.rows for v in row[1 : len(series) + 1]]
        title = f"{table.counts} je Monat" + (" (ein Fall zählt bei jedem seiner Themen)" if stacked else "")
        chart = (pygal.StackedBar if stacked else pygal.Bar)(
            title=title, x_label_rotation=30, **_integer_axis(max(values, default=1)), **_COMMON
        )
        chart.x_labels = [row[0] for row in table.rows]
        for offset, name in enumerate(series, start=1):
            chart.add(name, [_number(row[offset]) for row in table.rows])
    else:
        rows = [row for row in table.rows if _number(row[1]) is not None][:25]
        axis = _integer_axis(max((row[1] for row in rows), default=1))
        chart = pygal.HorizontalBar(title=f"{table.counts}: {table.columns[1]}", show_legend=False, **axis, **_COMMON)
        chart.x_labels = [str(row[0]) for row in rows]
        chart.add(table.columns[1], [row[1] for row in rows])
        if not rows:
            chart.no_data_text = "Keine Daten im Zeitraum"
    return chart.render()
