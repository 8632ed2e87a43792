"""The stored loan positions (app/storage/loans_positions.py, schema step 0030) never change
what the arrears statement gives: after random sequences of payments, reversals, denda waivers,
collateral added and released, court flags and policy switches, with the positions computed
again at random points, the statement reading them equals the statement computing every loan,
at the due days and the days around the class boundaries, under each policy."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.loans.quality import QualityPolicy, koperasi_policy, quality_policy
from app.services import Services
from app.storage import loans_positions
from app.storage.check import check_database
from app.storage.engine import Engine
from app.storage.loans_quality_repo import arrears_sql
from app.users.models import User
from tests.app.loans.test_arrears_cache import DATES, LATER, STEP, _apply
from tests.app.loans.test_arrears_cache import template as template

POLICIES = (koperasi_policy(12), quality_policy("ojk"), quality_policy("missed"))
"""Every class rule: months (koperasi, its last-payment and cover parts), days, instalments."""


def rows(db: Engine, as_of: date, policy: QualityPolicy, *, positions: bool) -> list[Any]:
    sql, rule_params, named = arrears_sql(db, as_of, policy, positions=positions)
    found = db.rows(sql + "SELECT * FROM res ORDER BY loan_id", {**rule_params, **named})
    return [tuple(r) for r in found]


def used(db: Engine, as_of: date) -> tuple[int, int]:
    """(loans current by their stored position, loans in arrears read partly from it) at
    as_of: the comparison is only worth something where these are not zero."""
    d = as_of.isoformat()
    row = db.one(
        "SELECT coalesce(sum(p.due_first IS NULL OR p.due_first >= :d), 0) AS current,"
        " coalesce(sum(p.due_first < :d), 0) AS behind FROM arrears_positions p"
        " JOIN loans l ON l.id = p.loan_id AND l.schedule_version = p.version"
        " WHERE p.valid_from <= :d AND l.disbursed_on <= :d",
        {"d": d},
    )
    assert row is not None
    return int(row["current"]), int(row["behind"])


def assert_same(db: Engine, dates: list[date], policies: tuple[QualityPolicy, ...]) -> None:
    for as_of in dates:
        for policy in policies:
            stored = rows(db, as_of, policy, positions=True)
            assert stored == rows(db, as_of, policy, positions=False), (as_of, policy.key)


EXTRA = st.one_of(
    STEP,
    st.tuples(st.just("refill"), st.just(0), st.just(""), st.just(0)),
    st.tuples(st.just("release"), st.integers(0, 5), st.just(""), st.integers(0, 60)),
    st.tuples(st.just("court"), st.integers(0, 5), st.just(""), st.integers(0, 1)),
)


def _step(
    services: Services, ketua: User, loans: list[int], step: tuple[Any, ...], day: date
) -> date:
    kind, index, _, number = step
    loan_id = loans[index % len(loans)]
    if kind == "refill":
        loans_positions.refill(services.db)
    elif kind == "release":
        held = services.db.one(
            "SELECT id FROM loan_collateral WHERE loan_id = :l AND released_on IS NULL",
            {"l": loan_id},
        )
        if held is not None:
            on = date(2025, 1, 10) + timedelta(days=7 * number)
            services.loans.release_collateral(ketua, held["id"], on, "Lunas sebagian")
    elif kind == "court":
        # the loan's own flag (read live by the statement, never stored)
        services.db.run("UPDATE loans SET in_court = :c WHERE id = :l", {"c": number, "l": loan_id})
    else:
        day = _apply(services, ketua, loans, step, day)
    return day


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(EXTRA, min_size=1, max_size=14),
    looked=st.lists(st.sampled_from(DATES), min_size=1, max_size=4),
)
def test_positions_equal_the_full_computation(
    template: tuple[Path, User, list[int]],
    tmp_path: Path,
    steps: list[tuple[Any, ...]],
    looked: list[date],
) -> None:
    source, ketua, loans = template
    path = tmp_path / f"run-{len(list(tmp_path.iterdir()))}.db"
    shutil.copy(source, path)
    services = Services.open(path, accept_older=True)
    try:
        db = services.db
        assert loans_positions.refill(db) == len(loans)  # made after the schema step
        day = date(2025, 1, 5)
        for step in steps:
            day = _step(services, ketua, loans, step, day)
            assert_same(db, looked, POLICIES)
        loans_positions.refill(db)
        assert_same(db, DATES, POLICIES)
        assert_same(db, [day, day + timedelta(days=1), LATER], POLICIES)
    finally:
        services.close()


def test_the_comparison_sees_a_stale_position(
    template: tuple[Path, User, list[int]], tmp_path: Path
) -> None:
    """Without the triggers that drop a loan's row when it is written, a payment leaves the
    row stale and the comparison above fails: it can fail. And the rows are used: at the
    boundary dates some loans are current by their row, some in arrears read partly from it."""
    source, ketua, loans = template
    path = tmp_path / "stale.db"
    shutil.copy(source, path)
    services = Services.open(path, accept_older=True)
    try:
        db = services.db
        loans_positions.refill(db)
        current = behind = 0
        for as_of in DATES:
            now, late = used(db, as_of)
            current, behind = current + now, behind + late
        assert current > 0 and behind > 0
        assert_same(db, DATES, POLICIES)
        db.run("DROP TRIGGER loan_events_arrears_position")
        services.loans.payments.record_payment(
            ketua, loans[1], 3_000_000, date(2025, 1, 20), "tunai", today=LATER
        )
        with pytest.raises(AssertionError):
            assert_same(db, DATES, POLICIES)
    finally:
        services.close()


def test_a_written_loan_loses_its_row_until_the_refill(
    template: tuple[Path, User, list[int]], tmp_path: Path
) -> None:
    source, ketua, loans = template
    path = tmp_path / "refill.db"
    shutil.copy(source, path)
    services = Services.open(path, accept_older=True)
    try:
        db = services.db
        ids = "SELECT loan_id FROM arrears_positions ORDER BY loan_id"
        assert [r[0] for r in db.rows(ids)] == []
        services.loans.quality.all_arrears(date(2025, 1, 5))  # refills first
        assert [r[0] for r in db.rows(ids)] == sorted(loans)
        services.loans.payments.record_payment(
            ketua, loans[2], 900_000, date(2025, 2, 1), "tunai", today=LATER
        )
        assert [r[0] for r in db.rows(ids)] == sorted(set(loans) - {loans[2]})
        assert loans_positions.refill(db) == 1
        assert loans_positions.refill(db) == 0
        row = db.one("SELECT * FROM arrears_positions WHERE loan_id = :l", {"l": loans[2]})
        assert row is not None and row["valid_from"] == "2025-02-01"
        assert_same(db, DATES, POLICIES)
    finally:
        services.close()


def test_mufakat_check_names_a_stale_position(
    template: tuple[Path, User, list[int]], tmp_path: Path
) -> None:
    source, _, loans = template
    path = tmp_path / "check.db"
    shutil.copy(source, path)
    services = Services.open(path, accept_older=True)
    loans_positions.refill(services.db)
    services.close()
    assert check_database(path).ok
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE arrears_positions SET due_first = '2031-01-01' WHERE loan_id = ?", (loans[4],)
        )
    report = check_database(path)
    assert [p for p in report.problems if p.startswith("posisi tunggakan")] == [
        "posisi tunggakan tersimpan tidak sama dengan hitungan ulang dari transaksinya: 1"
        f" ({loans[4]})"
    ]


def test_the_schema_step_fills_an_existing_file(
    template: tuple[Path, User, list[int]], tmp_path: Path
) -> None:
    """A file from before step 0030, with its loans, gets every open loan's row when opened."""
    source, _, loans = template
    path = tmp_path / "older.db"
    shutil.copy(source, path)
    with sqlite3.connect(path) as conn:
        for table in ("loan_events", "loan_denda_charges", "loan_schedules"):
            conn.execute(f"DROP TRIGGER {table}_arrears_position")
        conn.execute("DROP TABLE arrears_positions")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0030_arrears_positions'")
    services = Services.open(path, accept_older=True)
    try:
        ids = services.db.rows("SELECT loan_id FROM arrears_positions ORDER BY loan_id")
        assert [r[0] for r in ids] == sorted(loans)
        assert loans_positions.refill(services.db) == 0
        assert_same(services.db, DATES, POLICIES)
    finally:
        services.close()
