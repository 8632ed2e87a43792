"""A sorting proxy that keeps the rows the search named exactly (member/loan/case number, NIK,
phone) on top whatever column the list is sorted by (issue 10 #13).

Over a model that can `reorder` its rows (ui/models/base.py RowsModel) the sort is done once in
Python on each row's sort value and handed to the model, and the proxy itself keeps the model's
order: Qt's own sort asks the model for two values per comparison, through Python — about
170,000 calls to show 3,800 cases (issue 16)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

Index = QModelIndex | QPersistentModelIndex


class ExactFirstProxy(QSortFilterProxyModel):
    """Sorts by the sort role, except that a source row for which `pinned(row)` is true always
    comes before one for which it is false."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pinned: set[int] = set()
        self._origin: list[int] = []
        """Where each source row was when the rows were last set (a sort moves them)."""
        self._column = -1
        self._order = Qt.SortOrder.AscendingOrder

    def setSourceModel(self, source: Any) -> None:
        super().setSourceModel(source)
        if hasattr(source, "reorder"):
            source.modelReset.connect(self._reset)
            self._reset()

    def _reset(self) -> None:
        self._pinned = set()
        self._origin = list(range(self.sourceModel().rowCount()))
        self._resort()

    def set_pinned(self, rows: set[int]) -> None:
        """Pin the source rows numbered as they were set (before any sort)."""
        if not self._sorts_source():
            self._pinned = set(rows)
            self.invalidate()
            return
        now = {origin: position for position, origin in enumerate(self._origin)}
        self._pinned = {now[r] for r in rows if r in now}
        self._resort()

    def sortColumn(self) -> int:
        return self._column if self._sorts_source() else super().sortColumn()

    def sortOrder(self) -> Qt.SortOrder:
        return self._order if self._sorts_source() else super().sortOrder()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self._sorts_source():
            super().sort(column, order)
            return
        self._column, self._order = column, order
        self._resort()

    def _sorts_source(self) -> bool:
        return hasattr(self.sourceModel(), "reorder")

    def _resort(self) -> None:
        """Sort the source's rows: pinned first, then by the sort role's value (no value
        last when ascending, as Qt sorts); equal values keep their order."""
        source = self.sourceModel()
        count = source.rowCount()
        if self._column < 0 or count < 2:
            return
        role = self.sortRole()
        values = [source.data(source.index(r, self._column), role) for r in range(count)]
        descending = self._order == Qt.SortOrder.DescendingOrder
        present = [r for r in range(count) if values[r] is not None]
        absent = [r for r in range(count) if values[r] is None]
        try:
            present.sort(key=lambda r: values[r], reverse=descending)
        except TypeError:  # values Python cannot compare with each other: as text
            present.sort(key=lambda r: str(values[r]), reverse=descending)
        ordered = absent + present if descending else present + absent
        pinned = [r for r in ordered if r in self._pinned]
        rest = [r for r in ordered if r not in self._pinned]
        order = pinned + rest
        if order != list(range(count)):
            # Pinned rows are named by position: they move with the rows.
            where = {old: new for new, old in enumerate(order)}
            self._pinned = {where[r] for r in self._pinned if r in where}
            self._origin = [self._origin[r] for r in order]
            source.reorder(order)  # type: ignore[attr-defined]

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.row() in self._pinned, right.row() in self._pinned
        if a != b:
            # Qt reverses lessThan for a descending sort: answer so a pinned row lands first.
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return a == ascending
        return super().lessThan(left, right)
