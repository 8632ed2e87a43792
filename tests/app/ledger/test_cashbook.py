"""Buku Kas Harian and kas opname: the day's running balance; a count records its difference
as an explicit journal (shortage to 5401, surplus to 4204), an exact count as the marker."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.ledger.cashbook import CashBook
from app.ledger.models import Line
from app.services import Services
from tests.app.ledger.ledger_fixtures import Books, books

pytestmark = pytest.mark.both_engines

D = date(2025, 3, 10)


def _day(bk: Books) -> None:
    bk.manual.submit(
        bk.admin, date(2025, 3, 9), "Modal", [Line("1101", 500_000), Line("3105", 0, 500_000)]
    )
    bk.manual.submit(bk.admin, D, "Jasa giro", [Line("1101", 20_000), Line("4201", 0, 20_000)])
    bk.manual.submit(bk.admin, D, "ATK", [Line("5203", 70_000), Line("1101", 0, 70_000)])


def test_day_running_balance(services: Services) -> None:
    bk = books(services, loans=0)
    _day(bk)
    page = CashBook(bk.ledger).day(D)
    assert page.opening == 500_000
    assert [(r.debit, r.credit, r.balance) for r in page.rows] == [
        (20_000, 0, 520_000),
        (0, 70_000, 450_000),
    ]
    assert page.closing == 450_000


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(counted=st.integers(min_value=0, max_value=2_000_000))
def test_count_books_exactly_the_difference(services: Services, counted: int) -> None:
    """Across the range: the journal is exactly counted − book, on the right side (the
    examples share one file on different days; a day already counted is skipped)."""
    cash = CashBook(services.ledger)
    on = date(2025, 1, 1 + (counted % 28))
    if cash.counted(on) is not None:
        return
    book = cash.day(on).closing
    result = cash.count(None, on, counted)
    assert result.difference == counted - book
    assert cash.day(on).closing == counted  # after the count the books say what was counted
    journal = services.ledger.journal(result.journal_id)
    if counted > book:
        assert [(x.account, x.debit, x.credit) for x in journal.lines] == [
            ("1101", counted - book, 0),
            ("4204", 0, counted - book),
        ]
    elif counted < book:
        assert [(x.account, x.debit, x.credit) for x in journal.lines] == [
            ("5401", book - counted, 0),
            ("1101", 0, book - counted),
        ]
    else:
        assert journal.no_gl and not journal.lines


def test_one_count_a_day_and_no_negative(services: Services) -> None:
    bk = books(services, loans=0)
    _day(bk)
    cash = CashBook(bk.ledger)
    with pytest.raises(ValidationError, match="negatif"):
        cash.count(bk.admin, D, -1)
    result = cash.count(bk.admin, D, 449_000)
    assert (result.book, result.difference) == (450_000, -1_000)
    assert "kurang Rp1.000" in services.ledger.journal(result.journal_id).description
    with pytest.raises(ValidationError, match="sudah dicatat"):
        cash.count(bk.admin, D, 450_000)
