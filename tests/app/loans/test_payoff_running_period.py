"""Early payoff charges the jasa of the running period (the one containing the payoff date)
only while that instalment is unpaid (§4a): across payoff dates in every period, instalments
paid ahead and the three payoff rules. The loan of issue 10: Rp6.000.000 over 12 months flat
1,5 % (Rp500.000 pokok + Rp90.000 jasa a month), first due 05-02-2026."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.formats import add_months
from app.loans.models import LoanStatus
from app.services import Services
from app.users.models import User
from tests.app.loans.loan_factory import make_loan, product
from tests.conftest import make_member

FIRST = date(2026, 2, 5)
LATER = date(2028, 12, 31)
JASA = 90_000
POKOK = 500_000


def _due(n: int) -> date:
    return add_months(FIRST, n - 1, anchor_day=FIRST.day)


def _loan(services: Services, ketua: User, rule: str):  # type: ignore[no-untyped-def]
    base = product(services)
    name = f"Uji pelunasan {rule}"
    found = [p for p in services.loans.products.all() if p.name == name]
    custom = (
        found[0]
        if found
        else services.loans.products.create(ketua, replace(base, name=name, payoff_rule=rule))
    )
    member = make_member(services, ketua)
    return make_loan(
        services,
        ketua,
        member.id,
        amount=6_000_000,
        months=12,
        first_due=FIRST,
        product_id=custom.id,
    )


def _expected_jasa(rule: str, running: int, paid: int, on_due: bool) -> int:
    """Jasa a payoff charges when instalments 1..paid are paid and the payoff date lies in the
    period of instalment `running` (on its due date when on_due)."""
    if rule == "all":
        return JASA * (12 - paid)
    if paid >= running:
        return 0  # the running instalment is already paid (ahead): nothing more
    if rule == "current" or on_due:
        return JASA
    return 0


def test_issue_example(services: Services, ketua: User) -> None:
    loan = _loan(services, ketua, "current")
    pay = services.loans.payments.record_payment
    pay(ketua, loan.id, 590_000, date(2026, 2, 5), "tunai", today=LATER)
    pay(ketua, loan.id, 590_000, date(2026, 3, 5), "tunai", today=LATER)
    pay(ketua, loan.id, 1_180_000, date(2026, 4, 5), "tunai", today=LATER)
    quote = services.loans.payments.payoff_quote(loan.id, date(2026, 4, 20))
    assert (quote.pokok, quote.jasa, quote.denda) == (2_000_000 * 2, 0, 0)
    assert quote.total == 4_000_000
    assert quote.jasa_not_charged == 8 * JASA
    payment = services.loans.payments.pay_off(
        ketua, loan.id, date(2026, 4, 20), "tunai", today=LATER
    )
    assert payment.amount == 4_000_000
    assert services.loans.get(loan.id).status == LoanStatus.LUNAS


@pytest.mark.parametrize("rule", ["current", "due", "all"])
def test_running_period_across_periods_and_paid_ahead(
    services: Services, ketua: User, rule: str
) -> None:
    pay = services.loans.payments.record_payment
    for running in (1, 2, 7, 12):
        for ahead in (0, 1, 2):
            paid = running - 1 + ahead
            if paid >= 12:
                continue  # nothing left to pay off
            loan = _loan(services, ketua, rule)
            day = _due(running - 1) if running > 1 else FIRST - timedelta(days=20)
            for n in range(1, running):
                pay(ketua, loan.id, POKOK + JASA, _due(n), "tunai", today=LATER)
            if ahead:
                pay(ketua, loan.id, (POKOK + JASA) * ahead, day, "tunai", today=LATER)
            for on, on_due in ((_due(running) - timedelta(days=10), False), (_due(running), True)):
                if on < day:
                    continue
                quote = services.loans.payments.payoff_quote(loan.id, on)
                expected = _expected_jasa(rule, running, paid, on_due)
                assert (quote.pokok, quote.jasa, quote.denda) == (
                    POKOK * (12 - paid),
                    expected,
                    0,
                ), (rule, running, ahead, on)
                assert quote.jasa_not_charged == JASA * (12 - paid) - expected
