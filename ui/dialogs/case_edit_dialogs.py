"""Small dialogs of a case: officer, status, causes, collateral status, closing, a letter's
delivery, and money received after hapus buku (pemulihan)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.collection.models import (
    DELIVERY_METHODS,
    Case,
    CaseStatus,
    CollateralStatus,
    Letter,
)
from app.errors import AppError
from app.formats import format_date_long
from app.loans.models import PaymentMethod
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from ui.dialogs.case_parts import CausesPicker, case_line, officer_combo, show_error, text_box
from ui.dialogs.loan_dialog_parts import dialog_buttons, note_label
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit

_MANUAL = (
    CaseStatus.BARU,
    CaseStatus.NEGOSIASI,
    CaseStatus.JANJI_BAYAR,
    CaseStatus.RESTRUKTURISASI,
    CaseStatus.PENYELESAIAN,
)


class CaseFormDialog(QDialog):
    """A short form about one case: subclasses add rows to `self.form` and set `self.save`
    (a callable doing the service call); a refusal is shown at its field."""

    fields: tuple[str, ...] = ()

    def __init__(
        self, services: Services, user: User, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.case = case
        self.today = today
        self.saved: Any = None
        self.errors = FieldErrors()
        self.resize(620, 300)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(case_line(case))
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.general = QLabel(objectName="error_general")
        self.errors.set_general(self.general)
        self.ok_text = self.tr("Simpan")
        self.save: Callable[[], Any] = lambda: None
        self.confirm_text = ""

    def finish(self) -> None:
        """Call at the end of a subclass's __init__: the error label and the buttons."""
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.general)
        buttons, self.save_button = dialog_buttons(self, self.ok_text, self.tr("Batal"))
        self.layout_.addWidget(buttons)

    def accept(self) -> None:
        self.errors.clear()
        if self.confirm_text and not messages.confirm(
            self, self.windowTitle(), self.confirm_text, self.tr("Ya, lanjutkan"), self.tr("Tidak")
        ):
            return
        try:
            self.saved = self.save()
        except AppError as exc:
            show_error(self.errors, exc, self.fields)
            return
        super().accept()


class AssignDialog(CaseFormDialog):
    fields = ("officer",)

    def __init__(
        self, services: Services, user: User, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, user, case, today, parent)
        self.setWindowTitle(self.tr("Ganti Petugas"))
        self.ok_text = self.tr("Simpan")
        self.officer = officer_combo(
            services, case.officer_id, none_text=self.tr("(belum ditentukan)")
        )
        self.errors.add_row(self.form, self.tr("Petugas kasus"), "officer", self.officer)
        self.save = lambda: services.cases.assign(user, case.id, self.officer.currentData(), today)
        self.finish()


class StatusDialog(CaseFormDialog):
    fields = ("status", "note")

    def __init__(
        self, services: Services, user: User, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, user, case, today, parent)
        self.setWindowTitle(self.tr("Ubah Status Kasus"))
        self.ok_text = self.tr("Simpan")
        self.status = QComboBox(objectName="case_status_choice")
        for status in _MANUAL:
            self.status.addItem(status.label, status.value)
        self.status.setCurrentIndex(max(0, self.status.findData(case.status.value)))
        self.note = QLineEdit(objectName="status_note")
        self.errors.add_row(self.form, self.tr("Status baru"), "status", self.status)
        self.errors.add_row(self.form, self.tr("Alasan *"), "note", self.note)
        self.form.addRow(
            note_label(
                self.tr(
                    "Status biasanya berubah sendiri (kontak, janji bayar, keputusan). Selesai "
                    "lewat Tutup "
                    "Kasus; Hapus Buku lewat keputusan hapus buku."
                )
            )
        )
        self.save = lambda: services.cases.set_status(
            user, case.id, CaseStatus(self.status.currentData()), self.note.text(), today
        )
        self.finish()


class CausesDialog(CaseFormDialog):
    fields = ("causes",)

    def __init__(
        self, services: Services, user: User, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, user, case, today, parent)
        self.setWindowTitle(self.tr("Penyebab Tunggakan"))
        self.ok_text = self.tr("Simpan")
        self.causes = CausesPicker(self.tr("Penyebab (boleh lebih dari satu)"))
        self.causes.set_codes(case.causes)
        self.layout_.addWidget(self.causes)
        error = QLabel(objectName="error_causes")
        error.hide()
        self.layout_.addWidget(error)
        self.errors.register("causes", self.causes, error)
        self.save = lambda: services.cases.set_causes(user, case.id, self.causes.codes(), today)
        self.finish()


class CollateralDialog(CaseFormDialog):
    fields = ("collateral", "note")

    def __init__(
        self, services: Services, user: User, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, user, case, today, parent)
        self.setWindowTitle(self.tr("Status Agunan"))
        self.ok_text = self.tr("Simpan")
        self.status = QComboBox(objectName="collateral_choice")
        for status in CollateralStatus:
            self.status.addItem(status.label, status.value)
        self.status.setCurrentIndex(max(0, self.status.findData(case.collateral_status.value)))
        self.note = QLineEdit(objectName="collateral_note")
        self.note.setText(case.collateral_note)
        self.errors.add_row(self.form, self.tr("Status agunan"), "collateral", self.status)
        self.errors.add_row(self.form, self.tr("Keterangan"), "note", self.note)
        self.save = lambda: services.cases.set_collateral(
            user, case.id, CollateralStatus(self.status.currentData()), self.note.text(), today
        )
        self.finish()


class CloseCaseDialog(CaseFormDialog):
    fields = ("reason", "on", "case")

    def __init__(
        self, services: Services, user: User, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, user, case, today, parent)
        self.setWindowTitle(self.tr("Tutup Kasus"))
        self.ok_text = self.tr("Tutup Kasus")
        self.on = DateEdit(field="on")
        self.on.set_value(today)
        self.reason = QLineEdit(objectName="close_reason")
        self.reason.setPlaceholderText(self.tr("misalnya: tunggakan sudah dibayar lunas"))
        self.errors.add_row(self.form, self.tr("Tanggal *"), "on", self.on)
        self.errors.add_row(self.form, self.tr("Alasan *"), "reason", self.reason)
        self.confirm_text = self.tr(
            "Kasus {number} akan berstatus Selesai dan hilang dari daftar kerja. Kalau pinjaman "
            "menunggak lagi, kasus baru terbuka sendiri. Lanjutkan?"
        ).format(number=case.number)
        self.save = lambda: services.cases.close(
            user, case.id, self.reason.text(), self.on.value() or today, today
        )
        self.finish()


class DeliveryDialog(CaseFormDialog):
    """When and how a printed letter reached the member, and who received it."""

    fields = ("sent_on", "delivery_method", "received_by")

    def __init__(
        self,
        services: Services,
        user: User,
        case: Case,
        letter: Letter,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, user, case, today, parent)
        self.setWindowTitle(self.tr("Catat Surat Terkirim"))
        self.ok_text = self.tr("Simpan")
        self.form.addRow(
            QLabel(
                self.tr("{kind} {number}, tanggal {date}").format(
                    kind=letter.kind.label,
                    number=letter.number,
                    date=format_date_long(letter.letter_date),
                )
            )
        )
        self.sent_on = DateEdit(field="sent_on")
        self.sent_on.set_value(today)
        self.method = QComboBox(objectName="delivery_method")
        for key, label in DELIVERY_METHODS.items():
            self.method.addItem(label, key)
        self.received_by = QLineEdit(objectName="received_by")
        self.received_by.setPlaceholderText(self.tr("misalnya: istri anggota"))
        self.errors.add_row(self.form, self.tr("Tanggal dikirim *"), "sent_on", self.sent_on)
        self.errors.add_row(self.form, self.tr("Cara kirim *"), "delivery_method", self.method)
        self.errors.add_row(self.form, self.tr("Diterima oleh *"), "received_by", self.received_by)
        self.save = lambda: services.contacts.record_delivery(
            user,
            letter.id,
            self.sent_on.value() or today,
            str(self.method.currentData()),
            self.received_by.text(),
            today,
        )
        self.finish()


class RecoveryDialog(CaseFormDialog):
    """Money received on a written-off loan: its own receipt, income of the period."""

    fields = ("amount", "on", "method", "note")

    def __init__(
        self, services: Services, user: User, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, user, case, today, parent)
        self.setWindowTitle(self.tr("Terima Pemulihan"))
        self.ok_text = self.tr("Simpan Penerimaan")
        entry = services.offbook.of_loan(case.loan_id, today)
        if entry is not None:
            self.form.addRow(
                QLabel(
                    self.tr("Sisa tagihan ekstrakomptabel: {rest}").format(
                        rest=format_rupiah(entry.remaining)
                    )
                )
            )
        self.amount = RupiahEdit(field="amount")
        self.amount.setObjectName("recovery_amount")
        self.on = DateEdit(field="on")
        self.on.set_value(today)
        self.method = QComboBox(objectName="recovery_method")
        for m in (PaymentMethod.TUNAI, PaymentMethod.TRANSFER):
            self.method.addItem(m.label, m.value)
        self.note = text_box("recovery_note", 2)
        self.errors.add_row(self.form, self.tr("Jumlah diterima (Rp) *"), "amount", self.amount)
        self.errors.add_row(self.form, self.tr("Tanggal *"), "on", self.on)
        self.errors.add_row(self.form, self.tr("Cara bayar"), "method", self.method)
        self.errors.add_row(self.form, self.tr("Keterangan"), "note", self.note)
        self.save = lambda: services.writeoff.record_recovery(
            user,
            case.loan_id,
            self.amount.value(),
            self.on.value() or today,
            str(self.method.currentData()),
            self.note.toPlainText(),
            today,
        )
        self.finish()
