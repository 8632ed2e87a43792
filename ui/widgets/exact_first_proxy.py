"""A sorting proxy that keeps the rows the search named exactly (member/loan/case number, NIK,
phone) on top whatever column the list is sorted by (issue 10 #13)."""

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

    def set_pinned(self, rows: set[int]) -> None:
        self._pinned = set(rows)
        self.invalidate()

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.row() in self._pinned, right.row() in self._pinned
        if a != b:
            # Qt reverses lessThan for a descending sort: answer so a pinned row lands first.
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return a == ascending
        return super().lessThan(left, right)
