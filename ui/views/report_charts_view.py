"""Laporan → Grafik: the portfolio over the last 24 month-ends (outstanding by class and the
NPL ratio, from the month-end snapshots), arrears ageing, collection results by month and the
causes of non-payment; Cetak prints the same series (ReportLab drawings) on the letterhead."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.documents import chart_data
from app.documents.report_doc import ReportDoc
from app.errors import AppError
from app.formats import format_date_long
from app.loans.trend import TrendPoint, month_end_trend
from app.services import Services
from app.users.models import User
from ui.dialogs.pdf_preview import PdfPreviewDialog
from ui.report_print import policy_line, preview_report, print_button
from ui.widgets.charts import BarChart, TrendChart

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

MONTHS = 24


class ReportChartsView(QWidget):
    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_charts")
        self.services = services
        self.user = user
        self.today: Callable[[], date] = date.today
        self.preview: PdfPreviewDialog | None = None
        self.points: list[TrendPoint] = []
        self.series: dict[str, chart_data.BarSeries] = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.caption = QLabel(objectName="charts_caption")
        self.caption.setWordWrap(True)
        top.addWidget(self.caption, 1)
        top.addWidget(print_button(self, self.print_charts))
        layout.addLayout(top)
        inner = QWidget()
        grid = QGridLayout(inner)
        self.trend = TrendChart(minimum_height=260)
        self.ageing = BarChart()
        self.promises = BarChart()
        self.collected = BarChart()
        self.causes = BarChart()
        grid.addWidget(self.trend, 0, 0, 1, 2)
        grid.addWidget(self.ageing, 1, 0)
        grid.addWidget(self.causes, 1, 1)
        grid.addWidget(self.promises, 2, 0)
        grid.addWidget(self.collected, 2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        today = self.today()
        try:
            self.points = month_end_trend(self.services.loans.quality, MONTHS)
            summary = self.services.loans.portfolio.summary(today)
            start = date(today.year - 1, today.month, 1)
            perf = self.services.collection_reports.performance(start, today, today)
            causes = self.services.collection_reports.by_cause(today)
        except AppError as exc:
            self.caption.setText(exc.message)
            return
        promises, collected = chart_data.collection_series(perf.rows)
        self.series = {
            "ageing": chart_data.ageing_series(summary.ageing, summary.ageing_counts),
            "promises": promises,
            "collected": collected,
            "causes": chart_data.cause_series(causes),
        }
        self.trend.set_points(self.points)
        self.ageing.set_data(self.series["ageing"])
        self.promises.set_data(promises)
        self.collected.set_data(collected)
        self.causes.set_data(self.series["causes"], horizontal=True)
        self.caption.setText(self.parameters_text())

    def parameters(self) -> list[str]:
        today = self.today()
        out = [self.tr("Per tanggal {date}").format(date=format_date_long(today))]
        if self.points:
            out.append(
                self.tr("{n} akhir bulan terakhir dari hasil tutup bulan").format(
                    n=len(self.points)
                )
            )
        else:
            out.append(self.tr("Belum ada hasil tutup bulan"))
        out.append(policy_line(self.services))
        return out

    def parameters_text(self) -> str:
        return " · ".join(self.parameters())

    def drawings(self) -> list[Flowable]:
        from app.documents import report_charts as rc  # ReportLab: with the first print

        charts: list[Flowable] = list(rc.trend_drawings(self.points))
        if self.series:
            charts.append(rc.grouped_bars(self.series["ageing"]))
            charts.append(rc.grouped_bars(self.series["causes"], horizontal=True))
            charts.append(rc.grouped_bars(self.series["promises"]))
            charts.append(rc.grouped_bars(self.series["collected"]))
        return charts

    def print_charts(self) -> PdfPreviewDialog | None:
        doc = ReportDoc(
            title=self.tr("Grafik Portofolio dan Penagihan"),
            parameters=self.parameters(),
            tables=[],
            charts=self.drawings(),
            printed_on=date.today(),
        )
        self.preview = preview_report(self, self.services, doc)
        return self.preview
