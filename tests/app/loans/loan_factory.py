"""Helpers for the loan service tests: a disbursed loan in one call."""

from __future__ import annotations

from datetime import date, timedelta

from app.loans.models import Loan, LoanApplication, LoanProduct
from app.services import Services
from app.users.models import User
from tests.conftest import other_pengurus


def product(services: Services, name: str = "Pinjaman Umum") -> LoanProduct:
    return next(p for p in services.loans.products.all() if p.name == name)


def make_loan(
    services: Services,
    actor: User,
    member_id: int,
    *,
    amount: int = 10_000_000,
    months: int = 10,
    first_due: date = date(2025, 1, 10),
    product_name: str = "Pinjaman Umum",
    product_id: int | None = None,
    disburse: bool = True,
) -> Loan:
    """Apply, approve and (by default) disburse a loan a month before its first due date."""
    applied = first_due - timedelta(days=40)
    pid = product_id if product_id is not None else product(services, product_name).id
    draft = LoanApplication(
        member_id=member_id,
        product_id=pid,
        amount=amount,
        months=months,
        first_due=first_due,
        application_date=applied,
        purpose="Tambahan modal usaha",
    )
    loan = services.loans.apply(actor, draft, applied)
    approver = other_pengurus(services, actor)  # nobody approves their own application
    loan = services.loans.approve(approver, loan.id, "Disetujui rapat pengurus", applied)
    if disburse:
        on = first_due - timedelta(days=30)
        loan = services.loans.disburse(actor, loan.id, on, on)
    return loan
