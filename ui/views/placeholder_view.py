"""A section that a later version fills: says what will come there, and "segera hadir"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderView(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        heading = QLabel(title, objectName="view_title")
        font = heading.font()
        font.setPointSize(16)
        font.setBold(True)
        heading.setFont(font)
        soon = QLabel(self.tr("Segera hadir"), objectName="soon")
        soon.setStyleSheet(
            "background: #fff3cd; color: #664d03; border-radius: 4px; padding: 4px 10px;"
        )
        text = QLabel(description, objectName="description")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(heading)
        layout.addWidget(soon, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(text)
        layout.addStretch()
