"""The Buku Besar a page at a time: the pages one after another are exactly the whole period's
lines in (date, journal, line) order with the running balance, whichever way the account is
read (date order for a busy account, its own index for a quiet one), for any page size; the
opening and closing balances and the line count come from the month totals and equal the
plain sums."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import app.storage.ledger_repo as ledger_repo
from app.ledger.models import Line
from app.services import Services
from tests.app.ledger.ledger_fixtures import books

START, END = date(2024, 11, 1), date(2025, 2, 28)
DATES = st.dates(START, END)
ACCOUNTS = ("1101", "1103.01", "3999", "4101")


def _naive(services: Services, code: str, start: date, end: date) -> list[tuple]:  # type: ignore[type-arg]
    return [
        tuple(r)
        for r in services.db.rows(
            "SELECT j.id, j.date, l.id, l.debit, l.credit FROM journal_lines l JOIN journals j"
            " ON j.id = l.journal_id WHERE l.account = ? AND j.date BETWEEN ? AND ?"
            " ORDER BY j.date, j.id, l.id",
            (code, start.isoformat(), end.isoformat()),
        )
    ]


def _sum(services: Services, code: str, to: date) -> int:
    return int(
        services.db.scalar(
            "SELECT coalesce(sum(l.debit - l.credit), 0) FROM journal_lines l JOIN journals j"
            " ON j.id = l.journal_id WHERE l.account = ? AND j.date <= ?",
            (code, to.isoformat()),
        )
    )


@pytest.mark.parametrize("dense", [True, False])
def test_pages_in_sequence_are_the_whole_buku_besar(
    services: Services, monkeypatch: pytest.MonkeyPatch, dense: bool
) -> None:
    monkeypatch.setattr(ledger_repo, "DENSE_ACCOUNT", -1 if dense else 10**9)
    bk = books(services, loans=0)
    counter = iter(range(1, 10**9))

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(st.tuples(DATES, st.integers(0, 2**32)), min_size=1, max_size=8),
        DATES,
        st.integers(0, 100),
        st.integers(1, 7),
        st.sampled_from(ACCOUNTS),
    )
    def check(journals: list, start: date, days: int, size: int, code: str) -> None:  # type: ignore[type-arg]
        with services.db.atomic():
            for on, seed in journals:
                rng = random.Random(seed)
                lines = []
                for _ in range(rng.randint(1, 3)):  # the same account twice in one journal too
                    debit, credit = rng.sample(ACCOUNTS, 2)
                    amount = rng.randint(1, 900_000)
                    lines += [Line(debit, amount, 0), Line(credit, 0, amount)]
                bk.ledger.repo.write(
                    on=on,
                    source="uji",
                    source_id=next(counter),
                    role="manual",
                    description="uji",
                    lines=lines,
                    user_id=None,
                )
        end = start + timedelta(days=days)
        sign = 1 if bk.ledger.accounts.get(code).normal == "D" else -1
        page = bk.ledger.buku_besar(code, start, end, limit=size)
        rows = list(page.rows)
        assert len(rows) <= size
        while rows and len(rows) < page.lines:
            more = bk.ledger.ledger_rows(code, start, end, rows[-1], size)
            assert 0 < len(more) <= size
            rows += more
        naive = _naive(services, code, start, end)
        assert [
            (r.journal_id, r.date.isoformat(), r.line_id, r.debit, r.credit) for r in rows
        ] == naive
        assert page.lines == len(naive)
        assert page.opening == sign * _sum(services, code, start - timedelta(days=1))
        assert page.closing == sign * _sum(services, code, end)
        running = page.opening
        for r in rows:
            running += sign * (r.debit - r.credit)
            assert r.balance == running
        assert running == page.closing
        whole = bk.ledger.buku_besar(code, start, end)
        assert whole.rows == rows

    check()
