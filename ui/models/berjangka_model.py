"""A member's simpanan berjangka placements (newest first), closed ones greyed."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor

from app.formats import format_date_short
from app.money import format_rate, format_rupiah
from app.savings.berjangka import Deposit
from ui.models.base import RowsModel

_CLOSED = QColor("#8a8a8a")


class BerjangkaColumn(IntEnum):
    NUMBER = 0
    START = 1
    PRINCIPAL = 2
    TERM = 3
    RATE = 4
    MATURITY = 5
    JASA_PAID = 6
    STATUS = 7


class BerjangkaModel(RowsModel[Deposit]):
    columns = BerjangkaColumn
    date_columns = (BerjangkaColumn.START, BerjangkaColumn.MATURITY)
    money_columns = (BerjangkaColumn.PRINCIPAL, BerjangkaColumn.JASA_PAID)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = {
            BerjangkaColumn.NUMBER: self.tr("No. Rekening"),
            BerjangkaColumn.START: self.tr("Mulai"),
            BerjangkaColumn.PRINCIPAL: self.tr("Pokok"),
            BerjangkaColumn.TERM: self.tr("Jangka"),
            BerjangkaColumn.RATE: self.tr("Jasa/th"),
            BerjangkaColumn.MATURITY: self.tr("Jatuh Tempo"),
            BerjangkaColumn.JASA_PAID: self.tr("Jasa Dibayar"),
            BerjangkaColumn.STATUS: self.tr("Status"),
        }

    def set_rows(self, rows: Sequence[Deposit]) -> None:
        super().set_rows(sorted(rows, key=lambda d: (d.start_on, d.id), reverse=True))

    def row_id(self, row: Deposit) -> Any:
        return row.id

    def foreground(self, row: Deposit, column: int) -> QColor | None:
        return None if row.is_open else _CLOSED

    def sort_value(self, row: Deposit, column: int) -> Any:
        if column == BerjangkaColumn.START:
            return row.start_on.toordinal()
        if column == BerjangkaColumn.MATURITY:
            return row.maturity_on.toordinal()
        if column == BerjangkaColumn.PRINCIPAL:
            return row.principal
        if column == BerjangkaColumn.JASA_PAID:
            return row.jasa_paid
        if column == BerjangkaColumn.TERM:
            return row.term_months
        if column == BerjangkaColumn.RATE:
            return row.rate
        return self.display(row, column)

    def display(self, row: Deposit, column: int) -> str:
        if column == BerjangkaColumn.NUMBER:
            return row.display_number
        if column == BerjangkaColumn.START:
            return format_date_short(row.start_on)
        if column == BerjangkaColumn.PRINCIPAL:
            return format_rupiah(row.principal)
        if column == BerjangkaColumn.TERM:
            return self.tr("{n} bln").format(n=row.term_months)
        if column == BerjangkaColumn.RATE:
            return format_rate(row.rate)
        if column == BerjangkaColumn.MATURITY:
            return format_date_short(row.maturity_on)
        if column == BerjangkaColumn.JASA_PAID:
            return format_rupiah(row.jasa_paid)
        return (
            row.status
            if row.is_open
            else f"{row.status} {format_date_short(row.closed_on or row.maturity_on)}"
        )

    def tooltip(self, row: Deposit, column: int) -> str | None:
        """The placement whole, for a panel too narrow for every column (Mulai, Jasa/th)."""
        return self.tr("{number}: mulai {start}, {term} bulan, jasa {rate} per tahun").format(
            number=row.display_number,
            start=format_date_short(row.start_on),
            term=row.term_months,
            rate=format_rate(row.rate),
        )
