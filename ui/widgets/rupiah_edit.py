"""An amount field that groups thousands with dots as the user types (1.500.000)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from app.errors import ValidationError
from app.money import format_number, parse_rupiah

# Only plain amounts are regrouped while typing; anything else ('1.500.000,00', letters) is
# left exactly as typed and explained by parse_rupiah when the form is saved.
_PLAIN = re.compile(r"^\s*(?:[Rr][Pp]\.?\s*)?[0-9.]*$")
_MAX_DIGITS = 13  # up to Rp9.999.999.999.999, far above any cooperative transaction


class RupiahEdit(QLineEdit):
    """`value()` is the amount in whole rupiah (ValidationError at `field` when not valid)."""

    def __init__(self, parent: QWidget | None = None, field: str = "amount") -> None:
        super().__init__(parent)
        self.field = field
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0")
        self.textEdited.connect(self._regroup)

    def _regroup(self, text: str) -> None:
        if not _PLAIN.match(text):
            return
        digits = "".join(ch for ch in text if ch.isdigit())[:_MAX_DIGITS]
        grouped = format_number(int(digits)) if digits else ""
        if grouped == text:
            return
        digits_before = sum(ch.isdigit() for ch in text[: self.cursorPosition()])
        dropped = len(digits) - len(digits.lstrip("0") or "0") if digits else 0
        self.setText(grouped)
        self.setCursorPosition(_after_digits(grouped, max(0, digits_before - dropped)))

    def value(self) -> int:
        try:
            return parse_rupiah(self.text())
        except ValidationError as exc:
            raise ValidationError(exc.message, field=self.field) from None

    def set_value(self, amount: int | None) -> None:
        self.setText("" if amount is None else format_number(amount))


def _after_digits(text: str, count: int) -> int:
    """The cursor position right after the `count`-th digit of `text`."""
    if count <= 0:
        return 0
    seen = 0
    for position, ch in enumerate(text, start=1):
        seen += ch.isdigit()
        if seen == count:
            return position
    return len(text)
