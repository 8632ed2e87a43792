"""The member list: paged from SQL as the user scrolls (20,000 members stay quick)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication

from app.exact_match import is_exact
from app.formats import format_date_short
from app.identity import format_phone, mask_nik
from app.members.models import MemberRow, MemberStatus
from app.members.service import MemberService
from app.money import format_rupiah
from ui.models.base import Index, RowsModel

_INACTIVE = QColor("#6b6b6b")


class MemberColumn(IntEnum):
    NUMBER = 0
    NAME = 1
    NIK = 2
    PHONE = 3
    KELURAHAN = 4
    STATUS = 5
    JOIN_DATE = 6
    SAVINGS = 7


def sort_key(row: MemberRow, column: MemberColumn) -> Any:
    """The raw value a column sorts by (dates as dates, money as int, text case-blind)."""
    keys: dict[MemberColumn, Any] = {
        MemberColumn.NUMBER: row.number,
        MemberColumn.NAME: row.name.casefold(),
        MemberColumn.NIK: row.nik or "",
        MemberColumn.PHONE: row.phone,
        MemberColumn.KELURAHAN: row.kelurahan.casefold(),
        MemberColumn.STATUS: row.status.value,
        MemberColumn.JOIN_DATE: row.join_date,
        MemberColumn.SAVINGS: row.savings_total,
    }
    return keys[column]


class MembersModel(RowsModel[MemberRow]):
    """Rows of `MemberService.search(text, status)`, a page at a time (canFetchMore/fetchMore).

    The database returns members ordered by name; sorting by another column first loads the
    rest of the result, so the order is right over every matching member, not just a page.
    """

    PAGE = 200
    columns = MemberColumn
    date_columns = (MemberColumn.JOIN_DATE,)
    money_columns = (MemberColumn.SAVINGS,)

    def __init__(self, members: MemberService, parent: Any = None) -> None:
        super().__init__(parent)
        self._members = members
        self._total = 0
        self._text = ""
        self._status: MemberStatus | None = None
        self._sort: tuple[MemberColumn, Qt.SortOrder] | None = None
        self._headers = {
            MemberColumn.NUMBER: self.tr("No. Anggota"),
            MemberColumn.NAME: self.tr("Nama"),
            MemberColumn.NIK: self.tr("NIK"),
            MemberColumn.PHONE: self.tr("Telepon"),
            MemberColumn.KELURAHAN: self.tr("Kelurahan"),
            MemberColumn.STATUS: self.tr("Status"),
            MemberColumn.JOIN_DATE: self.tr("Tgl Masuk"),
            MemberColumn.SAVINGS: self.tr("Total Simpanan"),
        }

    # -- loading --------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """How many members match the current search (loaded or not)."""
        return self._total

    @property
    def search_text(self) -> str:
        return self._text

    def set_rows(self, rows: Sequence[MemberRow], total: int | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._total = len(self._rows) if total is None else max(total, len(self._rows))
        self.endResetModel()

    def search(self, text: str, status: MemberStatus | None = None) -> None:
        """Run a new search: count all matches, load the first page."""
        self._text, self._status = text.strip(), status
        self._load(self.PAGE)

    def refresh(self) -> None:
        """Reload the current search (after a change), keeping as many rows as were loaded."""
        self._load(max(self.PAGE, len(self._rows)))

    def _load(self, how_many: int) -> None:
        total = self._members.search_count(self._text, self._status)
        rows = self._members.search(self._text, self._status, limit=how_many, offset=0)
        if self._sort is not None:
            rows = self._sorted(rows, total)
        self.set_rows(rows, total)

    def _sorted(self, rows: list[MemberRow], total: int) -> list[MemberRow]:
        assert self._sort is not None
        column, order = self._sort
        if len(rows) < total:
            # Every match is needed to sort right; on a large file that takes a moment.
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                rows += self._members.search(
                    self._text, self._status, limit=total - len(rows), offset=len(rows)
                )
            finally:
                QGuiApplication.restoreOverrideCursor()
        descending = order == Qt.SortOrder.DescendingOrder
        ordered = sorted(rows, key=lambda r: (sort_key(r, column), r.id), reverse=descending)
        # An exact member number, NIK or phone stays the first row whatever the column order.
        return sorted(ordered, key=lambda r: not is_exact(self._text, (r.number, r.nik), r.phone))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt signature
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt signature
        if parent.isValid() or len(self._rows) >= self._total:
            return
        more = self._members.search(
            self._text, self._status, limit=self.PAGE, offset=len(self._rows)
        )
        if not more:
            self._total = len(self._rows)  # someone else's change shrank the result
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(MemberColumn):
            return
        if column == MemberColumn.NAME and order == Qt.SortOrder.AscendingOrder:
            self._sort = None  # the database's own order: paged again from the first page
            if self._rows:
                self._load(self.PAGE)
            return
        self._sort = (MemberColumn(column), order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [(self._rows[i.row()].id, i.column()) for i in old]
        self._rows = self._sorted(self._rows, self._total)
        position = {r.id: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(position[member_id], col) for member_id, col in old_ids]
        )
        self.layoutChanged.emit()

    # -- reading --------------------------------------------------------------------------------
    def row_of(self, member_id: int) -> int | None:
        """The row showing `member_id` among those loaded, or None."""
        return next((n for n, r in enumerate(self._rows) if r.id == member_id), None)

    def sort_value(self, row: MemberRow, column: int) -> Any:
        key = sort_key(row, MemberColumn(column))
        return key.isoformat() if isinstance(key, date) else key

    def row_id(self, row: MemberRow) -> Any:
        return row.id

    def foreground(self, row: MemberRow, column: int) -> QColor | None:
        return _INACTIVE if row.status != MemberStatus.AKTIF else None

    def tooltip(self, row: MemberRow, column: int) -> str | None:
        if column == MemberColumn.NIK:
            return self.tr("NIK lengkap tampil di panel kanan.")
        return None

    def display(self, row: MemberRow, column: int) -> str:
        if column == MemberColumn.NUMBER:
            return row.number
        if column == MemberColumn.NAME:
            return row.name
        if column == MemberColumn.NIK:
            return mask_nik(row.nik) if row.nik else "–"
        if column == MemberColumn.PHONE:
            return format_phone(row.phone) if row.phone else ""
        if column == MemberColumn.KELURAHAN:
            return row.kelurahan
        if column == MemberColumn.STATUS:
            return row.status.label
        if column == MemberColumn.JOIN_DATE:
            return format_date_short(row.join_date)
        return format_rupiah(row.savings_total)
