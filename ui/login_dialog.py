"""Masuk: username and password; the demo cooperative lists its demo users to pick from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.users.models import Role, User
from ui.errors import show_error
from ui.widgets.form import FieldErrors

if TYPE_CHECKING:  # opened before this window; not imported to show it
    from app.services import Services

# (username, password, role, full_name) as app.demo.users.DEMO_USERS lists them
DemoUser = tuple[str, str, "Role | str", str]


class LoginDialog(QDialog):
    """After `accepted`, `user` is the logged-in user."""

    def __init__(
        self,
        services: Services,
        demo_users: Sequence[DemoUser] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user: User | None = None
        profile = services.settings.profile()
        self.setWindowTitle(self.tr("Masuk — Mufakat"))
        self.setMinimumWidth(460)

        layout = QVBoxLayout(self)
        heading = QLabel(objectName="login_heading")
        name = profile.name or services.short_name
        if services.is_demo:
            name = self.tr("{name} (CONTOH)").format(name=name)
        heading.setText(f"<b style='font-size:15pt'>{name}</b>")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Masukkan nama pengguna dan kata sandi Anda.")))

        self.errors = FieldErrors()
        form = QFormLayout()
        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(form, self.tr("Nama pengguna"), "username", self.username)
        self.errors.add_row(form, self.tr("Kata sandi"), "password", self.password)
        layout.addLayout(form)

        if demo_users:
            layout.addWidget(self._demo_box(demo_users))

        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(
            self.tr("Masuk"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.login_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.username.setFocus()

    def _demo_box(self, demo_users: Sequence[DemoUser]) -> QGroupBox:
        box = QGroupBox(self.tr("Pengguna contoh — klik salah satu untuk mengisi"))
        grid = QGridLayout(box)
        self.demo_buttons: list[QPushButton] = []
        for row, (username, password, role, full_name) in enumerate(demo_users):
            label = Role(role).label
            button = QPushButton(f"{full_name} ({label})")
            button.setAutoDefault(False)
            button.setToolTip(
                self.tr("Nama pengguna {username}, kata sandi {password}").format(
                    username=username, password=password
                )
            )
            button.clicked.connect(lambda _=False, u=username, p=password: self.fill(u, p))
            grid.addWidget(button, row, 0)
            grid.addWidget(
                QLabel(
                    self.tr("{username} / {password}").format(username=username, password=password)
                ),
                row,
                1,
            )
            self.demo_buttons.append(button)
        return box

    def fill(self, username: str, password: str) -> None:
        self.username.setText(username)
        self.password.setText(password)
        self.errors.clear()
        self.login_button.setFocus()

    def submit(self) -> None:
        self.errors.clear()
        try:
            self.user = self.services.users.login(self.username.text(), self.password.text())
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            if exc.field == "password":
                self.password.selectAll()
            return
        self.accept()
