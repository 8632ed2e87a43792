"""Ganti kata sandi: the form (also the Pengaturan tab) and the dialog forced after a reset."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.users.models import User
from app.users.passwords import MIN_LENGTH
from ui.errors import show_error
from ui.widgets.form import FieldErrors

if TYPE_CHECKING:  # opened before this window; not imported to show it
    from app.services import Services


class ChangePasswordForm(QWidget):
    """Old password, new password twice; `changed` is emitted once the service accepted it."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        user: User,
        with_button: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.errors = FieldErrors()
        form = QFormLayout(self)
        self.old = self._password_edit("old_password")
        self.new = self._password_edit("password")
        self.new.setPlaceholderText(self.tr("minimal {n} karakter").format(n=MIN_LENGTH))
        self.confirm = self._password_edit("confirm")
        self.errors.add_row(form, self.tr("Kata sandi sekarang"), "old_password", self.old)
        self.errors.add_row(form, self.tr("Kata sandi baru"), "password", self.new)
        self.errors.add_row(form, self.tr("Ulangi kata sandi baru"), "confirm", self.confirm)
        self.save_button: QPushButton | None = None
        if with_button:
            self.save_button = QPushButton(self.tr("Simpan kata sandi baru"))
            self.save_button.clicked.connect(self.submit)
            form.addRow("", self.save_button)
        self.done_label = QLabel(objectName="password_done")
        self.done_label.setStyleSheet("color: #1b5e20;")
        form.addRow("", self.done_label)

    def _password_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def submit(self) -> bool:
        self.errors.clear()
        self.done_label.clear()
        try:
            self.services.users.change_password(
                self.user, self.old.text(), self.new.text(), self.confirm.text()
            )
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return False
        for edit in (self.old, self.new, self.confirm):
            edit.clear()
        self.done_label.setText(
            self.tr("Kata sandi sudah diganti. Pakai kata sandi baru saat masuk berikutnya.")
        )
        self.changed.emit()
        return True


class ChangePasswordDialog(QDialog):
    def __init__(
        self, services: Services, user: User, forced: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ganti Kata Sandi"))
        layout = QVBoxLayout(self)
        if forced:
            note = QLabel(
                self.tr(
                    "Kata sandi Anda baru saja diatur ulang oleh Admin. Buat kata sandi baru yang "
                    "hanya Anda ketahui sebelum melanjutkan."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        self.form = ChangePasswordForm(services, user, with_button=False)
        layout.addWidget(self.form)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def submit(self) -> None:
        if self.form.submit():
            self.accept()
