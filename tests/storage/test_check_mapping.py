"""The account mapping `mufakat check` replays with (read once, app/storage/check_replay.py)
answers every (role/method, date, product) as the per-line queries it replaced did: the
product's own row first, then the latest `valid_from`, then the latest id; none: refused."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import AppError
from app.storage.check_replay import _Mapping, _Resolver

pytestmark = pytest.mark.sqlite_only(
    "`mufakat check`'s replay over a SQLite connection"
    " (its SQL on PostgreSQL: test_portable_checks.py)"
)

_ROLE_SQL = (
    "SELECT account FROM account_roles WHERE role = :role AND valid_from <= :on"
    " AND (product_id IS NULL OR product_id = :product)"
    " ORDER BY product_id IS NULL, valid_from DESC, id DESC LIMIT 1"
)
_METHOD_SQL = (
    "SELECT account FROM payment_method_accounts WHERE method = :method"
    " AND valid_from <= :on ORDER BY valid_from DESC, id DESC LIMIT 1"
)
_START = date(2024, 1, 1)
_day = st.integers(0, 9).map(lambda d: _START + timedelta(days=d))
_role_row = st.tuples(
    st.sampled_from(["kas", "pokok"]),
    st.one_of(st.none(), st.integers(1, 2)),
    st.sampled_from(["1101", "1102", "1103"]),
    _day,
)
_method_row = st.tuples(st.sampled_from(["tunai", "bank"]), st.sampled_from(["1101", "1120"]), _day)


def _conn(
    roles: list[tuple[str, int | None, str, date]], methods: list[tuple[str, str, date]]
) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE TABLE account_roles (id INTEGER PRIMARY KEY, role TEXT, product_id INTEGER,"
        " account TEXT, valid_from TEXT) STRICT"
    )
    conn.execute(
        "CREATE TABLE payment_method_accounts (id INTEGER PRIMARY KEY, method TEXT,"
        " account TEXT, valid_from TEXT) STRICT"
    )
    conn.executemany(
        "INSERT INTO account_roles (role, product_id, account, valid_from) VALUES (?, ?, ?, ?)",
        [(r, p, a, d.isoformat()) for r, p, a, d in roles],
    )
    conn.executemany(
        "INSERT INTO payment_method_accounts (method, account, valid_from) VALUES (?, ?, ?)",
        [(m, a, d.isoformat()) for m, a, d in methods],
    )
    return conn


@settings(max_examples=200)
@given(
    st.lists(_role_row, max_size=12),
    st.lists(_method_row, max_size=6),
    _day,
    st.one_of(st.none(), st.integers(1, 3)),
)
def test_mapping_answers_as_the_queries(
    roles: list[tuple[str, int | None, str, date]],
    methods: list[tuple[str, str, date]],
    on: date,
    product: int | None,
) -> None:
    conn = _conn(roles, methods)
    resolver = _Resolver(_Mapping(conn), on, product)
    for _ in range(2):  # the remembered answer is the same as the first
        for role in ("kas", "pokok", "lain"):
            row = conn.execute(_ROLE_SQL, {"role": role, "on": on.isoformat(), "product": product})
            want = row.fetchone()
            if want is None:
                with pytest.raises(AppError, match=f"komponen {role}"):
                    resolver.role(role)
            else:
                assert resolver.role(role) == want[0]
        for method in ("tunai", "bank"):
            row = conn.execute(_METHOD_SQL, {"method": method, "on": on.isoformat()}).fetchone()
            if row is None:
                with pytest.raises(AppError, match=f"cara bayar {method}"):
                    resolver.method(method)
            else:
                assert resolver.method(method) == row[0]
