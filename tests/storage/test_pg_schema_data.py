"""A whole demo cooperative copied from its SQLite file into the PostgreSQL schema, in one
transaction, table by table: every row fits (types, keys, foreign keys, CHECKs, the guards that
fire on INSERT), and the balances the PostgreSQL triggers derive from the loan events equal the
ones SQLite's triggers derived (a first sketch of `mufakat server move`, issue 15)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Any

import psycopg
import pytest

from app.demo.generate import generate_demo
from tests.pg import APP_ROLE, SUPERUSER, TEMPLATE, PgServer, _database

DERIVED = {"loan_balances", "ledger_month_totals"}
"""Written by the triggers (from loan_events / loan_denda_charges, from journals): copying them
too would count every copied row twice."""
SKIPPED = {"_sqlite_migrations"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "contoh.db"
    generate_demo(path, members=25, seed=4)
    return path


def _order(lite: sqlite3.Connection, tables: list[str]) -> list[str]:
    graph = {
        t: {r[2] for r in lite.execute(f'PRAGMA foreign_key_list("{t}")')} - {t} for t in tables
    }
    # A journal is sealed by its header: its lines go first (their key to it is deferred).
    graph["journal_lines"].discard("journals")
    graph["journals"].add("journal_lines")
    return [t for t in TopologicalSorter(graph).static_order() if t in tables]


def _copy(lite: sqlite3.Connection, pg: psycopg.Connection[Any]) -> dict[str, int]:
    tables = [
        r[0]
        for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if r[0] not in SKIPPED | DERIVED and not r[0].startswith("sqlite_")
    ]
    counts = {}
    with pg.transaction():
        for table in _order(lite, tables):
            types = dict(
                pg.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_name = %s",
                    (table,),
                ).fetchall()
            )
            cursor = lite.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cursor.description]
            rows = [
                tuple(
                    str(v) if types[n] == "text" and isinstance(v, int) else v
                    for n, v in zip(names, row, strict=True)
                )
                for row in cursor
            ]
            counts[table] = len(rows)
            if rows:
                marks = ", ".join(["%s"] * len(names))
                with pg.cursor() as cur:
                    cur.executemany(
                        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows
                    )
    return counts


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
            with psycopg.connect(owner, autocommit=True) as pg:
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
        with psycopg.connect(pg_url.replace(APP_ROLE, SUPERUSER, 1), autocommit=True) as pg:
            counts = _copy(lite, pg)
            for table, count in counts.items():
                got = pg.execute(f"SELECT count(*) FROM {table}").fetchone()
                assert got == (count,), table
            balances = "SELECT * FROM loan_balances ORDER BY loan_id, version"
            assert [tuple(r) for r in pg.execute(balances)] == lite.execute(balances).fetchall()
            months = "SELECT * FROM ledger_month_totals ORDER BY account, month, closing"
            assert [tuple(r) for r in pg.execute(months)] == lite.execute(months).fetchall()
            money = "SELECT sum(debit), sum(credit), count(*) FROM journal_lines"
            assert tuple(pg.execute(money).fetchone() or ()) == lite.execute(money).fetchone()
    finally:
        lite.close()
    assert counts["members"] == 25 and counts["loan_events"] > 0 and counts["journal_lines"] > 0
