"""The loan tables: append-only money records, running totals kept by triggers, checks — on
SQLite and PostgreSQL, refused with the same message."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from app.services import Services
from app.storage.constraints import MSG_APPEND_ONLY, MSG_CONSTRAINT
from app.users.models import User
from tests.app.loans.loan_factory import make_loan
from tests.conftest import make_member, other_pengurus
from tests.engines import refusal

pytestmark = pytest.mark.both_engines

FIXTURE = Path(__file__).parents[1] / "fixtures" / "mufakat-0.1.0-schema1.db"
LATER = date(2026, 12, 31)

APPEND_ONLY = (
    "loan_schedules",
    "loan_schedule_lines",
    "loan_events",
    "loan_event_lines",
    "loan_denda_charges",
    "loan_quality_runs",
    "loan_quality_snapshots",
    "loan_allowance_bookings",
)


@pytest.fixture
def busy_loan(services: Services, ketua: User) -> int:
    """A loan with a payment, a late payment with denda, a reversal, a waiver and a
    month-end run and allowance booking."""
    loan = make_loan(services, ketua, make_member(services, ketua).id)
    pay = services.loans.payments
    pay.record_payment(ketua, loan.id, 1_150_000, date(2025, 1, 10), "tunai", today=LATER)
    late = pay.record_payment(ketua, loan.id, 600_000, date(2025, 2, 25), "tunai", today=LATER)
    pay.reverse(ketua, late.id, "Salah ketik nominal", date(2025, 2, 25), today=LATER)
    pay.waive(
        ketua,
        loan.id,
        "denda",
        5_000,
        "Anggota sakit",
        other_pengurus(services, ketua),  # nobody approves their own waiver
        date(2025, 2, 26),
        today=LATER,
    )
    pay.record_payment(ketua, loan.id, 700_000, date(2025, 2, 27), "transfer", today=LATER)
    services.loans.quality.month_end(ketua, date(2025, 2, 28))
    services.loans.portfolio.book_allowance(ketua, date(2025, 2, 28), 50_000)
    return loan.id


@pytest.mark.parametrize("table", APPEND_ONLY)
def test_money_records_cannot_be_changed_or_deleted(
    services: Services, busy_loan: int, table: str
) -> None:
    assert services.db.scalar(f"SELECT count(*) FROM {table}") > 0
    row = services.db.one(f"SELECT * FROM {table} LIMIT 1")
    assert row is not None
    column = list(row.keys())[-1]
    update = f"UPDATE {table} SET {column} = {column}"
    assert refusal(services.db, update) == MSG_APPEND_ONLY
    assert refusal(services.db, f"DELETE FROM {table}") == MSG_APPEND_ONLY
    assert services.db.scalar(f"SELECT count(*) FROM {table}") > 0


def test_running_totals_follow_the_events(services: Services, busy_loan: int) -> None:
    totals = services.db.one(
        "SELECT sum(pokok) AS p, sum(jasa) AS j, sum(denda) AS d, sum(titipan) AS t"
        " FROM loan_events WHERE loan_id = ?",
        (busy_loan,),
    )
    charged = services.db.scalar(
        "SELECT sum(amount) FROM loan_denda_charges WHERE loan_id = ?", (busy_loan,)
    )
    cached = services.db.one(
        "SELECT pokok, jasa, denda, titipan, charged FROM loan_balances WHERE loan_id = ?",
        (busy_loan,),
    )
    assert cached is not None and totals is not None
    assert [cached[k] for k in ("pokok", "jasa", "denda", "titipan", "charged")] == [
        *(totals[k] for k in "pjdt"),
        charged,
    ]
    assert charged > 0 and cached["denda"] > 0


def test_a_receipt_must_add_up_and_a_waiver_needs_an_approver(
    services: Services, busy_loan: int
) -> None:
    for insert in (
        "INSERT INTO loan_events (loan_id, kind, event_date, amount, pokok, created_at)"
        " VALUES (?, 'pembayaran', '2025-03-01', 100, 90, 'x')",
        "INSERT INTO loan_events (loan_id, kind, event_date, denda, reason, created_at)"
        " VALUES (?, 'keringanan', '2025-03-01', 100, 'alasan', 'x')",
        "INSERT INTO loan_events (loan_id, kind, event_date, created_at)"
        " VALUES (?, 'pembalikan', '2025-03-01', 'x')",
    ):
        assert refusal(services.db, insert, (busy_loan,)) == MSG_CONSTRAINT


@pytest.mark.sqlite_only("a file of an earlier release")
def test_old_release_file_gets_the_loan_tables_and_presets(tmp_path: Path) -> None:
    old = tmp_path / "lama.db"
    shutil.copy(FIXTURE, old)
    services = Services.open(old)
    try:
        assert len(services.loans.products.all()) == 3
        assert services.db.scalar("SELECT count(*) FROM loan_balances") == 0
        member = services.members.search("Sri")[0]
        assert services.loans.member_loans(member.id, date(2025, 1, 1)) == []
    finally:
        services.close()
