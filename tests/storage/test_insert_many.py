"""insert_many writes exactly the rows given, in their order (the tamper chain links rows in
the order they were inserted), whatever their number against the rows a statement and
SQLite's limit of bound values; a failing row fails the write like executemany."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.storage import bulk
from app.storage.bulk import insert_many

pytestmark = pytest.mark.sqlite_only(
    "the SQLite bulk writers' multi-row INSERT under SQLite's bound-value limit"
)

SQL = "INSERT INTO t (a, b, c) VALUES (?, ?, ?)"


def _conn() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT, c INTEGER CHECK (c >= 0))")
    conn.execute("CREATE TABLE seen (n INTEGER PRIMARY KEY AUTOINCREMENT, a INTEGER)")
    conn.execute(
        "CREATE TRIGGER t_seen AFTER INSERT ON t BEGIN INSERT INTO seen (a) VALUES (NEW.a); END"
    )
    return conn


@given(
    count=st.integers(0, 40),
    per=st.integers(1, 9),
    limit=st.sampled_from([3, 5, 7, 32766]),
    as_generator=st.booleans(),
)
def test_every_row_in_order(count: int, per: int, limit: int, as_generator: bool) -> None:
    conn = _conn()
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
    rows = [(1000 - n * 7, f"baris {n}", n) for n in range(count)]
    old = bulk.ROWS_PER_STATEMENT
    bulk.ROWS_PER_STATEMENT = per
    try:
        given_rows = (r for r in rows) if as_generator else rows
        assert insert_many(conn, SQL, given_rows) == count
    finally:
        bulk.ROWS_PER_STATEMENT = old
    assert conn.execute("SELECT a, b, c FROM t ORDER BY c").fetchall() == rows
    assert [r[0] for r in conn.execute("SELECT a FROM seen ORDER BY n")] == [r[0] for r in rows]


def test_a_bad_row_fails_the_write() -> None:
    conn = _conn()
    conn.execute("BEGIN")
    conn.execute("SAVEPOINT s")
    rows = [(n, "x", 5 - n) for n in range(8)]  # the seventh row breaks the CHECK
    with pytest.raises(sqlite3.IntegrityError):
        insert_many(conn, SQL, rows)
    conn.execute("ROLLBACK TO s")
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (0,)


def test_only_one_row_inserts() -> None:
    with pytest.raises(ValueError, match="one-row INSERT"):
        insert_many(_conn(), "DELETE FROM t", [(1,)])
