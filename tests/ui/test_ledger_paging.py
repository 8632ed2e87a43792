"""The Buku Besar model shows the first page and fetches the next ones as the table asks, until
the period's count; set_rows (all rows at once) fetches nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex

from app.ledger.service import LedgerRow
from ui.models.books_model import LedgerPageModel

ALL = [
    LedgerRow(i, f"J2025-{i:06d}", date(2025, 1, 1) + timedelta(days=i // 40), "x", i, 0, i, i)
    for i in range(1, 1235)
]


def _more(last: LedgerRow) -> list[LedgerRow]:
    return ALL[last.line_id : last.line_id + LedgerPageModel.PAGE]


@pytest.mark.parametrize("total", [1, 499, 500, 501, 1234])
def test_pages_until_the_count(qtmodeltester: object, total: int) -> None:
    model = LedgerPageModel()
    rows = ALL[:total]
    model.set_page(
        rows[: LedgerPageModel.PAGE], total, lambda last: _more(last)[: total - last.line_id]
    )
    assert model.rowCount() == min(total, LedgerPageModel.PAGE)
    fetched = 0
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        fetched += 1
        assert fetched < 10
    assert model.rows() == rows
    assert fetched == -(-total // LedgerPageModel.PAGE) - 1
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_set_rows_fetches_nothing() -> None:
    model = LedgerPageModel()
    model.set_page(ALL[:500], len(ALL), _more)
    assert model.canFetchMore(QModelIndex())
    model.set_rows(ALL[:3])
    assert not model.canFetchMore(QModelIndex())
