"""A splitter the user moves, whose position is kept in the per-user config for next time."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QSplitter, QWidget

from app.config import remember_ui_state, ui_state


class RememberedSplitter(QSplitter):
    def __init__(
        self, key: str, orientation: Qt.Orientation, parent: QWidget | None = None
    ) -> None:
        super().__init__(orientation, parent)
        self.key = key
        self.setChildrenCollapsible(False)
        self.splitterMoved.connect(lambda _pos, _index: self.remember())

    def restore(self, default_sizes: list[int]) -> None:
        """The remembered position, else `default_sizes` (call after adding the widgets)."""
        self.setSizes(default_sizes)
        state = ui_state(self.key)
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode("ascii")))

    def remember(self) -> None:
        remember_ui_state(self.key, bytes(self.saveState().toBase64().data()).decode("ascii"))
