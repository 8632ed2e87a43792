"""The dialect's date arithmetic and case-insensitive containment give the same answers on
SQLite and PostgreSQL (issue 15): days between two ISO dates (loan quality's days past due and
denda periods), a date some days later (the grace period's end), a date some calendar months
later clamped at the month's end (app.formats.add_months), `contains` with `%`, `_` and `\\`
taken literally."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.formats import add_months
from app.storage.dialect import contains_pattern

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))
fixture_ok = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@fixture_ok
@given(later=dates, earlier=dates)
def test_days_between_is_the_calendar_difference(engine: Any, later: date, earlier: date) -> None:
    sql = f"SELECT {engine.dialect.days_between(':a', ':b')} AS n"
    got = engine.scalar(sql, {"a": later.isoformat(), "b": earlier.isoformat()})
    assert got == (later - earlier).days


@fixture_ok
@given(start=dates, days=st.integers(min_value=-400, max_value=400))
def test_add_days_gives_the_iso_date(engine: Any, start: date, days: int) -> None:
    got = engine.scalar(
        f"SELECT {engine.dialect.add_days(':d', ':n')} AS x", {"d": start.isoformat(), "n": days}
    )
    assert got == (start + timedelta(days=days)).isoformat()


def test_days_between_and_add_days_on_columns_and_null(engine: Any) -> None:
    d = engine.dialect
    engine.run("CREATE TEMP TABLE t (id INTEGER PRIMARY KEY, due TEXT, grace INTEGER)")
    for i, (due, grace) in enumerate([("2024-02-28", 2), ("2026-12-31", 0), (None, 3)]):
        engine.run("INSERT INTO t VALUES (:i, :d, :g)", {"i": i, "d": due, "g": grace})
    rows = engine.rows(
        f"SELECT {d.add_days('due', 'grace')} AS st,"
        f" {d.days_between(':today', d.add_days('due', 'grace'))} AS late FROM t ORDER BY id",
        {"today": "2027-01-01"},
    )
    assert [(r["st"], r["late"]) for r in rows] == [
        ("2024-03-01", 1036),
        ("2026-12-31", 1),
        (None, None),
    ]


@fixture_ok
@given(
    name=st.text(alphabet="aAbB%_\\ 1", max_size=8),
    part=st.text(alphabet="aAbB%_\\ 1", min_size=1, max_size=3),
)
def test_ci_contains_is_ascii_case_insensitive_and_literal(
    engine: Any, name: str, part: str
) -> None:
    sql = f"SELECT {engine.dialect.flag(engine.dialect.ci_contains(':name', ':p'))} AS hit"
    hit = engine.scalar(sql, {"name": name, "p": contains_pattern(part)})
    assert hit == int(part.lower() in name.lower())


def test_no_index_keeps_the_value(engine: Any) -> None:
    engine.run("CREATE TEMP TABLE n (id INTEGER PRIMARY KEY, name TEXT)")
    for i, name in enumerate(["b", "A", "c"]):
        engine.run("INSERT INTO n VALUES (:i, :n)", {"i": i, "n": name})
    order = engine.dialect.no_index("name")
    rows = engine.rows(f"SELECT {order} AS x FROM n ORDER BY {order} COLLATE nocase, id")
    assert [r["x"] for r in rows] == ["A", "b", "c"]


@fixture_ok
@given(start=dates, months=st.integers(min_value=0, max_value=24))
def test_add_months_is_clamped_like_the_python_rule(engine: Any, start: date, months: int) -> None:
    got = engine.scalar(
        f"SELECT {engine.dialect.add_months(':d', months)} AS x", {"d": start.isoformat()}
    )
    assert got == add_months(start, months).isoformat()


def test_add_months_at_month_ends(engine: Any) -> None:
    add = engine.dialect.add_months
    got = engine.rows(
        f"SELECT {add(':a', 1)} AS a, {add(':b', 12)} AS b, {add(':c', 3)} AS c,"
        f" {add('NULL', 1)} AS n",
        {"a": "2024-01-31", "b": "2024-02-29", "c": "2026-11-30"},
    )[0]
    assert (got["a"], got["b"], got["c"], got["n"]) == (
        "2024-02-29",
        "2025-02-28",
        "2027-02-28",
        None,
    )


def test_whole_months_of_no_date_is_no_months(engine: Any) -> None:
    """Loan quality's months in Diragukan since the last payment: none made, so NULL (the class
    then counts from entering Diragukan). PostgreSQL's greatest() skips a NULL where SQLite's
    max() returns it: without the guard a loan never paid stayed Diragukan on the server."""
    from app.storage.loans_quality_sql import _whole_months

    engine.run("CREATE TEMP TABLE p (id INTEGER PRIMARY KEY, paid TEXT)")
    for i, paid in enumerate(["2026-01-31", None, "2026-03-05"]):
        engine.run("INSERT INTO p VALUES (:i, :p)", {"i": i, "p": paid})
    params = {"d_day": 5, "d_month_end": 0, "d_mi": 2026 * 12 + 3}  # 5 March 2026
    rows = engine.rows(
        f"SELECT {_whole_months(engine.dialect, 'paid')} AS m FROM p ORDER BY id", params
    )
    assert [r["m"] for r in rows] == [1, None, 0]
