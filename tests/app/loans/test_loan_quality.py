"""Quality classes through real stored loans, at the boundaries of each preset, in Python (one
loan) and in SQL (every loan) alike; month-end snapshots; portfolio figures.

The loan: Rp10 juta flat 1,5 %/bulan over 10 months, first due 10 Jan 2025, nothing paid."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.errors import ValidationError
from app.loans.models import CollateralDraft, Loan
from app.services import Services
from app.users.models import User
from tests.app.loans.loan_factory import make_loan
from tests.conftest import make_member

DUE = date(2025, 1, 10)


@pytest.fixture
def loan(services: Services, ketua: User) -> Loan:
    return make_loan(services, ketua, make_member(services, ketua).id)


def _classes(services: Services, loan: Loan, as_of: date) -> tuple[str, str]:
    python = services.loans.quality.arrears(loan.id, as_of).quality
    sql = {a.loan_id: a for a in services.loans.quality.all_arrears(as_of)}[loan.id].quality
    return python, sql


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "L"),
        (1, "DPK"),
        (90, "DPK"),
        (91, "KL"),
        (120, "KL"),
        (121, "D"),
        (180, "D"),
        (181, "M"),
    ],
)
def test_ojk_days_boundaries(
    services: Services, ketua: User, loan: Loan, days: int, expected: str
) -> None:
    services.settings.set(ketua, "loans.quality_policy", "ojk")
    as_of = DUE + timedelta(days=days)
    assert services.loans.quality.arrears(loan.id, as_of).days_past_due == days
    assert _classes(services, loan, as_of) == (expected, expected)


@pytest.mark.parametrize(
    ("as_of", "missed", "expected"),
    [
        (date(2025, 1, 10), 0, "L"),
        (date(2025, 1, 11), 1, "KL"),
        (date(2025, 4, 10), 3, "KL"),  # Jan, Feb, Mar late; April's is due today, not late
        (date(2025, 4, 11), 4, "D"),
        (date(2025, 7, 10), 6, "D"),
        (date(2025, 7, 11), 7, "M"),
    ],
)
def test_missed_instalments_boundaries(
    services: Services, ketua: User, loan: Loan, as_of: date, missed: int, expected: str
) -> None:
    services.settings.set(ketua, "loans.quality_policy", "missed")
    assert services.loans.quality.arrears(loan.id, as_of).installments_missed == missed
    assert _classes(services, loan, as_of) == (expected, expected)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2025, 4, 10), "L"),  # exactly 3 months of principal arrears
        (date(2025, 4, 11), "KL"),
        (date(2025, 7, 10), "KL"),  # exactly 6 months
        (date(2025, 7, 11), "M"),  # beyond 6 months and no collateral at all
    ],
)
def test_koperasi_months_boundaries(
    services: Services, loan: Loan, as_of: date, expected: str
) -> None:
    assert _classes(services, loan, as_of) == (expected, expected)


@pytest.mark.parametrize(("value", "expected"), [(8_287_500, "D"), (8_287_499, "M")])
def test_koperasi_collateral_cover_decides_d_or_m(
    services: Services, ketua: User, loan: Loan, value: int, expected: str
) -> None:
    # On 11 Jul: 10.000.000 pokok + 7 × 150.000 jasa in arrears = 11.050.000; 75 % = 8.287.500.
    services.loans.add_collateral(
        ketua,
        loan.id,
        CollateralDraft(kind="vehicle_fiducia", description="BPKB", estimated_value=value),
    )
    as_of = date(2025, 7, 11)
    arrears = services.loans.quality.arrears(loan.id, as_of)
    assert arrears.outstanding + arrears.arrears_jasa == 11_050_000
    assert arrears.months_principal_arrears > 6
    assert _classes(services, loan, as_of) == (expected, expected)


def test_koperasi_macet_after_months_in_diragukan_without_payment(
    services: Services, ketua: User, loan: Loan
) -> None:
    services.loans.add_collateral(
        ketua,
        loan.id,
        CollateralDraft(kind="land_mortgage", description="SHM", estimated_value=100_000_000),
    )
    # Diragukan from 11 Jul 2025 (beyond 6 months); twelve complete months on 11 Jul 2026.
    assert _classes(services, loan, date(2026, 7, 10)) == ("D", "D")
    assert _classes(services, loan, date(2026, 7, 11)) == ("M", "M")
    services.settings.set(ketua, "loans.macet_after_months", 21)
    assert _classes(services, loan, date(2026, 7, 11)) == ("D", "D")
    services.settings.set(ketua, "loans.macet_after_months", 12)
    # A small payment restarts the count.
    services.loans.payments.record_payment(
        ketua, loan.id, 100_000, date(2026, 3, 1), "tunai", today=date(2026, 3, 1)
    )
    assert _classes(services, loan, date(2026, 7, 11)) == ("D", "D")
    assert _classes(services, loan, date(2027, 3, 1)) == ("D", "D")
    assert _classes(services, loan, date(2027, 3, 2)) == ("M", "M")


@pytest.mark.parametrize(("days", "expected"), [(30, "KL"), (31, "D"), (60, "D"), (61, "M")])
def test_custom_table(
    services: Services, ketua: User, loan: Loan, days: int, expected: str
) -> None:
    services.settings.set(ketua, "loans.quality_policy", "custom")
    services.settings.set(ketua, "loans.custom_quality_limits", "0:L,30:KL,60:D")
    assert services.loans.quality.policy().key == "custom"
    assert _classes(services, loan, DUE + timedelta(days=days)) == (expected, expected)


def test_month_end_snapshot_refuses_a_silent_rerun(
    services: Services, ketua: User, loan: Loan
) -> None:
    as_of = date(2025, 4, 30)
    run = services.loans.quality.month_end(ketua, as_of)
    assert (run.run_no, run.loan_count, run.total_outstanding) == (1, 1, 10_000_000)
    assert run.npl_ratio == 100
    stored = services.loans.quality.snapshot(run.id)
    assert stored == services.loans.quality.all_arrears(as_of)
    assert stored[0].quality == "KL" and stored[0].days_past_due == 110
    with pytest.raises(ValidationError):
        services.loans.quality.month_end(ketua, as_of)
    services.settings.set(ketua, "loans.quality_policy", "ojk")
    again = services.loans.quality.month_end(ketua, as_of, rerun=True)
    assert again.run_no == 2 and again.policy_key == "ojk"
    history = services.loans.quality.class_history(loan.id)
    assert [(h.as_of, h.quality) for h in history] == [(as_of, "KL")]
    assert "OJK" in history[0].policy_name
    assert len(services.loans.quality.runs()) == 2
    with pytest.raises(Exception):  # noqa: B017 - the snapshot table is append-only
        services.db.execute("DELETE FROM loan_quality_snapshots")


def test_portfolio_of_a_small_hand_made_portfolio(services: Services, ketua: User) -> None:
    services.settings.set(ketua, "loans.quality_policy", "ojk")
    as_of = date(2025, 6, 30)
    members = [
        make_member(services, ketua, name=f"Anggota {i}", nik=f"35760114038500{i:02d}")
        for i in (1, 2, 3)
    ]
    current = make_loan(services, ketua, members[0].id, first_due=date(2025, 7, 10))
    late = make_loan(services, ketua, members[1].id, first_due=as_of - timedelta(days=100))
    bad = make_loan(services, ketua, members[2].id, first_due=as_of - timedelta(days=200))
    services.loans.add_collateral(
        ketua,
        late.id,
        CollateralDraft(kind="vehicle_fiducia", description="BPKB", estimated_value=6_000_000),
    )
    services.loans.add_collateral(
        ketua,
        current.id,
        CollateralDraft(kind="cash", description="Deposito", estimated_value=10_000_000),
    )
    services.loans.portfolio.book_allowance(ketua, date(2024, 12, 31), 5_000_000, "Tutup buku")
    summary = services.loans.portfolio.summary(as_of)
    assert summary.loan_count == 3 and summary.total_outstanding == 30_000_000
    assert summary.outstanding_by_class == {
        "L": 10_000_000,
        "DPK": 0,
        "KL": 10_000_000,
        "D": 0,
        "M": 10_000_000,
    }
    assert summary.npl_ratio == Decimal(20_000_000) * 100 / Decimal(30_000_000)
    assert summary.health_band == "Tidak Sehat"
    assert summary.ageing["91–180 hari"] == 10_000_000
    assert summary.ageing["> 180 hari"] == 10_000_000
    assert summary.ageing["1–30 hari"] == 0
    # BPR-style: L 0,5 % (no deduction for Lancar); KL 10 % of (10 juta − 50 % of 6 juta);
    # M 100 %.
    assert summary.allowance_by_class["L"] == 50_000
    assert summary.allowance_by_class["KL"] == 700_000
    assert summary.allowance_by_class["M"] == 10_000_000
    assert summary.allowance_required == 10_750_000
    assert (summary.allowance_booked, summary.allowance_booked_on) == (
        5_000_000,
        date(2024, 12, 31),
    )
    assert summary.allowance_adjustment == 5_750_000
    assert "BPR" in summary.allowance_policy_name and "OJK" in summary.policy_name
    services.settings.set(ketua, "loans.allowance_policy", "permen")
    permen = services.loans.portfolio.summary(as_of)
    assert permen.allowance_required == 5_000_000 + 10_000_000
    assert "14/2009" in permen.allowance_policy_name
    # Loans not yet disbursed by a date are not in that date's portfolio.
    assert services.loans.portfolio.summary(date(2024, 1, 1)).loan_count == 0
    assert bad.id in {a.loan_id for a in services.loans.quality.all_arrears(as_of)}
