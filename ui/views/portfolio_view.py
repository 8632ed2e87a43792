"""Laporan › Portofolio Pinjaman: outstanding by class, NPL and health band, ageing, PPAP."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import Kind
from app.documents.chart_data import ageing_series
from app.errors import AppError, ValidationError
from app.formats import format_date_long
from app.loans.portfolio_models import PortfolioSummary
from app.loans.trend import month_end_trend
from app.money import format_number, format_rupiah
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.changes import watch
from ui.dialogs.month_end_dialog import BookAllowanceDialog, MonthEndDialog, percent
from ui.dialogs.pdf_preview import PdfPreviewDialog
from ui.export import install_export
from ui.models.portfolio_model import AgeingModel, PortfolioClassModel
from ui.report_print import preview_report, print_button, report_of
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.wrapping_header import WrappingHeader

HEALTH_STYLE = {
    "Sehat": "background:#2e7d32; color:#ffffff;",
    "Cukup Sehat": "background:#f4d03f; color:#1a1a1a;",
    "Kurang Sehat": "background:#f39c12; color:#1a1a1a;",
    "Tidak Sehat": "background:#c0392b; color:#ffffff;",
}


def _table(model: QAbstractItemModel, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QTableView.SelectionMode.NoSelection)
    # Amounts as wide as they are (billions on a large file), titles on two lines if need be;
    # the first column (class or age) takes what is left.
    table.setHorizontalHeader(WrappingHeader(table))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return install_export(table)


def fit_height(table: QTableView) -> None:
    """As tall as its rows (a handful), so the page reads top to bottom without empty boxes."""
    rows = table.model().rowCount()
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(rows))
    table.setFixedHeight(height)


class PortfolioView(QWidget):
    """Figures as of a chosen date (today by default); the policies' names beside them."""

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today: Callable[[], date] = date.today
        self.summary: PortfolioSummary | None = None
        self.dialog: QDialog | None = None
        self._build()
        kinds = (Kind.LOANS, Kind.CASES, Kind.DECISIONS, Kind.SETTINGS)
        watch(self, services, kinds, self.refresh, on_show=False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # figures change with every payment: read them each time

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Portofolio Pinjaman"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Per tanggal:")))
        self.date_edit = DateEdit(field="as_of")
        self.date_edit.setObjectName("portfolio_date")
        self.date_edit.setMaximumWidth(150)
        self.date_edit.set_value(self.today())
        self.date_edit.returnPressed.connect(self.refresh)
        top.addWidget(self.date_edit)
        self.show_button = QPushButton(self.tr("Tampilkan"))
        self.show_button.clicked.connect(self.refresh)
        top.addWidget(self.show_button)
        top.addWidget(print_button(self, self.print_report))
        self.month_end_button = QPushButton(self.tr("Proses Akhir Bulan…"))
        self.month_end_button.setObjectName("month_end_button")
        self.month_end_button.setToolTip(
            self.tr(
                "Simpan kolektibilitas semua pinjaman pada akhir bulan untuk riwayat dan laporan"
            )
        )
        self.month_end_button.clicked.connect(self.run_month_end)
        top.addWidget(self.month_end_button)
        layout.addLayout(top)

        self.policy_label = QLabel()
        self.policy_label.setObjectName("portfolio_policy")
        self.policy_label.setWordWrap(True)
        self.policy_label.setStyleSheet("color:#444;")
        layout.addWidget(self.policy_label)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color:#b00020;")
        self.error_label.hide()
        layout.addWidget(self.error_label)

        headline = QHBoxLayout()
        self.figures: dict[str, QLabel] = {}
        for key, caption in (("count", self.tr("Pinjaman aktif")),
                             ("outstanding", self.tr("Sisa pokok")),
                             ("arrears", self.tr("Tunggakan (pokok + jasa + denda)")),
                             ("npl", self.tr("Rasio pinjaman bermasalah (NPL)"))):  # fmt: skip
            box = QGroupBox(caption)
            inner = QVBoxLayout(box)
            value = QLabel()
            value.setObjectName(f"portfolio_{key}")
            value.setStyleSheet("font-size: 15pt; font-weight: bold;")
            inner.addWidget(value)
            self.figures[key] = value
            if key == "npl":
                self.band_label = QLabel()
                self.band_label.setObjectName("portfolio_band")
                inner.addWidget(self.band_label, 0, Qt.AlignmentFlag.AlignLeft)
            headline.addWidget(box)
        layout.addLayout(headline)

        middle = QHBoxLayout()
        classes = QGroupBox(self.tr("Menurut kolektibilitas"))
        box = QVBoxLayout(classes)
        self.class_model = PortfolioClassModel(self)
        self.class_table = _table(self.class_model, "portfolio_classes")
        box.addWidget(self.class_table)
        middle.addWidget(classes, 3)
        ageing = QGroupBox(self.tr("Umur tunggakan"))
        box = QVBoxLayout(ageing)
        self.ageing_model = AgeingModel(self)
        self.ageing_table = _table(self.ageing_model, "portfolio_ageing")
        box.addWidget(self.ageing_table)
        middle.addWidget(ageing, 2)
        layout.addLayout(middle)

        allowance = QGroupBox(self.tr("Penyisihan (PPAP): wajib dibentuk dibanding yang sudah "
                                      "dibukukan"))  # fmt: skip
        grid = QGridLayout(allowance)
        self.allowance: dict[str, QLabel] = {}
        for n, (key, caption) in enumerate((
            ("required", self.tr("PPAP wajib dibentuk")),
            ("booked", self.tr("PPAP sudah dibukukan")),
            ("adjustment", self.tr("Penyesuaian")),
        )):  # fmt: skip
            title = QLabel(caption)
            title.setStyleSheet("color:#555;")
            value = QLabel()
            value.setObjectName(f"allowance_{key}")
            value.setWordWrap(True)
            grid.addWidget(title, n, 0)
            grid.addWidget(value, n, 1)
            self.allowance[key] = value
        grid.setColumnStretch(1, 1)
        self.book_button = QPushButton(self.tr("Catat Saldo PPAP…"))
        self.book_button.clicked.connect(self.book_allowance)
        if not can(self.user, Action.EDIT_SETTINGS):
            self.book_button.setEnabled(False)
            self.book_button.setToolTip(self.tr(
                "Hanya Admin atau Pengurus yang boleh mencatat saldo PPAP."))  # fmt: skip
        grid.addWidget(self.book_button, 0, 2)
        layout.addWidget(allowance)
        layout.addStretch(1)

    # -- showing ----------------------------------------------------------------------------------
    def print_report(self) -> PdfPreviewDialog | None:
        """The portfolio as of the date shown, on the letterhead (app/documents/reports_pdf)."""
        s = self.summary
        if s is None:
            return None
        arrears = s.arrears_pokok + s.arrears_jasa + s.arrears_denda
        notes = [
            self.tr("Jumlah pinjaman {count}; sisa pokok {outstanding}; tunggakan {arrears}; "
                    "NPL {npl}% ({band}).").format(
                count=format_number(s.loan_count), outstanding=format_rupiah(s.total_outstanding),
                arrears=format_rupiah(arrears), npl=percent(s.npl_ratio), band=s.health_band),
            self.tr("PPAP wajib {required}; PPAP tercatat {booked}.").format(
                required=format_rupiah(s.allowance_required),
                booked=format_rupiah(s.allowance_booked)),
        ]  # fmt: skip
        parameters = [
            self.tr("Per tanggal {date}").format(date=format_date_long(s.as_of)),
            self.tr("Kolektibilitas menurut {policy}").format(policy=s.policy_name),
            self.tr("PPAP menurut {policy}").format(policy=s.allowance_policy_name),
        ]
        from app.documents.report_charts import grouped_bars, trend_drawings  # ReportLab: on print

        charts = [
            *trend_drawings(month_end_trend(self.services.loans.quality, 24)),
            grouped_bars(ageing_series(s.ageing, s.ageing_counts)),
        ]
        doc = report_of(
            self.tr("Portofolio Pinjaman"),
            parameters,
            [self.class_table, self.ageing_table],
            notes,
            charts,
        )
        self.preview = preview_report(self, self.services, doc)
        return self.preview

    def as_of(self) -> date:
        value = self.date_edit.value()
        assert value is not None
        return value

    def refresh(self) -> None:
        self.error_label.hide()
        try:
            summary = self.services.loans.portfolio.summary(self.as_of())
        except (ValidationError, AppError) as exc:
            self.error_label.setText(exc.message)
            self.error_label.show()
            return
        self.show_summary(summary)

    def show_summary(self, s: PortfolioSummary) -> None:
        self.summary = s
        self.policy_label.setText(self.tr(
            "Per {date}. Kolektibilitas menurut <b>{policy}</b>; PPAP menurut "
            "<b>{allowance}</b>."
        ).format(date=format_date_long(s.as_of), policy=s.policy_name,
                 allowance=s.allowance_policy_name))  # fmt: skip
        self.figures["count"].setText(format_number(s.loan_count))
        self.figures["outstanding"].setText(format_rupiah(s.total_outstanding))
        self.figures["arrears"].setText(
            format_rupiah(s.arrears_pokok + s.arrears_jasa + s.arrears_denda)
        )
        self.figures["npl"].setText(f"{percent(s.npl_ratio)}%")
        self.band_label.setText(f" {s.health_band} ")
        self.band_label.setStyleSheet(
            HEALTH_STYLE.get(s.health_band, "")
            + " border-radius:3px; padding:2px 6px; font-weight:bold;"
        )
        self.band_label.setToolTip(
            self.tr(
                "Rasio sampai 5,00% Sehat; di atas 5% sampai 10,00% Cukup Sehat; di atas 10% "
                "sampai 15,00% Kurang Sehat; di atas 15% Tidak Sehat."
            )
        )
        self.class_model.set_summary(s)
        self.ageing_model.set_summary(s)
        for table in (self.class_table, self.ageing_table):
            fit_height(table)
        self.allowance["required"].setText(format_rupiah(s.allowance_required))
        booked = format_rupiah(s.allowance_booked)
        if s.allowance_booked_on is not None:
            booked += self.tr(" (dicatat per {date})").format(
                date=format_date_long(s.allowance_booked_on)
            )
        else:
            booked += self.tr(" (belum pernah dicatat)")
        self.allowance["booked"].setText(booked)
        adjustment = s.allowance_adjustment
        if adjustment > 0:
            text = self.tr("Kurang {amount}: jurnal Beban PPAP (debet) / PPAP (kredit).")
        elif adjustment < 0:
            text = self.tr(
                "Lebih {amount}: jurnal PPAP (debet) / Pendapatan pemulihan PPAP (kredit)."
            )
        else:
            text = self.tr("Sudah sesuai ({amount}).")
        self.allowance["adjustment"].setText(text.format(amount=format_rupiah(abs(adjustment))))
        self.allowance["adjustment"].setStyleSheet(
            "color:#9c1c12; font-weight:bold;" if adjustment > 0 else ""
        )

    # -- actions ----------------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def run_month_end(self) -> None:
        self._open(MonthEndDialog(self.services, self.user, self.today(), self))

    def book_allowance(self) -> None:
        if not can(self.user, Action.EDIT_SETTINGS):
            messages.warn(self, self.tr("Tidak diizinkan"), self.book_button.toolTip())
            return
        suggested = self.summary.allowance_required if self.summary else 0
        self._open(BookAllowanceDialog(self.services, self.user, self.as_of(), suggested, self))
