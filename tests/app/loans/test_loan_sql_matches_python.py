"""The SQL that classifies every loan at once agrees with the per-loan Python position, on
random loans (every method, several denda rules) with random histories, at many dates."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.errors import ValidationError
from app.loans.denda import DendaRule
from app.loans.models import CollateralDraft, LoanProduct
from app.services import Services
from app.users.models import User
from tests.app.loans.loan_factory import make_loan, product
from tests.conftest import make_member

RULES = (
    DendaRule("installment", Decimal("0.1"), "day", 3, cap_rate=Decimal(10)),
    DendaRule("principal", Decimal("0.15"), "day", 0, cap=75_000),
    DendaRule("installment", Decimal("2.5"), "month", 5),
    DendaRule("fixed", Decimal(0), "day", 7, fixed_amount=2_500, cap=50_000),
    DendaRule("installment", Decimal("0.125"), "day", 1, cap=40_000, cap_rate=Decimal("7.5")),
)
LATER = date(2030, 1, 1)


def _products(services: Services, ketua: User) -> list[LoanProduct]:
    bases = [product(services, n) for n in ("Pinjaman Umum", "Pinjaman Usaha", "Pinjaman Anuitas")]
    made = []
    for index, rule in enumerate(RULES):
        base = bases[index % 3]
        made.append(
            services.loans.products.create(
                ketua,
                replace(
                    base,
                    name=f"Uji {index}",
                    denda_rule=rule,
                    min_amount=1_000_000,
                    alloc_mode="per_component" if index == 2 else "per_installment",
                    alloc_order=("jasa", "pokok", "denda") if index == 4 else base.alloc_order,
                ),
            )
        )
    return made


def _history(services: Services, ketua: User, loan_id: int, rng: random.Random) -> None:
    day = date(2024, 12, 1) + timedelta(days=rng.randint(0, 60))
    payments = services.loans.payments
    last = None
    for _ in range(rng.randint(0, 12)):
        day += timedelta(days=rng.randint(5, 70))
        try:
            due = payments.preview_allocation(loan_id, 1, day).due_total
            amount = rng.choice((due, due // 2 + 1, 500_000, 1_300_000, due + 250_000)) or 100_000
            last = payments.record_payment(ketua, loan_id, amount, day, "tunai", today=LATER)
            if rng.random() < 0.1:
                payments.reverse(ketua, last.id, "Salah ketik nominal", day, today=LATER)
            if rng.random() < 0.1:
                owed = payments.preview_allocation(loan_id, 1, day).open_before
                denda = sum(item.denda for item in owed)
                if denda:
                    payments.waive(
                        ketua,
                        loan_id,
                        "denda",
                        denda // 2 + 1,
                        "Anggota sakit",
                        ketua,
                        day,
                        today=LATER,
                    )
        except ValidationError:
            break  # the loan is paid off


@pytest.mark.parametrize("policy", ["koperasi", "ojk", "missed"])
def test_sql_and_python_agree(services: Services, ketua: User, policy: str) -> None:
    services.settings.set(ketua, "loans.quality_policy", policy)
    rng = random.Random(20250)
    products = _products(services, ketua)
    loans = []
    for index in range(24):
        member = make_member(
            services, ketua, name=f"Anggota {index}", nik=f"3576011403850{index + 1:03d}"
        )
        chosen = products[index % len(products)]
        loan = make_loan(
            services,
            ketua,
            member.id,
            product_id=chosen.id,
            amount=rng.choice((1_000_000, 2_750_000, 10_000_000, 33_333_000)),
            months=rng.choice((6, 12, 18)),
            first_due=date(2025, 1, 1) + timedelta(days=rng.randint(0, 90)),
        )
        if index % 4 == 0:
            services.loans.add_collateral(
                ketua,
                loan.id,
                CollateralDraft(
                    kind="land_mortgage",
                    description="SHM",
                    estimated_value=rng.choice((5_000_000, 30_000_000)),
                ),
            )
        _history(services, ketua, loan.id, rng)
        loans.append(loan)
    dates = [
        date(2025, 1, 31),
        date(2025, 3, 15),
        date(2025, 6, 30),
        date(2025, 10, 1),
        date(2026, 2, 28),
        date(2026, 12, 31),
        date(2027, 7, 31),
    ]
    compared, seen = 0, set()
    for as_of in dates:
        by_sql = {a.loan_id: a for a in services.loans.quality.all_arrears(as_of)}
        for loan in loans:
            status = services.loans.get(loan.id)
            assert status.disbursed_on is not None
            gone = status.closed_on is not None and status.closed_on <= as_of
            if gone or status.disbursed_on > as_of:
                assert loan.id not in by_sql
                continue
            assert by_sql[loan.id] == services.loans.quality.arrears(loan.id, as_of), (
                loan.id,
                as_of,
            )
            compared += 1
            found = by_sql[loan.id]
            seen |= {
                found.quality,
                "denda" if found.arrears_denda else "",
                "paid" if found.outstanding < loan.amount else "",
                "late" if found.days_past_due else "",
            }
    assert compared > 100
    # The histories are varied enough to mean something.
    assert {"denda", "paid", "late", "L"} <= seen and len(seen & {"KL", "D", "M", "DPK"}) >= 2
    assert any(services.loans.get(loan.id).closed_on for loan in loans)
