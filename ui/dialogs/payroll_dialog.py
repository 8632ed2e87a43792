"""Berkas → Potong Gaji…: for an employer (instansi) and a month, save the deduction list
(Excel) and the cover letter (PDF); then read the employer's returned file, see the
dry run with its differences, and post it as one batch — or reverse a posted batch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.formats import MONTHS_ID
from app.money import format_rupiah
from app.payroll.deductions import write_due_list
from app.payroll.returned import PayrollCheck
from app.payroll.service import PostedBatch
from app.services import Services
from app.users.models import User
from ui.errors import show_error
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit


class PayrollDialog(QDialog):
    """`posted` is the last batch posted here, None until then."""

    def __init__(
        self,
        services: Services,
        user: User,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today = today or date.today()
        self.payroll = services.payroll
        self.checked: PayrollCheck | None = None
        self.posted: PostedBatch | None = None
        self.setWindowTitle(self.tr("Potong Gaji"))
        self.setMinimumSize(720, 520)
        self.employer = QComboBox()
        self.employer.setEditable(True)
        self.employer.addItems(self.payroll.employers())
        self.month = QComboBox()
        for number, name in enumerate(MONTHS_ID, start=1):
            self.month.addItem(name, number)
        self.month.setCurrentIndex(self.today.month - 1)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today.year)
        period = QHBoxLayout()
        period.addWidget(self.month)
        period.addWidget(self.year)
        self.pay_date = DateEdit(field="pay_date")
        self.pay_date.set_value(self.today)
        form = QFormLayout()
        form.addRow(self.tr("Instansi"), self.employer)
        form.addRow(self.tr("Bulan"), period)
        form.addRow(self.tr("Tanggal potongan diterima"), self.pay_date)
        save_list = QPushButton(self.tr("Simpan Daftar Potongan…"))
        save_list.clicked.connect(self.save_list)
        letter = QPushButton(self.tr("Simpan Surat Pengantar…"))
        letter.clicked.connect(self.save_letter)
        returned = QPushButton(self.tr("Periksa Berkas Kembalian…"))
        returned.clicked.connect(self.ask_returned)
        self.post_button = QPushButton(self.tr("Bukukan"))
        self.post_button.setEnabled(False)
        self.post_button.clicked.connect(self.post)
        self.reverse_button = QPushButton(self.tr("Batalkan Batch…"))
        self.reverse_button.clicked.connect(self.reverse)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(save_list)
        top.addWidget(letter)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(returned)
        bottom.addWidget(self.post_button)
        bottom.addStretch(1)
        bottom.addWidget(self.reverse_button)
        bottom.addWidget(close)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addLayout(bottom)
        for signal in (self.employer.currentTextChanged, self.month.currentIndexChanged,
                       self.year.valueChanged):  # fmt: skip
            signal.connect(self._stale)

    # -- helpers --------------------------------------------------------------------------
    def month_key(self) -> str:
        return f"{self.year.value():04d}-{int(self.month.currentData()):02d}"

    def employer_name(self) -> str:
        name = self.employer.currentText().strip()
        if not name:
            messages.warn(self, self.tr("Potong Gaji"), self.tr("Pilih instansinya dulu."))
        return name

    def _stale(self) -> None:
        self.checked = None
        self.post_button.setEnabled(False)

    # -- steps ----------------------------------------------------------------------------
    def save_list(self) -> None:
        employer = self.employer_name()
        if not employer:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan daftar potongan"),
            f"potong-gaji-{self.month_key()}.xlsx", "Excel (*.xlsx)",
        )  # fmt: skip
        if name:
            self.write_list(employer, Path(name))

    def write_list(self, employer: str, path: Path) -> None:
        try:
            dues = write_due_list(self.services, employer, self.month_key(), path)
        except AppError as exc:
            show_error(self, exc, self.tr("Potong Gaji"))
            return
        total = format_rupiah(sum(d.amount for d in dues))
        self.text.setPlainText(
            self.tr("Daftar potongan tersimpan: {count} baris, jumlah {total}.\n{path}").format(
                count=len(dues), total=total, path=path
            )
        )

    def save_letter(self) -> None:
        employer = self.employer_name()
        if not employer:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan surat pengantar"),
            f"surat-potong-gaji-{self.month_key()}.pdf", "PDF (*.pdf)",
        )  # fmt: skip
        if name:
            self.write_letter(employer, Path(name))

    def write_letter(self, employer: str, path: Path) -> None:
        try:
            issued = self.payroll.cover_letter(self.user, employer, self.month_key(), self.today)
        except AppError as exc:
            show_error(self, exc, self.tr("Potong Gaji"))
            return
        path.write_bytes(issued.pdf)
        self.text.setPlainText(
            self.tr("Surat pengantar nomor {number} tersimpan:\n{path}").format(
                number=issued.row.number, path=path
            )
        )

    def ask_returned(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas kembalian instansi"), "",
            self.tr("Excel atau CSV (*.xlsx *.csv)"),
        )  # fmt: skip
        if name:
            self.check_returned(Path(name))

    def check_returned(self, path: Path) -> None:
        employer = self.employer_name()
        if not employer:
            return
        self._stale()
        try:
            checked = self.payroll.check(employer, self.month_key(), path)
        except AppError as exc:
            self.text.setPlainText(exc.message)
            return
        self.checked = checked
        self._path = path
        lines = checked.report.lines()
        if checked.differences:
            lines.append(self.tr("Selisih untuk ditindaklanjuti:"))
            row_text = self.tr("  baris {row}: {who} {name} – {item}: {difference}")
            lines += [
                row_text.format(
                    row=d.row, who=d.member_number or d.employee_no, name=d.name,
                    item=f"{d.item} {d.loan_no}".strip(), difference=d.difference,
                )
                for d in checked.differences
            ]  # fmt: skip
        self.text.setPlainText("\n".join(lines))
        self.post_button.setEnabled(checked.report.ok and bool(checked.posted))

    def post(self) -> None:
        if self.checked is None or not self.checked.report.ok:
            return
        pay_date = self.pay_date.value()
        if pay_date is None:
            messages.warn(self, self.tr("Potong Gaji"), self.tr("Isi tanggal potongan diterima."))
            return
        try:
            self.posted = self.payroll.post(
                self.user, self.checked.employer, self.checked.month, self._path, pay_date,
                today=self.today,
            )  # fmt: skip
        except AppError as exc:
            self.text.appendPlainText(exc.message)
            return
        finally:
            self.post_button.setEnabled(False)
        lines = [
            self.tr("SELESAI: batch potong gaji #{number} dibukukan. Daftar kuitansi:").format(
                number=self.posted.batch_id
            )
        ]
        lines += [
            f"  {r.receipt_no}  {r.member_number} {r.name} – {r.item}: {format_rupiah(r.amount)}"
            for r in self.posted.receipts
        ]
        self.text.appendPlainText("\n".join(lines))

    def reverse(self) -> None:
        batches = [b for b in self.payroll.batches() if not b["reversed_at"]]
        if not batches:
            messages.inform(
                self, self.tr("Potong Gaji"), self.tr("Belum ada batch yang dibukukan.")
            )
            return
        labels = [f"#{b['id']} {b['employer']} {b['month']} – {format_rupiah(int(str(b['total'])))}"
                  for b in batches]  # fmt: skip
        choice, ok = QInputDialog.getItem(
            self, self.tr("Batalkan batch"), self.tr("Batch yang dibatalkan"), labels, 0, False
        )
        if not ok:
            return
        batch = batches[labels.index(choice)]
        reason, ok = QInputDialog.getText(self, self.tr("Batalkan batch"), self.tr("Alasan"))
        if not ok:
            return
        self.reverse_batch(int(str(batch["id"])), reason)

    def reverse_batch(self, batch_id: int, reason: str) -> None:
        try:
            self.payroll.reverse(self.user, batch_id, reason, self.today, today=self.today)
        except AppError as exc:
            show_error(self, exc, self.tr("Potong Gaji"))
            return
        self.text.appendPlainText(
            self.tr("Batch #{number} dibatalkan seluruhnya.").format(number=batch_id)
        )
