"""Pengaturan → Kata Sandi Saya."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.services import Services
from app.users.models import User
from ui.dialogs.change_password_dialog import ChangePasswordForm


class PasswordTab(QWidget):
    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Ganti kata sandi Anda ({username}). Pakai kata sandi yang mudah Anda ingat tetapi "
                "sulit ditebak orang lain, dan jangan dipakai bersama."
            ).format(username=user.username)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = ChangePasswordForm(services, user)
        self.form.setMaximumWidth(620)
        layout.addWidget(self.form)
        layout.addStretch()
