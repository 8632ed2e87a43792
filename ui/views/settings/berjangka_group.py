"""Pengaturan → Umum → Simpanan Berjangka: the rate per year of each term, how jasa is paid by
default, the early-withdrawal penalty (percent of the principal) and the account numbers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from app.errors import ValidationError
from app.money import format_rate, parse_rate
from app.numbering import validate_pattern
from app.savings.berjangka import TERMS, JasaMode
from ui.widgets.form import FieldErrors

PATTERN = "berjangka.number_pattern"
PENALTY = "berjangka.penalty_percent"
MODE = "berjangka.jasa_mode"


class BerjangkaGroup(QGroupBox):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Simpanan Berjangka"), parent)
        form = QFormLayout(self)
        self.rates: dict[str, QLineEdit] = {}
        for term in TERMS:
            key = f"berjangka.rate_{term}"
            edit = QLineEdit(objectName=key)
            self.rates[key] = edit
            errors.add_row(form, self.tr("Jasa {n} bulan (% per tahun)").format(n=term), key, edit)
        self.mode = QComboBox(objectName=MODE)
        for mode in JasaMode:
            self.mode.addItem(mode.label, mode.value)
        errors.add_row(form, self.tr("Pembayaran jasa"), MODE, self.mode)
        self.penalty = QLineEdit(objectName=PENALTY)
        errors.add_row(form, self.tr("Penalti cair awal (% pokok)"), PENALTY, self.penalty)
        hint = QLabel(
            self.tr(
                "Pencairan sebelum jatuh tempo: jasa yang belum dibayar hangus, ditambah "
                "penalti persen dari pokok."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form.addRow("", hint)
        self.pattern = QLineEdit(objectName=PATTERN)
        errors.add_row(form, self.tr("Pola No. Rekening"), PATTERN, self.pattern)

    def reload(self, get: Callable[[str], Any]) -> None:
        for key, edit in self.rates.items():
            edit.setText(format_rate(parse_rate(str(get(key)))).removesuffix("%"))
        self.mode.setCurrentIndex(self.mode.findData(str(get(MODE))))
        self.penalty.setText(format_rate(parse_rate(str(get(PENALTY)))).removesuffix("%"))
        self.pattern.setText(str(get(PATTERN)))

    def values(self) -> dict[str, Any]:
        """The typed values; a rate or pattern that cannot be used raises at its field."""
        values: dict[str, Any] = {}
        for key, edit in {**self.rates, PENALTY: self.penalty}.items():
            try:
                parse_rate(edit.text())
            except ValidationError as exc:
                raise ValidationError(exc.message, field=key) from None
            values[key] = edit.text().strip().removesuffix("%").strip()
        values[MODE] = self.mode.currentData()
        validate_pattern(self.pattern.text().strip(), field=PATTERN)
        values[PATTERN] = self.pattern.text().strip()
        return values
