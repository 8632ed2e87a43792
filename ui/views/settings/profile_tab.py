"""Pengaturan → Profil Koperasi."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.errors import AppError, ValidationError
from app.services import Services
from app.settings.profile import CoopProfile
from app.users.models import User
from app.users.permissions import Action, can
from ui.errors import show_error
from ui.views.settings.profile_form import ProfileForm


class ProfileTab(QWidget):
    saved = Signal(CoopProfile)

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        layout = QVBoxLayout(self)
        self.form = ProfileForm(full=True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        general = QLabel()
        self.form.errors.set_general(general)
        layout.addWidget(general)
        row = QHBoxLayout()
        self.done_label = QLabel(objectName="profile_done")
        self.done_label.setStyleSheet("color: #1b5e20;")
        self.save_button = QPushButton(self.tr("Simpan Profil"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.done_label, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        if not can(user, Action.EDIT_SETTINGS):
            self.form.set_read_only(True)
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(
                self.tr("Hanya Admin atau Pengurus yang boleh mengubah profil koperasi.")
            )
        self.reload()

    def reload(self) -> None:
        self.form.set_profile(self.services.settings.profile())
        self.done_label.clear()

    def save(self) -> None:
        self.form.errors.clear()
        self.done_label.clear()
        try:
            profile = self.form.profile(base=self.services.settings.profile())
            saved = self.services.settings.save_profile(self.user, profile)
        except ValidationError as exc:
            show_error(self, exc, errors=self.form.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.form.errors, fields=())
            return
        self.form.set_profile(saved)
        self.done_label.setText(self.tr("Profil koperasi tersimpan."))
        self.saved.emit(saved)
