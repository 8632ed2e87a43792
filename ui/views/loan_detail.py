"""The lower panel of the Pinjaman view: one loan's terms, arrears, schedule, payments, history."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.formats import format_date_long
from app.loans.models import (
    InstallmentState,
    Loan,
    LoanArrears,
    LoanDetail,
    LoanStatus,
    Payment,
)
from app.loans.schedule import method_label
from app.money import format_number, format_rate, format_rupiah
from ui.export import install_export
from ui.models.loan_parts_model import (
    ClassHistoryModel,
    CollateralModel,
    GuarantorModel,
    HistoryColumn,
)
from ui.models.loan_payments_model import LoanPaymentsModel, PaymentColumn
from ui.models.schedule_model import ScheduleColumn, ScheduleModel
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.quality_badge import QualityBadge, QualityDelegate

_STATUS_STYLE = {
    LoanStatus.DIAJUKAN: "background:#e8eef7; color:#1f3b63;",
    LoanStatus.DISETUJUI: "background:#e0f0f7; color:#11506b;",
    LoanStatus.DITOLAK: "background:#eeeeee; color:#444444;",
    LoanStatus.AKTIF: "background:#e3f3e6; color:#1e5e2b;",
}
_CLOSED_STYLE = "background:#eeeeee; color:#333333;"


def _scrolling(page: QWidget) -> QScrollArea:
    """`page` in a frameless scroll area that scrolls down only: nothing in it is cut off."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(page)
    return area


def _table(model: QAbstractItemModel, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    install_export(table)
    return table


def _grid(rows: list[tuple[str, str]], target: dict[str, QLabel], parent: QGroupBox) -> None:
    grid = QGridLayout(parent)
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(3)
    for n, (key, caption) in enumerate(rows):
        title = QLabel(caption)
        title.setStyleSheet("color:#555;")
        title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        value = QLabel()
        value.setObjectName(f"loan_{key}")
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(title, n, 0)
        grid.addWidget(value, n, 1)
        target[key] = value
    grid.setColumnStretch(1, 1)
    grid.setRowStretch(len(rows), 1)


class LoanDetailPanel(QWidget):
    """Shows a `LoanDetail`; its buttons are public so the view connects and enables them."""

    event_selected = Signal(object)  # Payment | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: LoanDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.empty = QLabel(self.tr("Pilih pinjaman di daftar di atas untuk melihat rinciannya."))
        self.empty.setObjectName("loan_detail_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#555; padding:30px;")
        layout.addWidget(self.empty)
        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(self._build_header())
        content.addLayout(self._build_buttons())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("loan_tabs")
        self.tabs.addTab(self._build_summary(), self.tr("Ringkasan"))
        self.tabs.addTab(self._build_schedule(), self.tr("Jadwal Angsuran"))
        self.tabs.addTab(self._build_payments(), self.tr("Pembayaran"))
        self.tabs.addTab(self._build_history(), self.tr("Riwayat Kolektibilitas"))
        self.tabs.addTab(self._build_collateral(), self.tr("Agunan && Penjamin"))
        content.addWidget(self.tabs, 1)
        layout.addWidget(self.content, 1)
        self.content.hide()

    # -- building ---------------------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.title_label = ElidedLabel()
        self.title_label.setObjectName("loan_title")
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.status_badge = QLabel()
        self.status_badge.setObjectName("loan_status")
        self.quality_badge = QualityBadge()
        self.quality_badge.setObjectName("loan_quality")
        top.addWidget(self.title_label, 1)
        top.addWidget(self.status_badge)
        top.addWidget(self.quality_badge)
        return top

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.pay_button = QPushButton(self.tr("Terima Pembayaran"))
        self.pay_button.setObjectName("pay_button")
        self.payoff_button = QPushButton(self.tr("Pelunasan Dipercepat"))
        self.waive_button = QPushButton(self.tr("Hapuskan Denda"))
        self.reverse_button = QPushButton(self.tr("Batalkan Pembayaran"))
        self.refund_button = QPushButton(self.tr("Kembalikan Titipan"))
        self.refund_button.setObjectName("refund_button")
        self.sukarela_button = QPushButton(self.tr("Titipan ke Sukarela"))
        self.sukarela_button.setObjectName("sukarela_button")
        self.print_button = QPushButton(self.tr("Cetak Jadwal"))
        self.documents_button = QPushButton(self.tr("Dokumen Lain"))  # menu: app.documents
        self.card_button = QPushButton(self.tr("Cetak Kartu"))  # kartu angsuran, issue 17
        self.documents_button.setObjectName("documents_button")
        self.approve_button = QPushButton(self.tr("Setujui"))
        self.approve_button.setObjectName("approve_button")
        self.reject_button = QPushButton(self.tr("Tolak"))
        self.disburse_button = QPushButton(self.tr("Cairkan"))
        self.disburse_button.setObjectName("disburse_button")
        self.action_buttons = [
            self.approve_button, self.reject_button, self.disburse_button, self.pay_button,
            self.payoff_button, self.waive_button, self.reverse_button, self.refund_button,
            self.sukarela_button, self.print_button, self.card_button, self.documents_button,
        ]  # fmt: skip
        for button in self.action_buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _build_summary(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        terms = QGroupBox(self.tr("Ketentuan Pinjaman"))
        self.terms: dict[str, QLabel] = {}
        _grid([
            ("plafon", self.tr("Plafon")), ("rate", self.tr("Jasa")),
            ("method", self.tr("Metode")), ("months", self.tr("Jangka waktu")),
            ("installment", self.tr("Angsuran")), ("product", self.tr("Produk")),
            ("agreement", self.tr("No. perjanjian")), ("disbursed", self.tr("Tanggal cair")),
            ("fee", self.tr("Biaya administrasi")), ("purpose", self.tr("Tujuan")),
            ("decision", self.tr("Keputusan")),
        ], self.terms, terms)  # fmt: skip
        row.addWidget(terms, 3)
        arrears = QGroupBox(self.tr("Tunggakan Hari Ini"))
        arrears.setObjectName("arrears_box")
        self.arrears_group = arrears
        self.arrears: dict[str, QLabel] = {}
        _grid([
            ("days", self.tr("Hari terlambat")), ("missed", self.tr("Angsuran tertunggak")),
            ("pokok", self.tr("Tunggakan pokok")), ("jasa", self.tr("Tunggakan jasa")),
            ("denda", self.tr("Tunggakan denda")), ("total", self.tr("Jumlah tunggakan")),
            ("outstanding", self.tr("Sisa pokok")), ("titipan", self.tr("Titipan")),
            ("quality", self.tr("Kolektibilitas")),
        ], self.arrears, arrears)  # fmt: skip
        row.addWidget(arrears, 2)
        return _scrolling(page)  # scrolls down when the user gives the list more room

    def _build_schedule(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.schedule_model = ScheduleModel(self)
        self.schedule_table = _table(self.schedule_model, "schedule_table")
        header = self.schedule_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ScheduleColumn.NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        box.addWidget(self.schedule_table, 1)
        self.schedule_note = QLabel()
        self.schedule_note.setObjectName("schedule_note")
        self.schedule_note.setStyleSheet("color:#555;")
        box.addWidget(self.schedule_note)
        return page

    def _build_payments(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.payments_model = LoanPaymentsModel(self)
        self.payments_table = _table(self.payments_model, "payments_table")
        # Fixed widths: sizing to contents would format every cell of a long history.
        header = self.payments_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((PaymentColumn.DATE, 90), (PaymentColumn.KIND, 120),
                              (PaymentColumn.RECEIPT, 130), (PaymentColumn.AMOUNT, 115),
                              (PaymentColumn.PRINCIPAL, 110), (PaymentColumn.INTEREST, 100),
                              (PaymentColumn.DENDA, 90)):  # fmt: skip
            self.payments_table.setColumnWidth(column, width)
        self.payments_table.selectionModel().selectionChanged.connect(self._event_changed)
        box.addWidget(self.payments_table, 1)
        self.payments_hint = QLabel()
        self.payments_hint.setObjectName("payments_hint")
        self.payments_hint.setStyleSheet("color:#555;")
        box.addWidget(self.payments_hint)
        return page

    def _build_history(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.history_model = ClassHistoryModel(self)
        self.history_table = _table(self.history_model, "history_table")
        self.history_table.setItemDelegateForColumn(
            HistoryColumn.QUALITY, QualityDelegate(self.history_table)
        )
        box.addWidget(self.history_table, 1)
        self.history_empty = QLabel(self.tr(
            "Belum ada catatan akhir bulan untuk pinjaman ini. Riwayat terisi setiap kali "
            "Proses Akhir Bulan dijalankan (bagian Laporan)."))  # fmt: skip
        self.history_empty.setWordWrap(True)
        self.history_empty.setStyleSheet("color:#555;")
        box.addWidget(self.history_empty)
        return page

    def _build_collateral(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.collateral_model = CollateralModel(self)
        self.collateral_table = _table(self.collateral_model, "collateral_table")
        self.guarantor_model = GuarantorModel(self)
        self.guarantor_table = _table(self.guarantor_model, "guarantor_table")
        self.collateral_empty = QLabel(self.tr("Tidak ada agunan."))
        self.guarantor_empty = QLabel(self.tr("Tidak ada penjamin."))
        for label in (self.collateral_empty, self.guarantor_empty):
            label.setStyleSheet("color:#555;")
        box.addWidget(QLabel(self.tr("<b>Agunan</b>")))
        box.addWidget(self.collateral_table, 1)
        box.addWidget(self.collateral_empty)
        box.addWidget(QLabel(self.tr("<b>Penjamin</b>")))
        box.addWidget(self.guarantor_table, 1)
        box.addWidget(self.guarantor_empty)
        return page

    # -- showing ----------------------------------------------------------------------------------
    def clear(self) -> None:
        self.detail = None
        for model in (self.schedule_model, self.payments_model, self.history_model,
                      self.collateral_model, self.guarantor_model):  # fmt: skip
            model.set_rows([])
        self.content.hide()
        self.empty.show()

    def show_loan(self, detail: LoanDetail, policy_name: str = "") -> None:
        self.detail = detail
        loan = detail.loan
        self.empty.hide()
        self.content.show()
        self.title_label.setText(f"{loan.display_number} — {loan.member_name} "
                                 f"({loan.member_number})")  # fmt: skip
        self.status_badge.setText(f" {loan.status.label} ")
        self.status_badge.setStyleSheet(
            _STATUS_STYLE.get(loan.status, _CLOSED_STYLE)
            + " border-radius:3px; padding:2px 6px; font-weight:bold;"
        )
        arrears = detail.arrears
        self.quality_badge.set_quality(arrears.quality if arrears else None,
                                       arrears.policy_name if arrears else "")  # fmt: skip
        self._show_terms(detail)
        self._show_arrears(detail, arrears, policy_name)
        self.schedule_model.set_rows(detail.schedule, detail.as_of)
        self._show_schedule_note(detail)
        self.payments_model.set_rows(detail.events)
        self.payments_hint.setText(self.tr(
            "Pilih pembayaran di tabel lalu klik Batalkan Pembayaran bila kuitansinya salah."
            if detail.events else "Belum ada pembayaran."))  # fmt: skip
        self.history_model.set_rows(detail.class_history)
        self.history_table.setVisible(bool(detail.class_history))
        self.history_empty.setVisible(not detail.class_history)
        self.collateral_model.set_rows(detail.collateral)
        self.guarantor_model.set_rows(detail.guarantors)
        self.collateral_table.setVisible(bool(detail.collateral))
        self.collateral_empty.setVisible(not detail.collateral)
        self.guarantor_table.setVisible(bool(detail.guarantors))
        self.guarantor_empty.setVisible(not detail.guarantors)
        self._event_changed()

    def regular_installment(self) -> int:
        """The usual monthly instalment (after any interest-only months)."""
        if self.detail is None or not self.detail.schedule:
            return 0
        lines = self.detail.schedule
        index = min(self.detail.loan.principal_grace, len(lines) - 1)
        return lines[index].total

    def _show_terms(self, detail: LoanDetail) -> None:
        loan = detail.loan
        fee = format_rupiah(loan.admin_fee)
        if loan.net_disbursed is not None:
            fee += self.tr(" (diterima bersih {net})").format(net=format_rupiah(loan.net_disbursed))
        decision = "–"
        if loan.decided_on is not None:
            decision = self.tr("{status} oleh {name}, {date}").format(
                status=self.tr("Ditolak")
                if loan.status == LoanStatus.DITOLAK
                else self.tr("Disetujui"),
                name=loan.decided_by_name or "–",
                date=format_date_long(loan.decided_on),
            )
            if loan.decision_note:
                decision += f" — {loan.decision_note}"
        elif loan.status == LoanStatus.DIAJUKAN:
            decision = self.tr("Menunggu keputusan Pengurus (diajukan {date})").format(
                date=format_date_long(loan.application_date)
            )
        months = self.tr("{n} bulan").format(n=loan.months)
        if loan.principal_grace:
            months += self.tr(" (termasuk {n} bulan hanya jasa)").format(n=loan.principal_grace)
        values = {
            "plafon": format_rupiah(loan.amount),
            "rate": self.tr("{month} per bulan ({year} per tahun)").format(
                month=format_rate(loan.monthly_rate), year=format_rate(loan.annual_rate)),
            "method": method_label(loan.method),
            "months": months,
            "installment": self.installment_text(loan),
            "product": loan.product_name,
            "agreement": loan.number or self.tr("(diberikan saat pencairan)"),
            "disbursed": format_date_long(loan.disbursed_on) if loan.disbursed_on else "–",
            "fee": fee,
            "purpose": loan.purpose or "–",
            "decision": decision,
        }  # fmt: skip
        for key, text in values.items():
            self.terms[key].setText(text)

    def installment_text(self, loan: Loan) -> str:
        first = format_date_long(loan.first_due)
        if loan.method == "declining":
            return self.tr("{amount} yang pertama, lalu turun tiap bulan; mulai {date}").format(
                amount=format_rupiah(self.regular_installment()), date=first
            )
        return self.tr("{amount} per bulan, mulai {date}").format(
            amount=format_rupiah(self.regular_installment()), date=first
        )

    def _show_arrears(
        self, detail: LoanDetail, arrears: LoanArrears | None, policy_name: str
    ) -> None:
        self.arrears_group.setTitle(self.tr("Tunggakan per {date}").format(
            date=format_date_long(detail.as_of)))  # fmt: skip
        if arrears is None:
            for label in self.arrears.values():
                label.setText("–")
            self.arrears["quality"].setText(
                self.tr("Hanya pinjaman aktif yang punya tunggakan dan kolektibilitas.")
            )
            return
        late = arrears.days_past_due > 0
        values = {
            "days": self.tr("{n} hari").format(n=format_number(arrears.days_past_due))
            if late else self.tr("tidak terlambat"),
            "missed": str(arrears.installments_missed),
            "pokok": format_rupiah(arrears.arrears_pokok),
            "jasa": format_rupiah(arrears.arrears_jasa),
            "denda": format_rupiah(arrears.arrears_denda),
            "total": format_rupiah(arrears.arrears_total),
            "outstanding": format_rupiah(arrears.outstanding),
            "titipan": format_rupiah(detail.titipan),
            "quality": self.tr("<b>{word}</b> menurut {policy}").format(
                word=arrears.quality_label, policy=arrears.policy_name or policy_name),
        }  # fmt: skip
        for key, text in values.items():
            self.arrears[key].setText(text)
        style = "color:#9c1c12; font-weight:bold;" if late else ""
        for key in ("days", "total"):
            self.arrears[key].setStyleSheet(style)

    def _show_schedule_note(self, detail: LoanDetail) -> None:
        counts = {state: 0 for state in InstallmentState}
        for line in detail.schedule:
            counts[line.state] += 1
        self.schedule_note.setText(self.tr(
            "Metode {method}. {paid} lunas · {part} dibayar sebagian · {late} terlambat · "
            "{open} belum jatuh tempo. Denda dihitung sampai {date}."
        ).format(
            method=method_label(detail.loan.method), paid=counts[InstallmentState.LUNAS],
            part=counts[InstallmentState.SEBAGIAN], late=counts[InstallmentState.TERLAMBAT],
            open=counts[InstallmentState.BELUM], date=format_date_long(detail.as_of),
        ))  # fmt: skip

    # -- the selected payment ---------------------------------------------------------------------
    def selected_event(self) -> Payment | None:
        rows = self.payments_table.selectionModel().selectedRows()
        return self.payments_model.payment_at(rows[0].row()) if rows else None

    def select_event(self, event_id: int) -> None:
        row = self.payments_model.row_of(event_id)
        if row is not None:
            self.payments_table.selectRow(row)

    def _event_changed(self, *_: object) -> None:
        self.event_selected.emit(self.selected_event())
