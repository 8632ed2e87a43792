"""Titipan out of a loan at the member's choice: paid back, or moved to simpanan sukarela."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.loans.models import Loan, PaymentMethod
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from ui.dialogs.loan_dialog_parts import dialog_buttons, loan_line, note_label
from ui.errors import show_error
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit

REFUND = "refund"
SUKARELA = "sukarela"


class TitipanDialog(QDialog):
    """`done_text` says what was recorded after Simpan (with the savings receipt number)."""

    def __init__(
        self,
        services: Services,
        user: User,
        loan: Loan,
        choice: str = REFUND,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.loan = loan
        self.today = today or date.today()
        self.done_text = ""
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Titipan Pinjaman"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(loan_line(loan))
        self.held = services.titipan.held(loan.id, self.today)
        held = QLabel(self.tr("Titipan yang ada: {amount}").format(amount=format_rupiah(self.held)))
        held.setObjectName("titipan_held")
        layout.addWidget(held)
        self.refund_radio = QRadioButton(self.tr("Dikembalikan kepada anggota"))
        self.sukarela_radio = QRadioButton(self.tr("Dipindahkan ke Simpanan Sukarela anggota"))
        (self.sukarela_radio if choice == SUKARELA else self.refund_radio).setChecked(True)
        layout.addWidget(self.refund_radio)
        layout.addWidget(self.sukarela_radio)
        form = QFormLayout()
        layout.addLayout(form)
        self.amount_edit = RupiahEdit(field="amount")
        self.amount_edit.set_value(self.held or None)
        self.date_edit = DateEdit(field="on")
        self.date_edit.set_value(self.today)
        self.method_combo = QComboBox()
        for method in (PaymentMethod.TUNAI, PaymentMethod.TRANSFER):
            self.method_combo.addItem(method.label, method.value)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(200)
        self.errors.add_row(form, self.tr("Jumlah (Rp) *"), "amount", self.amount_edit)
        self.errors.add_row(form, self.tr("Tanggal *"), "on", self.date_edit)
        self.errors.add_row(form, self.tr("Cara bayar"), "method", self.method_combo)
        self.errors.add_row(form, self.tr("Keterangan"), "note", self.note_edit)
        layout.addWidget(note_label(self.tr(
            "Sesuai pilihan anggota. Pemindahan ke simpanan sukarela dicatat sebagai setoran "
            "sukarela dengan kuitansinya sendiri.")))  # fmt: skip
        general = QLabel()
        general.setObjectName("error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(self, self.tr("Simpan"), self.tr("Batal"))
        layout.addWidget(buttons)
        self.refund_radio.toggled.connect(lambda _: self._update())
        self._update()
        self.amount_edit.setFocus()

    def choice(self) -> str:
        return SUKARELA if self.sukarela_radio.isChecked() else REFUND

    def _update(self) -> None:
        self.method_combo.setEnabled(self.choice() == REFUND)

    def accept(self) -> None:
        self.errors.clear()
        try:
            amount = self.amount_edit.value()
            on = self.date_edit.value()
            assert on is not None
            note = self.note_edit.text()
            if self.choice() == SUKARELA:
                moved = self.services.titipan.to_sukarela(
                    self.user, self.loan.id, amount, on, note, today=self.today
                )
                self.done_text = self.tr(
                    "{amount} dipindahkan ke simpanan sukarela {name}, kuitansi {receipt}."
                ).format(amount=format_rupiah(amount), name=self.loan.member_name,
                         receipt=moved.deposit.receipt_no)  # fmt: skip
            else:
                self.services.titipan.refund(
                    self.user, self.loan.id, amount, on,
                    PaymentMethod(self.method_combo.currentData()), note, today=self.today,
                )  # fmt: skip
                self.done_text = self.tr("{amount} dikembalikan kepada {name}.").format(
                    amount=format_rupiah(amount), name=self.loan.member_name
                )
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        messages.inform(self, self.tr("Titipan tersimpan"), self.done_text)
        super().accept()
