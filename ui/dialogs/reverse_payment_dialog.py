"""Batalkan Pembayaran: a wrong receipt is cancelled by a reversing entry with a typed reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.errors import AppError, ValidationError
from app.formats import format_date_short
from app.loans.models import EventKind, Loan, LoanStatus, Payment
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from ui.dialogs.loan_dialog_parts import dialog_buttons, loan_line, note_label
from ui.errors import show_error
from ui.widgets import messages
from ui.widgets.form import FieldErrors

REVERSIBLE = (EventKind.PEMBAYARAN, EventKind.KERINGANAN)


def can_reverse(event: Payment | None) -> bool:
    """Only a receipt or a waiver that is not already cancelled can be cancelled."""
    return event is not None and event.kind in REVERSIBLE and not event.is_reversed


class ReversePaymentDialog(QDialog):
    """`saved` is the reversing event after the clerk confirmed."""

    def __init__(
        self,
        services: Services,
        user: User,
        loan: Loan,
        event: Payment,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.loan = loan
        self.payment = event
        self.today = today or date.today()
        self.saved: Payment | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Batalkan Pembayaran {receipt}").format(
            receipt=event.receipt_no or event.kind.label))  # fmt: skip
        self.setMinimumWidth(580)
        layout = QVBoxLayout(self)
        layout.addWidget(loan_line(loan))
        layout.addWidget(QLabel(self.describe()))
        self.consequence = note_label(self.consequence_text(), color="#9c2b00")
        self.consequence.setObjectName("consequence")
        layout.addWidget(self.consequence)
        form = QFormLayout()
        layout.addLayout(form)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(300)
        self.reason_edit.setPlaceholderText(
            self.tr("misalnya: salah ketik jumlah, seharusnya Rp500.000")
        )
        self.errors.add_row(form, self.tr("Alasan pembatalan *"), "reason", self.reason_edit)
        general = QLabel()
        general.setObjectName("error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(
            self, self.tr("Batalkan Pembayaran"), self.tr("Kembali")
        )
        layout.addWidget(buttons)
        self.reason_edit.setFocus()

    def describe(self) -> str:
        e = self.payment
        what = e.kind.label
        amount = e.amount if e.kind == EventKind.PEMBAYARAN else e.pokok + e.jasa + e.denda
        return self.tr("{what} {amount}, tanggal {date}, kuitansi {receipt}.").format(
            what=what, amount=format_rupiah(amount), date=format_date_short(e.event_date),
            receipt=e.receipt_no or "–",
        )  # fmt: skip

    def consequence_text(self) -> str:
        e = self.payment
        parts = []
        for name, value in ((self.tr("pokok"), e.pokok), (self.tr("jasa"), e.jasa),
                            (self.tr("denda"), e.denda)):  # fmt: skip
            if value:
                parts.append(f"{name} {format_rupiah(value)}")
        if e.titipan > 0:
            parts.append(self.tr("titipan {amount}").format(amount=format_rupiah(e.titipan)))
        numbers = sorted({ln.number for ln in e.lines if ln.number is not None})
        text = self.tr("Akibatnya: {parts} kembali menjadi tunggakan").format(
            parts=", ".join(parts) or self.tr("jumlahnya")
        )
        if numbers:
            text += self.tr(" pada angsuran ke-{numbers}").format(
                numbers=", ".join(str(n) for n in numbers)
            )
        text += ". " + self.tr(
            "Denda bisa bertambah dan kolektibilitas bisa turun. Kuitansi asli tetap tercatat "
            "dengan tanda DIBATALKAN, dan pembatalan ini tidak bisa dibatalkan lagi."
        )
        if self.loan.status != LoanStatus.AKTIF:
            text += " " + self.tr("Pinjaman yang sudah lunas akan aktif kembali.")
        return text

    def accept(self) -> None:
        self.errors.clear()
        reason = self.reason_edit.text().strip()
        if len(reason) < 5:
            self.errors.show("reason", self.tr("Tulis alasan pembatalan dengan jelas."))
            return
        if not messages.confirm(
            self,
            self.tr("Batalkan pembayaran?"),
            self.consequence_text() + "\n\n" + self.tr("Lanjutkan pembatalan {receipt}?").format(
                receipt=self.payment.receipt_no or self.payment.kind.label
            ),
            yes=self.tr("Ya, batalkan pembayaran"),
            no=self.tr("Tidak"),
        ):  # fmt: skip
            return
        try:
            self.saved = self.services.loans.payments.reverse(
                self.user, self.payment.id, reason, self.today, today=self.today
            )
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors, fields=("reason",))
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        super().accept()
