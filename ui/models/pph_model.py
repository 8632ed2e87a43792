"""The month's bukti potong PPh 4(2) list: per member the gross jasa, the PPh and NPWP/NIK."""

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
    TAX = 4


class BuktiPotongModel(RowsModel[BuktiPotongRow]):
    columns = PphColumn
    money_columns = (PphColumn.GROSS, PphColumn.TAX)

    def __init__(self) -> None:
        super().__init__()
        self._headers = {
            PphColumn.NUMBER: self.tr("No. Anggota"),
            PphColumn.NAME: self.tr("Nama"),
            PphColumn.NPWP: self.tr("NPWP / NIK"),
            PphColumn.GROSS: self.tr("Jasa Bruto"),
            PphColumn.TAX: self.tr("PPh 4(2)"),
        }

    def display(self, row: BuktiPotongRow, column: int) -> str:
        if column == PphColumn.NUMBER:
            return row.number
        if column == PphColumn.NAME:
            return row.name
        if column == PphColumn.NPWP:
            return row.npwp or (f"NIK {row.nik}" if row.nik else "")
        return format_number(row.gross if column == PphColumn.GROSS else row.tax)

    def sort_value(self, row: BuktiPotongRow, column: int) -> Any:
        if column == PphColumn.GROSS:
            return row.gross
        if column == PphColumn.TAX:
            return row.tax
        return self.display(row, column)
