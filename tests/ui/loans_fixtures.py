"""Shared set-up for the Pinjaman screen tests: loans made through the services, answered
message boxes. (Not a test module: imported by tests/ui/test_loans_*.py.)"""

from __future__ import annotations

from datetime import date

import pytest

from app.formats import add_months
from app.loans.models import Loan, LoanApplication, LoanProduct
from app.services import Services
from app.users.models import Role, User
from tests.conftest import make_member, make_user, other_pengurus

TODAY = date(2026, 11, 26)


def product(services: Services, name: str = "Pinjaman Umum") -> LoanProduct:
    return next(p for p in services.loans.products.all() if p.name == name)


def disbursed_loan(
    services: Services,
    actor: User,
    member_id: int,
    start: date,
    *,
    amount: int = 6_000_000,
    months: int = 12,
    product_name: str = "Pinjaman Umum",
) -> Loan:
    """A loan applied for, approved and paid out on `start`; first instalment a month later."""
    loans = services.loans
    draft = LoanApplication(
        member_id=member_id, product_id=product(services, product_name).id, amount=amount,
        months=months, first_due=add_months(start, 1), application_date=start,
        purpose="tambahan modal warung",
    )  # fmt: skip
    loan = loans.apply(actor, draft, start)
    loans.approve(other_pengurus(services, actor), loan.id, "disetujui rapat pengurus", start)
    return loans.disburse(actor, loan.id, start, start)


def pay_installments(services: Services, actor: User, loan: Loan, count: int) -> None:
    """Pay the first `count` instalments in full on their due dates."""
    for line in services.loans.schedule(loan.id, loan.first_due)[:count]:
        services.loans.payments.record_payment(
            actor, loan.id, line.total, line.due_date, "tunai", today=line.due_date
        )


@pytest.fixture
def kasir(services: Services) -> User:
    """A clerk at the counter (Staf/Kasir): takes applications and payments, cannot approve."""
    return make_user(services, Role.STAF, "kasir", "Rina Kasir")


@pytest.fixture
def member_id(services: Services, ketua: User) -> int:
    return make_member(services, ketua, name="Siti Aminah").id


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box answered (confirmations with yes), recording (title, text)."""
    seen: list[tuple[str, str]] = []

    def record(_parent: object, title: str, text: str, *_args: object, **_kw: object) -> bool:
        seen.append((title, text))
        return True

    for name in ("inform", "warn", "confirm"):
        monkeypatch.setattr(f"ui.widgets.messages.{name}", record)
    return seen
