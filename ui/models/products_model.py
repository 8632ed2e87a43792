"""The list of loan products in Pengaturan → Produk Pinjaman."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor

from app.loans.models import LoanProduct
from app.money import format_rate, format_rupiah
from ui.models.base import RIGHT, RowsModel

_INACTIVE = QColor("#808080")


class ProductColumn(IntEnum):
    NAME = 0
    METHOD = 1
    RATE = 2
    TERM = 3
    AMOUNT = 4
    STATUS = 5


RIGHT_COLUMNS = (ProductColumn.RATE, ProductColumn.TERM, ProductColumn.AMOUNT)


class ProductsModel(RowsModel[LoanProduct]):
    """Rows of `LoanProductService.all(include_inactive=True)`; inactive ones in grey."""

    columns = ProductColumn

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = {
            ProductColumn.NAME: self.tr("Nama Produk"),
            ProductColumn.METHOD: self.tr("Metode"),
            ProductColumn.RATE: self.tr("Jasa/Bulan"),
            ProductColumn.TERM: self.tr("Jangka Waktu"),
            ProductColumn.AMOUNT: self.tr("Plafon Maksimal"),
            ProductColumn.STATUS: self.tr("Status"),
        }

    def product_at(self, row: int) -> LoanProduct:
        return self.row_at(row)

    def row_of(self, product_id: int) -> int:
        """The row showing `product_id`, or -1."""
        return next((i for i, p in enumerate(self._rows) if p.id == product_id), -1)

    def row_id(self, product: LoanProduct) -> Any:
        return product.id

    def alignment(self, column: int) -> Any:
        return int(RIGHT) if column in RIGHT_COLUMNS else None

    def foreground(self, product: LoanProduct, column: int) -> QColor | None:
        return None if product.active else _INACTIVE

    def tooltip(self, product: LoanProduct, column: int) -> str | None:
        if column == ProductColumn.RATE:
            return self.tr("{rate} per tahun").format(rate=format_rate(product.annual_rate))
        if column == ProductColumn.AMOUNT:
            return self.tr("Plafon {low} sampai {high}").format(
                low=format_rupiah(product.min_amount), high=format_rupiah(product.max_amount)
            )
        return None

    def display(self, product: LoanProduct, column: int) -> str:
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

    def sort_value(self, product: LoanProduct, column: int) -> Any:
        values: dict[ProductColumn, Any] = {
            ProductColumn.NAME: product.name.casefold(),
            ProductColumn.METHOD: product.method,
            # Rates have at most 4 decimals: as a whole number they sort exactly in Qt.
            ProductColumn.RATE: int(product.monthly_rate * 10_000),
            ProductColumn.TERM: product.max_months,
            ProductColumn.AMOUNT: product.max_amount,
            ProductColumn.STATUS: int(not product.active),
        }
        return values[ProductColumn(column)]
