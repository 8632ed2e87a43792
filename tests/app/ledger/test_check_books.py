"""`mufakat check` of the books (LEDGER.md §5.4 items 1–6, 8): silent on a sound file (the
history migration of a file from the last release included), and naming what differs when a
journal is missing, changed, unbalanced or does not match its sub-ledger."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.ledger.derive import savings_key
from app.ledger.history import post_history
from app.ledger.models import Line
from app.loans.models import PaymentMethod
from app.savings.models import SavingsKind, TxType
from app.services import Services
from app.storage.check import check_database
from app.storage.ledger_controls_repo import LedgerControlsRepository
from tests.app.loans.loan_factory import make_loan
from tests.conftest import admin_user, make_member

LANDED = Path(__file__).parents[2] / "fixtures" / "mufakat-landed-schema0009.db"
TODAY = date(2026, 11, 26)


def _controls_equal_subledgers(services: Services) -> None:
    repo = LedgerControlsRepository(services.db)
    by_loan = repo.loan_balances("1105")
    for loan_id, _, outstanding in repo.loans_outstanding():
        assert by_loan.get(loan_id, 0) == outstanding, loan_id
    for kind, total in repo.savings_totals().items():
        account = {"pokok": "3101", "wajib": "3102", "sukarela": "2101"}[kind]
        assert -repo.account_balance(account) == total
    assert -repo.account_balance("2104") == repo.titipan_total()
    assert repo.account_balance("1114") == 0


def test_history_of_a_last_release_file(tmp_path: Path) -> None:
    path = tmp_path / "lama.db"
    shutil.copy(LANDED, path)
    services = Services.open(path)
    try:
        posted = services.db.scalar("SELECT journals FROM ledger_history")
        assert posted > 2_000  # every savings transaction and loan event of the file
        _controls_equal_subledgers(services)
        assert services.db.scalar("SELECT count(*) FROM journals WHERE source = 'saldo_awal'") == 0
        assert services.db.scalar("SELECT count(*) FROM journals WHERE source = 'restrukturisasi'")
    finally:
        services.close()
    report = check_database(path)
    assert report.problems == []
    assert "Pembukuan: seimbang, cocok dengan rincian simpanan dan pinjaman" in report.facts
    again = Services.open(path)  # the history is posted once
    try:
        assert again.db.scalar("SELECT count(*) FROM ledger_history") == 1
        assert again.db.scalar("SELECT count(*) FROM journals") == posted
    finally:
        again.close()


def test_opening_balance_for_what_the_events_do_not_explain(busy: Path) -> None:
    """Balances the posted events leave unexplained (a loan brought in at cut-over, here: its
    account 5.000 short) get one opening journal against 3999; then the controls tie."""
    services = Services.open(busy)
    try:
        loan_id = services.db.scalar("SELECT id FROM loans")
        with services.db.atomic():
            services.ledger.repo.write(
                on=date(2025, 2, 1),
                source="uji",
                source_id=1,
                role="uji",
                description="saldo yang tidak dijelaskan transaksi",
                lines=[Line("1105", 0, 5_000, None, loan_id), Line("1101", 5_000, 0)],
                user_id=None,
            )
            services.db.execute("DELETE FROM ledger_history")  # as if never posted
        assert post_history(services.ledger) == 1  # the records are booked: only the opening
        opening = services.ledger.repo.find("saldo_awal", 0, "saldo_awal")
        assert opening is not None
        journal = services.ledger.journal(opening)
        assert journal.date == date(2024, 12, 11)  # the earliest record: the disbursement
        assert sorted((x.account, x.debit, x.credit, x.loan_id) for x in journal.lines) == [
            ("1105", 5_000, 0, loan_id),
            ("3999", 0, 5_000, None),
        ]
        _controls_equal_subledgers(services)
    finally:
        services.close()


def _disbursement(services: Services, loan_id: int) -> int:
    return int(
        services.db.scalar(
            "SELECT id FROM loan_events WHERE loan_id = ? AND kind = 'pencairan'", (loan_id,)
        )
    )


@pytest.fixture
def busy(db_path: Path) -> Path:
    services = Services.open(db_path, create=True)
    admin = admin_user(services)
    member = make_member(services, admin)
    services.savings.deposit(
        admin, member.id, SavingsKind.WAJIB, 50_000, date(2025, 3, 1), today=TODAY
    )
    loan = make_loan(services, admin, member.id)
    pay = services.loans.payments.record_payment(
        admin, loan.id, 1_150_000, date(2025, 1, 10), PaymentMethod.TUNAI, today=TODAY
    )
    services.loans.payments.reverse(admin, pay.id, "salah input", date(2025, 1, 11), TODAY)
    services.close()
    return db_path


def _tamper(path: Path, *sql: str) -> None:
    with sqlite3.connect(path) as conn:
        for name in [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                " AND tbl_name IN ('journals', 'journal_lines')"
            )
        ]:
            conn.execute(f"DROP TRIGGER {name}")
        for statement in sql:
            conn.execute(statement)


def test_a_sound_file_passes(busy: Path) -> None:
    report = check_database(busy)
    assert report.problems == [], report.problems


def test_a_missing_journal_is_named(busy: Path) -> None:
    with sqlite3.connect(busy) as conn:
        tx = conn.execute("SELECT id FROM savings_transactions").fetchone()[0]
    source, source_id, _ = savings_key(tx, TxType.SETORAN)
    _tamper(
        busy,
        "DELETE FROM journal_lines WHERE journal_id = (SELECT id FROM journals"
        f" WHERE source = '{source}' AND source_id = {source_id})",
        f"DELETE FROM journals WHERE source = '{source}' AND source_id = {source_id}",
    )
    problems = check_database(busy).problems
    assert any(p.startswith("transaksi simpanan tanpa jurnal: 1") for p in problems), problems
    assert any(
        "Akun 3102 simpanan wajib: buku besar Rp0, rincian Rp50.000" in p for p in problems
    ), problems


def test_a_changed_line_is_named(busy: Path) -> None:
    _tamper(busy, "UPDATE journal_lines SET account = '4102' WHERE account = '4101'")
    problems = check_database(busy).problems
    assert any(p.startswith("jurnal berbeda dari hasil penurunan ulang") for p in problems), (
        problems
    )


def test_an_unbalanced_journal_is_named(busy: Path) -> None:
    _tamper(
        busy,
        "UPDATE journal_lines SET debit = debit + 1 WHERE id = (SELECT min(id)"
        " FROM journal_lines WHERE account = '1101' AND debit > 0)",
    )
    problems = check_database(busy).problems
    assert any(p.startswith("jurnal tidak seimbang") for p in problems), problems
    assert any(p.startswith("Neraca saldo tidak nol: selisih Rp1") for p in problems), problems


def test_a_control_account_off_its_subledger_is_named(busy: Path) -> None:
    services = Services.open(busy)
    try:
        loan_id = services.db.scalar("SELECT id FROM loans")
        with services.db.atomic():
            services.ledger.repo.write(
                on=date(2025, 2, 1),
                source="manual",
                source_id=99,
                role="manual",
                description="salah akun",
                lines=[Line("1105", 1_000, 0, None, loan_id), Line("1101", 0, 1_000)],
                user_id=None,
            )
    finally:
        services.close()
    problems = check_database(busy).problems
    assert any(
        p.startswith("piutang pinjaman per pinjaman tidak sama dengan sisa pokok: 1")
        for p in problems
    ), problems


def test_a_reversal_that_is_not_the_mirror_is_named(busy: Path) -> None:
    _tamper(
        busy,
        "UPDATE journal_lines SET account = '4102' WHERE account = '4101' AND journal_id ="
        " (SELECT id FROM journals WHERE reverses_id IS NOT NULL)",
    )
    problems = check_database(busy).problems
    assert any(
        p.startswith("jurnal pembalik tidak sama dengan kebalikan aslinya: 1") for p in problems
    ), problems


def test_a_reversed_journal_changed_after_its_reversal_is_named(busy: Path) -> None:
    """The reversal check reads only the lines of reversals and what they reverse: a change
    on the reversed side is seen as well."""
    _tamper(
        busy,
        "UPDATE journal_lines SET account = '4102' WHERE account = '4101' AND journal_id ="
        " (SELECT reverses_id FROM journals WHERE reverses_id IS NOT NULL)",
    )
    problems = check_database(busy).problems
    assert any(
        p.startswith("jurnal pembalik tidak sama dengan kebalikan aslinya: 1") for p in problems
    ), problems
