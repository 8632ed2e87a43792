"""A member's savings transactions (newest first), cancelled ones marked 'dibatalkan'."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.formats import format_date_short
from app.money import format_rupiah
from app.savings.models import PAYMENT_METHODS, SYSTEM_METHODS, SavingsTransaction, TxType

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CANCELLED = QColor("#8a8a8a")
_OUT = QColor("#9c2b00")


class HistoryColumn(IntEnum):
    DATE = 0
    RECEIPT = 1
    KIND = 2
    TYPE = 3
    AMOUNT = 4
    NOTE = 5


class SavingsHistoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SavingsTransaction] = []
        self._receipts: dict[int, str] = {}
        self._headers = {
            HistoryColumn.DATE: self.tr("Tanggal"),
            HistoryColumn.RECEIPT: self.tr("No. Kuitansi"),
            HistoryColumn.KIND: self.tr("Jenis"),
            HistoryColumn.TYPE: self.tr("Transaksi"),
            HistoryColumn.AMOUNT: self.tr("Jumlah"),
            HistoryColumn.NOTE: self.tr("Keterangan"),
        }

    def set_rows(self, rows: list[SavingsTransaction]) -> None:
        """`rows` as SavingsService.history gives them (oldest first); shown newest first."""
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda t: (t.tx_date, t.id), reverse=True)
        self._receipts = {t.id: t.receipt_no for t in rows}
        self.endResetModel()

    def tx_at(self, row: int) -> SavingsTransaction:
        return self._rows[row]

    def row_of(self, tx_id: int) -> int | None:
        return next((n for n, t in enumerate(self._rows) if t.id == tx_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(HistoryColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HistoryColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[HistoryColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section == HistoryColumn.AMOUNT else _LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(HistoryColumn):
            return None
        tx = self._rows[index.row()]
        column = HistoryColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(tx, column)
        if role == SORT_ROLE:
            return self._sort_value(tx, column)
        if role == ID_ROLE:
            return tx.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == HistoryColumn.AMOUNT else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if tx.is_reversed:
                return _CANCELLED
            if column == HistoryColumn.AMOUNT and tx.amount < 0:
                return _OUT
        if role == Qt.ItemDataRole.FontRole and tx.is_reversed and column != HistoryColumn.NOTE:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == HistoryColumn.NOTE:
            return self._note(tx) or None
        return None

    def _display(self, tx: SavingsTransaction, column: HistoryColumn) -> str:
        if column == HistoryColumn.DATE:
            return format_date_short(tx.tx_date)
        if column == HistoryColumn.RECEIPT:
            return tx.receipt_no
        if column == HistoryColumn.KIND:
            return tx.kind.value.capitalize()
        if column == HistoryColumn.TYPE:
            return tx.tx_type.label
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
        elif tx.method != "tunai":
            parts.append({**PAYMENT_METHODS, **SYSTEM_METHODS}.get(tx.method, tx.method))
        if tx.note and tx.tx_type != TxType.PEMBALIKAN:
            parts.append(tx.note)
        if tx.reason:
            parts.append(self.tr("alasan: {reason}").format(reason=tx.reason))
        return " · ".join(parts)

    @staticmethod
    def _sort_value(tx: SavingsTransaction, column: HistoryColumn) -> Any:
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
