"""The loans repository takes typed drafts: what the service hands it comes back unchanged
through the loan, its schedule version and the audit trail."""

from __future__ import annotations

from datetime import date

import pytest

from app.loans.models import LoanApplication, LoanStatus
from app.loans.schedule import VersionTerms
from app.services import Services
from app.storage.loans_repo import LoansRepository
from app.users.models import User
from tests.app.loans.loan_factory import product
from tests.conftest import make_member, other_pengurus

APPLIED = date(2025, 3, 31)


@pytest.mark.parametrize(
    ("amount", "months", "grace", "first_due"),
    [
        (1_000_000, 3, 0, date(2025, 4, 30)),  # the product's smallest
        (10_000_000, 12, 0, date(2025, 4, 30)),
        (7_500_000, 24, 3, date(2025, 5, 31)),
        (50_000_000, 36, 11, date(2025, 4, 1)),  # the largest, a long grace
    ],
)
def test_application_terms_come_back_as_given(
    services: Services,
    ketua: User,
    amount: int,
    months: int,
    grace: int,
    first_due: date,
) -> None:
    p = product(services)
    member = make_member(services, ketua)
    draft = LoanApplication(
        member_id=member.id,
        product_id=p.id,
        amount=amount,
        months=months,
        first_due=first_due,
        application_date=APPLIED,
        purpose="  Modal   usaha warung ",
        principal_grace=grace,
        note=" dicatat di loket ",
    )
    loan = services.loans.apply(ketua, draft, APPLIED)
    assert (loan.status, loan.amount, loan.months, loan.principal_grace) == (
        LoanStatus.DIAJUKAN,
        amount,
        months,
        grace,
    )
    assert (loan.first_due, loan.application_date, loan.purpose, loan.note) == (
        first_due,
        APPLIED,
        "Modal usaha warung",
        "dicatat di loket",
    )
    assert (loan.monthly_rate, loan.method, loan.denda_rule, loan.alloc_order) == (
        p.monthly_rate,
        p.method,
        p.denda_rule,
        p.alloc_order,
    )
    assert (loan.alloc_mode, loan.payoff_rule, loan.admin_fee) == (
        p.alloc_mode,
        p.payoff_rule,
        p.admin_fee(amount),
    )
    repo = LoansRepository(services.db)
    assert repo.schedule_terms(loan.id, 0) == VersionTerms(
        version=0,
        effective_date=APPLIED,
        monthly_rate=p.monthly_rate,
        months=months,
        method=p.method,
        round_to=p.round_to,
        round_up=p.round_up,
        principal_grace=grace,
        first_due=first_due,
    )
    assert repo.schedule_principal(loan.id, 0) == amount
    assert sum(i.pokok for i in repo.schedule(loan.id, 0)) == amount


@pytest.mark.parametrize("approve", [True, False])
def test_decision_and_pay_out_are_stored_and_audited_as_typed(
    services: Services, ketua: User, approve: bool
) -> None:
    p = product(services)
    member = make_member(services, ketua)
    draft = LoanApplication(
        member_id=member.id,
        product_id=p.id,
        amount=5_000_000,
        months=10,
        first_due=date(2025, 5, 10),
        application_date=APPLIED,
        purpose="Renovasi dapur",
    )
    loan = services.loans.apply(ketua, draft, APPLIED)
    day = date(2025, 4, 2)
    if not approve:
        rejected = services.loans.reject(ketua, loan.id, "  Agunan kurang  ", day)
        assert (rejected.status, rejected.decided_on, rejected.decision_note) == (
            LoanStatus.DITOLAK,
            day,
            "Agunan kurang",
        )
        assert rejected.decided_by == ketua.id
        return
    approver = other_pengurus(services, ketua)  # nobody approves their own application
    services.loans.approve(approver, loan.id, "Rapat pengurus", day)
    paid = services.loans.disburse(ketua, loan.id, day, day)
    assert (paid.status, paid.disbursed_on, paid.net_disbursed) == (
        LoanStatus.AKTIF,
        day,
        5_000_000 - paid.admin_fee,
    )
    assert paid.number
    entries = {e.action: e for e in services.audit.entries("pinjaman", loan.id)}
    setujui_after = entries["setujui"].after
    assert setujui_after == {
        "status": "disetujui",
        "decided_by": approver.id,
        "decided_on": day.isoformat(),
        "decision_note": "Rapat pengurus",
    }
    setujui, cairkan = entries["setujui"], entries["cairkan"]
    assert setujui.before is not None and setujui.before["status"] == "diajukan"
    assert cairkan.after is not None and cairkan.after["number"] == paid.number
    assert cairkan.before == {
        "status": "disetujui",
        "number": None,
        "disbursed_on": None,
        "net_disbursed": None,
    }
