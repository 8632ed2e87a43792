"""Terima Pembayaran: amount, date and method, with the allocation shown before saving."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.loans.models import Loan, Payment, PaymentMethod, PaymentPreview
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from ui.dialogs.loan_dialog_parts import dialog_buttons, loan_line, note_label
from ui.export import install_export
from ui.models.loan_payments_model import AllocationColumn, AllocationModel
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit

PREVIEW_DELAY_MS = 150


class PaymentDialog(QDialog):
    """`saved` is the stored receipt after Simpan; the allocation follows every keystroke."""

    def __init__(
        self,
        services: Services,
        user: User,
        loan: Loan,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.loan = loan
        self.today = today or date.today()
        self.saved: Payment | None = None
        self.preview: PaymentPreview | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Terima Pembayaran Angsuran"))
        self.resize(860, 600)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)

        layout = QVBoxLayout(self)
        layout.addWidget(loan_line(loan))
        self.due_label = note_label()
        self.due_label.setObjectName("due_summary")
        self.due_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.due_label)

        form = QFormLayout()
        layout.addLayout(form)
        self.amount_edit = RupiahEdit(field="amount")
        self.amount_edit.setObjectName("payment_amount")
        self.amount_edit.setMinimumWidth(180)
        self.fill_button = QPushButton(self.tr("Isi Semua Tunggakan"))
        self.fill_button.setToolTip(self.tr("Isi jumlah dengan seluruh yang sudah jatuh tempo"))
        self.fill_button.clicked.connect(self.fill_due)
        amount_row = QHBoxLayout()
        amount_row.setContentsMargins(0, 0, 0, 0)
        amount_row.addWidget(self.amount_edit, 1)
        amount_row.addWidget(self.fill_button)
        amount_holder = QWidget()
        amount_holder.setLayout(amount_row)
        amount_holder.setFocusProxy(self.amount_edit)
        self.date_edit = DateEdit(field="on")
        self.date_edit.set_value(self.today)
        self.method_combo = QComboBox()
        for method in PaymentMethod:
            if method.offered:
                self.method_combo.addItem(method.label, method.value)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(200)
        self.errors.add_row(form, self.tr("Jumlah diterima (Rp) *"), "amount", amount_holder)
        self.errors.add_row(form, self.tr("Tanggal bayar *"), "on", self.date_edit)
        self.errors.add_row(form, self.tr("Cara bayar"), "method", self.method_combo)
        self.errors.add_row(form, self.tr("Keterangan"), "note", self.note_edit)

        group = QGroupBox(self.tr("Pembayaran ini dipakai untuk (belum disimpan)"))
        box = QVBoxLayout(group)
        self.allocation_model = AllocationModel(self)
        self.table = install_export(QTableView())
        self.table.setObjectName("allocation_table")
        self.table.setModel(self.allocation_model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AllocationColumn.NUMBER,
                                    QHeaderView.ResizeMode.ResizeToContents)  # fmt: skip
        box.addWidget(self.table, 1)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("allocation_summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        box.addWidget(self.summary_label)
        self.warning_label = note_label(color="#9c2b00")
        self.warning_label.setObjectName("allocation_warnings")
        box.addWidget(self.warning_label)
        layout.addWidget(group, 1)

        general = QLabel()
        general.setObjectName("error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(
            self, self.tr("Simpan Pembayaran"), self.tr("Batal")
        )
        layout.addWidget(buttons)

        self.amount_edit.textChanged.connect(lambda _: self._timer.start())
        self.date_edit.textChanged.connect(lambda _: self._timer.start())
        self.update_preview()
        self.amount_edit.setFocus()

    # -- the preview ------------------------------------------------------------------------------
    def _amount_or_zero(self) -> int:
        return 0 if not self.amount_edit.text().strip() else self.amount_edit.value()

    def update_preview(self) -> None:
        """Ask the service how the typed amount would be allocated (nothing is written)."""
        self._timer.stop()
        self.errors.clear()
        try:
            on = self.date_edit.value()
            assert on is not None
            amount = self._amount_or_zero()
            payments = self.services.loans.payments
            if amount == 0:
                preview = payments.preview_nothing_typed(self.loan.id, on)
            else:
                preview = payments.preview_allocation(self.loan.id, amount, on)
        except ValidationError as exc:
            self.errors.show(exc.field if exc.field in ("amount", "on") else None, exc.message)
            self._show(None)
            return
        except AppError as exc:
            self.errors.show(None, exc.message)
            self._show(None)
            return
        self._show(preview)

    def _show(self, preview: PaymentPreview | None) -> None:
        self.preview = preview
        self.allocation_model.set_preview(preview)
        if preview is None:
            self.summary_label.setText("")
            self.warning_label.setText("")
            return
        self.due_label.setText(self._due_text(preview))
        self.fill_button.setEnabled(preview.due_total > preview.titipan_used)
        if not preview.open_before:
            self.table.hide()
        else:
            self.table.show()
        self.summary_label.setText(self._summary_text(preview))
        self.warning_label.setText("\n".join(preview.warnings))
        self.warning_label.setVisible(bool(preview.warnings))

    def _due_text(self, preview: PaymentPreview) -> str:
        if not preview.open_before:
            return self.tr("Tidak ada angsuran yang sudah jatuh tempo pada tanggal ini.")
        return self.tr(
            "Sudah jatuh tempo pada tanggal bayar: <b>{total}</b> dari {n} angsuran "
            "(termasuk denda)."
        ).format(total=format_rupiah(preview.due_total), n=len(preview.open_before))

    def _summary_text(self, p: PaymentPreview) -> str:
        if p.amount == 0:
            text = self.tr("Ketik jumlah yang diterima; pembagiannya tampil di sini.")
            if p.titipan_used:
                text += "<br>" + self.tr("Titipan {amount} yang sudah ada ikut dipakai.").format(
                    amount=format_rupiah(p.titipan_used)
                )
            return text
        parts = [
            self.tr("Denda <b>{amount}</b>").format(amount=format_rupiah(p.denda)),
            self.tr("Jasa <b>{amount}</b>").format(amount=format_rupiah(p.jasa)),
            self.tr("Pokok <b>{amount}</b>").format(amount=format_rupiah(p.pokok)),
        ]
        text = self.tr("Dibagi: ") + " · ".join(parts)
        if p.titipan_used:
            text += "<br>" + self.tr("Titipan yang sudah ada ({amount}) ikut dipakai.").format(
                amount=format_rupiah(p.titipan_used)
            )
        if p.advance:
            text += "<br>" + self.tr(
                "Kelebihan <b>{amount}</b> disimpan sebagai titipan dan dipakai untuk angsuran "
                "berikutnya saat jatuh tempo."
            ).format(amount=format_rupiah(p.advance))
        if p.closes_loan:
            text += "<br><b>" + self.tr("Dengan pembayaran ini pinjaman LUNAS.") + "</b>"
        return text

    def fill_due(self) -> None:
        if self.preview is not None:
            self.amount_edit.set_value(max(0, self.preview.due_total - self.preview.titipan_used))
            self.update_preview()

    # -- saving -----------------------------------------------------------------------------------
    def accept(self) -> None:
        self.update_preview()
        self.errors.clear()
        try:
            amount = self.amount_edit.value()
            on = self.date_edit.value()
            assert on is not None
            self.saved = self.services.loans.payments.record_payment(
                self.user, self.loan.id, amount, on, PaymentMethod(self.method_combo.currentData()),
                self.note_edit.text(), today=self.today,
            )  # fmt: skip
        except ValidationError as exc:
            self.errors.show(exc.field if exc.field in ("amount", "on", "method", "note")
                             else None, exc.message)  # fmt: skip
            return
        except AppError as exc:
            self.errors.show(None, exc.message)
            return
        messages.inform(
            self,
            self.tr("Pembayaran tersimpan"),
            self.tr(
                "Pembayaran {amount} dari {name} tersimpan.\n\nNo. Kuitansi: {receipt}"
            ).format(
                amount=format_rupiah(self.saved.amount), name=self.loan.member_name,
                receipt=self.saved.receipt_no or "–",
            ),
        )  # fmt: skip
        super().accept()
