"""The month's bukti potong PPh 4(2) list: per member the gross jasa, the PPh terutang, the PPh
dipotong, the kurang potong (app/savings/pph_withholding.py) and NPWP/NIK."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from app.money import format_number
from app.savings.pph_models import BuktiPotongRow
from ui.models.base import RowsModel


class PphColumn(IntEnum):
    NUMBER = 0
    NAME = 1
    NPWP = 2
    GROSS = 3
    DUE = 4
    TAX = 5
    SHORTFALL = 6


def _amount(row: BuktiPotongRow, column: int) -> int:
    return {
        PphColumn.GROSS: row.gross,
        PphColumn.DUE: row.due,
        PphColumn.TAX: row.tax,
        PphColumn.SHORTFALL: row.shortfall,
    }[PphColumn(column)]


class BuktiPotongModel(RowsModel[BuktiPotongRow]):
    columns = PphColumn
    money_columns = (PphColumn.GROSS, PphColumn.DUE, PphColumn.TAX, PphColumn.SHORTFALL)

    def __init__(self) -> None:
        super().__init__()
        self._headers = {
            PphColumn.NUMBER: self.tr("No. Anggota"),
            PphColumn.NAME: self.tr("Nama"),
            PphColumn.NPWP: self.tr("NPWP / NIK"),
            PphColumn.GROSS: self.tr("Jasa Bruto"),
            PphColumn.DUE: self.tr("PPh Terutang"),
            PphColumn.TAX: self.tr("PPh Dipotong"),
            PphColumn.SHORTFALL: self.tr("Kurang Potong"),
        }

    def display(self, row: BuktiPotongRow, column: int) -> str:
        if column == PphColumn.NUMBER:
            return row.number
        if column == PphColumn.NAME:
            return row.name
        if column == PphColumn.NPWP:
            return row.npwp or (f"NIK {row.nik}" if row.nik else "")
        return format_number(_amount(row, column))

    def sort_value(self, row: BuktiPotongRow, column: int) -> Any:
        if column in self.money_columns:
            return _amount(row, column)
        return self.display(row, column)
