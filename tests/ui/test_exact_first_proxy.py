"""The cases list keeps the exactly-named row on top whatever column it is sorted by."""

from __future__ import annotations

import itertools
from enum import IntEnum
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from ui.models.base import SORT_ROLE, RowsModel
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


class _Col(IntEnum):
    VALUE = 0


class _Numbers(RowsModel[tuple[int, int | None]]):
    """Rows (name, value): the value sorts, None is 'no value'."""

    columns = _Col

    def display(self, row: tuple[int, int | None], column: int) -> str:
        return str(row[1])

    def sort_value(self, row: tuple[int, int | None], column: int) -> Any:
        return row[1]


@given(
    values=st.lists(st.one_of(st.none(), st.integers(0, 5)), min_size=0, max_size=12),
    data=st.data(),
)
@settings(max_examples=60, deadline=None)
def test_sorting_the_rows_model_itself_sorts_like_qt(
    qapp: object, values: list[int | None], data: st.DataObject
) -> None:
    """Over a RowsModel the proxy sorts the model's rows once (issue 16): the same order as
    Qt's sort (stable, no value last when ascending), pinned rows first, and the selection
    follows its row."""
    rows = list(enumerate(values))
    pinned = (
        data.draw(st.sets(st.integers(0, max(0, len(rows) - 1)), max_size=2)) if rows else set()
    )
    reference_source = _Numbers()
    model = _Numbers()
    proxy = ExactFirstProxy()
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        proxy.sort(0, order)
        model.set_rows(rows)
        proxy.set_pinned(pinned)
        shown = [model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(len(rows))]
        # The values of the other rows in the order of Qt's own sort of them (a plain proxy);
        # equal values keep the order the rows were set in, in both directions.
        others = [row for row in rows if row[0] not in pinned]
        reference_source.set_rows(others)
        plain = QSortFilterProxyModel()
        plain.setSortRole(SORT_ROLE)
        plain.setSourceModel(reference_source)
        plain.sort(0, order)
        by_qt = [others[plain.mapToSource(plain.index(r, 0)).row()][1] for r in range(len(others))]
        assert {row[0] for row in shown[: len(pinned)]} == pinned, (order, pinned)
        rest = shown[len(pinned) :]
        assert [row[1] for row in rest] == by_qt, (order, pinned)
        for a, b in itertools.pairwise(rest):
            if a[1] == b[1]:
                assert a[0] < b[0], (order, rest)
        if rows:
            kept = QPersistentModelIndex(proxy.index(len(rows) - 1, 0))
            held = model.row_at(proxy.mapToSource(kept).row())
            proxy.sort(
                0, Qt.SortOrder.AscendingOrder if order != Qt.SortOrder.AscendingOrder else order
            )
            assert model.row_at(proxy.mapToSource(kept).row()) == held
