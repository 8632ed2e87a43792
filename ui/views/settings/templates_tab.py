"""Pengaturan → Kalimat Surat: the cooperative's own wording for each letter paragraph, with
named placeholders; an unknown placeholder is refused with a message naming it; "Kembalikan
ke bawaan" restores the shipped text in one click."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.documents.wording import PARTS_BY_KEY, PLACEHOLDERS
from app.errors import AppError
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can


class TemplatesTab(QWidget):
    saved = Signal(str)  # the paragraph key

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = user
        self.templates = services.templates
        self.part = QComboBox(objectName="part")
        for part in self.templates.parts():
            self.part.addItem(part.label, part.key)
        self.text = QPlainTextEdit(objectName="text")
        self.allowed = QLabel(objectName="allowed")
        self.allowed.setWordWrap(True)
        self.error = QLabel(objectName="error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.status = QLabel(objectName="status")
        self.save_button = QPushButton(self.tr("Simpan"), objectName="save_button")
        self.default_button = QPushButton(
            self.tr("Kembalikan ke bawaan"), objectName="default_button"
        )
        editable = can(user, Action.EDIT_SETTINGS)
        for widget in (self.text, self.save_button, self.default_button):
            widget.setEnabled(editable)
        self.part.currentIndexChanged.connect(lambda _i: self.load())
        self.save_button.clicked.connect(self.save)
        self.default_button.clicked.connect(self.restore_default)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.default_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Kalimat pada surat:")))
        layout.addWidget(self.part)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.allowed)
        layout.addLayout(buttons)
        self.load()

    def key(self) -> str:
        return str(self.part.currentData())

    def load(self) -> None:
        key = self.key()
        self.text.setPlainText(self.templates.text(key))
        self.error.clear()
        names = PARTS_BY_KEY[key].allowed
        self.allowed.setText(
            self.tr("Isian yang bisa dipakai: {names}").format(
                # "{key} = meaning": the meanings have their own parentheses ("(Rp)").
                names="; ".join(f"{{{n}}} = {PLACEHOLDERS[n]}" for n in names)
            )
        )
        self._show_state()

    def _show_state(self) -> None:
        own = not self.templates.is_default(self.key())
        self.status.setText(self.tr("Kalimat koperasi sendiri") if own else self.tr("Bawaan"))
        self.default_button.setEnabled(own and can(self.user, Action.EDIT_SETTINGS))

    def save(self) -> None:
        self.error.clear()
        try:
            self.templates.save(self.user, self.key(), self.text.toPlainText())
        except AppError as exc:
            self.error.setText(exc.message)
            self.text.setFocus()
            return
        self._show_state()
        self.saved.emit(self.key())

    def restore_default(self) -> None:
        try:
            text = self.templates.restore_default(self.user, self.key())
        except AppError as exc:
            self.error.setText(exc.message)
            return
        self.text.setPlainText(text)
        self.error.clear()
        self._show_state()
        self.saved.emit(self.key())
