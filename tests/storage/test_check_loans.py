"""`mufakat check` finds loan records that disagree with each other."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.services import Services
from app.storage.check import check_database
from app.users.models import User
from tests.app.loans.loan_factory import make_loan
from tests.conftest import make_member

pytestmark = pytest.mark.sqlite_only(
    "`mufakat check` reads the SQLite file (its SQL on PostgreSQL: test_portable_checks.py)"
)


def _paid_loan_file(services: Services, ketua: User) -> Path:
    member = make_member(services, ketua)
    loan = make_loan(services, ketua, member.id)
    services.loans.payments.record_payment(
        ketua, loan.id, 1_500_000, date(2025, 1, 10), "tunai", today=date(2026, 11, 26)
    )
    payment = services.loans.payments.record_payment(
        ketua, loan.id, 700_000, date(2025, 2, 12), "tunai", today=date(2026, 11, 26)
    )
    services.loans.payments.reverse(ketua, payment.id, "salah catat nominal", date(2025, 2, 13))
    path = services.db.path
    services.close()
    return path


def test_consistent_loans_pass(services: Services, ketua: User) -> None:
    report = check_database(_paid_loan_file(services, ketua))
    assert report.ok, report.problems


def test_running_totals_out_of_step_are_reported(services: Services, ketua: User) -> None:
    path = _paid_loan_file(services, ketua)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE loan_balances SET pokok = pokok + 1")
    conn.commit()
    conn.close()
    report = check_database(path)
    assert any("saldo berjalan pinjaman" in p for p in report.problems)
