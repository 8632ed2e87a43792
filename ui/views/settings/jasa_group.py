"""Pengaturan → Kebijakan → Jasa simpanan & PPh 4(2): the jasa rate on simpanan sukarela
(% a year, a decimal), the balance it is paid on, and whether the PPh threshold counts per
member or per account."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from app.savings.jasa import parse_rate
from ui.views.settings.policy_fields import CheckField, ChoiceField, PolicyGroup, SettingField
from ui.widgets.form import FieldErrors


class RateField(SettingField):
    """A rate in % a year, written with a decimal comma ('2,5'); stored as its text."""

    def __init__(self, key: str) -> None:
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("2,5")
        super().__init__(key, self.edit)

    def load(self, value: Any) -> None:
        self.edit.setText(str(value).replace(".", ","))

    def value(self) -> Any:
        return str(parse_rate(self.edit.text(), self.key))

    def describe(self, value: Any) -> str:
        return f"{str(value).replace('.', ',')} % setahun"


class JasaGroup(PolicyGroup):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__("jasa", self.tr("Jasa simpanan dan PPh 4(2)"), errors, parent)
        self.add(
            self.tr("Jasa simpanan sukarela (% setahun)"),
            RateField("savings.jasa_sukarela_rate"),
            self.tr(
                "Dikreditkan ke simpanan sukarela tiap akhir bulan: saldo × bunga ÷ 12, "
                "dibulatkan ke bawah per anggota. 0 berarti tidak ada jasa."
            ),
        )
        self.add(self.tr("Dasar saldo"), ChoiceField("savings.jasa_sukarela_basis"))
        self.add(
            "",
            CheckField(
                "pph.per_account",
                self.tr("Batas PPh Rp240.000 sebulan dihitung per rekening, bukan per anggota"),
            ),
            self.tr(
                "PPh Pasal 4(2): tidak dipotong sampai Rp240.000 sebulan; di atasnya 10 % dari "
                "seluruh jasa bruto."
            ),
        )
