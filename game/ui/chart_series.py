"""The charts of game/present/charts.py as the window paints them: each series in the palette's
colour for its role. The year-end report and the end screen draw the same."""

from __future__ import annotations

from ..present.charts import Chart, ChartSeries
from . import draw


def drawn_series(style, series: ChartSeries) -> draw.Series:
    return draw.Series(series.label, series.points, getattr(style.palette, series.colour), series.style,
                       low=series.low, hollow=series.hollow)


def paint(canvas, style, rect, chart: Chart) -> None:
    draw.line_chart(canvas, style, rect, chart.title, [drawn_series(style, s) for s in chart.series], chart.years)
