"""A whole demo cooperative copied from its SQLite file into the PostgreSQL schema, in one
transaction, table by table: every row fits (types, keys, foreign keys, CHECKs, the guards that
fire on INSERT), and the balances the PostgreSQL triggers derive from the loan events equal the
ones SQLite's triggers derived (a first sketch of `mufakat server move`, issue 15)."""

from __future__ import annotations

import sqlite3
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Any

import psycopg
import pytest

from app.demo.generate import generate_demo
from tests.pg import APP_ROLE, SUPERUSER

DERIVED = {"loan_balances"}  # written by the triggers from loan_events / loan_denda_charges
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
            money = "SELECT sum(debit), sum(credit), count(*) FROM journal_lines"
            assert tuple(pg.execute(money).fetchone() or ()) == lite.execute(money).fetchone()
    finally:
        lite.close()
    assert counts["members"] == 25 and counts["loan_events"] > 0 and counts["journal_lines"] > 0
