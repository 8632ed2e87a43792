"""Outside review of akrual Lancar (LEDGER.md §2.1 and §2.2): figures worked by hand, through the
real month-end job on a real SQLite file.

Flat loan (preset Pinjaman Umum, 1,5 % a month): 10.000.000 over 10 months, due on the 10th from
10-01-2025 → instalment 1.000.000 pokok + 10.000.000 × 1,5 % = 150.000 jasa.
Annuity loan (preset Pinjaman Anuitas, 1,25 % a month): 10.000.000 over 12 months from 10-01-2025:
A = 10.000.000 × 0,0125 / (1 − 1,0125^−12) = 902.583,12, the preset rounds UP to Rp100 →
902.600 (DOMAIN §4: the instalment rounded to the product's multiple);
jasa 1 = 10.000.000 × 0,0125 = 125.000 (pokok 777.600, left 9.222.400);
jasa 2 = 9.222.400 × 0,0125 = 115.280 (pokok 787.320, left 8.435.080);
jasa 3 = 8.435.080 × 0,0125 = 105.438,5 → half-up 105.439 (pokok 797.161).
Month end, Lancar: Dr 1109 / Cr 4101 the jasa due and unpaid less what is already accrued.
A payment: Cr 1109 up to the accrued jasa, the rest of the jasa Cr 4101 (LEDGER §2.2 "Angsuran
(akrual)"). Downgrade to KL (koperasi preset: more than 3 months in arrears): Dr 4101 / Cr 1109
all accrued, then cash basis."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.ledger import events as ev
from app.services import Services
from app.storage.check import check_database
from app.users.models import User
from tests.app.loans.loan_factory import make_loan
from tests.conftest import admin_user, make_member

TODAY = date(2026, 11, 26)
JAN, FEB, MAR, APR = date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31), date(2025, 4, 30)


@pytest.fixture
def akrual(db_path: Path) -> Iterator[Services]:
    services = Services.open(db_path, create=True)
    services.settings.set(admin_user(services), "books.jasa_basis", "akrual_lancar")
    services.close()
    services = Services.open(db_path)
    yield services
    services.close()


def _accrual(services: Services, source: str, on: date) -> list[tuple[str, int, int]]:
    return [(r.account, r.debit, r.credit) for r in services.ledger.search(on, on, source=source)]


def _payment(
    services: Services, admin: User, loan_id: int, amount: int, on: date
) -> tuple[ev.InstalmentPayment, list[tuple[str, int, int]]]:
    p = services.loans.payments.record_payment(admin, loan_id, amount, on, "tunai", today=TODAY)
    event = ev.InstalmentPayment(
        source_id=p.id, on=on, loan_id=loan_id, pokok=p.pokok, jasa=p.jasa, denda=p.denda
    )
    journal = services.ledger.journal_of(event)
    assert journal is not None
    return event, sorted((x.account, x.debit, x.credit) for x in journal.lines)


def test_flat_accrual_then_a_payment_clears_it_and_pays_ahead_as_income(akrual: Services) -> None:
    admin = admin_user(akrual)
    loan = make_loan(akrual, admin, make_member(akrual, admin).id)
    akrual.loans.quality.month_end(admin, JAN)  # 10-01 unpaid: 150.000 due
    assert _accrual(akrual, "akrual", JAN) == [("1109", 150_000, 0), ("4101", 0, 150_000)]
    # 05-02: the arrears (instalment 1 + its denda) plus the whole of instalment 2 ahead:
    # jasa 300.000 = 150.000 accrued (Cr 1109) + 150.000 not yet due (Cr 4101)
    owed = akrual.loans.quality.arrears(loan.id, date(2025, 2, 5)).arrears_total
    paid, lines = _payment(akrual, admin, loan.id, owed + 1_150_000, date(2025, 2, 5))
    assert (paid.pokok, paid.jasa) == (2_000_000, 300_000)
    want = [
        ("1101", owed + 1_150_000, 0),
        ("1105", 0, 2_000_000),
        ("1109", 0, 150_000),
        ("4101", 0, 150_000),
    ]
    if paid.denda:
        want.append(("4103", 0, paid.denda))
    assert lines == sorted(want)
    assert akrual.ledger.loan_balance("jasa_akrual", loan.id, date(2025, 2, 5)) == 0
    akrual.loans.quality.month_end(admin, FEB)  # instalment 2 paid ahead: nothing due, nothing
    assert _accrual(akrual, "akrual", FEB) == []
    assert check_database(akrual.db.path).problems == []


def test_annuity_accrues_each_instalments_jasa_and_kl_takes_it_all_back(akrual: Services) -> None:
    admin = admin_user(akrual)
    loan = make_loan(
        akrual, admin, make_member(akrual, admin).id, months=12, product_name="Pinjaman Anuitas"
    )
    rows = akrual.loans.schedule(loan.id, JAN)[:3]
    assert [(r.jasa, r.pokok) for r in rows] == [
        (125_000, 777_600),
        (115_280, 787_320),
        (105_439, 797_161),
    ]
    for end, jasa in ((JAN, 125_000), (FEB, 115_280), (MAR, 105_439)):
        akrual.loans.quality.month_end(admin, end)
        assert _accrual(akrual, "akrual", end) == [("1109", jasa, 0), ("4101", 0, jasa)]
    assert akrual.ledger.loan_balance("jasa_akrual", loan.id, MAR) == 345_719
    akrual.loans.quality.month_end(admin, APR)  # 10-01 unpaid for 110 days: KL
    assert akrual.loans.quality.arrears(loan.id, APR).quality == "KL"
    # 125.000 + 115.280 + 105.439 = 345.719 taken back
    assert _accrual(akrual, "akrual", APR) == []
    assert _accrual(akrual, "akrual_turun", APR) == [("4101", 345_719, 0), ("1109", 0, 345_719)]
    assert akrual.ledger.loan_balance("jasa_akrual", loan.id, APR) == 0
    assert check_database(akrual.db.path).problems == []


def test_annuity_partial_payment_clears_part_of_the_accrual(akrual: Services) -> None:
    """31-01: Dr 1109 125.000. 05-02: Rp100.000 paid → denda d first, then jasa 100.000 − d,
    all of it out of 1109 (accrued 125.000 ≥ it): Cr 4103 d, Cr 1109 100.000 − d. Accrued left
    125.000 − (100.000 − d) = 25.000 + d, exactly instalment 1's unpaid jasa. 28-02: due unpaid
    = (25.000 + d) + 115.280, accrued 25.000 + d → the month's accrual is 115.280."""
    admin = admin_user(akrual)
    loan = make_loan(
        akrual, admin, make_member(akrual, admin).id, months=12, product_name="Pinjaman Anuitas"
    )
    akrual.loans.quality.month_end(admin, JAN)
    paid, lines = _payment(akrual, admin, loan.id, 100_000, date(2025, 2, 5))
    d = paid.denda
    assert (paid.pokok, paid.jasa) == (0, 100_000 - d)
    want = [("1101", 100_000, 0), ("1109", 0, 100_000 - d)]
    if d:
        want.append(("4103", 0, d))
    assert lines == sorted(want)
    assert akrual.ledger.loan_balance("jasa_akrual", loan.id, date(2025, 2, 5)) == 25_000 + d
    akrual.loans.quality.month_end(admin, FEB)
    assert _accrual(akrual, "akrual", FEB) == [("1109", 115_280, 0), ("4101", 0, 115_280)]
    assert akrual.ledger.loan_balance("jasa_akrual", loan.id, FEB) == 140_280 + d
    assert check_database(akrual.db.path).problems == []
