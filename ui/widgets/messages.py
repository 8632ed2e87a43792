"""Message boxes in plain Indonesian, with buttons that say what they do.

Dialogs call these through the module (`messages.confirm(...)`) so tests can answer them
by monkeypatching `ui.widgets.messages.confirm` / `inform` / `warn`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "", no: str = "") -> bool:
    """Ask a question; the 'no' button is the default so Enter never confirms by accident."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    yes_button = box.addButton(yes or _tr("Ya"), QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(no or _tr("Tidak"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.addButton(_tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.addButton(_tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
