"""Changing a member's status (keluar, meninggal, or aktif again): dated, noted, never deleted."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.members.models import Member, MemberStatus
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from ui.errors import show_error
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors


class StatusDialog(QDialog):
    def __init__(
        self,
        services: Services,
        user: User,
        member: Member,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.member = member
        self.today = today or date.today()
        self.saved: Member | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Ubah Status Anggota"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<b>{name}</b> · No. Anggota {number} · sekarang <b>{status}</b>.<br>"
                "Anggota tidak pernah dihapus: data dan riwayatnya tetap tersimpan."
            ).format(name=member.name, number=member.number, status=member.status.label)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.status_combo = QComboBox()
        choices = [
            (MemberStatus.KELUAR, self.tr("Keluar (berhenti menjadi anggota)")),
            (MemberStatus.MENINGGAL, self.tr("Meninggal dunia")),
            (MemberStatus.AKTIF, self.tr("Aktif kembali")),
        ]
        for status, label in choices:
            if status != member.status:
                self.status_combo.addItem(label, status)
        self.date_edit = DateEdit(field="status_date")
        self.date_edit.set_value(self.today)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("misalnya: pindah ke luar kota, surat tanggal …"))
        self.errors.add_row(form, self.tr("Status baru"), "status", self.status_combo)
        self.errors.add_row(form, self.tr("Sejak tanggal *"), "status_date", self.date_edit)
        self.errors.add_row(form, self.tr("Keterangan *"), "status_note", self.note_edit)
        general = QLabel()
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Simpan Status"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.note_edit.setFocus()

    def status(self) -> MemberStatus:
        return MemberStatus(self.status_combo.currentData())

    def set_status(self, status: MemberStatus) -> None:
        self.status_combo.setCurrentIndex(self.status_combo.findData(status))

    def accept(self) -> None:
        self.errors.clear()
        try:
            when = self.date_edit.value()
            assert when is not None
            status = self.status()
            if status != MemberStatus.AKTIF:
                balance = self.services.savings.balances(self.member.id).total
                if balance > 0 and not messages.confirm(
                    self,
                    self.tr("Simpanan masih ada"),
                    self.tr(
                        "{name} masih punya simpanan {amount}. Setelah status diubah, "
                        "simpanan tidak bisa disetor lagi tetapi tetap bisa ditarik atau "
                        "diperhitungkan. "
                        "Simpan status {status}?"
                    ).format(
                        name=self.member.name, amount=format_rupiah(balance), status=status.label
                    ),
                    yes=self.tr("Ya, simpan status"),
                    no=self.tr("Tidak"),
                ):
                    return
            self.saved = self.services.members.change_status(
                self.user, self.member.id, status, when, self.note_edit.text(), today=self.today
            )
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        super().accept()
