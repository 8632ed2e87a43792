"""Beranda: the NPL ratio of the latest month-end with its health band, and a small trend of
the last 12 month-ends (from the month-end snapshots) beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.errors import AppError
from app.loans.quality import health_band
from app.loans.trend import TrendPoint, month_end_trend
from app.services import Services
from ui.widgets.charts import TrendChart

BAND_STYLE = {
    "Sehat": "background:#e3f1e4; color:#1e6b2b;",
    "Cukup Sehat": "background:#fff4d6; color:#8a5a00;",
    "Kurang Sehat": "background:#ffe4cc; color:#9c4a00;",
    "Tidak Sehat": "background:#fde0e0; color:#b00020;",
}


def percent_text(point: TrendPoint) -> str:
    return f"{point.npl_ratio:.2f}".replace(".", ",") + "%"


class NplTrendCard(QFrame):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card_npl")
        self.services = services
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#card_npl { background: #f4f8fb; border: 1px solid #c9d6e2; border-radius: 6px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 4, 2)
        text = QVBoxLayout()
        self.caption = QLabel(self.tr("NPL akhir bulan"))
        self.value = QLabel(objectName="card_npl_value")
        font = self.value.font()
        font.setPointSize(13)
        font.setBold(True)
        self.value.setFont(font)
        self.band = QLabel(objectName="card_npl_band")
        text.addWidget(self.caption)
        text.addWidget(self.value)
        text.addWidget(self.band)
        layout.addLayout(text)
        self.chart = TrendChart(minimum_height=70)
        self.chart.setMaximumHeight(90)
        self.chart.setMinimumWidth(60)  # Beranda must fit 1366 px with the largest totals
        self.setMaximumWidth(300)
        layout.addWidget(self.chart, 1)
        self.points: list[TrendPoint] = []

    def refresh(self) -> None:
        try:
            self.points = month_end_trend(self.services.loans.quality, 12)
        except AppError:
            self.points = []
        self.chart.set_points(self.points, compact=True)
        if not self.points:
            self.value.setText("–")
            self.band.setText(self.tr("belum ada tutup bulan"))
            self.band.setStyleSheet("color:#555;")
            return
        last = self.points[-1]
        band = health_band(last.npl_ratio)
        self.value.setText(percent_text(last))
        self.band.setText(f" {band} ")
        self.band.setStyleSheet(BAND_STYLE.get(band, "") + " border-radius:3px; padding:1px 4px;")
        self.setToolTip(
            self.tr(
                "Rasio NPL per akhir bulan, {n} bulan terakhir (dari hasil tutup bulan)"
            ).format(n=len(self.points))
        )
