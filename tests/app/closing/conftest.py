"""The book year 2025 of three members used by the SHU tests: savings from December 2024 and
July 2025, one member who left at the end of March, a loan with jasa paid in January, income of
Rp4.200.003 and expense of Rp1.000.000 in 2025 (and journals in 2024 and 2026 that must not
count).

The 2025 journals, worked out by hand (every money event posts its own journal):
- 10-01-2025 angsuran Rp1.200.000 = pokok 1.000.000 + jasa 200.000 (10 juta, 10 bulan):
  Cr 4101 jasa 200.000 → income;
- 30-06-2025 giro Cr 4201 4.000.003 → income;
- 01-08-2025 ATK Dr 5203 1.000.000 → expense.
Income 200.000 + 4.000.003 = 4.200.003; expense 1.000.000; SHU 3.200.003. Not in 2025: the
loan's admin fee Rp100.000 (Cr 4102, booked at disbursement on 11-12-2024), the giro of
Rp5.000 on 31-12-2024 and the ATK of Rp7.000 on 02-01-2026."""

from __future__ import annotations

from datetime import date

import pytest

from app.ledger.models import Line
from app.members.models import MemberStatus
from app.savings.models import SavingsKind
from app.services import Services
from tests.app.ledger.ledger_fixtures import books
from tests.app.loans.loan_factory import make_loan
from tests.conftest import make_member

TODAY = date(2026, 11, 26)


@pytest.fixture
def year(services: Services) -> dict[str, int]:
    bk = books(services, loans=0)
    a = bk.member_id
    b = make_member(services, bk.admin, name="Bambang", serial=2).id
    c = make_member(services, bk.admin, name="Citra", serial=3).id
    dep = services.savings.deposit
    dep(bk.admin, a, SavingsKind.POKOK, 100_000, date(2024, 12, 1), today=TODAY)
    dep(bk.admin, a, SavingsKind.WAJIB, 900_000, date(2024, 12, 1), today=TODAY)
    dep(bk.admin, b, SavingsKind.WAJIB, 3_000_000, date(2025, 7, 1), today=TODAY)
    dep(bk.admin, c, SavingsKind.POKOK, 2_000_000, date(2024, 12, 1), today=TODAY)
    dep(bk.admin, c, SavingsKind.SUKARELA, 9_000_000, date(2024, 12, 1), today=TODAY)
    services.members.change_status(
        bk.admin, c, MemberStatus.KELUAR, date(2025, 3, 31), "pindah kota", today=TODAY
    )
    loan = make_loan(services, bk.admin, a, first_due=date(2025, 1, 10))
    services.loans.payments.record_payment(
        bk.admin, loan.id, 1_200_000, date(2025, 1, 10), "tunai", today=TODAY
    )
    submit = bk.manual.submit
    submit(bk.admin, date(2024, 12, 31), "Giro", [Line("1101", 5_000), Line("4201", 0, 5_000)])
    submit(
        bk.admin, date(2025, 6, 30), "Giro", [Line("1101", 4_000_003), Line("4201", 0, 4_000_003)]
    )
    submit(bk.admin, date(2025, 8, 1), "ATK", [Line("5203", 1_000_000), Line("1101", 0, 1_000_000)])
    submit(bk.admin, date(2026, 1, 2), "ATK", [Line("5203", 7_000), Line("1101", 0, 7_000)])
    return {"a": a, "b": b, "c": c}
