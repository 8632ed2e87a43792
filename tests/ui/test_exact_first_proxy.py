"""The cases list keeps the exactly-named row on top whatever column it is sorted by."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from ui.widgets.exact_first_proxy import ExactFirstProxy


def test_pinned_row_first_in_both_orders(qapp: object) -> None:
    source = QStandardItemModel()
    for value in (5, 1, 9, 3, 7):
        item = QStandardItem()
        item.setData(value, Qt.ItemDataRole.DisplayRole)
        source.appendRow(item)
    proxy = ExactFirstProxy()
    proxy.setSourceModel(source)
    for pinned in range(5):
        proxy.set_pinned({pinned})
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            proxy.sort(0, order)
            first = proxy.mapToSource(proxy.index(0, 0)).row()
            assert first == pinned, (pinned, order)
            rest = [proxy.index(r, 0).data() for r in range(1, 5)]
            assert rest == sorted(rest, reverse=order == Qt.SortOrder.DescendingOrder)
