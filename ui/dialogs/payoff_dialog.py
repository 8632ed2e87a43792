"""Pelunasan Dipercepat: what closes the loan on a date (the quote), and receiving it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.loans.models import Loan, Payment, PaymentMethod, PayoffQuote
from app.money import format_rupiah, rupiah_with_words
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.loan_dialog_parts import dialog_buttons, loan_line, note_label
from ui.errors import show_error
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors


class PayoffDialog(QDialog):
    """Shows the quote for the chosen date; Simpan receives exactly that amount."""

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
        self.quote: PayoffQuote | None = None
        self.saved: Payment | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Pelunasan Dipercepat"))
        self.setMinimumWidth(560)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.update_quote)

        layout = QVBoxLayout(self)
        layout.addWidget(loan_line(loan))
        form = QFormLayout()
        layout.addLayout(form)
        self.date_edit = DateEdit(field="on")
        self.date_edit.set_value(self.today)
        self.errors.add_row(form, self.tr("Tanggal pelunasan *"), "on", self.date_edit)

        group = QGroupBox(self.tr("Yang harus dibayar untuk melunasi"))
        grid = QGridLayout(group)
        self.figures: dict[str, QLabel] = {}
        rows = [
            ("pokok", self.tr("Sisa pokok")),
            ("jasa", self.tr("Jasa")),
            ("denda", self.tr("Denda")),
            ("titipan", self.tr("Dikurangi titipan")),
            ("total", self.tr("Jumlah pelunasan")),
        ]
        for n, (key, caption) in enumerate(rows):
            title = QLabel(caption)
            value = QLabel()
            value.setObjectName(f"payoff_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if key == "total":
                title.setStyleSheet("font-weight:bold;")
                value.setStyleSheet("font-weight:bold; font-size:12pt;")
            grid.addWidget(title, n, 0)
            grid.addWidget(value, n, 1)
            self.figures[key] = value
        self.words_label = note_label()
        self.rule_label = note_label()
        self.rule_label.setObjectName("payoff_rule")
        grid.addWidget(self.words_label, len(rows), 0, 1, 2)
        grid.addWidget(self.rule_label, len(rows) + 1, 0, 1, 2)
        layout.addWidget(group)

        pay = QFormLayout()
        layout.addLayout(pay)
        self.method_combo = QComboBox()
        for method in PaymentMethod:
            if method.offered:
                self.method_combo.addItem(method.label, method.value)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(200)
        self.errors.add_row(pay, self.tr("Cara bayar"), "method", self.method_combo)
        self.errors.add_row(pay, self.tr("Keterangan"), "note", self.note_edit)
        general = QLabel()
        general.setObjectName("error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(
            self, self.tr("Terima Pelunasan"), self.tr("Tutup")
        )
        if not can(user, Action.RECORD_PAYMENT):
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(self.tr("Peran Anda tidak boleh mencatat pembayaran."))
        layout.addWidget(buttons)
        self.date_edit.textChanged.connect(lambda _: self._timer.start())
        self.update_quote()

    def update_quote(self) -> None:
        self._timer.stop()
        self.errors.clear()
        try:
            on = self.date_edit.value()
            assert on is not None
            quote = self.services.loans.payments.payoff_quote(self.loan.id, on)
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors, fields=("on",))
            self.quote = None
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            self.quote = None
            return
        self.quote = quote
        self.figures["pokok"].setText(format_rupiah(quote.pokok))
        self.figures["jasa"].setText(format_rupiah(quote.jasa))
        self.figures["denda"].setText(format_rupiah(quote.denda))
        self.figures["titipan"].setText(
            format_rupiah(-quote.titipan) if quote.titipan else format_rupiah(0)
        )
        self.figures["total"].setText(format_rupiah(quote.total))
        self.words_label.setText(rupiah_with_words(quote.total))
        rule = self.tr("Aturan produk: {rule}.").format(rule=quote.rule_text)
        if quote.jasa_not_charged:
            rule += " " + self.tr("Jasa bulan-bulan berikutnya {amount} tidak ditagih.").format(
                amount=format_rupiah(quote.jasa_not_charged)
            )
        self.rule_label.setText(rule)

    def accept(self) -> None:
        self.update_quote()
        if self.quote is None:
            return
        if not messages.confirm(
            self,
            self.tr("Terima pelunasan?"),
            self.tr(
                "Terima {amount} dari {name}? Pinjaman {number} akan ditutup (LUNAS) dan "
                "sisa jadwal angsurannya tidak ditagih lagi."
            ).format(
                amount=format_rupiah(self.quote.total), name=self.loan.member_name,
                number=self.loan.display_number,
            ),
            yes=self.tr("Ya, lunasi"),
        ):  # fmt: skip
            return
        try:
            on = self.date_edit.value()
            assert on is not None
            self.saved = self.services.loans.payments.pay_off(
                self.user, self.loan.id, on, PaymentMethod(self.method_combo.currentData()),
                self.note_edit.text(), today=self.today,
            )  # fmt: skip
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors, fields=("on", "method"))
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        messages.inform(
            self,
            self.tr("Pinjaman lunas"),
            self.tr("Pelunasan {amount} tersimpan. Pinjaman {number} sudah LUNAS.\n\n"
                    "No. Kuitansi: {receipt}").format(
                amount=format_rupiah(self.saved.amount), number=self.loan.display_number,
                receipt=self.saved.receipt_no or "–"),
        )  # fmt: skip
        super().accept()
