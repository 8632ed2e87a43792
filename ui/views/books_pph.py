"""Pembukuan → Jasa & PPh 4(2): credit the month's jasa simpanan sukarela, the month's bukti
potong list (per member: gross jasa, PPh, NPWP/NIK) with its PDF on the letterhead, the amount
to deposit by the 15th of the next month, and recording the deposit (Dr 2106 / Cr Kas/Bank)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.documents.bukti_potong import bukti_potong_pdf, month_label
from app.documents.context import DocContext
from app.errors import AppError
from app.ledger.closing import month_end, parse_month
from app.money import format_rupiah
from app.savings.pph_report import deadline
from app.services import Services
from app.users.models import User
from ui.dialogs.pdf_preview import PdfPreviewDialog
from ui.errors import show_error
from ui.models.pph_model import BuktiPotongModel
from ui.views.books_parts import ShowDialog, exec_dialog, table
from ui.widgets.date_edit import DateEdit


class PphTab(QWidget):
    def __init__(
        self, services: Services, user: User, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today = today
        self.show_dialog: ShowDialog = exec_dialog
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Masa pajak (TTTT-BB)")))
        last = today.replace(day=1) - timedelta(days=1)
        self.month = QLineEdit(f"{last.year:04d}-{last.month:02d}", objectName="pph_month")
        top.addWidget(self.month)
        buttons = (
            (self.tr("Tampilkan"), "pph_show", self.refresh),
            (self.tr("Kreditkan Jasa Simpanan"), "pph_jasa", self.credit_jasa),
            (self.tr("Cetak Daftar Bukti Potong"), "pph_pdf", self.preview),
        )
        for caption, name, slot in buttons:
            button = QPushButton(caption, objectName=name)
            button.clicked.connect(slot)
            top.addWidget(button)
        top.addStretch(1)
        layout.addLayout(top)
        self.model = BuktiPotongModel()
        layout.addWidget(table(self.model, "pph_table", self), 1)
        self.summary = QLabel(objectName="pph_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        deposit = QHBoxLayout()
        deposit.addWidget(QLabel(self.tr("Tanggal setor")))
        self.paid_on = DateEdit(field="paid_on")
        self.paid_on.set_value(today)
        deposit.addWidget(self.paid_on)
        self.method = QComboBox(objectName="pph_method")
        self.method.addItem(self.tr("Transfer"), "transfer")
        self.method.addItem(self.tr("Tunai"), "tunai")
        deposit.addWidget(self.method)
        deposit.addWidget(QLabel(self.tr("NTPN / bukti")))
        self.reference = QLineEdit(objectName="pph_reference")
        deposit.addWidget(self.reference, 1)
        self.deposit_button = QPushButton(self.tr("Catat Setor PPh"), objectName="pph_deposit")
        self.deposit_button.clicked.connect(self.deposit)
        deposit.addWidget(self.deposit_button)
        layout.addLayout(deposit)
        self.message = QLabel(objectName="pph_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def _month(self) -> str:
        text = self.month.text().strip()
        parse_month(text)
        return text

    def refresh(self) -> None:
        reports = self.services.pph_reports
        try:
            month = self._month()
        except AppError as exc:
            self.message.setText(exc.message)
            return
        self.model.set_rows(reports.bukti_potong(month))
        gross, tax = reports.total(month)[0], reports.terutang(month)  # to deposit: terutang
        paid = reports.deposited(month)
        state = (
            self.tr("sudah disetor {d}").format(d=paid.paid_on.strftime("%d-%m-%Y"))
            if paid is not None
            else self.tr("belum disetor")
        )
        jasa = self.services.jasa.done(month)
        self.summary.setText(
            self.tr(
                "{m}: jasa bruto {g}, PPh 4(2) {t}, disetor paling lambat {d} ({s}). "
                "Jasa simpanan sukarela: {j}."
            ).format(
                m=month_label(month),
                g=format_rupiah(gross),
                t=format_rupiah(tax),
                d=deadline(month).strftime("%d-%m-%Y"),
                s=state,
                j=self.tr("sudah dikreditkan") if jasa else self.tr("belum dikreditkan"),
            )
        )
        self.deposit_button.setEnabled(paid is None and tax > 0)

    def credit_jasa(self) -> None:
        try:
            year, number = parse_month(self.month.text())
            result = self.services.jasa.credit_month(
                self.user, month_end(year, number), today=self.today
            )
        except AppError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(
            self.tr("Jasa simpanan {n} anggota dikreditkan: bruto {g}, PPh 4(2) {t}.").format(
                n=len(result.lines), g=format_rupiah(result.gross), t=format_rupiah(result.tax)
            )
        )
        self.refresh()

    def preview(self) -> None:
        reports = self.services.pph_reports
        try:
            month = self._month()
            ctx = DocContext(
                profile=self.services.settings.profile(), is_demo=self.services.is_demo
            )
            pdf = bukti_potong_pdf(
                month, reports.bukti_potong(month), reports.deposited(month), ctx, self.today
            )
        except AppError as exc:
            show_error(self, exc, self.tr("Daftar bukti potong"))
            return
        title = self.tr("Bukti Potong PPh 4(2) {m}").format(m=month_label(month))
        dialog = PdfPreviewDialog(pdf, title, f"bukti_potong_pph_{month}.pdf", self)
        self.last_preview = dialog
        self.show_dialog(dialog)

    def deposit(self) -> None:
        try:
            month = self._month()
            paid_on = self.paid_on.value()
            assert paid_on is not None
            row = self.services.pph_reports.deposit(
                self.user,
                month,
                paid_on,
                str(self.method.currentData()),
                self.reference.text(),
                today=self.today,
            )
        except AppError as exc:
            self.message.setText(exc.message)
            return
        self.reference.clear()
        self.message.setText(
            self.tr("Setoran PPh 4(2) {m} {a} dicatat.").format(
                m=month_label(month), a=format_rupiah(row.amount)
            )
        )
        self.refresh()
