"""A member's savings transactions (newest first), cancelled ones marked 'dibatalkan'."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor, QFont

from app.formats import format_date_short
from app.money import format_rupiah
from app.savings.models import PAYMENT_METHODS, SYSTEM_METHODS, SavingsTransaction, TxType
from ui.models.base import RowsModel, struck_font

_CANCELLED = QColor("#8a8a8a")
_OUT = QColor("#9c2b00")


class HistoryColumn(IntEnum):
    DATE = 0
    RECEIPT = 1
    KIND = 2
    TYPE = 3
    AMOUNT = 4
    NOTE = 5


class SavingsHistoryModel(RowsModel[SavingsTransaction]):
    columns = HistoryColumn
    date_columns = (HistoryColumn.DATE,)
    money_columns = (HistoryColumn.AMOUNT,)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._receipts: dict[int, str] = {}
        self._headers = {
            HistoryColumn.DATE: self.tr("Tanggal"),
            HistoryColumn.RECEIPT: self.tr("No. Kuitansi"),
            HistoryColumn.KIND: self.tr("Jenis"),
            HistoryColumn.TYPE: self.tr("Transaksi"),
            HistoryColumn.AMOUNT: self.tr("Jumlah"),
            HistoryColumn.NOTE: self.tr("Keterangan"),
        }

    def set_rows(self, rows: Sequence[SavingsTransaction]) -> None:
        """`rows` as SavingsService.history gives them (oldest first); shown newest first."""
        self._receipts = {t.id: t.receipt_no for t in rows}
        super().set_rows(sorted(rows, key=lambda t: (t.tx_date, t.id), reverse=True))

    def tx_at(self, row: int) -> SavingsTransaction:
        return self.row_at(row)

    def row_of(self, tx_id: int) -> int | None:
        return next((n for n, t in enumerate(self._rows) if t.id == tx_id), None)

    def row_id(self, tx: SavingsTransaction) -> Any:
        return tx.id

    def foreground(self, tx: SavingsTransaction, column: int) -> QColor | None:
        if tx.is_reversed:
            return _CANCELLED
        if column == HistoryColumn.AMOUNT and tx.amount < 0:
            return _OUT
        return None

    def font(self, tx: SavingsTransaction, column: int) -> QFont | None:
        return struck_font() if tx.is_reversed and column != HistoryColumn.NOTE else None

    def tooltip(self, tx: SavingsTransaction, column: int) -> str | None:
        return (self._note(tx) or None) if column == HistoryColumn.NOTE else None

    def display(self, tx: SavingsTransaction, column: int) -> str:
        if column == HistoryColumn.DATE:
            return format_date_short(tx.tx_date)
        if column == HistoryColumn.RECEIPT:
            return tx.receipt_no
        if column == HistoryColumn.KIND:
            return tx.kind.value.capitalize()
        if column == HistoryColumn.TYPE:
            return tx.type_label
        if column == HistoryColumn.AMOUNT:
            return format_rupiah(tx.amount)
        return self._note(tx)

    def _note(self, tx: SavingsTransaction) -> str:
        parts: list[str] = []
        if tx.is_reversed:
            cancelled_by = self._receipts.get(tx.reversed_by_id or 0, "")
            parts.append(self.tr("dibatalkan") + (f" ({cancelled_by})" if cancelled_by else ""))
        if tx.tx_type == TxType.PEMBALIKAN:
            original = self._receipts.get(tx.reverses_id or 0, "")
            parts.append(self.tr("membatalkan {receipt}").format(receipt=original or "?"))
        elif tx.method != "tunai" and not tx.is_jasa:  # a jasa line's note says it all
            parts.append({**PAYMENT_METHODS, **SYSTEM_METHODS}.get(tx.method, tx.method))
        if tx.note and tx.tx_type != TxType.PEMBALIKAN:
            parts.append(tx.note)
        if tx.reason:
            parts.append(self.tr("alasan: {reason}").format(reason=tx.reason))
        return " · ".join(parts)

    def sort_value(self, tx: SavingsTransaction, column: int) -> Any:
        if column == HistoryColumn.DATE:
            return tx.tx_date.isoformat()
        if column == HistoryColumn.AMOUNT:
            return tx.amount
        if column == HistoryColumn.RECEIPT:
            return tx.receipt_no
        if column == HistoryColumn.KIND:
            return tx.kind.value
        if column == HistoryColumn.TYPE:
            return tx.tx_type.value
        return tx.note
