"""Showing a validation message next to the field that caused it, keeping what was typed."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


class FieldErrors:
    """Maps field names (as used in ValidationError.field) to widgets and their error labels.

    Register each field once; `show(field, message)` puts the message in red under the field
    and moves the focus there; `clear()` hides every message. Nothing the user typed changes.
    """

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.general: QLabel | None = None

    def add_row(self, layout: QFormLayout, label: str, name: str, widget: QWidget) -> QLabel:
        """Add `widget` to `layout` with an (initially hidden) error label beneath it."""
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setStyleSheet("color: #b00020;")
        error.hide()
        layout.addRow(label, widget)
        layout.addRow("", error)
        self._fields[name] = (widget, error)
        return error

    def register(self, name: str, widget: QWidget, error: QLabel) -> None:
        self._fields[name] = (widget, error)

    def set_general(self, label: QLabel) -> None:
        """A label for messages that belong to no single field."""
        label.setWordWrap(True)
        label.setStyleSheet("color: #b00020;")
        label.hide()
        self.general = label

    def clear(self) -> None:
        for _, error in self._fields.values():
            error.clear()
            error.hide()
        if self.general is not None:
            self.general.clear()
            self.general.hide()

    def show(self, field: str | None, message: str) -> None:
        """Show `message` at `field` (or in the general label when unknown) and focus it."""
        if field in self._fields:
            widget, error = self._fields[field]  # type: ignore[index]
            error.setText(message)
            error.show()
            widget.setFocus()
            return
        if self.general is not None:
            self.general.setText(message)
            self.general.show()

    def has_field(self, field: str) -> bool:
        return field in self._fields

    def message(self, field: str) -> str:
        """The message currently shown at `field` ('' when none) — for tests and screen readers."""
        if field not in self._fields:
            return ""
        error = self._fields[field][1]
        return error.text() if error.isVisible() or error.text() else ""
