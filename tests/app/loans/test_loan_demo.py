"""Demo loans: every state present, stored exactly as the services would have stored them."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.demo.generate import generate_demo
from app.demo.loans import add_demo_loans
from app.loans.models import EventKind, LoanApplication, LoanStatus
from app.services import Services
from tests.conftest import other_pengurus

TODAY = date(2025, 9, 15)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, str]]:
    path = Path(tmp_path_factory.mktemp("demo")) / "demo.db"
    summary = generate_demo(path, members=300, seed=5, today=TODAY)
    services = Services.open(path)
    again = add_demo_loans(services, random.Random(5), TODAY)  # generate_demo made them
    assert "sudah ada" in again
    yield services, summary
    services.close()


@pytest.mark.slow
def test_every_state_is_there(demo: tuple[Services, str]) -> None:
    services, summary = demo
    assert "pinjaman" in summary
    statuses = Counter(r[0] for r in services.db.rows("SELECT status FROM loans"))
    assert statuses[LoanStatus.LUNAS] > statuses[LoanStatus.AKTIF] > 100
    assert statuses[LoanStatus.DITOLAK] > 0
    arrears = services.loans.quality.all_arrears(TODAY)
    classes = Counter(a.quality for a in arrears)
    assert {"L", "KL", "M"} <= set(classes)
    assert classes["L"] > 0.7 * len(arrears)
    assert any(0 < a.days_past_due <= 60 for a in arrears)  # a little late
    assert any(a.days_past_due == 0 and a.outstanding for a in arrears)  # current
    kinds = Counter(r[0] for r in services.db.rows("SELECT kind FROM loan_events"))
    assert kinds[EventKind.PEMBAYARAN] > 10 * statuses[LoanStatus.AKTIF]
    disbursed = services.db.scalar("SELECT count(*) FROM loans WHERE disbursed_on IS NOT NULL")
    assert kinds[EventKind.PENCAIRAN] == disbursed
    assert kinds[EventKind.PEMBALIKAN] > 0 and kinds[EventKind.KERINGANAN] > 0
    assert services.db.scalar("SELECT count(*) FROM loan_collateral") > 0
    assert services.db.scalar("SELECT count(*) FROM loan_guarantors") > 0
    assert len(services.loans.quality.runs()) == 12
    assert services.loans.portfolio.booked(TODAY) is not None


@pytest.mark.slow
def test_stored_history_matches_the_services_rules(demo: tuple[Services, str]) -> None:
    services, _ = demo
    quality = services.loans.quality
    for as_of in (TODAY, date(2024, 12, 31)):
        by_sql = {a.loan_id: a for a in quality.all_arrears(as_of)}
        sample = sorted(by_sql)[::7]
        assert len(sample) > 20
        for loan_id in sample:
            assert by_sql[loan_id] == quality.arrears(loan_id, as_of)
    for (loan_id,) in services.db.rows("SELECT id FROM loans WHERE status = 'lunas' LIMIT 60"):
        loan = services.loans.get(loan_id)
        assert loan.closed_on is not None
        assert quality.position(loan, TODAY).is_settled


@pytest.mark.slow
def test_numbers_continue_after_the_demo(demo: tuple[Services, str]) -> None:
    services, _ = demo
    receipts = services.db.rows(
        "SELECT receipt_no FROM loan_events WHERE receipt_no LIKE 'KA-2025-%' ORDER BY id"
    )
    numbers = [int(r[0].rsplit("-", 1)[1]) for r in receipts]
    assert numbers == sorted(numbers) and numbers[0] == 1
    ketua = next(u for u in services.users.all() if u.username == "ketua")
    member = services.db.scalar("SELECT id FROM members WHERE status = 'aktif' LIMIT 1")
    product = services.loans.products.all()[0]
    loan = services.loans.apply(
        ketua,
        LoanApplication(
            member_id=member,
            product_id=product.id,
            amount=product.min_amount,
            months=product.min_months,
            first_due=date(2025, 10, 20),
            application_date=TODAY,
            purpose="Modal usaha",
        ),
        TODAY,
    )
    services.loans.approve(other_pengurus(services, ketua), loan.id, "Disetujui", TODAY)
    loan = services.loans.disburse(ketua, loan.id, TODAY, TODAY)
    assert loan.number is not None
    assert services.db.scalar("SELECT count(*) FROM loans WHERE number = ?", (loan.number,)) == 1
