"""Hapuskan Denda (keringanan): an amount given up, with a typed reason and a Pengurus."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, PermissionDenied, ValidationError
from app.formats import in_sentence
from app.loans.models import Loan, Waiver
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from app.users.permissions import Action
from ui.dialogs.loan_dialog_parts import dialog_buttons, loan_line, note_label
from ui.errors import show_error
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit


class ApproverBox(QGroupBox):
    """Another Pengurus types their user name and password here: nobody approves a waiver they
    record themselves, a Pengurus at the desk included."""

    def __init__(self, user: User, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Persetujuan Ketua/Pengurus"), parent)
        self.user = user
        form = QFormLayout(self)
        self.username_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        explain = self.tr(
            "Keringanan hanya boleh dengan persetujuan Ketua/Pengurus lain (bukan yang "
            "mencatat). Minta beliau mengetik nama pengguna dan kata sandinya di sini."
        )
        form.addRow(note_label(explain))
        self.username_edit.setPlaceholderText(self.tr("nama pengguna Ketua/Pengurus"))
        self.password_edit.setPlaceholderText(self.tr("kata sandinya"))
        errors.add_row(form, self.tr("Disetujui oleh"), "approver", self.username_edit)
        errors.add_row(form, self.tr("Kata sandi"), "auth_password", self.password_edit)

    def approver(self, services: Services) -> User:
        username = self.username_edit.text().strip()
        if not username:
            raise ValidationError(
                "Tulis nama pengguna Ketua/Pengurus yang menyetujui.", field="approver"
            )
        try:
            return services.users.verify_authoriser(
                username, self.password_edit.text(), Action.APPROVE, requester=self.user
            )
        except PermissionDenied as exc:
            raise ValidationError(exc.message, field="approver") from None


class WaiverDialog(QDialog):
    """`saved` is the stored waiver after Simpan."""

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
        self.saved: Waiver | None = None
        self.errors = FieldErrors()
        self._suggested = ""
        self.setWindowTitle(self.tr("Hapuskan Denda (Keringanan)"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(loan_line(loan))
        form = QFormLayout()
        layout.addLayout(form)
        self.component_combo = QComboBox()
        self.component_combo.addItem(self.tr("Denda"), "denda")
        self.component_combo.addItem(self.tr("Jasa"), "jasa")
        self.date_edit = DateEdit(field="on")
        self.date_edit.set_value(self.today)
        self.owed_label = note_label()
        self.owed_label.setObjectName("waiver_owed")
        self.amount_edit = RupiahEdit(field="amount")
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(300)
        self.reason_edit.setPlaceholderText(
            self.tr("misalnya: anggota sakit dirawat, diputuskan rapat pengurus 3 November")
        )
        self.errors.add_row(form, self.tr("Yang diringankan"), "component", self.component_combo)
        self.errors.add_row(form, self.tr("Per tanggal"), "on", self.date_edit)
        form.addRow("", self.owed_label)
        self.errors.add_row(form, self.tr("Jumlah (Rp) *"), "amount", self.amount_edit)
        self.errors.add_row(form, self.tr("Alasan *"), "reason", self.reason_edit)
        self.approver_box = ApproverBox(user, self.errors)
        layout.addWidget(self.approver_box)
        layout.addWidget(note_label(self.tr(
            "Keringanan dicatat dengan nama yang menyetujui dan alasannya, dan tidak bisa "
            "diubah; bila salah, batalkan lewat Batalkan Pembayaran.")))  # fmt: skip
        general = QLabel()
        general.setObjectName("error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(
            self, self.tr("Simpan Keringanan"), self.tr("Batal")
        )
        layout.addWidget(buttons)
        self.component_combo.currentIndexChanged.connect(lambda _: self.show_owed())
        self.date_edit.editingFinished.connect(self.show_owed)
        self.show_owed()
        self.amount_edit.setFocus()

    def component(self) -> str:
        return str(self.component_combo.currentData())

    def owed(self) -> int | None:
        """What is owed on the chosen component at the date (None when it cannot be read)."""
        try:
            on = self.date_edit.value()
            assert on is not None
            arrears = self.services.loans.quality.arrears(self.loan.id, on)
        except AppError:
            return None
        return arrears.arrears_denda if self.component() == "denda" else arrears.arrears_jasa

    def show_owed(self) -> None:
        owed = self.owed()
        if owed is None:
            self.owed_label.setText("")
            return
        what = in_sentence(self.component_combo.currentText())
        self.owed_label.setText(
            self.tr("Tunggakan {what} pada tanggal itu: {amount}").format(
                what=what, amount=format_rupiah(owed)
            )
        )
        if self.amount_edit.text() in ("", self._suggested):
            self.amount_edit.set_value(owed or None)
            self._suggested = self.amount_edit.text()

    def accept(self) -> None:
        self.errors.clear()
        try:
            amount = self.amount_edit.value()
            on = self.date_edit.value()
            assert on is not None
            if len(self.reason_edit.text().strip()) < 5:
                raise ValidationError("Tulis alasan keringanan dengan jelas.", field="reason")
            approver = self.approver_box.approver(self.services)
            self.saved = self.services.loans.payments.waive(
                self.user, self.loan.id, self.component(), amount, self.reason_edit.text(),
                approver, on, today=self.today,
            )  # fmt: skip
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except PermissionDenied as exc:
            show_error(self, exc, errors=self.errors, at="approver")
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        messages.inform(
            self,
            self.tr("Keringanan tersimpan"),
            self.tr("{what} {amount} untuk {name} dihapuskan, disetujui {approver}.").format(
                what=self.component_combo.currentText(), amount=format_rupiah(self.saved.amount),
                name=self.loan.member_name, approver=self.saved.approved_by_name,
            ),
        )  # fmt: skip
        super().accept()
