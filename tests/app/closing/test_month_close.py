"""Month close (issue 13 §1): the checklist names what fails and passes once fixed; the lock
date moves to the month's end; a posting into a locked month lands on the first open date with
its own date in the text; Jurnal Umum in a closed month is refused; only the latest closed
month reopens, and only by the Ketua with another Pengurus and a reason."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import PermissionDenied, ValidationError
from app.ledger import events as ev
from app.ledger.cashbook import CashBook
from app.ledger.closing import PeriodClose
from app.ledger.derive import savings_event
from app.ledger.models import Line
from app.savings.models import SavingsKind, TxType
from app.services import Services
from app.storage.check_ledger import ledger_problems
from app.storage.savings_repo import SavingsRepository
from app.users.models import Role
from tests.app.ledger.ledger_fixtures import Books, books
from tests.conftest import make_user
from tests.engines import check_conn

pytestmark = pytest.mark.both_engines

JAN_END = date(2026, 1, 31)


def _ready(bk: Books) -> PeriodClose:
    """January with a cash journal and its cash count: closable."""
    bk.manual.submit(
        bk.admin, date(2026, 1, 5), "Hibah", [Line("1101", 100_000), Line("3105", 0, 100_000)]
    )
    CashBook(bk.ledger).count(bk.admin, JAN_END, 100_000)
    return PeriodClose(bk.ledger)


def _names(items: list) -> set[str]:  # type: ignore[type-arg]
    return {item.key for item in items}


def test_checklist_names_the_missing_cash_count_then_closes(services: Services) -> None:
    bk = books(services, loans=0)
    bk.manual.submit(
        bk.admin, date(2026, 1, 5), "Hibah", [Line("1101", 100_000), Line("3105", 0, 100_000)]
    )
    closing = PeriodClose(bk.ledger)
    failing = closing.close_month(bk.admin, 2026, 1)
    assert _names(failing) == {"kas_opname"}
    assert closing.lock_date() is None
    CashBook(bk.ledger).count(bk.admin, JAN_END, 100_000)
    assert closing.close_month(bk.admin, 2026, 1) == []
    assert closing.lock_date() == JAN_END


def test_unbooked_savings_and_control_difference_fail_by_name(services: Services) -> None:
    bk = books(services, loans=0)
    closing = _ready(bk)
    # a deposit through the service posts its own journal: nothing is left to book
    services.savings.deposit(
        bk.admin, bk.member_id, SavingsKind.SUKARELA, 250_000, date(2026, 1, 20)
    )
    failing = {i.key: i for i in closing.checklist(2026, 1)}
    assert failing["belum_dibukukan"].ok and failing["simpanan_sukarela"].ok
    # a record stored without its journal (a writer that went round the ledger): both fail
    savings = SavingsRepository(services.db)
    with services.db.atomic():
        tx_id = savings.insert(
            bk.member_id, SavingsKind.SUKARELA, TxType.SETORAN, 100_000, date(2026, 1, 22),
            "KW-UJI-1", "tunai", "", bk.admin.id,
        )  # fmt: skip
        later = savings.insert(  # February's: not January's to book
            bk.member_id, SavingsKind.SUKARELA, TxType.SETORAN, 5_000, date(2026, 2, 2),
            "KW-UJI-2", "tunai", "", bk.admin.id,
        )  # fmt: skip
    failing = {i.key: i for i in closing.checklist(2026, 1)}
    assert not failing["belum_dibukukan"].ok and not failing["simpanan_sukarela"].ok
    assert failing["belum_dibukukan"].detail == f"transaksi simpanan tanpa jurnal: 1 ({tx_id})"
    # ledger 250.000 against members' 250.000 + 100.000 = 350.000: −100.000
    assert "selisih -Rp100.000" in failing["simpanan_sukarela"].detail
    tx = savings.by_id(tx_id)
    assert tx is not None
    with services.db.atomic():
        bk.ledger.post(savings_event(tx))
    left = [i.key for i in closing.checklist(2026, 1) if not i.ok]
    assert "belum_dibukukan" not in left and "simpanan_sukarela" not in left
    assert "transaksi simpanan tanpa jurnal: 1 (" in closing.repo.unbooked(date(2026, 2, 28))[0]
    assert str(later) in closing.repo.unbooked(date(2026, 2, 28))[0]


def test_unbooked_knows_every_source(services: Services) -> None:
    """The item is `mufakat check`'s own check limited to the month: a cancellation whose
    journal was not reversed fails too (the earlier query knew only four kinds of record)."""
    bk = books(services, loans=0)
    closing = _ready(bk)
    tx = services.savings.deposit(
        bk.admin, bk.member_id, SavingsKind.SUKARELA, 250_000, date(2026, 1, 20)
    )
    with services.db.atomic():
        SavingsRepository(services.db).insert(
            bk.member_id, SavingsKind.SUKARELA, TxType.PEMBALIKAN, -250_000, date(2026, 1, 21),
            "KW-UJI-3", "tunai", "Pembatalan", bk.admin.id, reverses_id=tx.id, reason="salah",
        )  # fmt: skip
    item = next(i for i in closing.checklist(2026, 1) if i.key == "belum_dibukukan")
    assert not item.ok and "pembatalan simpanan yang jurnalnya belum dibalik: 1" in item.detail
    with services.db.atomic():
        bk.ledger.reverse_event("simpanan", tx.id, "setoran", date(2026, 1, 21))
    assert next(i for i in closing.checklist(2026, 1) if i.key == "belum_dibukukan").ok


def test_months_close_in_order(services: Services) -> None:
    bk = books(services, loans=0)
    closing = _ready(bk)
    assert closing.close_month(bk.admin, 2026, 1) == []
    with pytest.raises(ValidationError, match="berurutan"):
        closing.close_month(bk.admin, 2026, 3)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        closing.close_month(bk.admin, 2026, 1)


@pytest.mark.parametrize("day", [1, 2, 15, 30, 31])
def test_posting_into_locked_month_lands_on_first_open_date(services: Services, day: int) -> None:
    bk = books(services, loans=0)
    closing = _ready(bk)
    assert closing.close_month(bk.admin, 2026, 1) == []
    with services.db.atomic():
        journal_id = bk.ledger.post(
            ev.SavingsDeposit(
                source_id=500 + day,
                on=date(2026, 1, day),
                member_id=bk.member_id,
                kind="pokok",
                amount=10_000,
            )
        )
    journal = bk.ledger.journal(journal_id)
    assert journal.date == date(2026, 2, 1)
    assert f"tanggal transaksi {day:02d}-01-2026" in journal.description


def test_posting_after_lock_keeps_its_date(services: Services) -> None:
    bk = books(services, loans=0)
    closing = _ready(bk)
    assert closing.close_month(bk.admin, 2026, 1) == []
    with services.db.atomic():
        journal_id = bk.ledger.post(
            ev.SavingsDeposit(
                source_id=77,
                on=date(2026, 2, 14),
                member_id=bk.member_id,
                kind="pokok",
                amount=10_000,
            )
        )
    journal = bk.ledger.journal(journal_id)
    assert journal.date == date(2026, 2, 14) and "tanggal transaksi" not in journal.description


@pytest.mark.parametrize("on", [date(2026, 1, 1), JAN_END])
def test_manual_journal_in_closed_month_refused(services: Services, on: date) -> None:
    bk = books(services, loans=0)
    closing = _ready(bk)
    assert closing.close_month(bk.admin, 2026, 1) == []
    with pytest.raises(ValidationError, match="sudah ditutup"):
        bk.manual.submit(bk.admin, on, "ATK", [Line("5203", 5_000), Line("1101", 0, 5_000)])
    bk.manual.submit(
        bk.admin, date(2026, 2, 1), "ATK", [Line("5203", 5_000), Line("1101", 0, 5_000)]
    )


def test_reopen_needs_ketua_and_another_pengurus(services: Services) -> None:
    bk = books(services, loans=0)
    closing = _ready(bk)
    assert closing.close_month(bk.admin, 2026, 1) == []
    ketua = make_user(services, Role.KETUA, "ketua1", "Budi Ketua")
    pengurus = make_user(services, Role.PENGURUS, "pengurus1", "Sari Pengurus")
    pengurus2 = make_user(services, Role.PENGURUS, "pengurus2", "Ani Pengurus")
    with pytest.raises(PermissionDenied):
        closing.reopen(pengurus, None, "salah catat")
    with pytest.raises(PermissionDenied):
        closing.reopen(ketua, None, "salah catat")
    with pytest.raises(PermissionDenied):
        closing.reopen(ketua, ketua, "salah catat")
    with pytest.raises(PermissionDenied):
        closing.reopen(pengurus, pengurus2, "salah catat")
    with pytest.raises(PermissionDenied):
        closing.reopen(ketua, bk.admin, "salah catat")
    with pytest.raises(ValidationError):
        closing.reopen(ketua, pengurus, "  ")
    assert closing.lock_date() == JAN_END
    closing.reopen(pengurus, ketua, "kas opname salah hitung")
    assert closing.lock_date() is None
    audit = services.db.rows("SELECT action, note FROM audit_log WHERE entity = 'periode'")
    assert ("buka_bulan", "kas opname salah hitung") in [(r["action"], r["note"]) for r in audit]
    bk.manual.submit(
        bk.admin, date(2026, 1, 31), "ATK", [Line("5203", 5_000), Line("1101", 0, 5_000)]
    )


def test_only_latest_closed_month_reopens(services: Services) -> None:
    bk = books(services, loans=0)
    closing = _ready(bk)
    assert closing.close_month(bk.admin, 2026, 1) == []
    CashBook(bk.ledger).count(bk.admin, date(2026, 2, 28), 100_000)
    assert closing.close_month(bk.admin, 2026, 2) == []
    ketua = make_user(services, Role.KETUA, "ketua1", "Budi Ketua")
    pengurus = make_user(services, Role.PENGURUS, "pengurus1", "Sari Pengurus")
    assert closing.reopen(ketua, pengurus, "koreksi") == date(2026, 2, 28)
    assert closing.lock_date() == JAN_END  # January stays closed


def test_loans_month_end_run_is_an_item(services: Services) -> None:
    from tests.app.loans.loan_factory import make_loan

    bk = books(services, loans=0)
    closing = _ready(bk)
    assert next(i for i in closing.checklist(2026, 1) if i.key == "akhir_bulan").ok
    make_loan(services, bk.admin, bk.member_id, first_due=date(2026, 1, 20))
    item = next(i for i in closing.checklist(2026, 1) if i.key == "akhir_bulan")
    assert not item.ok and "31-01-2026" in item.detail
    services.loans.quality.month_end(bk.admin, JAN_END)
    assert next(i for i in closing.checklist(2026, 1) if i.key == "akhir_bulan").ok


def test_invariant_nothing_posted_into_a_locked_period(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.storage.ledger_repo as ledger_repo

    bk = books(services, loans=0)
    closing = _ready(bk)
    assert closing.close_month(bk.admin, 2026, 1) == []
    later = iter(f"2099-01-01T00:00:{n:02d}" for n in range(60))
    monkeypatch.setattr(ledger_repo, "now_text", lambda: next(later))
    for day in (1, 31):
        with services.db.atomic():
            bk.ledger.post(
                ev.SavingsDeposit(
                    source_id=day,
                    on=date(2026, 1, day),
                    member_id=bk.member_id,
                    kind="pokok",
                    amount=5_000,
                )
            )
    assert closing.locked_postings() == []
    with pytest.raises(ValidationError, match="tidak bisa disimpan"), services.db.atomic():
        bk.ledger.repo.write(  # a writer that goes round the lock: refused by the repository
            on=date(2026, 1, 15),
            source="uji",
            source_id=1,
            role="uji",
            description="lewat",
            lines=[Line("1101", 1_000), Line("3105", 0, 1_000)],
            user_id=None,
        )
    assert closing.locked_postings() == []
    with services.db.atomic():  # a file written round the guard (by hand, an old version)
        journal_id = services.db.scalar("SELECT max(id) + 1 FROM journals")
        for account, debit, credit in (("1101", 1_000, 0), ("3105", 0, 1_000)):
            services.db.run(
                "INSERT INTO journal_lines (journal_id, account, debit, credit)"
                " VALUES (?, ?, ?, ?)",
                (journal_id, account, debit, credit),
            )
        services.db.run(
            "INSERT INTO journals (id, number, date, source, source_id, role, description, no_gl,"
            " created_at) VALUES (?, 'J2026-999999', '2026-01-15', 'uji', 1, 'uji', 'lewat', 0,"
            " '2099-01-01T00:01:00')",
            (journal_id,),
        )
    found = closing.locked_postings()
    assert len(found) == 1 and "2026-01-15" in found[0] and "2026-01-31" in found[0]
    problems, _ = ledger_problems(check_conn(services.db))  # `mufakat check` reports it too
    assert found[0] in problems


@pytest.mark.parametrize("on", [date(2026, 1, 1), JAN_END])
def test_cash_count_in_closed_month_refused(services: Services, on: date) -> None:
    bk = books(services, loans=0)
    closing = _ready(bk)
    assert closing.close_month(bk.admin, 2026, 1) == []
    with pytest.raises(ValidationError, match="kas opname bertanggal"):
        CashBook(bk.ledger).count(bk.admin, on, 100_000)
    CashBook(bk.ledger).count(bk.admin, date(2026, 2, 1), 100_000)


def test_piutang_difference_names_the_loan(services: Services) -> None:
    from tests.app.loans.loan_factory import make_loan

    bk = books(services, loans=0)
    closing = _ready(bk)
    loan = make_loan(services, bk.admin, bk.member_id, first_due=date(2026, 1, 20))
    with services.db.atomic():  # a stray line on the loan: ledger and sub-ledger differ
        bk.ledger.repo.write(
            on=date(2026, 1, 15),
            source="uji",
            source_id=1,
            role="uji",
            description="salah",
            lines=[Line("5401", 1_000), Line("1105", 0, 1_000, loan_id=loan.id)],
            user_id=None,
        )
    item = next(i for i in closing.checklist(2026, 1) if i.key == "piutang")
    assert not item.ok
    assert f"Pinjaman berbeda: {loan.number}: buku besar " in item.detail
    assert "rincian Rp10.000.000" in item.detail
