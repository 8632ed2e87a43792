"""The preview before an amount is typed (what the payment dialog shows first) and the payment
method as an enum: domain rules, not the dialog's."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import ValidationError
from app.loans.models import Loan, PaymentMethod
from app.services import Services
from app.users.models import User
from tests.app.loans.loan_factory import make_loan
from tests.conftest import make_member

DUE = date(2025, 1, 10)
LATER = date(2026, 12, 31)


@pytest.fixture
def loan(services: Services, ketua: User) -> Loan:
    return make_loan(services, ketua, make_member(services, ketua).id)


@pytest.mark.parametrize("days", [-30, -1, 0, 3, 4, 31, 62, 400])
def test_nothing_typed_shows_what_is_due_and_allocates_nothing(
    services: Services, loan: Loan, days: int
) -> None:
    on = DUE + timedelta(days=days)
    payments = services.loans.payments
    empty = payments.preview_nothing_typed(loan.id, on)
    typed = payments.preview_allocation(loan.id, 1, on)
    assert empty.open_before == typed.open_before  # the same instalments, denda as of `on`
    assert empty.due_total == typed.due_total
    assert (empty.amount, empty.advance, empty.closes_loan, empty.warnings) == (0, 0, False, ())
    assert empty.allocation.lines == () and empty.allocation.advance == 0
    assert empty.titipan_used == payments.titipan(loan.id, on) == 0
    assert (empty.on, empty.loan_id) == (on, loan.id)
    assert bool(empty.open_before) == (days >= 0)


def test_nothing_typed_counts_the_titipan_held(services: Services, ketua: User, loan: Loan) -> None:
    whole = 10 * 1_150_000  # every instalment, pokok and jasa, on its first due date
    paid = services.loans.payments.record_payment(
        ketua, loan.id, whole + 25_000, DUE, PaymentMethod.TUNAI, today=LATER
    )
    assert paid.titipan == 25_000
    empty = services.loans.payments.preview_nothing_typed(loan.id, DUE)
    assert empty.titipan_used == 25_000
    assert empty.open_before == ()


@pytest.mark.parametrize("method", [m for m in PaymentMethod if m.offered])
def test_every_payment_method_is_taken_and_stored_as_its_value(
    services: Services, ketua: User, loan: Loan, method: PaymentMethod
) -> None:
    """Every method a form offers (the program's own transfer methods: see
    tests/app/ledger/test_replacement_payoff.py)."""
    paid = services.loans.payments.record_payment(ketua, loan.id, 100_000, DUE, method, today=LATER)
    assert paid.method == method.value
    assert PaymentMethod(paid.method) is method


@pytest.mark.parametrize("method", ["", "cash", "TUNAI", "simpanan_sukarela"])
def test_a_method_outside_the_enum_is_refused_and_nothing_written(
    services: Services, ketua: User, loan: Loan, method: str
) -> None:
    before = services.loans.payments.events(loan.id)
    with pytest.raises(ValidationError) as raised:
        services.loans.payments.record_payment(ketua, loan.id, 100_000, DUE, method, today=LATER)
    assert raised.value.field == "method"
    assert services.loans.payments.events(loan.id) == before
