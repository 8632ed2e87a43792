"""A loan's money events (payments, reversals, waivers …) and a payment's allocation preview."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.loans.allocation import OpenInstallment
from app.loans.models import EventKind, Payment, PaymentMethod, PaymentPreview
from app.loans.titipan import METHOD_LABELS
from ui.models.cached_format import rupiah, short_date

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CANCELLED = QColor("#8a8a8a")
_REVERSAL = QColor("#9c2b00")


def method_label(method: str) -> str:
    try:
        return PaymentMethod(method).label
    except ValueError:
        return METHOD_LABELS.get(method, method)


class PaymentColumn(IntEnum):
    DATE = 0
    KIND = 1
    RECEIPT = 2
    AMOUNT = 3
    PRINCIPAL = 4
    INTEREST = 5
    DENDA = 6
    NOTE = 7


_MONEY = (PaymentColumn.AMOUNT, PaymentColumn.PRINCIPAL, PaymentColumn.INTEREST,
          PaymentColumn.DENDA)  # fmt: skip


class LoanPaymentsModel(QAbstractTableModel):
    """Every event of a loan, oldest first; cancelled receipts are greyed and struck through."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Payment] = []
        self._by_id: dict[int, Payment] = {}
        self._headers = {
            PaymentColumn.DATE: self.tr("Tanggal"),
            PaymentColumn.KIND: self.tr("Jenis"),
            PaymentColumn.RECEIPT: self.tr("No. Kuitansi"),
            PaymentColumn.AMOUNT: self.tr("Jumlah"),
            PaymentColumn.PRINCIPAL: self.tr("Pokok"),
            PaymentColumn.INTEREST: self.tr("Jasa"),
            PaymentColumn.DENDA: self.tr("Denda"),
            PaymentColumn.NOTE: self.tr("Keterangan"),
        }

    def set_rows(self, rows: Sequence[Payment]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._by_id = {p.id: p for p in self._rows}
        self.endResetModel()

    def payment_at(self, row: int) -> Payment:
        return self._rows[row]

    def row_of(self, event_id: int) -> int | None:
        return next((n for n, p in enumerate(self._rows) if p.id == event_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(PaymentColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(PaymentColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[PaymentColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in _MONEY else _LEFT
        return None

    def note(self, p: Payment) -> str:
        """What a clerk needs to read about the event, in words."""
        parts: list[str] = []
        if p.kind in (EventKind.PEMBAYARAN, EventKind.PENCAIRAN, EventKind.TITIPAN_DIKEMBALIKAN):
            parts.append(method_label(p.method))
        if p.kind == EventKind.PENCAIRAN and p.fee:
            fee = rupiah(p.fee)
            parts.append(self.tr("biaya administrasi {fee} dipotong").format(fee=fee))
        if p.titipan > 0:
            parts.append(self.tr("titipan +{amount}").format(amount=rupiah(p.titipan)))
        elif p.titipan < 0:
            parts.append(self.tr("titipan dipakai {amount}").format(
                amount=rupiah(-p.titipan)))  # fmt: skip
        if p.reverses_id is not None:
            original = self._by_id.get(p.reverses_id)
            what = original.receipt_no if original and original.receipt_no else "#"
            parts.append(self.tr("membatalkan {receipt}").format(receipt=what))
        if p.is_reversed:
            parts.append(self.tr("DIBATALKAN"))
        if p.reason:
            parts.append(self.tr("alasan: {reason}").format(reason=p.reason))
        if p.approved_by_name:
            parts.append(self.tr("disetujui {name}").format(name=p.approved_by_name))
        if p.note:
            parts.append(p.note)
        return " · ".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(PaymentColumn):
            return None
        p = self._rows[index.row()]
        column = PaymentColumn(index.column())
        raw: dict[PaymentColumn, Any] = {
            PaymentColumn.DATE: p.event_date,
            PaymentColumn.KIND: p.kind.label,
            PaymentColumn.RECEIPT: p.receipt_no or "",
            PaymentColumn.AMOUNT: p.amount,
            PaymentColumn.PRINCIPAL: p.pokok,
            PaymentColumn.INTEREST: p.jasa,
            PaymentColumn.DENDA: p.denda,
            PaymentColumn.NOTE: "",
        }
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PaymentColumn.DATE:
                return short_date(p.event_date)
            if column == PaymentColumn.NOTE:
                return self.note(p)
            if column in _MONEY:
                value = int(raw[column])
                return rupiah(value) if value else "–"
            return raw[column] or "–"
        if role == SORT_ROLE:
            return raw[column] if column != PaymentColumn.NOTE else self.note(p)
        if role == ID_ROLE:
            return p.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in _MONEY else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if p.is_reversed:
                return _CANCELLED
            if p.kind == EventKind.PEMBALIKAN:
                return _REVERSAL
        if role == Qt.ItemDataRole.FontRole and p.is_reversed and column != PaymentColumn.NOTE:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if p.is_reversed:
                return self.tr("Pembayaran ini sudah dibatalkan; angkanya tidak dihitung lagi.")
            if p.created_by_name:
                return self.tr("Dicatat oleh {name}").format(name=p.created_by_name)
        return None


class AllocationColumn(IntEnum):
    NUMBER = 0
    DUE = 1
    OWED = 2
    DENDA = 3
    INTEREST = 4
    PRINCIPAL = 5
    LEFT = 6


class AllocationModel(QAbstractTableModel):
    """Per instalment due: what is owed, what this payment covers (denda, jasa, pokok), what
    stays unpaid — read from a `PaymentPreview` before anything is saved."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[OpenInstallment] = []
        self._paid: dict[int, dict[str, int]] = {}
        self._headers = {
            AllocationColumn.NUMBER: self.tr("Angsuran Ke"),
            AllocationColumn.DUE: self.tr("Jatuh Tempo"),
            AllocationColumn.OWED: self.tr("Tertunggak"),
            AllocationColumn.DENDA: self.tr("Untuk Denda"),
            AllocationColumn.INTEREST: self.tr("Untuk Jasa"),
            AllocationColumn.PRINCIPAL: self.tr("Untuk Pokok"),
            AllocationColumn.LEFT: self.tr("Masih Kurang"),
        }

    def set_preview(self, preview: PaymentPreview | None) -> None:
        self.beginResetModel()
        if preview is None:
            self._items, self._paid = [], {}
        else:
            self._items = sorted(preview.open_before, key=lambda i: (i.due_date, i.number))
            self._paid = {i.number: preview.allocation.for_installment(i.number)
                          for i in self._items}  # fmt: skip
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(AllocationColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(AllocationColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[AllocationColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section == AllocationColumn.DUE else _RIGHT
        return None

    def value(self, row: int, column: AllocationColumn) -> Any:
        item = self._items[row]
        paid = self._paid.get(item.number, {})
        covered = sum(paid.values())
        return {
            AllocationColumn.NUMBER: item.number,
            AllocationColumn.DUE: item.due_date,
            AllocationColumn.OWED: item.total,
            AllocationColumn.DENDA: paid.get("denda", 0),
            AllocationColumn.INTEREST: paid.get("jasa", 0),
            AllocationColumn.PRINCIPAL: paid.get("pokok", 0),
            AllocationColumn.LEFT: item.total - covered,
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if not 0 <= index.column() < len(AllocationColumn):
            return None
        column = AllocationColumn(index.column())
        value = self.value(index.row(), column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == AllocationColumn.NUMBER:
                return str(value)
            if column == AllocationColumn.DUE:
                return short_date(value)
            return rupiah(value) if value else "–"
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column == AllocationColumn.DUE else _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == AllocationColumn.LEFT:
            return QColor("#9c1c12") if value else QColor("#1e5e2b")
        if role == Qt.ItemDataRole.FontRole and column in (
            AllocationColumn.DENDA, AllocationColumn.INTEREST, AllocationColumn.PRINCIPAL
        ) and value:  # fmt: skip
            font = QFont()
            font.setBold(True)
            return font
        return None
