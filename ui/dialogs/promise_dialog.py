"""Catat Janji Bayar at a contact already recorded, and Batalkan Janji (only a promise still
waiting, with a typed reason)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.collection.models import Case, PromiseDraft, PromiseStatus, PromiseView
from app.errors import AppError, ValidationError
from app.formats import format_date_long, format_date_short
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from ui.dialogs.case_parts import case_line, show_error
from ui.dialogs.loan_dialog_parts import dialog_buttons, note_label
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit


class PromiseDialog(QDialog):
    """`saved` is the promise with its status after Simpan."""

    def __init__(
        self, services: Services, user: User, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.case = case
        self.today = today
        self.saved: PromiseView | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Catat Janji Bayar"))
        self.resize(620, 330)
        layout = QVBoxLayout(self)
        layout.addWidget(case_line(case))
        layout.addWidget(
            note_label(
                self.tr(
                    "Janji bayar selalu dicatat pada sebuah kontak (telepon, kunjungan, di "
                    "kantor…). "
                    "Pilih kontaknya; kalau belum dicatat, batal dan klik Catat Kontak."
                )
            )
        )
        form = QFormLayout()
        self.contact_combo = QComboBox(objectName="promise_contact")
        contacts = [c for c in services.contacts.contacts(case.id) if not c.is_superseded]
        for c in reversed(contacts):
            self.contact_combo.addItem(
                f"{format_date_short(c.contact_at.date())} {c.contact_at:%H.%M} · "
                f"{c.channel.label} · {c.met_role.label}",
                c.id,
            )
        self.amount_edit = RupiahEdit(field="amount")
        self.amount_edit.setObjectName("promise_amount")
        self.due_edit = DateEdit(field="due_date")
        self.due_edit.setObjectName("promise_due")
        self.errors.add_row(form, self.tr("Dibuat pada kontak *"), "contact", self.contact_combo)
        self.errors.add_row(form, self.tr("Jumlah (Rp) *"), "amount", self.amount_edit)
        self.errors.add_row(form, self.tr("Paling lambat tanggal *"), "due_date", self.due_edit)
        layout.addLayout(form)
        general = QLabel(objectName="error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(self, self.tr("Simpan Janji"), self.tr("Batal"))
        layout.addWidget(buttons)
        if not contacts:
            self.save_button.setEnabled(False)
            self.errors.show(
                None,
                self.tr(
                    "Belum ada kontak di kasus ini. Catat kontaknya dulu "
                    "(tombol Catat Kontak) — janji bayar bisa diisi di "
                    "sana sekaligus."
                ),
            )
        self.amount_edit.setFocus()

    def accept(self) -> None:
        self.errors.clear()
        try:
            contact_id = self.contact_combo.currentData()
            if contact_id is None:
                raise ValidationError("Pilih kontak tempat janji dibuat.", field="contact")
            due = self.due_edit.value()
            assert due is not None
            self.saved = self.services.promises.record(
                self.user, int(contact_id), PromiseDraft(self.amount_edit.value(), due), self.today
            )
        except AppError as exc:
            show_error(self.errors, exc, ("contact", "amount", "due_date"))
            return
        super().accept()


class CancelPromiseDialog(QDialog):
    """Cancelling is the only way to 'Dibatalkan'; the reason is typed."""

    def __init__(
        self,
        services: Services,
        user: User,
        view: PromiseView,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.view = view
        self.today = today
        self.saved: PromiseView | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Batalkan Janji Bayar"))
        layout = QVBoxLayout(self)
        p = view.promise
        layout.addWidget(
            QLabel(
                self.tr(
                    "Janji bayar {amount} paling lambat {due} (dibuat {made}) — {status}."
                ).format(
                    amount=format_rupiah(p.amount),
                    due=format_date_long(p.due_date),
                    made=format_date_short(p.made_on),
                    status=view.status.label,
                )
            )
        )
        layout.addWidget(
            note_label(
                self.tr(
                    "Janji yang dibatalkan tidak dihitung lagi dan tidak bisa dipakai kembali. "
                    "Untuk "
                    "janji baru, catat kontak baru."
                )
            )
        )
        form = QFormLayout()
        self.reason_edit = QLineEdit(objectName="cancel_reason")
        self.reason_edit.setPlaceholderText(
            self.tr("misalnya: diganti kesepakatan restrukturisasi")
        )
        self.errors.add_row(form, self.tr("Alasan pembatalan *"), "reason", self.reason_edit)
        layout.addLayout(form)
        general = QLabel(objectName="error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(
            self, self.tr("Batalkan Janji"), self.tr("Tutup")
        )
        layout.addWidget(buttons)
        if view.status != PromiseStatus.MENUNGGU:
            self.save_button.setEnabled(False)
            self.errors.show(None, self.tr("Hanya janji yang masih menunggu yang bisa dibatalkan."))

    def accept(self) -> None:
        self.errors.clear()
        if not messages.confirm(
            self,
            self.tr("Batalkan janji bayar?"),
            self.tr(
                "Janji ini akan berstatus Dibatalkan untuk seterusnya dan tidak dihitung dalam "
                "janji yang ditepati atau diingkari. Lanjutkan?"
            ),
            self.tr("Ya, batalkan"),
            self.tr("Tidak"),
        ):
            return
        try:
            self.saved = self.services.promises.cancel(
                self.user, self.view.promise.id, self.reason_edit.text(), self.today, self.today
            )
        except AppError as exc:
            show_error(self.errors, exc, ("reason",))
            return
        super().accept()
