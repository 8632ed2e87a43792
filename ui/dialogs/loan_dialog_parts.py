"""Pieces the loan dialogs share: the loan line on top, buttons that say what they do."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton

from app.loans.models import Loan
from app.money import format_rupiah


def dialog_buttons(dialog: QDialog, ok: str, cancel: str) -> tuple[QDialogButtonBox, QPushButton]:
    """OK/Cancel with our own words; OK is the default button."""
    box = QDialogButtonBox()
    ok_button = box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    ok_button.setDefault(True)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok_button


def loan_line(loan: Loan) -> QLabel:
    """'<b>PJ-…</b> · Siti Aminah (A-0001) · plafon Rp10.000.000' at the top of a dialog."""
    label = QLabel(
        f"<b>{loan.display_number}</b> · {loan.member_name} ({loan.member_number}) · "
        f"plafon {format_rupiah(loan.amount)} · {loan.product_name}"
    )
    label.setObjectName("loan_line")
    label.setWordWrap(True)
    return label


def note_label(text: str = "", color: str = "#555") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color:{color};")
    return label
