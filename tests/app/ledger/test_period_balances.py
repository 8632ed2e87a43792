"""Balances to a date from the month totals (step 0022) equal the plain sums of the journal
lines for any date: month boundaries, the first and last day of a month, year ends, with
reversals, the jurnal penutup (left out of the statements) and the lock date; `mufakat check`
names a month total that differs from its lines; the step fills the table of an existing file."""

from __future__ import annotations

import calendar
import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.ledger.models import Line
from app.services import Services
from app.storage.check import check_database
from app.storage.check_periods import month_totals
from app.storage.closing_repo import YEAR_END_SOURCE, ClosingRepository
from app.storage.ledger_periods_repo import LedgerPeriodsRepository
from app.storage.ledger_reports_repo import LedgerReportsRepository
from app.storage.schema import m0022_period_balances
from tests.app.ledger.ledger_fixtures import Books, books

START, END = date(2023, 1, 1), date(2026, 12, 31)
BOUNDARIES = sorted(
    {
        d
        for y in range(START.year, END.year + 1)
        for m in range(1, 13)
        for d in (
            date(y, m, 1),
            date(y, m, 2),
            date(y, m, calendar.monthrange(y, m)[1]),
            date(y, m, calendar.monthrange(y, m)[1] - 1),
            date(y, m, 15),
            date(y, m, 16),
        )
    }
)
DATES = st.one_of(st.sampled_from(BOUNDARIES), st.dates(START, END))
AS_OF = st.one_of(DATES, st.sampled_from([START - timedelta(days=1), date(2030, 1, 1)]))


def _naive(db: Services, as_of: date, closing: bool = True) -> dict[str, tuple[int, int]]:
    kind = "" if closing else f" AND j.source <> '{YEAR_END_SOURCE}'"
    rows = db.db.rows(
        "SELECT l.account, sum(l.debit), sum(l.credit) FROM journal_lines l JOIN journals j"
        f" ON j.id = l.journal_id WHERE j.date <= ?{kind} GROUP BY l.account",
        (as_of.isoformat(),),
    )
    return {str(r[0]): (int(r[1]), int(r[2])) for r in rows}


def _trial(bk: Books, as_of: date) -> dict[str, tuple[int, int]]:
    return {r["code"]: (r["debit"], r["credit"]) for r in bk.ledger.repo.trial_balance(as_of)}


journal = st.tuples(
    DATES,
    st.lists(st.integers(1, 5_000_000), min_size=1, max_size=3),
    st.integers(0, 2**32),
    st.sampled_from(["manual", "manual", "manual", "reverse", YEAR_END_SOURCE]),
)


def _write(bk: Books, postable: list[str], item: tuple, seq: int) -> None:  # type: ignore[type-arg]
    on, amounts, seed, kind = item
    rng = random.Random(seed)
    repo = bk.ledger.repo
    with bk.services.db.atomic():
        if kind == "reverse":
            candidates = [
                r[0]
                for r in bk.services.db.rows(
                    "SELECT id FROM journals j WHERE reverses_id IS NULL AND no_gl = 0"
                    " AND source <> 'pembalikan' AND date <= ? AND NOT EXISTS"
                    " (SELECT 1 FROM journals r WHERE r.reverses_id = j.id)",
                    (on.isoformat(),),
                )
            ]
            if candidates:
                bk.ledger.reverse(rng.choice(candidates), on, bk.admin)
            return
        lines = []
        for amount in amounts:
            debit, credit = rng.sample(postable, 2)
            lines += [Line(debit, amount, 0), Line(credit, 0, amount)]
        repo.write(
            on=on,
            source="uji" if kind == "manual" else kind,
            source_id=seq,
            role="manual" if kind == "manual" else "penutup",
            description="uji",
            lines=lines,
            user_id=None,
        )


def test_balances_to_any_date_equal_the_sums_of_the_lines(services: Services) -> None:
    bk = books(services, loans=0)
    postable = [
        str(r[0]) for r in services.db.rows("SELECT code FROM accounts WHERE is_group = 0")
    ][:12]
    periods = LedgerPeriodsRepository(services.db)
    reports = LedgerReportsRepository(services.db)
    counter = iter(range(1, 10**9))

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(journal, min_size=1, max_size=6), st.lists(AS_OF, min_size=1, max_size=4))
    def check(items: list, dates: list[date]) -> None:  # type: ignore[type-arg]
        for item in items:
            _write(bk, postable, item, next(counter))
        for as_of in [*dates, *(item[0] for item in items)]:
            naive = _naive(services, as_of)
            assert _trial(bk, as_of) == naive
            statements = {a: d - c for a, (d, c) in _naive(services, as_of, False).items()}
            assert reports.balances(as_of) == {a: n for a, n in statements.items() if n}
            for account in postable[:3]:
                assert bk.ledger.repo.balance([account], as_of) == sum(
                    d - c for a, (d, c) in naive.items() if a == account
                )
        start, end = sorted([*dates[:1], items[0][0]])
        before = _naive(services, start - timedelta(days=1), False)
        after = _naive(services, end, False)
        moved = {
            a: (d - before.get(a, (0, 0))[0], c - before.get(a, (0, 0))[1])
            for a, (d, c) in after.items()
        }
        lines_between = {
            str(r[0])
            for r in services.db.rows(
                "SELECT DISTINCT l.account FROM journal_lines l JOIN journals j"
                " ON j.id = l.journal_id WHERE j.date BETWEEN ? AND ? AND j.source <> ?",
                (start.isoformat(), end.isoformat(), YEAR_END_SOURCE),
            )
        }
        assert reports.movements(start, end) == {a: moved[a] for a in lines_between}
        assert periods.totals(date.max).keys() == _naive(services, date.max).keys()
        assert month_totals(services.db.sql.conn) == []

    check()


def test_a_journal_moved_past_the_lock_date_counts_in_its_open_month(services: Services) -> None:
    bk = books(services, loans=0)
    db = bk.services.db
    with db.atomic():
        first = bk.ledger.repo.write(
            on=date(2025, 3, 10),
            source="uji",
            source_id=1,
            role="manual",
            description="uji",
            lines=[Line("1101", 700, 0), Line("3999", 0, 700)],
            user_id=None,
        )
        ClosingRepository(db).add_lock("tutup", "2025-03", date(2025, 3, 31), bk.admin.id)
    with db.atomic():
        reversal = bk.ledger.reverse(first, date(2025, 3, 20), bk.admin)
    assert bk.ledger.journal(reversal).date == date(2025, 4, 1)
    assert _trial(bk, date(2025, 3, 31)) == _naive(bk.services, date(2025, 3, 31))
    assert _trial(bk, date(2025, 3, 31))["1101"] == (700, 0)
    assert _trial(bk, date(2025, 4, 1))["1101"] == (700, 700)
    assert "1101" not in {r.code for r in bk.ledger.trial_balance(date(2025, 4, 1))}
    assert month_totals(db.sql.conn) == []


def test_check_names_a_month_total_that_differs(services: Services, db_path: Path) -> None:
    bk = books(services, loans=0)
    with services.db.atomic():
        bk.ledger.repo.write(
            on=date(2025, 6, 30),
            source="uji",
            source_id=1,
            role="manual",
            description="uji",
            lines=[Line("1101", 500, 0), Line("3999", 0, 500)],
            user_id=None,
        )
    services.close()
    assert not [p for p in check_database(db_path).problems if "ledger_month_totals" in p]
    with sqlite3.connect(db_path) as conn:  # another tool edits the derived table
        conn.execute("UPDATE ledger_month_totals SET debit = debit + 1 WHERE account = '1101'")
    problems = [p for p in check_database(db_path).problems if "ledger_month_totals" in p]
    assert problems and "1101 2025-06" in problems[0]


@pytest.mark.parametrize("as_of", [date(2025, 1, 31), date(2025, 2, 1), date(2025, 12, 31)])
def test_the_step_fills_the_table_of_an_existing_file(
    services: Services, db_path: Path, as_of: date
) -> None:
    bk = books(services, loans=0)
    with services.db.atomic():
        for i, on in enumerate((date(2025, 1, 31), date(2025, 2, 1), date(2025, 12, 31))):
            bk.ledger.repo.write(
                on=on,
                source="uji",
                source_id=i,
                role="manual",
                description="uji",
                lines=[Line("1101", 100 * (i + 1), 0), Line("3999", 0, 100 * (i + 1))],
                user_id=None,
            )
    expected = _trial(bk, as_of)
    services.close()
    with sqlite3.connect(db_path) as conn:  # the file as it was before the step
        conn.execute("DROP TRIGGER journals_month_totals")
        conn.execute("DROP TABLE ledger_month_totals")
        import sqlite_utils

        m0022_period_balances.migrate(sqlite_utils.Database(conn))
        assert month_totals(conn) == []
    again = Services.open(db_path)
    try:
        assert (
            {r["code"]: (r["debit"], r["credit"]) for r in again.ledger.repo.trial_balance(as_of)}
            == expected
            == _naive(again, as_of)
        )
    finally:
        again.close()
