"""The bulk journal writer proves the per-row guard triggers' rules once over its rows
(app/storage/ledger_bulk_guard): it refuses exactly what the triggers refuse, keeps the month
totals the trigger keeps, and the triggers are back afterwards, also after a failure."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services import Services
from app.storage.check_periods import month_totals
from app.storage.ledger_bulk_guard import KNOWN, set_based_guards
from app.storage.ledger_bulk_repo import READ_INDEX, LedgerBulkRepository

pytestmark = pytest.mark.sqlite_only(
    "the SQLite bulk journal writer sets SQLite's guard triggers aside"
)

STAMP = "2026-01-01T00:00:00"
POSTABLE = ("1101", "1102", "1105", "3999")
GROUP = "11"


def _triggers(conn: sqlite3.Connection) -> dict[str, str]:
    return {
        str(r[0]): str(r[1])
        for r in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            " AND tbl_name IN ('journals', 'journal_lines')"
        )
    }


def _journal(jid: int, no_gl: int = 0, on: str = "2025-03-04") -> tuple[Any, ...]:
    return (jid, f"J2025-{jid:06d}", on, "uji", jid, "uji", "", no_gl, None, None, STAMP)


def _line(jid: int, account: str, debit: int, credit: int) -> tuple[Any, ...]:
    return (jid, account, debit, credit, None, None)


@pytest.fixture
def repo(services: Services) -> Iterator[LedgerBulkRepository]:
    yield LedgerBulkRepository(services.db)


def _count(repo: LedgerBulkRepository) -> int:
    return int(repo.db.scalar("SELECT count(*) FROM journals"))


def test_every_known_trigger_is_in_a_fresh_file(repo: LedgerBulkRepository) -> None:
    stored = {n: " ".join(s.split()) for n, s in _triggers(repo.db.sql.conn).items()}
    assert {n: stored.get(n) for n in KNOWN} == KNOWN  # else the bulk path is never taken


def test_an_unbalanced_journal_is_refused_and_nothing_stays(
    repo: LedgerBulkRepository,
) -> None:
    conn = repo.db.sql.conn
    before = _triggers(conn)
    good = [_journal(1)], [_line(1, "1101", 500, 0), _line(1, "3999", 0, 500)]
    lines = [_line(2, "1101", 500, 0), _line(2, "3999", 0, 499)]  # journal 2 is 1 short
    lines += [_line(3, "1101", 1, 0), _line(3, "3999", 0, 1)]
    with pytest.raises(sqlite3.IntegrityError, match="journal not balanced"), repo.db.atomic():
        repo.write(*good)
        repo.write([_journal(2), _journal(3)], lines)
    assert _count(repo) == 0
    assert int(repo.db.scalar("SELECT count(*) FROM journal_lines")) == 0
    assert month_totals(conn) == [] and not repo.db.rows("SELECT * FROM ledger_month_totals")
    assert _triggers(conn) == before


def test_the_triggers_are_back_after_a_failure_inside_the_block(
    repo: LedgerBulkRepository,
) -> None:
    conn = repo.db.sql.conn
    before = _triggers(conn)
    with (
        pytest.raises(ZeroDivisionError),
        repo.db.atomic(),
        set_based_guards(conn, [_journal(1)]) as set_based,
    ):
        assert set_based and not set(KNOWN) & set(_triggers(conn))
        _ = 1 / 0
    assert _triggers(conn) == before
    # and they work again: a per-row insert of an unbalanced journal is refused
    with pytest.raises(sqlite3.IntegrityError, match="journal not balanced"), repo.db.atomic():
        LedgerBulkRepository._insert(conn, [_journal(1)], [_line(1, "1101", 5, 0)])


def test_a_changed_trigger_keeps_the_per_row_path(repo: LedgerBulkRepository) -> None:
    conn = repo.db.sql.conn
    with repo.db.atomic():
        conn.execute("DROP TRIGGER journal_lines_postable")
        conn.execute(
            "CREATE TRIGGER journal_lines_postable BEFORE INSERT ON journal_lines"
            " WHEN NEW.account = '1102' BEGIN SELECT RAISE(ABORT, 'changed rule'); END"
        )
        with set_based_guards(conn, [_journal(1)]) as set_based:
            assert not set_based and "journals_balanced" in _triggers(conn)
        with pytest.raises(sqlite3.IntegrityError, match="changed rule"):
            repo.write([_journal(1)], [_line(1, "1102", 5, 0), _line(1, "1101", 0, 5)])


def test_ids_not_in_one_run_keep_the_per_row_path(repo: LedgerBulkRepository) -> None:
    conn = repo.db.sql.conn
    with repo.db.atomic(), set_based_guards(conn, [_journal(1), _journal(3)]) as set_based:
        assert not set_based and set(KNOWN) <= set(_triggers(conn))


line_st = st.tuples(
    st.integers(0, 4),  # which journal of the batch (4: an existing one, sealed)
    st.sampled_from((*POSTABLE, GROUP)),
    st.integers(1, 3),
    st.booleans(),  # debit?
)
pair_st = st.tuples(  # a balanced pair of lines in one journal of the batch
    st.integers(0, 3), st.sampled_from(POSTABLE), st.sampled_from(POSTABLE), st.integers(1, 9)
).map(lambda p: [(p[0], p[1], p[3], True), (p[0], p[2], p[3], False)])
batch_st = st.tuples(
    st.lists(st.booleans(), min_size=1, max_size=4).map(  # no_gl flag per journal, mostly off
        lambda flags: [f and i % 2 == 1 for i, f in enumerate(flags)]
    ),
    st.tuples(st.lists(pair_st, max_size=6), st.lists(line_st, max_size=2)).map(
        lambda t: [line for pair in t[0] for line in pair] + t[1]
    ),
    st.sampled_from(("2025-01-31", "2025-02-01", "2024-12-31")),
)


def _outcome(repo: LedgerBulkRepository, batch: Any, set_based: bool) -> Any:
    """What writing the batch does (refused: the error's text; else the month totals),
    inside a savepoint that is rolled back."""
    flags, lines, on = batch
    conn = repo.db.sql.conn
    journals = [_journal(2 + i, int(f), on) for i, f in enumerate(flags)]
    rows = [
        _line(
            1 if which == 4 else 2 + min(which, len(flags) - 1),
            account,
            *((amount, 0) if debit else (0, amount)),
        )
        for which, account, amount, debit in lines
    ]
    result: Any
    try:
        with repo.db.atomic():
            if set_based:
                repo.write(journals, rows)
            else:
                LedgerBulkRepository._insert(conn, journals, rows)
            result = sorted(tuple(r) for r in conn.execute("SELECT * FROM ledger_month_totals"))
            raise _Undo
    except sqlite3.IntegrityError as exc:
        result = str(exc)
    except _Undo:
        pass
    return result


class _Undo(Exception):
    pass


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batch=batch_st)
def test_the_set_based_checks_refuse_exactly_what_the_triggers_refuse(
    repo: LedgerBulkRepository, batch: Any
) -> None:
    conn = repo.db.sql.conn
    if not _count(repo):  # one sealed journal already there, for lines that try to join it
        with repo.db.atomic():
            repo.write([_journal(1)], [_line(1, "1101", 7, 0), _line(1, "3999", 0, 7)])
    before = _triggers(conn)
    per_row = _outcome(repo, batch, set_based=False)
    assert _triggers(conn) == before
    assert _outcome(repo, batch, set_based=True) == per_row
    assert _triggers(conn) == before and _count(repo) == 1


def _indexes(conn: sqlite3.Connection) -> dict[str, str]:
    return {
        str(r[0]): str(r[1])
        for r in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            " AND tbl_name IN ('journals', 'journal_lines')"
        )
    }


@pytest.mark.parametrize("fail", [False, True])
def test_indexes_of_an_empty_ledger_are_built_after_the_block(
    repo: LedgerBulkRepository, fail: bool
) -> None:
    conn = repo.db.sql.conn
    before = _indexes(conn)
    assert {"journals_date", "journal_lines_account", READ_INDEX} <= set(before)
    with contextlib.suppress(ZeroDivisionError), repo.db.atomic():
        with repo.indexes_built_after(coming=1) as built_after:
            assert built_after and set(_indexes(conn)) == {READ_INDEX}
            repo.write([_journal(1)], [_line(1, "1101", 5, 0), _line(1, "3999", 0, 5)])
            if fail:
                _ = 1 / 0
        assert _indexes(conn) == before  # back before the transaction ends
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _indexes(conn) == before and _count(repo) == (0 if fail else 1)
    with repo.db.atomic(), repo.indexes_built_after(coming=1) as built_after:  # 1 is there
        assert built_after is fail and (fail or _indexes(conn) == before)
    with repo.db.atomic(), repo.indexes_built_after(coming=2) as built_after:  # 2 outnumber it
        assert built_after and set(_indexes(conn)) == {READ_INDEX}
    assert _indexes(conn) == before


def test_loan_balances_read_at_once_equal_each_read_alone(
    services: Services, repo: LedgerBulkRepository
) -> None:
    from tests.app.ledger.ledger_fixtures import books

    loans = books(services, loans=2).loans
    lines = [
        (1, "1108", 0, 700, None, loans[0]),
        (1, "1105", 300, 0, None, loans[0]),
        (1, "1108", 250, 0, None, loans[1]),
        (1, "1101", 150, 0, None, None),
    ]
    with repo.db.atomic():
        repo.write([_journal(1)], lines)
    found = repo.loan_balances(["1108", "1105", "1101"])
    assert found == {("1108", loans[0]): -700, ("1105", loans[0]): 300, ("1108", loans[1]): 250}
    assert all(repo.loan_balance(a, loan) == v for (a, loan), v in found.items())
    assert repo.loan_balances(["1108"]) == {k: v for k, v in found.items() if k[0] == "1108"}
    assert repo.loan_balances([]) == {}
