"""Tambah or ubah a user (Admin only; the service checks it too)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
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
from app.services import Services
from app.users.models import Role, User
from app.users.passwords import MIN_LENGTH
from ui.errors import show_error
from ui.widgets.form import FieldErrors


class UserDialog(QDialog):
    """New user when `user` is None, else edit name, role, position and active."""

    def __init__(
        self,
        services: Services,
        actor: User,
        user: User | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.user = user
        self.saved: User | None = None
        self.setWindowTitle(
            self.tr("Tambah Pengguna") if user is None else self.tr("Ubah Pengguna")
        )
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.errors = FieldErrors()
        form = QFormLayout()
        self.username = QLineEdit(objectName="username")
        self.username.setPlaceholderText(self.tr("huruf kecil tanpa spasi, misalnya siti"))
        self.full_name = QLineEdit(objectName="full_name")
        self.role = QComboBox(objectName="role")
        for role in Role:
            self.role.addItem(role.label, role)
        self.position = QLineEdit(objectName="position")
        self.position.setPlaceholderText(self.tr("misalnya Bendahara, Kasir"))
        self.errors.add_row(form, self.tr("Nama pengguna"), "username", self.username)
        self.errors.add_row(form, self.tr("Nama lengkap"), "full_name", self.full_name)
        self.errors.add_row(form, self.tr("Peran"), "role", self.role)
        role_note = QLabel(
            self.tr(
                "Peran Ketua, Pengurus, Pengawas dan Manajer baru berlaku setelah disetujui "
                "Ketua/Pengurus lain di Beranda."
            ),
            objectName="role_note",
        )
        role_note.setWordWrap(True)
        role_note.setStyleSheet("color:#555;")
        form.addRow("", role_note)
        self.errors.add_row(form, self.tr("Jabatan"), "position", self.position)
        self.password = QLineEdit(objectName="password")
        self.confirm = QLineEdit(objectName="confirm")
        self.active = QCheckBox(self.tr("Aktif (boleh masuk)"), objectName="active")
        if user is None:
            for edit in (self.password, self.confirm):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.password.setPlaceholderText(self.tr("minimal {n} karakter").format(n=MIN_LENGTH))
            self.errors.add_row(form, self.tr("Kata sandi sementara"), "password", self.password)
            self.errors.add_row(form, self.tr("Ulangi kata sandi"), "confirm", self.confirm)
            note = QLabel(
                self.tr("Pengguna baru harus mengganti kata sandi ini saat pertama kali masuk.")
            )
            note.setWordWrap(True)
            form.addRow("", note)
        else:
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.full_name.setText(user.full_name)
            self.role.setCurrentIndex(self.role.findData(user.role))
            self.position.setText(user.position)
            self.active.setChecked(user.active)
            self.errors.add_row(form, "", "active", self.active)
        layout.addLayout(form)
        general = QLabel()
        self.errors.set_general(general)
        layout.addWidget(general)
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
        self.errors.clear()
        role = Role(self.role.currentData())
        try:
            if self.user is None:
                self.saved = self.services.users.create_user(
                    self.actor,
                    self.username.text(),
                    self.full_name.text(),
                    role,
                    self.password.text(),
                    self.confirm.text(),
                    position=self.position.text().strip(),
                )
            else:
                self.saved = self.services.users.update_user(
                    self.actor,
                    self.user.id,
                    self.full_name.text(),
                    role,
                    self.position.text().strip(),
                    self.active.isChecked(),
                )
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        self.accept()
