"""Hubungkan ke Server…: the office server's address, tried for real before anything else
(issue 15 §3). Accepting gives a `postgresql://` address (`url`); what the server said, or what
is wrong, is shown at the field to fix, never with the password in it."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.server.connection import (
    ConnectionForm,
    connected_message,
    remember,
    remembered,
    try_connection,
)
from ui.errors import show_error
from ui.widgets.form import FieldErrors

FIELDS = ("host", "port", "dbname", "user", "password")


class ServerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hubungkan ke Server Kantor"))
        self.setMinimumWidth(520)
        self.url = ""
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Isi alamat PC server kantor seperti yang diberikan saat server disiapkan. "
                "Tanyakan kepada pengurus bila belum tahu."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors()
        kept, has_password = remembered()
        self.host = self._edit(
            "host", kept.host, self.tr("misalnya 192.168.1.10 atau SERVER-KANTOR")
        )
        self.port = self._edit("port", kept.port)
        self.port.setValidator(QIntValidator(1, 65535, self.port))
        self.dbname = self._edit("dbname", kept.dbname)
        self.user = self._edit("user", kept.user)
        self.password = self._edit("password", kept.password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        labels = (
            self.tr("Alamat server"), self.tr("Port"), self.tr("Nama database"),
            self.tr("Pengguna"), self.tr("Kata sandi"),
        )  # fmt: skip
        for label, name, edit in zip(labels, FIELDS, self._edits(), strict=True):
            self.errors.add_row(form, label, name, edit)
        self.keep_password = QCheckBox(self.tr("Ingat kata sandi di PC ini"))
        self.keep_password.setObjectName("keep_password")
        self.keep_password.setChecked(has_password)
        self.keep_password.setToolTip(
            self.tr("Tanpa centang, kata sandi diminta lagi setiap kali. Alamat selalu diingat.")
        )
        form.addRow("", self.keep_password)
        self.test_button = QPushButton(self.tr("Uji Koneksi"))
        self.test_button.setObjectName("test_connection")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        form.addRow("", self.test_button)
        self.result_label = QLabel(objectName="connection_result")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("color: #1b5e20;")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        general = QLabel(objectName="general_error")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Hubungkan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        chain = [*self._edits(), self.keep_password, self.test_button, self.ok_button, cancel]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        (self.password if kept.host and not kept.password else self.host).setFocus()

    def _edit(self, name: str, text: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text, objectName=name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _edits(self) -> list[QLineEdit]:
        return [self.host, self.port, self.dbname, self.user, self.password]

    def form(self) -> ConnectionForm:
        return ConnectionForm(*(edit.text() for edit in self._edits()))

    def _try(self) -> str | None:
        """Connect for real; the server's version, or None after showing what is wrong."""
        self.errors.clear()
        self.result_label.clear()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return try_connection(self.form())
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=FIELDS)
            self.adjustSize()  # the message shows whole, the dialog grows for it
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()

    def test_connection(self) -> bool:
        version = self._try()
        if version is None:
            return False
        self.result_label.setText(connected_message(version))
        self.adjustSize()
        return True

    def submit(self) -> None:
        """Tried first: only an address that works is handed on (and remembered)."""
        if not self.test_connection():
            return
        form = self.form().checked()
        remember(form, self.keep_password.isChecked())
        self.url = form.url()
        self.accept()
