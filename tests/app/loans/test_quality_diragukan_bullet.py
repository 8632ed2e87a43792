"""Koperasi preset, issue 10 items 3 and 4, in Python (one loan) and SQL (every loan) alike:
Diragukan becomes Macet after twelve COMPLETE months in Diragukan (§4a), for due days at
month ends too; a loan whose principal all falls in its last instalment is classified by the
bullet rule (§5), not the monthly one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.formats import add_months
from app.loans.models import CollateralDraft, Loan, LoanApplication
from app.loans.position import is_bullet, months_in_diragukan
from app.services import Services
from app.users.models import User
from tests.app.loans.loan_factory import product
from tests.conftest import make_member, other_pengurus

LATER = date(2031, 1, 1)


def _loan(services: Services, ketua: User, first_due: date, grace: int = 0) -> Loan:
    applied = first_due - timedelta(days=40)
    draft = LoanApplication(
        member_id=make_member(services, ketua).id,
        product_id=product(services).id,
        amount=10_000_000,
        months=12,
        first_due=first_due,
        application_date=applied,
        purpose="Modal usaha",
        principal_grace=grace,
    )
    loan = services.loans.apply(ketua, draft, applied)
    approver = other_pengurus(services, ketua)  # nobody approves their own application
    loan = services.loans.approve(approver, loan.id, "Disetujui rapat pengurus", applied)
    on = first_due - timedelta(days=30)
    loan = services.loans.disburse(ketua, loan.id, on, on)
    services.loans.add_collateral(
        ketua,
        loan.id,
        CollateralDraft(kind="land_mortgage", description="SHM", estimated_value=200_000_000),
    )
    return loan


def _classes(services: Services, loan: Loan, as_of: date) -> tuple[str, str]:
    python = services.loans.quality.arrears(loan.id, as_of).quality
    sql = {a.loan_id: a for a in services.loans.quality.all_arrears(as_of)}[loan.id].quality
    return python, sql


def _plus(day: date, months: int) -> date:
    return add_months(day, months, anchor_day=day.day)


@pytest.mark.parametrize(
    "first_due",
    [date(2026, 2, 5), date(2026, 1, 31), date(2026, 2, 28), date(2026, 8, 31), date(2025, 12, 30)],
)
def test_macet_after_twelve_complete_months_in_diragukan(
    services: Services, ketua: User, first_due: date
) -> None:
    loan = _loan(services, ketua, first_due)
    in_d = _plus(first_due, 6) + timedelta(days=1)
    macet = _plus(in_d, 12)
    assert _classes(services, loan, in_d - timedelta(days=1)) == ("KL", "KL")
    assert _classes(services, loan, in_d) == ("D", "D")
    assert _classes(services, loan, macet - timedelta(days=1)) == ("D", "D")
    assert _classes(services, loan, macet) == ("M", "M")


def test_issue_example_dates() -> None:
    # Oldest due 5 Feb 2026: Diragukan from 6 Aug 2026, Macet from 6 Aug 2027.
    due = date(2026, 2, 5)
    assert months_in_diragukan(due, due, None, date(2027, 8, 5)) == 11
    assert months_in_diragukan(due, due, None, date(2027, 8, 6)) == 12
    # A payment on 1 Mar 2027 restarts the count from the next day.
    paid = date(2027, 3, 1)
    assert months_in_diragukan(due, due, paid, date(2028, 3, 1)) == 11
    assert months_in_diragukan(due, due, paid, date(2028, 3, 2)) == 12


def test_is_bullet_only_when_every_earlier_instalment_is_interest_only(
    services: Services, ketua: User
) -> None:
    due = date(2026, 1, 10)
    for grace, expected in ((11, True), (10, False), (0, False)):
        loan = _loan(services, ketua, due, grace)
        lines = services.loans.schedule(loan.id, due)
        assert is_bullet(lines) is expected, grace


def test_bullet_loan_classified_by_the_bullet_rule(services: Services, ketua: User) -> None:
    first = date(2026, 1, 10)
    loan = _loan(services, ketua, first, grace=11)
    lines = services.loans.schedule(loan.id, first)
    assert [ln.pokok for ln in lines[:-1]] == [0] * 11 and lines[-1].pokok == 10_000_000
    for line in lines[:-1]:  # the jasa of every month paid on time
        services.loans.payments.record_payment(
            ketua, loan.id, line.jasa, line.due_date, "tunai", today=LATER
        )
    maturity = lines[-1].due_date
    assert _classes(services, loan, maturity) == ("L", "L")
    # Due and unpaid: Kurang Lancar at once (the monthly rule would say Lancar for 3 months).
    assert _classes(services, loan, maturity + timedelta(days=1)) == ("KL", "KL")
    assert _classes(services, loan, _plus(maturity, 3)) == ("KL", "KL")
    in_d = _plus(maturity, 3) + timedelta(days=1)
    assert _classes(services, loan, in_d) == ("D", "D")
    assert _classes(services, loan, _plus(in_d, 12) - timedelta(days=1)) == ("D", "D")
    assert _classes(services, loan, _plus(in_d, 12)) == ("M", "M")


def test_bullet_interest_arrears_limits(services: Services, ketua: User) -> None:
    # Nothing paid on a bullet loan: interest arrears decide before maturity (3 / 6 months).
    first = date(2026, 1, 10)
    loan = _loan(services, ketua, first, grace=11)
    assert _classes(services, loan, _plus(first, 3)) == ("L", "L")
    assert _classes(services, loan, _plus(first, 3) + timedelta(days=1)) == ("KL", "KL")
    assert _classes(services, loan, _plus(first, 6)) == ("KL", "KL")
    assert _classes(services, loan, _plus(first, 6) + timedelta(days=1)) == ("D", "D")
