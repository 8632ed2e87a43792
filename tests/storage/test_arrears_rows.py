"""The arrears built by position from many rows (`arrears_from_tuples`, every loan at each
Beranda start) equal those built by name one row at a time (`arrears_from_row`), for SQLite's
rows and PostgreSQL's dicts alike."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.storage.loans_arrears_rows import TUPLE_COLUMNS, arrears_from_row, arrears_from_tuples

pytestmark = pytest.mark.no_database

NAMES = [name.strip() for name in TUPLE_COLUMNS.split(",")]
DAYS = st.one_of(
    st.none(),
    st.integers(0, 4000).map(lambda n: (date(2015, 1, 1) + timedelta(days=n)).isoformat()),
)
AMOUNTS = st.integers(0, 10**12)
ROW = st.tuples(
    st.integers(1, 10**6),  # loan_id
    AMOUNTS,  # outstanding
    AMOUNTS,  # ap
    AMOUNTS,  # aj
    AMOUNTS,  # ad
    DAYS,  # opd
    DAYS,  # ojd
    DAYS,  # oldest
    st.integers(0, 5000),  # dpd
    st.integers(0, 120),  # missed
    AMOUNTS,  # titipan
    AMOUNTS,  # coll
    st.sampled_from(("L", "DPK", "KL", "D", "M")),  # quality
)


def _sqlite_rows(values: list[tuple[object, ...]]) -> list[sqlite3.Row]:
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.execute(f"CREATE TABLE res ({TUPLE_COLUMNS})")
    conn.executemany(f"INSERT INTO res VALUES ({', '.join('?' * len(NAMES))})", values)
    return conn.execute(f"SELECT {TUPLE_COLUMNS} FROM res ORDER BY rowid").fetchall()


@given(
    values=st.lists(ROW, max_size=30),
    as_of=st.dates(date(2015, 1, 1), date(2035, 12, 31)),
    policy=st.sampled_from(("koperasi", "ojk", "")),
)
def test_by_position_equals_by_name(
    values: list[tuple[object, ...]], as_of: date, policy: str
) -> None:
    rows = _sqlite_rows(values)
    by_name = [arrears_from_row(r, as_of, policy) for r in rows]
    assert arrears_from_tuples(rows, as_of, policy) == by_name
    dicts = [dict(zip(reversed(NAMES), reversed(tuple(r)), strict=True)) for r in rows]
    assert arrears_from_tuples(dicts, as_of, policy) == by_name
    for built, row in zip(by_name, values, strict=True):
        assert built.loan_id == row[0] and built.days_past_due == row[8]
        assert built.oldest_due == (date.fromisoformat(row[7]) if row[7] else None)
