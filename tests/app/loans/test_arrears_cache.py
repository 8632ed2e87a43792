"""The shared arrears cache (app/storage/loans_arrears_cache.py) always equals the arrears
computed afresh: random sequences of payments, reversals, waivers, collateral changes and
policy switches, read at dates on and around the class boundaries, compared after every step
with the statement run outside the cache."""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.formats import add_months
from app.loans.denda import DendaRule
from app.loans.models import CollateralDraft, LoanArrears
from app.loans.quality import koperasi_policy, quality_policy
from app.services import Services
from app.storage import loans_arrears_cache as cache
from app.storage import loans_quality_repo as quality_repo
from app.storage.backup import backup_to
from app.storage.loans_quality_repo import arrears_sql
from app.storage.restore import plan_restore, restore_from
from app.users.models import User
from tests.app.loans.loan_factory import make_loan, product
from tests.conftest import make_member, make_user, other_pengurus

FIRST_DUE = (date(2025, 1, 10), date(2025, 1, 31))
LATER = date(2030, 1, 1)


def _boundaries() -> list[date]:
    """Due days and the days around the months (3, 6, 12: koperasi) and days (90, 120, 180:
    OJK) overdue where a class changes, from either first due date."""
    days: set[date] = set()
    for first in FIRST_DUE:
        for months in (0, 1, 3, 6, 9, 12, 18):
            edge = add_months(first, months)
            days |= {edge, edge + timedelta(days=1)}
        for late in (90, 91, 120, 121, 180, 181):
            days.add(first + timedelta(days=late))
    return sorted(days)


DATES = _boundaries()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, User, list[int]]:
    """A small file with six disbursed loans (three denda rules, two anchor days, a bullet-free
    mix of tenors, collateral on one)."""
    path = tmp_path_factory.mktemp("arrears-cache") / "template.db"
    services = Services.open(path, create=True)
    try:
        ketua = make_user(services, username="ketua", full_name="Budi Santoso")
        rules = (
            DendaRule("installment", Decimal("0.1"), "day", 3, cap_rate=Decimal(10)),
            DendaRule("principal", Decimal("2.5"), "month", 5),
            DendaRule("fixed", Decimal(0), "day", 7, fixed_amount=2_500, cap=50_000),
        )
        base = product(services)
        products = [
            services.loans.products.create(
                ketua, replace(base, name=f"Uji {i}", denda_rule=rule, min_amount=1_000_000)
            )
            for i, rule in enumerate(rules)
        ]
        loans = []
        for index in range(6):
            member = make_member(
                services, ketua, name=f"Anggota {index}", nik=f"3576011403850{index + 1:03d}"
            )
            loan = make_loan(
                services,
                ketua,
                member.id,
                product_id=products[index % 3].id,
                amount=(2_000_000, 6_000_000, 12_000_000)[index % 3],
                months=(6, 12)[index % 2],
                first_due=FIRST_DUE[index % 2],
            )
            loans.append(loan.id)
        services.loans.add_collateral(
            ketua,
            loans[0],
            CollateralDraft(kind="land_mortgage", description="SHM", estimated_value=9_000_000),
        )
    finally:
        services.close()
    return path, ketua, loans


def _direct(services: Services, as_of: date) -> list[LoanArrears]:
    """The arrears computed afresh (inside a transaction the cache is never used)."""
    with services.db.atomic():
        return services.loans.quality.all_arrears(as_of)


def _direct_rows(services: Services, as_of: date) -> list[dict[str, Any]]:
    policy = services.loans.quality.policy()
    sql, rule_params, named = arrears_sql(services.db, as_of, policy)
    rows = services.db.rows(sql + "SELECT * FROM res ORDER BY loan_id", {**rule_params, **named})
    return [dict(r) for r in rows]


def _cached_rows(services: Services, as_of: date) -> list[dict[str, Any]]:
    repo = services.loans.quality.repo
    rows = repo.query(as_of, services.loans.quality.policy(), "SELECT * FROM res ORDER BY loan_id")
    return [dict(r) for r in rows]


STEP = st.one_of(
    st.tuples(
        st.just("pay"),
        st.integers(0, 5),
        st.sampled_from(("due", "half", "small", "over")),
        st.integers(0, 75),
    ),
    st.tuples(st.just("reverse"), st.integers(0, 5), st.just(""), st.integers(0, 3)),
    st.tuples(st.just("waive"), st.integers(0, 5), st.just(""), st.integers(0, 20)),
    st.tuples(st.just("collateral"), st.integers(0, 5), st.just(""), st.integers(0, 30)),
    st.tuples(
        st.just("policy"), st.just(0), st.sampled_from(("koperasi", "ojk", "missed")), st.just(0)
    ),
    st.tuples(st.just("read"), st.integers(0, len(DATES) - 1), st.just(""), st.just(0)),
)


def _apply(
    services: Services, ketua: User, loans: list[int], step: tuple[Any, ...], day: date
) -> date:
    """Do one step (a refused one changes nothing); the day the next write may use."""
    kind, index, choice, number = step
    payments = services.loans.payments
    loan_id = loans[index % len(loans)]
    try:
        if kind == "pay":
            day += timedelta(days=number)
            due = payments.preview_allocation(loan_id, 1, day).due_total
            amount = {"due": due, "half": due // 2 + 1, "small": 150_000, "over": due + 400_000}
            payments.record_payment(
                ketua, loan_id, amount[choice] or 100_000, day, "tunai", today=LATER
            )
        elif kind == "reverse":
            event = services.db.one(
                "SELECT e.id FROM loan_events e WHERE e.loan_id = :l AND e.kind = 'pembayaran'"
                " AND NOT EXISTS (SELECT 1 FROM loan_events r WHERE r.reverses_id = e.id)"
                " ORDER BY e.id DESC LIMIT 1",
                {"l": loan_id},
            )
            if event is not None:
                payments.reverse(ketua, event["id"], "Salah ketik nominal", day, today=LATER)
        elif kind == "waive":
            owed = payments.preview_allocation(loan_id, 1, day).open_before
            denda = sum(item.denda for item in owed)
            if denda:
                payments.waive(
                    ketua,
                    loan_id,
                    "denda",
                    denda // 2 + 1,
                    "Anggota sakit",
                    other_pengurus(services, ketua),
                    day,
                    today=LATER,
                )
        elif kind == "collateral":
            value = number * 1_000_000
            services.loans.add_collateral(
                ketua,
                loan_id,
                CollateralDraft(
                    kind="land_mortgage", description="SHM", estimated_value=value or 1
                ),
            )
        elif kind == "policy":
            services.settings.set(ketua, "loans.quality_policy", choice)
        else:
            services.loans.quality.all_arrears(DATES[index])  # fills the cache at that date
    except ValidationError:
        pass
    return day


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(STEP, min_size=1, max_size=14),
    watched=st.sets(st.sampled_from(DATES), min_size=1, max_size=6),
)
def test_cache_equals_recomputation(
    template: tuple[Path, User, list[int]],
    tmp_path: Path,
    steps: list[tuple[Any, ...]],
    watched: set[date],
) -> None:
    source, ketua, loans = template
    path = tmp_path / f"run-{len(list(tmp_path.iterdir()))}.db"
    shutil.copy(source, path)
    services = Services.open(path, accept_older=True)
    try:
        day = date(2025, 1, 5)
        for as_of in sorted(watched):
            services.loans.quality.all_arrears(as_of)  # filled before the writes
        for step in steps:
            day = _apply(services, ketua, loans, step, day)
            for as_of in [*sorted(watched), DATES[step[1] % len(DATES)]]:
                assert _cached_rows(services, as_of) == _direct_rows(services, as_of), (step, as_of)
                assert services.loans.quality.all_arrears(as_of) == _direct(services, as_of)
        assert cache.stats(services.db)[0] >= 1
    finally:
        services.close()


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, min_size=1, max_size=10))
def test_settled_from_the_totals_equals_summing_every_event(
    template: tuple[Path, User, list[int]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    steps: list[tuple[Any, ...]],
) -> None:
    """The two ways of the statement to what was settled by a date (the running totals less
    the events after it, read through the date indexes; or every event up to it) agree at
    every boundary date, before, among and after the payments, reversals and waivers."""
    source, ketua, loans = template
    path = tmp_path / f"paths-{len(list(tmp_path.iterdir()))}.db"
    shutil.copy(source, path)
    services = Services.open(path, accept_older=True)
    try:
        day = date(2025, 1, 5)
        for step in steps:
            day = _apply(services, ketua, loans, step, day)
        for as_of in DATES:
            found = {}
            for use in (True, False):
                monkeypatch.setattr(quality_repo, "_use_balances", lambda *_, u=use: u)
                sql = arrears_sql(services.db, as_of, services.loans.quality.policy())[0]
                assert ("aft AS" in sql) is use
                found[use] = _direct_rows(services, as_of)
            assert found[True] == found[False], as_of
    finally:
        services.close()


def test_a_payment_patches_only_its_loan(
    template: tuple[Path, User, list[int]], tmp_path: Path
) -> None:
    source, ketua, loans = template
    path = tmp_path / "one.db"
    shutil.copy(source, path)
    services = Services.open(path, accept_older=True)
    try:
        as_of = date(2025, 6, 11)
        before = services.loans.quality.all_arrears(as_of)
        assert cache.stats(services.db) == (1, 0)
        services.loans.payments.record_payment(
            ketua, loans[2], 900_000, date(2025, 6, 1), "tunai", today=LATER
        )
        after = services.loans.quality.all_arrears(as_of)
        assert cache.stats(services.db) == (1, 1)  # patched, not computed again
        assert after == _direct(services, as_of)
        changed = [a.loan_id for a, b in zip(before, after, strict=True) if a != b]
        assert changed == [loans[2]]
        services.loans.quality.all_arrears(as_of)
        assert cache.stats(services.db) == (1, 1)
    finally:
        services.close()


def test_another_connection_s_commit_is_seen(
    template: tuple[Path, User, list[int]], tmp_path: Path
) -> None:
    source, _, loans = template
    path = tmp_path / "two.db"
    shutil.copy(source, path)
    services = Services.open(path, accept_older=True)
    try:
        as_of = date(2025, 2, 11)
        first = {a.loan_id: a for a in services.loans.quality.all_arrears(as_of)}
        assert first[loans[1]].quality != "M"
        other = sqlite3.connect(path)
        other.execute("UPDATE loans SET in_court = 1 WHERE id = ?", (loans[1],))
        other.commit()
        other.close()
        again = {a.loan_id: a for a in services.loans.quality.all_arrears(as_of)}
        assert again[loans[1]].quality == "M"
        assert list(again.values()) == _direct(services, as_of)
    finally:
        services.close()


class Undo(Exception):
    pass


def test_inside_a_transaction_the_cache_is_not_used(
    template: tuple[Path, User, list[int]], tmp_path: Path
) -> None:
    source, _, loans = template
    path = tmp_path / "three.db"
    shutil.copy(source, path)
    services = Services.open(path, accept_older=True)
    try:
        as_of = date(2025, 2, 12)
        services.loans.quality.all_arrears(as_of)
        with pytest.raises(Undo), services.db.atomic():
            services.db.run("UPDATE loans SET in_court = 1 WHERE id = :l", {"l": loans[3]})
            inside = {a.loan_id: a for a in services.loans.quality.all_arrears(as_of)}
            assert inside[loans[3]].quality == "M"
            raise Undo
        after = {a.loan_id: a for a in services.loans.quality.all_arrears(as_of)}
        assert after[loans[3]].quality != "M"
        assert list(after.values()) == _direct(services, as_of)
    finally:
        services.close()


def test_every_table_the_statement_reads_is_watched(template: tuple[Path, User, list[int]]) -> None:
    source, _, _ = template
    services = Services.open(source, accept_older=True)
    try:
        tables = {
            r[0] for r in services.db.rows("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        read: set[str] = set()
        for policy in (koperasi_policy(12), quality_policy("ojk"), quality_policy("missed")):
            for loan_ids in (None, loans_of(services)):
                for as_of in (date(2024, 6, 30), date(2030, 1, 1)):  # balances used or not
                    sql, _, _ = arrears_sql(services.db, as_of, policy, loan_ids)
                    read |= set(re.findall(r"\b(?:FROM|JOIN)\s+([a-z_]+)", sql)) & tables
        # the stored positions (step 0030) never change what the statement gives: not watched
        assert read - {"arrears_positions"} == set(cache.WATCHED), read ^ set(cache.WATCHED)
    finally:
        services.close()


def loans_of(services: Services) -> list[int]:
    return [r["id"] for r in services.db.rows("SELECT id FROM loans")]


def test_a_restore_drops_what_was_kept(
    template: tuple[Path, User, list[int]], tmp_path: Path
) -> None:
    """A restore copies a backup behind the open connection (no trigger, no data_version)."""
    source, ketua, loans = template
    path = tmp_path / "four.db"
    shutil.copy(source, path)
    services = Services.open(path, accept_older=True)
    try:
        as_of = date(2025, 3, 11)
        backup = backup_to(services.db, tmp_path / "cadangan", now=datetime(2025, 3, 1, 8, 0))
        before = services.loans.quality.all_arrears(as_of)
        services.loans.payments.record_payment(
            ketua, loans[4], 2_500_000, date(2025, 3, 5), "tunai", today=LATER
        )
        paid = services.loans.quality.all_arrears(as_of)
        assert paid != before
        plan = plan_restore(services.db.path, backup.path, datetime(2025, 3, 12), services.db)
        restore_from(services.db, plan, actor="uji", now=datetime(2025, 3, 12))
        assert services.loans.quality.all_arrears(as_of) == before == _direct(services, as_of)
        # and what is written after the restore is seen again
        services.loans.payments.record_payment(
            ketua, loans[5], 1_500_000, date(2025, 3, 6), "tunai", today=LATER
        )
        after = services.loans.quality.all_arrears(as_of)
        assert after != before and after == _direct(services, as_of)
    finally:
        services.close()
