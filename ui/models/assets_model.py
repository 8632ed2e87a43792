"""Pembukuan → Aset Tetap: the register with cost, accumulated depreciation and book value."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from app.assets.depreciation import ACCOUNTS
from app.assets.service import AssetRow
from app.money import format_number
from ui.models.base import RowsModel


class AssetColumn(IntEnum):
    NAME = 0
    KIND = 1
    ACQUIRED = 2
    LIFE = 3
    COST = 4
    RESIDUAL = 5
    ACCUMULATED = 6
    BOOK = 7


def _amount(row: AssetRow, column: int) -> int:
    return {
        AssetColumn.COST: row.asset.cost,
        AssetColumn.RESIDUAL: row.asset.residual,
        AssetColumn.ACCUMULATED: row.accumulated,
        AssetColumn.BOOK: row.book_value,
        AssetColumn.LIFE: row.asset.life_months,
    }[AssetColumn(column)]


class AssetsModel(RowsModel[AssetRow]):
    columns = AssetColumn
    money_columns = (
        AssetColumn.LIFE,
        AssetColumn.COST,
        AssetColumn.RESIDUAL,
        AssetColumn.ACCUMULATED,
        AssetColumn.BOOK,
    )
    count_columns = (AssetColumn.LIFE,)
    date_columns = (AssetColumn.ACQUIRED,)

    def __init__(self) -> None:
        super().__init__()
        self._headers = {
            AssetColumn.NAME: self.tr("Nama Aset"),
            AssetColumn.KIND: self.tr("Jenis"),
            AssetColumn.ACQUIRED: self.tr("Tgl Perolehan"),
            AssetColumn.LIFE: self.tr("Umur (bln)"),
            AssetColumn.COST: self.tr("Harga Perolehan"),
            AssetColumn.RESIDUAL: self.tr("Nilai Sisa"),
            AssetColumn.ACCUMULATED: self.tr("Akum. Penyusutan"),
            AssetColumn.BOOK: self.tr("Nilai Buku"),
        }

    def display(self, row: AssetRow, column: int) -> str:
        if column == AssetColumn.NAME:
            return row.asset.name
        if column == AssetColumn.KIND:
            return f"{row.asset.account} {ACCOUNTS.get(row.asset.account, '')}"
        if column == AssetColumn.ACQUIRED:
            return row.asset.acquired_on.strftime("%d-%m-%Y")
        return format_number(_amount(row, column))

    def sort_value(self, row: AssetRow, column: int) -> Any:
        if column == AssetColumn.ACQUIRED:
            return row.asset.acquired_on.isoformat()
        if column in self.money_columns:
            return _amount(row, column)
        return self.display(row, column)

    def row_id(self, row: AssetRow) -> Any:
        return row.asset.id
