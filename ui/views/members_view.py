"""Anggota view (placeholder until the member screens land)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.services import Services
from app.users.models import User


class MembersView(QWidget):
    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Anggota")))
