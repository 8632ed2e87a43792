"""The account mapping `mufakat check` replays with and the history posting posts with (read
once, app/ledger/mapping.py, through app/storage/check_replay.py and app/ledger/bulk.py)
answers every (role/method, date, product) as the per-line queries it replaced do: the
product's own row first, then the latest `valid_from`, then the latest id; none: refused. The
dates are asked in any order (each answer is remembered per span of dates between versions)."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import AppError, ValidationError
from app.ledger.mapping import DatedMapping, unmapped
from app.storage.check_replay import _mapping

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


def _bulk_mapping(conn: sqlite3.Connection) -> DatedMapping:
    """What app/ledger/bulk.BulkPoster builds (LedgerBulkRepository.roles / methods)."""
    return DatedMapping(
        conn.execute("SELECT id, role, product_id, valid_from, account FROM account_roles"),
        conn.execute("SELECT id, method, valid_from, account FROM payment_method_accounts"),
        unmapped,
    )


def _answers_as_the_queries(
    conn: sqlite3.Connection,
    mapping: DatedMapping,
    asked: list[tuple[date, int | None]],
    error: type[AppError],
    role_text: str,
    method_text: str,
) -> None:
    for _ in range(2):  # the remembered answer is the same as the first
        for on, product in asked:
            resolver = mapping.resolver(on, product)
            for role in ("kas", "pokok", "lain"):
                query = {"role": role, "on": on.isoformat(), "product": product}
                want = conn.execute(_ROLE_SQL, query).fetchone()
                if want is None:
                    with pytest.raises(error, match=role_text.format(role)):
                        resolver.role(role)
                else:
                    assert resolver.role(role) == want[0], (on, product, role)
            for method in ("tunai", "bank"):
                query = {"method": method, "on": on.isoformat()}
                want = conn.execute(_METHOD_SQL, query).fetchone()
                if want is None:
                    with pytest.raises(error, match=method_text.format(method)):
                        resolver.method(method)
                else:
                    assert resolver.method(method) == want[0], (on, method)


_asked = st.lists(
    st.tuples(
        st.integers(-1, 10).map(lambda d: _START + timedelta(days=d)),  # before, within, after
        st.one_of(st.none(), st.integers(1, 3)),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=200)
@given(st.lists(_role_row, max_size=12), st.lists(_method_row, max_size=6), _asked)
def test_mapping_answers_as_the_queries(
    roles: list[tuple[str, int | None, str, date]],
    methods: list[tuple[str, str, date]],
    asked: list[tuple[date, int | None]],
) -> None:
    conn = _conn(roles, methods)
    _answers_as_the_queries(conn, _mapping(conn), asked, AppError, "komponen {}", "cara bayar {}")
    texts = ("Akun untuk komponen '{}' belum diatur", "Cara bayar '{}' belum dihubungkan")
    _answers_as_the_queries(conn, _bulk_mapping(conn), asked, ValidationError, *texts)


def test_a_version_starts_on_its_date() -> None:
    """A change dated D: the day before keeps the old account, D and after take the new one;
    a product's own row only for that product, from its own date; the same version twice on
    one date: the later one (by id). Asked forwards, backwards and again."""
    d = date(2025, 6, 1)
    conn = _conn(
        [
            ("kas", None, "1101", date(2024, 1, 1)),
            ("kas", None, "1102", d),
            ("kas", 2, "1103", d + timedelta(days=1)),
            ("pokok", None, "1101", d),
            ("pokok", None, "1102", d),
        ],
        [("tunai", "1101", date(2024, 1, 1)), ("tunai", "1120", d)],
    )
    mapping = _bulk_mapping(conn)
    before, on, after = d - timedelta(days=1), d, d + timedelta(days=1)
    want = {
        (before, None): ("1101", "1101"),
        (before, 2): ("1101", "1101"),
        (on, None): ("1102", "1120"),
        (on, 2): ("1102", "1120"),
        (after, None): ("1102", "1120"),
        (after, 2): ("1103", "1120"),
    }
    for asked in (list(want), list(reversed(want)), list(want)):
        for on_day, product in asked:
            resolver = mapping.resolver(on_day, product)
            assert (resolver.role("kas"), resolver.method("tunai")) == want[(on_day, product)]
    assert mapping.resolver(on).role("pokok") == "1102"
    with pytest.raises(ValidationError, match="komponen 'pokok'"):
        mapping.resolver(before).role("pokok")
    with pytest.raises(ValidationError, match="Cara bayar 'bank'"):
        mapping.resolver(after).method("bank")
