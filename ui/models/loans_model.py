"""The loans list: one page at a time from SQL (60,000 loans stay quick), figures as of a date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from app.loans.models import LoanFilter, LoanRow, LoanStatus
from app.loans.service import LoanService
from ui.models.base import CENTER, LATE, LEFT, QUIET, RIGHT, Index, RowsModel
from ui.models.cached_format import number, rupiah
from ui.widgets import quality_colors

QUALITY_ROLE = Qt.ItemDataRole.UserRole + 3


class LoanColumn(IntEnum):
    NUMBER = 0
    MEMBER = 1
    PLAFON = 2
    OUTSTANDING = 3
    ARREARS = 4
    DAYS = 5
    QUALITY = 6
    STATUS = 7


MONEY_COLUMNS = (LoanColumn.PLAFON, LoanColumn.OUTSTANDING, LoanColumn.ARREARS, LoanColumn.DAYS)

SQL_ORDER: dict[LoanColumn, str] = {
    LoanColumn.NUMBER: "number",
    LoanColumn.MEMBER: "member",
    LoanColumn.OUTSTANDING: "outstanding",
    LoanColumn.ARREARS: "arrears",
    LoanColumn.DAYS: "days",
    LoanColumn.QUALITY: "days",  # the class follows lateness: most overdue first
}
"""Columns the database can order by (LoanService.list_rows `order`); the others do not sort."""


def sort_key(row: LoanRow, column: LoanColumn) -> Any:
    keys: dict[LoanColumn, Any] = {
        LoanColumn.NUMBER: row.number,
        LoanColumn.MEMBER: row.member_name.casefold(),
        LoanColumn.PLAFON: row.plafon,
        LoanColumn.OUTSTANDING: row.outstanding,
        LoanColumn.ARREARS: row.arrears_total,
        LoanColumn.DAYS: row.days_past_due,
        LoanColumn.QUALITY: row.quality or "",
        LoanColumn.STATUS: row.status.value,
    }
    return keys[column]


class LoansModel(RowsModel[LoanRow]):
    """Rows of `LoanService.list_rows(as_of, filters, order=…)`, a page at a time."""

    PAGE = 100
    columns = LoanColumn
    count_columns = (LoanColumn.DAYS,)
    money_columns = MONEY_COLUMNS

    def __init__(self, loans: LoanService, as_of: date, parent: Any = None) -> None:
        super().__init__(parent)
        self._loans = loans
        self._as_of = as_of
        self._total = 0
        self._filters = LoanFilter()
        self._order = "number"
        self._policy_name = ""
        self._headers = {
            LoanColumn.NUMBER: self.tr("No. Pinjaman"),
            LoanColumn.MEMBER: self.tr("Anggota"),
            LoanColumn.PLAFON: self.tr("Plafon"),
            LoanColumn.OUTSTANDING: self.tr("Sisa Pokok"),
            LoanColumn.ARREARS: self.tr("Tunggakan"),
            LoanColumn.DAYS: self.tr("Hari Terlambat"),
            LoanColumn.QUALITY: self.tr("Kolektibilitas"),
            LoanColumn.STATUS: self.tr("Status"),
        }

    # -- loading --------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """How many loans match the filters (loaded or not)."""
        return self._total

    @property
    def filters(self) -> LoanFilter:
        return self._filters

    @property
    def as_of(self) -> date:
        return self._as_of

    @property
    def order(self) -> str:
        return self._order

    def set_policy_name(self, name: str) -> None:
        """Shown in the class cells' tool tips."""
        self._policy_name = name

    def set_rows(self, rows: Sequence[LoanRow], total: int | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._total = len(self._rows) if total is None else max(total, len(self._rows))
        self.endResetModel()

    def load(
        self, filters: LoanFilter, as_of: date | None = None, order: str | None = None
    ) -> None:
        """A new query: count every match, load the first page."""
        self._filters = filters
        if as_of is not None:
            self._as_of = as_of
        if order is not None:
            self._order = order
        self._load(self.PAGE)

    def refresh(self) -> None:
        """Reload the same query (after a change), keeping as many rows as were loaded."""
        self._load(max(self.PAGE, len(self._rows)))

    def _load(self, how_many: int) -> None:
        total = self._loans.count_rows(self._as_of, self._filters)
        rows = self._loans.list_rows(
            self._as_of, self._filters, offset=0, limit=how_many, order=self._order
        )
        self.set_rows(rows, total)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt signature
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt signature
        if parent.isValid() or len(self._rows) >= self._total:
            return
        more = self._loans.list_rows(
            self._as_of, self._filters, offset=len(self._rows), limit=self.PAGE, order=self._order
        )
        if not more:
            self._total = len(self._rows)  # someone else's change shrank the result
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order in SQL where the database can; other columns keep the current order."""
        if not 0 <= column < len(LoanColumn):
            return
        key = SQL_ORDER.get(LoanColumn(column))
        if key is None or key == self._order:
            return
        self._order = key
        if self._rows or self._total:
            self.refresh()

    # -- reading --------------------------------------------------------------------------------
    def row_of(self, loan_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.loan_id == loan_id), None)

    def header_alignment(self, section: int) -> Any:
        return RIGHT if section in MONEY_COLUMNS else LEFT

    def header_tooltip(self, section: int) -> str | None:
        if LoanColumn(section) in SQL_ORDER:
            return self.tr("Klik untuk mengurutkan menurut kolom ini")
        return None

    def sort_value(self, row: LoanRow, column: int) -> Any:
        return sort_key(row, LoanColumn(column))

    def row_id(self, row: LoanRow) -> Any:
        return row.loan_id

    def extra(self, row: LoanRow, column: int, role: int) -> Any:
        return row.quality if role == QUALITY_ROLE else None

    def alignment(self, column: int) -> Any:
        return CENTER if column == LoanColumn.QUALITY else super().alignment(column)

    def background(self, row: LoanRow, column: int) -> QColor | None:
        if column == LoanColumn.QUALITY and row.quality:
            return quality_colors.background(row.quality)
        return None

    def foreground(self, row: LoanRow, column: int) -> QColor | None:
        if column == LoanColumn.QUALITY and row.quality:
            return quality_colors.foreground(row.quality)
        if column in (LoanColumn.DAYS, LoanColumn.ARREARS) and row.days_past_due > 0:
            return LATE
        return QUIET if row.status != LoanStatus.AKTIF else None

    def tooltip(self, row: LoanRow, column: int) -> str | None:
        if column == LoanColumn.QUALITY and row.quality and self._policy_name:
            return self.tr("{word} menurut {policy}").format(
                word=row.quality_label, policy=self._policy_name
            )
        return None

    def display(self, row: LoanRow, column: int) -> str:
        active = row.status == LoanStatus.AKTIF
        if column == LoanColumn.NUMBER:
            return row.number
        if column == LoanColumn.MEMBER:
            return f"{row.member_name} ({row.member_number})"
        if column == LoanColumn.PLAFON:
            return rupiah(row.plafon)
        if column == LoanColumn.OUTSTANDING:
            return rupiah(row.outstanding) if active or row.outstanding else "–"
        if column == LoanColumn.ARREARS:
            return rupiah(row.arrears_total) if row.arrears_total else "–"
        if column == LoanColumn.DAYS:
            return number(row.days_past_due) if row.days_past_due else "–"
        if column == LoanColumn.QUALITY:
            return row.quality_label
        return row.status.label
