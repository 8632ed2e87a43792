"""A loan's money events (payments, reversals, waivers …) and a payment's allocation preview."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor, QFont

from app.loans.allocation import OpenInstallment
from app.loans.models import EventKind, Payment, PaymentMethod, PaymentPreview
from app.loans.titipan import METHOD_LABELS
from ui.models.base import LEFT, RIGHT, RowsModel, bold_font, struck_font
from ui.models.cached_format import rupiah, short_date

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


class LoanPaymentsModel(RowsModel[Payment]):
    """Every event of a loan, oldest first; cancelled receipts are greyed and struck through."""

    columns = PaymentColumn
    date_columns = (PaymentColumn.DATE,)
    money_columns = _MONEY

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
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
        self._by_id = {p.id: p for p in rows}
        super().set_rows(rows)

    def payment_at(self, row: int) -> Payment:
        return self.row_at(row)

    def row_of(self, event_id: int) -> int | None:
        return next((n for n, p in enumerate(self._rows) if p.id == event_id), None)

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

    @staticmethod
    def _raw(p: Payment, column: int) -> Any:
        return {
            PaymentColumn.DATE: p.event_date,
            PaymentColumn.KIND: p.kind.label,
            PaymentColumn.RECEIPT: p.receipt_no or "",
            PaymentColumn.AMOUNT: p.amount,
            PaymentColumn.PRINCIPAL: p.pokok,
            PaymentColumn.INTEREST: p.jasa,
            PaymentColumn.DENDA: p.denda,
            PaymentColumn.NOTE: "",
        }[PaymentColumn(column)]

    def display(self, p: Payment, column: int) -> str:
        if column == PaymentColumn.DATE:
            return short_date(p.event_date)
        if column == PaymentColumn.NOTE:
            return self.note(p)
        if column in _MONEY:
            value = int(self._raw(p, column))
            return rupiah(value) if value else "–"
        return str(self._raw(p, column) or "–")

    def sort_value(self, p: Payment, column: int) -> Any:
        return self._raw(p, column) if column != PaymentColumn.NOTE else self.note(p)

    def row_id(self, p: Payment) -> Any:
        return p.id

    def foreground(self, p: Payment, column: int) -> QColor | None:
        if p.is_reversed:
            return _CANCELLED
        if p.kind == EventKind.PEMBALIKAN:
            return _REVERSAL
        return None

    def font(self, p: Payment, column: int) -> QFont | None:
        return struck_font() if p.is_reversed and column != PaymentColumn.NOTE else None

    def tooltip(self, p: Payment, column: int) -> str | None:
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


class AllocationModel(RowsModel[OpenInstallment]):
    """Per instalment due: what is owed, what this payment covers (denda, jasa, pokok), what
    stays unpaid — read from a `PaymentPreview` before anything is saved."""

    columns = AllocationColumn
    date_columns = (AllocationColumn.DUE,)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
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
        if preview is None:
            self._paid = {}
            self.set_rows([])
            return
        items = sorted(preview.open_before, key=lambda i: (i.due_date, i.number))
        self._paid = {i.number: preview.allocation.for_installment(i.number) for i in items}
        self.set_rows(items)

    def value(self, row: int, column: AllocationColumn) -> Any:
        return self.sort_value(self.row_at(row), column)

    def sort_value(self, item: OpenInstallment, column: int) -> Any:
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
        }[AllocationColumn(column)]

    def display(self, item: OpenInstallment, column: int) -> str:
        value = self.sort_value(item, column)
        if column == AllocationColumn.NUMBER:
            return str(value)
        if column == AllocationColumn.DUE:
            return short_date(value)
        return rupiah(value) if value else "–"

    def alignment(self, column: int) -> Any:
        return LEFT if column == AllocationColumn.DUE else RIGHT

    def foreground(self, item: OpenInstallment, column: int) -> QColor | None:
        if column == AllocationColumn.LEFT:
            return QColor("#9c1c12") if self.sort_value(item, column) else QColor("#1e5e2b")
        return None

    def font(self, item: OpenInstallment, column: int) -> QFont | None:
        parts = (AllocationColumn.DENDA, AllocationColumn.INTEREST, AllocationColumn.PRINCIPAL)
        if column in parts and self.sort_value(item, column):
            return bold_font()
        return None
