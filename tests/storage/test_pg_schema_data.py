"""A whole demo cooperative copied from its SQLite file into the PostgreSQL schema, in one
transaction, table by table: every row fits (types, keys, foreign keys, CHECKs, the guards that
fire on INSERT), and the balances the PostgreSQL triggers derive from the loan events equal the
ones SQLite's triggers derived (a first sketch of `mufakat server move`, issue 15)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.rows import dict_row

from app.demo.generate import generate_demo
from app.storage import pg_copy
from tests.pg import APP_ROLE, SUPERUSER, TEMPLATE, PgServer, _database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "contoh.db"
    generate_demo(path, members=25, seed=4)
    return path


def _copy(lite: sqlite3.Connection, pg: psycopg.Connection[Any]) -> dict[str, int]:
    """Every table copied (rows per table); the derived ones rebuilt by the triggers."""
    plain = pg.row_factory
    pg.row_factory = dict_row  # type: ignore[assignment]
    try:
        with pg.transaction():
            return pg_copy.copy_tables(lite, pg)
    finally:
        pg.row_factory = plain  # type: ignore[assignment]


POSTED = "(SELECT account FROM journal_lines ORDER BY id LIMIT 1)"
GUARDS = [
    # (statement, refused on both engines?)
    (f"UPDATE accounts SET code = code || 'x' WHERE code = {POSTED}", True),
    (f"UPDATE accounts SET is_group = 1 WHERE code = {POSTED}", True),
    (f"DELETE FROM accounts WHERE code = {POSTED}", True),
    (f"UPDATE accounts SET name = name || ' (lama)' WHERE code = {POSTED}", False),
    ("UPDATE savings_transactions SET note = note WHERE id = 1", True),
    ("DELETE FROM loan_events WHERE id = 1", True),
    ("UPDATE audit_log SET note = 'x' WHERE id = 1", True),
    ("UPDATE documents SET note = note WHERE id = 1", True),  # a finished letter
    ("UPDATE collection_decisions SET summary = summary || ' ' WHERE id = 1", True),
    ("UPDATE members SET phone = phone WHERE id = 1", False),
    (
        "INSERT INTO journal_lines (journal_id, account, debit) "
        f"VALUES ((SELECT min(id) FROM journals), {POSTED}, 1)",
        True,  # a sealed journal takes no more lines
    ),
]


@pytest.fixture(scope="module")
def copied(demo: Path, pg_server: PgServer) -> Iterator[str]:
    """The demo cooperative in a PostgreSQL database of its own (the owner's address)."""
    with _database(pg_server, TEMPLATE) as url:
        owner = url.replace(APP_ROLE, SUPERUSER, 1)
        lite = sqlite3.connect(f"file:{demo}?mode=ro", uri=True)
        try:
            with psycopg.connect(owner, autocommit=True, row_factory=dict_row) as pg:
                _copy(lite, pg)
        finally:
            lite.close()
        yield owner


def _refused_on_sqlite(path: Path, sql: str) -> bool:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    try:
        conn.execute(sql)
        return False
    except sqlite3.IntegrityError:
        return True
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def _refused_on_postgresql(url: str, sql: str) -> bool:
    with psycopg.connect(url) as conn:
        try:
            conn.execute(sql)
            return False
        except psycopg.errors.IntegrityError:
            return True
        finally:
            conn.rollback()


@pytest.mark.parametrize(("sql", "refused"), GUARDS)
def test_the_guards_refuse_the_same_statements_on_both_engines(
    demo: Path, copied: str, sql: str, refused: bool
) -> None:
    assert _refused_on_sqlite(demo, sql) is refused
    assert _refused_on_postgresql(copied, sql) is refused


def test_a_demo_cooperative_fits_the_postgresql_schema(demo: Path, pg_url: str) -> None:
    lite = sqlite3.connect(f"file:{demo}?mode=ro", uri=True)
    try:
        owner = pg_url.replace(APP_ROLE, SUPERUSER, 1)
        with psycopg.connect(owner, autocommit=True, row_factory=dict_row) as pg:
            counts = _copy(lite, pg)
        with psycopg.connect(owner, autocommit=True) as pg:
            for table, count in counts.items():
                got = pg.execute(f"SELECT count(*) FROM {table}").fetchone()
                assert got == (count,), table
            # rebuilt by the triggers
            for derived in ("loan_balances", "ledger_month_totals", "savings_totals"):
                rows = f"SELECT * FROM {derived}"
                on_pg = sorted(tuple(r) for r in pg.execute(rows))
                assert on_pg == sorted(lite.execute(rows).fetchall()), derived
            money = "SELECT sum(debit), sum(credit), count(*) FROM journal_lines"
            assert tuple(pg.execute(money).fetchone() or ()) == lite.execute(money).fetchone()
    finally:
        lite.close()
    assert counts["members"] == 25 and counts["loan_events"] > 0 and counts["journal_lines"] > 0
