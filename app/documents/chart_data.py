"""What a chart shows, apart from how it is drawn: the colours of the classes and series, the
data of a bar chart, month labels and grid steps. Shared by the ReportLab drawings
(report_charts.py) and the Qt charts on screen (ui/widgets/charts.py), which must not load
ReportLab to show Beranda or a section (issue 16); and the series the reports chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.formats import MONTHS_ID
from app.loans.trend import TrendPoint

if TYPE_CHECKING:
    from app.collection.reports import CauseRow, PerformanceRow

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


def trend_series(points: Sequence[TrendPoint]) -> BarSeries:
    """Outstanding principal by class at each month-end, in millions of rupiah."""
    labels = [month_label(p) for p in points]
    series = [
        (code, [round(p.outstanding_by_class.get(code, 0) / 1_000_000) for p in points])
        for code in CLASS_COLORS
    ]
    return BarSeries("Sisa pokok per kolektibilitas (juta rupiah)", labels, series, "juta")


def collection_series(rows: Sequence[PerformanceRow]) -> tuple[BarSeries, BarSeries]:
    """Promises kept and broken by month, and the amount collected from cases by month
    (thousands of rupiah), from the Kinerja Penagihan rows (all officers together)."""
    months = sorted({r.month for r in rows})
    kept = {m: 0 for m in months}
    broken = {m: 0 for m in months}
    money = {m: 0 for m in months}
    for r in rows:
        kept[r.month] += r.promises_kept
        broken[r.month] += r.promises_broken
        money[r.month] += r.recovered
    labels = [f"{MONTHS_ID[m.month - 1][:3]} {m.year % 100:02d}" for m in months]
    promises = BarSeries(
        "Janji bayar per bulan",
        labels,
        [("Ditepati", [kept[m] for m in months]), ("Ingkar", [broken[m] for m in months])],
    )
    collected = BarSeries(
        "Uang diterima dari pinjaman yang ditangani (ribu rupiah)",
        labels,
        [("Diterima", [round(money[m] / 1000) for m in months])],
        "ribu",
    )
    return promises, collected


def cause_series(rows: Sequence[CauseRow]) -> BarSeries:
    """Cases by cause of non-payment (the cases with a cause recorded)."""
    known = [r for r in rows if r.code]
    return BarSeries(
        "Kasus per penyebab tidak membayar",
        [r.label for r in known],
        [("Kasus", [r.cases for r in known])],
    )


def ageing_series(ageing: dict[str, int], counts: dict[str, int]) -> BarSeries:
    """Outstanding principal past due by how long (millions of rupiah)."""
    return BarSeries(
        "Umur tunggakan: sisa pokok (juta rupiah)",
        list(ageing),
        [("Sisa pokok", [round(v / 1_000_000) for v in ageing.values()])],
        "juta",
    )
