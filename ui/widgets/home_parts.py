"""Pieces of Beranda: a number card and the work-queue table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QTableView, QWidget


class StatCard(QFrame):
    """A number with its caption (and an optional line of detail)."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#{name} {{ background: #f4f8fb; border: 1px solid #c9d6e2; border-radius: 6px; }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        self.caption = QLabel(caption)
        self.value = QLabel(objectName=f"{name}_value")
        font = self.value.font()
        font.setPointSize(13)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel(objectName=f"{name}_detail")
        self.detail.setStyleSheet("color:#555;")
        self.detail.setWordWrap(True)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail, 1)


class QueueTable(QTableView):
    """Enter opens the line, as a double click does."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)
