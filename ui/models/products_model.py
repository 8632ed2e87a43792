"""The list of loan products in Pengaturan → Produk Pinjaman."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.loans.models import LoanProduct
from app.money import format_rate, format_rupiah

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_INACTIVE = QColor("#808080")


class ProductColumn(IntEnum):
    NAME = 0
    METHOD = 1
    RATE = 2
    TERM = 3
    AMOUNT = 4
    STATUS = 5


RIGHT_COLUMNS = (ProductColumn.RATE, ProductColumn.TERM, ProductColumn.AMOUNT)


class ProductsModel(QAbstractTableModel):
    """Rows of `LoanProductService.all(include_inactive=True)`; inactive ones in grey."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LoanProduct] = []
        self._headers = {
            ProductColumn.NAME: self.tr("Nama Produk"),
            ProductColumn.METHOD: self.tr("Metode"),
            ProductColumn.RATE: self.tr("Jasa/Bulan"),
            ProductColumn.TERM: self.tr("Jangka Waktu"),
            ProductColumn.AMOUNT: self.tr("Plafon Maksimal"),
            ProductColumn.STATUS: self.tr("Status"),
        }

    def set_rows(self, rows: list[LoanProduct]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def product_at(self, row: int) -> LoanProduct:
        return self._rows[row]

    def row_of(self, product_id: int) -> int:
        """The row showing `product_id`, or -1."""
        return next((i for i, p in enumerate(self._rows) if p.id == product_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(ProductColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(ProductColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[ProductColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in RIGHT_COLUMNS:
            return int(_RIGHT)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        product = self._rows[index.row()]
        column = ProductColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(product, column)
        if role == SORT_ROLE:
            return self._sort_value(product, column)
        if role == ID_ROLE:
            return product.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in RIGHT_COLUMNS:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and not product.active:
            return _INACTIVE
        if role == Qt.ItemDataRole.ToolTipRole and column == ProductColumn.RATE:
            return self.tr("{rate} per tahun").format(rate=format_rate(product.annual_rate))
        if role == Qt.ItemDataRole.ToolTipRole and column == ProductColumn.AMOUNT:
            return self.tr("Plafon {low} sampai {high}").format(
                low=format_rupiah(product.min_amount), high=format_rupiah(product.max_amount)
            )
        return None

    def _display(self, product: LoanProduct, column: ProductColumn) -> str:
        if column == ProductColumn.NAME:
            return product.name
        if column == ProductColumn.METHOD:
            return product.method_label
        if column == ProductColumn.RATE:
            return format_rate(product.monthly_rate)
        if column == ProductColumn.TERM:
            return self.tr("{low}–{high} bulan").format(
                low=product.min_months, high=product.max_months
            )
        if column == ProductColumn.AMOUNT:
            return format_rupiah(product.max_amount)
        return self.tr("Aktif") if product.active else self.tr("Nonaktif")

    @staticmethod
    def _sort_value(product: LoanProduct, column: ProductColumn) -> Any:
        values: dict[ProductColumn, Any] = {
            ProductColumn.NAME: product.name.casefold(),
            ProductColumn.METHOD: product.method,
            # Rates have at most 4 decimals: as a whole number they sort exactly in Qt.
            ProductColumn.RATE: int(product.monthly_rate * 10_000),
            ProductColumn.TERM: product.max_months,
            ProductColumn.AMOUNT: product.max_amount,
            ProductColumn.STATUS: int(not product.active),
        }
        return values[column]
