"""Atur ulang kata sandi: an Admin gives a user a temporary password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.services import Services
from app.users.models import User
from app.users.passwords import MIN_LENGTH
from ui.errors import show_error
from ui.widgets.form import FieldErrors


class ResetPasswordDialog(QDialog):
    def __init__(
        self, services: Services, actor: User, user: User, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.user = user
        self.setWindowTitle(self.tr("Atur Ulang Kata Sandi"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Buat kata sandi sementara untuk {name} ({username}). Sampaikan kepada orangnya "
                "langsung; saat masuk berikutnya ia harus menggantinya. Kunci karena salah kata "
                "sandi juga dibuka."
            ).format(name=user.full_name, username=user.username)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.errors = FieldErrors()
        form = QFormLayout()
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("minimal {n} karakter").format(n=MIN_LENGTH))
        self.confirm = QLineEdit(objectName="confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(form, self.tr("Kata sandi sementara"), "password", self.password)
        self.errors.add_row(form, self.tr("Ulangi kata sandi"), "confirm", self.confirm)
        layout.addLayout(form)
        general = QLabel()
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Atur Ulang"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def submit(self) -> None:
        self.errors.clear()
        try:
            self.services.users.reset_password(
                self.actor, self.user.id, self.password.text(), self.confirm.text()
            )
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        self.accept()
