"""Problem-loan fixtures: the cooperative's people and a disbursed loan that falls behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from app.loans.models import Loan, LoanApplication
from app.members.models import Member
from app.services import Services
from app.users.models import Role, User
from tests.conftest import make_member, make_user

TODAY = date(2026, 11, 26)


@dataclass(frozen=True)
class People:
    ketua: User  # the Ketua (a role of its own)
    bendahara: User  # a second Pengurus
    manajer: User
    staf: User
    pengawas: User


@pytest.fixture
def people(services: Services) -> People:
    return People(
        ketua=make_user(services, Role.KETUA, "ketua", "Budi Santoso"),
        bendahara=make_user(services, Role.PENGURUS, "bendahara", "Hj. Siti Maimunah"),
        manajer=make_user(services, Role.MANAJER, "manajer", "Sri Wahyuningsih"),
        staf=make_user(services, Role.STAF, "staf", "Agus Prasetyo"),
        pengawas=make_user(services, Role.PENGAWAS, "pengawas", "Drs. Bambang Sutrisno"),
    )


def product_id(services: Services, name: str = "Pinjaman Umum") -> int:
    return next(p.id for p in services.loans.products.all() if p.name == name)


def make_loan(
    services: Services,
    people: People,
    member: Member,
    *,
    amount: int = 6_000_000,
    months: int = 12,
    disbursed: date = date(2026, 1, 5),
    first_due: date = date(2026, 2, 5),
    product: str = "Pinjaman Umum",
) -> Loan:
    """A loan applied for, approved and disbursed on `disbursed` (nothing paid yet)."""
    draft = LoanApplication(
        member_id=member.id,
        product_id=product_id(services, product),
        amount=amount,
        months=months,
        first_due=first_due,
        application_date=disbursed,
        purpose="Modal warung",
    )
    loan = services.loans.apply(people.manajer, draft, today=disbursed)
    services.loans.approve(people.ketua, loan.id, "Layak", today=disbursed)
    return services.loans.disburse(people.manajer, loan.id, disbursed, today=disbursed)


def pay(services: Services, people: People, loan: Loan, amount: int, on: date) -> None:
    services.loans.payments.record_payment(people.staf, loan.id, amount, on, "tunai", today=on)


@pytest.fixture
def member(services: Services, people: People) -> Member:
    return make_member(services, people.manajer)
