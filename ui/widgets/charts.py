"""QtCharts views of the Laporan series (app/documents/report_charts.py builds the same series
for print): stacked bars of outstanding by class with the NPL line, and plain bar charts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from app.documents.chart_data import CLASS_COLORS, SERIES, BarSeries, month_label, whole_step
from app.loans.quality import class_label
from app.loans.trend import TrendPoint


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


class ChartView(QChartView):
    def __init__(self, parent: QWidget | None = None, minimum_height: int = 220) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(minimum_height)
        self.setChart(_chart(""))

    def series_values(self) -> list[tuple[str, list[float]]]:
        """(name, values) of every bar set and line: what the chart draws (for tests)."""
        out: list[tuple[str, list[float]]] = []
        for series in self.chart().series():
            if isinstance(series, QLineSeries):
                out.append((series.name(), [p.y() for p in series.points()]))
            else:
                for bar_set in series.barSets():  # type: ignore[attr-defined]
                    out.append((bar_set.label(), [bar_set.at(i) for i in range(bar_set.count())]))
        return out


class TrendChart(ChartView):
    """Outstanding by class (stacked bars, millions) and the NPL ratio (line, right axis)."""

    def set_points(self, points: Sequence[TrendPoint], compact: bool = False) -> None:
        chart = _chart("" if compact else self.tr("Sisa pokok per kolektibilitas dan rasio NPL"))
        labels = [month_label(p) for p in points]
        axis_x = QBarCategoryAxis()
        axis_x.append(labels)
        if not compact:
            bars = QStackedBarSeries()
            for code, colour in CLASS_COLORS.items():
                bar_set = QBarSet(class_label(code))
                bar_set.setColor(QColor(colour))
                bar_set.append([p.outstanding_by_class.get(code, 0) / 1_000_000 for p in points])
                bars.append(bar_set)
            chart.addSeries(bars)
            chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
            axis_money = QValueAxis()
            axis_money.setTitleText(self.tr("juta rupiah"))
            axis_money.setLabelFormat("%.0f")
            chart.addAxis(axis_money, Qt.AlignmentFlag.AlignLeft)
            bars.attachAxis(axis_x)
            bars.attachAxis(axis_money)
            axis_money.applyNiceNumbers()
        else:
            chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
            chart.legend().hide()
        line = QLineSeries()
        line.setName(self.tr("NPL (%)"))
        line.setColor(QColor("#c62828"))
        for i, p in enumerate(points):
            line.append(i, float(p.npl_ratio))
        chart.addSeries(line)
        axis_npl = QValueAxis()
        axis_npl.setLabelFormat("%.1f")
        axis_npl.setMin(0)
        axis_npl.setMax(max([5.0, *(float(p.npl_ratio) * 1.2 for p in points)]))
        axis_npl.setTitleText("" if compact else self.tr("NPL (%)"))
        chart.addAxis(
            axis_npl, Qt.AlignmentFlag.AlignLeft if compact else Qt.AlignmentFlag.AlignRight
        )
        line.attachAxis(axis_x)
        line.attachAxis(axis_npl)
        if compact:  # a sparkline: the line alone, its figures are beside it
            for axis in (axis_x, axis_npl):
                axis.setLabelsVisible(False)
                axis.setGridLineVisible(False)
                axis.setLineVisible(False)
            chart.setMargins(QMargins(0, 0, 0, 0))
            chart.layout().setContentsMargins(0, 0, 0, 0)
            chart.setBackgroundRoundness(0)
        self.setChart(chart)


class BarChart(ChartView):
    """One or more series of whole numbers over categories; `horizontal` for long labels."""

    def set_data(self, data: BarSeries, horizontal: bool = False) -> None:
        chart = _chart(data.title)
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        for i, (name, values) in enumerate(data.series):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(SERIES[i % len(SERIES)]))
            bar_set.append([float(v) for v in values])
            series.append(bar_set)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(list(data.labels))
        values_axis = QValueAxis()
        values_axis.setLabelFormat("%d")
        step = whole_step(data)
        top = max((v for _n, values in data.series for v in values), default=0)
        values_axis.setRange(0, max(step, -(-top // step) * step))
        values_axis.setTickCount(int(max(step, -(-top // step) * step) // step) + 1)
        chart.addAxis(
            categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
        )
        chart.addAxis(
            values_axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
        )
        series.attachAxis(categories)
        series.attachAxis(values_axis)
        if len(data.series) == 1:
            chart.legend().hide()
        self.setChart(chart)
