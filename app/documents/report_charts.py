"""The Laporan charts drawn with ReportLab's own graphics, so a printed report carries the
same series as the screen (ui/widgets/charts.py) without Qt in app/: the outstanding
principal by class with the NPL ratio over the month-ends, the arrears ageing, collection
results by month and the causes of non-payment."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import cm

from app.documents.chart_data import (
    CLASS_COLORS,
    SERIES,
    BarSeries,
    month_label,
    trend_series,
    whole_step,
)
from app.documents.fonts import FONT_BOLD, FONT_REGULAR
from app.documents.letter import CONTENT_WIDTH
from app.loans.trend import TrendPoint


def _title(drawing: Drawing, text: str, y: float) -> None:
    drawing.add(String(0, y, text, fontName=FONT_BOLD, fontSize=8.5))


def _legend(drawing: Drawing, names: Sequence[tuple[str, str]], y: float) -> None:
    x = 0.0
    for name, colour in names:
        drawing.add(String(x + 9, y, name, fontName=FONT_REGULAR, fontSize=7))
        drawing.add(Rect(x, y - 1, 7, 7, fillColor=colors.HexColor(colour), strokeColor=None))
        x += 16 + 4.2 * len(name)


def stacked_bars(data: BarSeries, colours: Sequence[str], height: float = 5.2 * cm) -> Drawing:
    drawing = Drawing(CONTENT_WIDTH, height)
    _title(drawing, data.title, height - 10)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 28
    chart.width, chart.height = CONTENT_WIDTH - 50, height - 58
    chart.data = [list(values) or [0] for _name, values in data.series]
    chart.categoryAxis.categoryNames = list(data.labels) or [""]
    chart.categoryAxis.labels.fontName = FONT_REGULAR
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 30 if len(data.labels) > 12 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(data.labels) > 12 else "n"
    chart.categoryAxis.style = "stacked"
    chart.valueAxis.labels.fontName = FONT_REGULAR
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}".replace(",", ".")
    for i, colour in enumerate(colours):
        chart.bars[i].fillColor = colors.HexColor(colour)
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    _legend(drawing, [(n, c) for (n, _v), c in zip(data.series, colours, strict=False)], 4)
    return drawing


def grouped_bars(data: BarSeries, height: float = 5.2 * cm, horizontal: bool = False) -> Drawing:
    drawing = Drawing(CONTENT_WIDTH, height)
    _title(drawing, data.title, height - 10)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 150 if horizontal else 40
    chart.x, chart.y = left, 28
    chart.width, chart.height = CONTENT_WIDTH - left - 10, height - 58
    chart.data = [list(values) or [0] for _name, values in data.series]
    chart.categoryAxis.categoryNames = list(data.labels) or [""]
    chart.categoryAxis.labels.fontName = FONT_REGULAR
    chart.categoryAxis.labels.fontSize = 6.5
    if horizontal:
        chart.categoryAxis.reverseDirection = 1
    chart.valueAxis.labels.fontName = FONT_REGULAR
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = whole_step(data)
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}".replace(",", ".")
    for i in range(len(data.series)):
        chart.bars[i].fillColor = colors.HexColor(SERIES[i % len(SERIES)])
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if len(data.series) > 1:
        names = [(n, SERIES[i % len(SERIES)]) for i, (n, _v) in enumerate(data.series)]
        _legend(drawing, names, 4)
    return drawing


def npl_line(points: Sequence[TrendPoint], height: float = 4.2 * cm) -> Drawing:
    """The NPL ratio (percent) at each month-end."""
    drawing = Drawing(CONTENT_WIDTH, height)
    _title(drawing, "Rasio NPL (%) per akhir bulan", height - 10)
    chart = HorizontalLineChart()
    chart.x, chart.y = 40, 22
    chart.width, chart.height = CONTENT_WIDTH - 50, height - 48
    chart.data = [[float(p.npl_ratio) for p in points] or [0.0]]
    chart.categoryAxis.categoryNames = [month_label(p) for p in points] or [""]
    chart.categoryAxis.labels.fontName = FONT_REGULAR
    chart.categoryAxis.labels.fontSize = 6.5
    chart.valueAxis.labels.fontName = FONT_REGULAR
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: f"{v:.1f}".replace(".", ",")
    chart.lines[0].strokeColor = colors.HexColor("#c62828")
    chart.lines[0].strokeWidth = 1.5
    drawing.add(chart)
    return drawing


def trend_drawings(points: Sequence[TrendPoint]) -> list[Drawing]:
    if not points:
        return []
    return [
        stacked_bars(trend_series(points), list(CLASS_COLORS.values())),
        npl_line(points),
    ]
