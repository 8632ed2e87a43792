"""What a chart shows, apart from how it is drawn: the colours of the classes and series, the
data of a bar chart, month labels and grid steps. Shared by the ReportLab drawings
(report_charts.py) and the Qt charts on screen (ui/widgets/charts.py), which must not load
ReportLab to show Beranda (issue 16)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.formats import MONTHS_ID
from app.loans.trend import TrendPoint

CLASS_COLORS = {
    "L": "#2e7d32",
    "DPK": "#f9a825",
    "KL": "#ef6c00",
    "D": "#c62828",
    "M": "#4a148c",
}
SERIES = ("#1565c0", "#2e7d32", "#c62828", "#f9a825", "#6a1b9a")


@dataclass(frozen=True)
class BarSeries:
    """A chart's data: category labels and one or more named series of whole numbers."""

    title: str
    labels: Sequence[str]
    series: Sequence[tuple[str, Sequence[int]]]
    unit: str = ""


def month_label(point: TrendPoint) -> str:
    return f"{MONTHS_ID[point.as_of.month - 1][:3]} {point.as_of.year % 100:02d}"


def whole_step(data: BarSeries) -> int:
    """A step of whole units giving at most about six grid lines (1, 2, 5, 10, 20, 50 …)."""
    top = max((v for _n, values in data.series for v in values), default=0)
    step = 1
    while top / step > 6:
        for factor in (2, 5 / 2, 2):
            step = int(step * factor)
            if top / step <= 6:
                break
    return step
