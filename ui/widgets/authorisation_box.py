"""The Ketua/Pengurus authorisation for withdrawing simpanan pokok or wajib of an active member."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from app.users.models import User
from app.users.permissions import Action
from app.users.service import UserService
from ui.widgets.form import FieldErrors


class AuthorisationBox(QGroupBox):
    """Another Ketua/Pengurus types their user name and password here: nobody authorises a
    withdrawal they record themselves, a Pengurus at the desk included. The reason is always
    typed. Wrong passwords count toward that user's lock-out (UserService.verify_authoriser)."""

    def __init__(
        self,
        user: User,
        errors: FieldErrors,
        parent: QWidget | None = None,
        explanation: str = "",
    ) -> None:
        """`explanation`: why this needs an authorisation (default: pokok/wajib withdrawal)."""
        super().__init__(self.tr("Izin Ketua/Pengurus"), parent)
        self.user = user
        form = QFormLayout(self)
        explain = QLabel(
            explanation
            or self.tr(
                "Simpanan pokok dan wajib tidak boleh ditarik selama masih menjadi anggota. "
                "Penarikan ini hanya boleh dengan izin Ketua/Pengurus lain (bukan yang "
                "mencatat) dan alasan yang ditulis."
            )
        )
        explain.setWordWrap(True)
        form.addRow(explain)
        self.username_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_edit.setPlaceholderText(self.tr("nama pengguna Ketua/Pengurus"))
        self.password_edit.setPlaceholderText(self.tr("kata sandinya"))
        errors.add_row(form, self.tr("Diizinkan oleh"), "authoriser", self.username_edit)
        errors.add_row(form, self.tr("Kata sandi"), "auth_password", self.password_edit)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            self.tr("misalnya: biaya berobat, disetujui rapat pengurus")
        )
        errors.add_row(form, self.tr("Alasan *"), "reason", self.reason_edit)

    def authoriser(self, users: UserService) -> User | None:
        """The Pengurus whose password was typed, or None when nothing was typed (the service
        then refuses and says why)."""
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username and not password:
            return None
        return users.verify_authoriser(
            username, password, Action.AUTHORISE_WITHDRAWAL, requester=self.user
        )

    def reason(self) -> str:
        return self.reason_edit.text()
