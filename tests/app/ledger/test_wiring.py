"""Every money event recorded through the real services posts its journal in the same
transaction: the exact lines (account, debit, credit) per event type, each reversal the mirror
of its original, and nothing booked when the service refuses (issue 12 §2, LEDGER.md §2.2)."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.ledger.derive import loan_key, savings_key
from app.loans.models import EventKind, PaymentMethod
from app.savings.models import SavingsKind, TxType
from app.services import Services
from app.users.models import User
from tests.app.loans.loan_factory import make_loan
from tests.conftest import admin_user, make_member, other_pengurus

TODAY = date(2026, 11, 26)
Lines = list[tuple[str, int, int]]


def journal_lines(services: Services, key: tuple[str, int, str]) -> Lines:
    found = services.ledger.repo.find(*key)
    assert found is not None, f"no journal for {key}"
    journal = services.ledger.journal(found)
    return sorted((x.account, x.debit, x.credit) for x in journal.lines)


def reversal_lines(services: Services, key: tuple[str, int, str]) -> Lines:
    found = services.ledger.repo.find(*key)
    assert found is not None
    reversal = services.ledger.journal(found).reversed_by
    assert reversal is not None, f"{key} not reversed"
    return sorted((x.account, x.debit, x.credit) for x in services.ledger.journal(reversal).lines)


def mirror(lines: Lines) -> Lines:
    return sorted((a, c, d) for a, d, c in lines)


@pytest.fixture
def admin(services: Services) -> User:
    return admin_user(services)


def test_savings_deposit_withdrawal_and_reversal(services: Services, admin: User) -> None:
    member = make_member(services, admin)
    dep = services.savings.deposit(
        admin, member.id, SavingsKind.WAJIB, 50_000, date(2025, 3, 1), today=TODAY
    )
    assert journal_lines(services, savings_key(dep.id, TxType.SETORAN)) == [
        ("1101", 50_000, 0),
        ("3102", 0, 50_000),
    ]
    bank = services.savings.deposit(
        admin, member.id, SavingsKind.SUKARELA, 200_000, date(2025, 3, 2), "transfer", today=TODAY
    )
    assert journal_lines(services, savings_key(bank.id, TxType.SETORAN)) == [
        ("1103.01", 200_000, 0),
        ("2101", 0, 200_000),
    ]
    out = services.savings.withdraw(
        admin, member.id, SavingsKind.SUKARELA, 75_000, date(2025, 3, 3), today=TODAY
    )
    assert journal_lines(services, savings_key(out.id, TxType.PENARIKAN)) == [
        ("1101", 0, 75_000),
        ("2101", 75_000, 0),
    ]
    services.savings.reverse(admin, dep.id, "salah catat anggota", today=date(2025, 4, 5))
    key = savings_key(dep.id, TxType.SETORAN)
    assert reversal_lines(services, key) == mirror(journal_lines(services, key))
    reversal = services.ledger.journal(
        services.ledger.journal(services.ledger.repo.find(*key) or 0).reversed_by or 0
    )
    assert reversal.date == date(2025, 4, 5)  # on the reversal record's date


def test_refused_transaction_books_nothing(services: Services, admin: User) -> None:
    member = make_member(services, admin)
    before = services.db.scalar("SELECT count(*) FROM journals")
    with pytest.raises(ValidationError):
        services.savings.withdraw(
            admin, member.id, SavingsKind.SUKARELA, 1, date(2025, 3, 3), today=TODAY
        )
    assert services.db.scalar("SELECT count(*) FROM journals") == before


def test_a_failing_posting_rolls_the_record_back(services: Services, admin: User) -> None:
    """The journal is written in the record's transaction: when the books refuse (a method
    mapped to no account), the savings transaction is not stored either."""
    member = make_member(services, admin)
    services.db.execute("DROP TRIGGER IF EXISTS payment_method_accounts_no_delete")
    with services.db.atomic():
        services.db.execute("DELETE FROM payment_method_accounts WHERE method = 'tunai'")
    with pytest.raises(ValidationError, match="Cara bayar 'tunai'"):
        services.savings.deposit(
            admin, member.id, SavingsKind.WAJIB, 50_000, date(2025, 3, 1), today=TODAY
        )
    assert services.savings.history(member.id) == []


def _loan(services: Services, admin: User) -> tuple[int, int]:
    member = make_member(services, admin)
    loan = make_loan(services, admin, member.id)  # 10 jt, 10 months, flat 1,5 %, fee 1 %
    return member.id, loan.id


def test_disbursement_with_admin_fee(services: Services, admin: User) -> None:
    _, loan_id = _loan(services, admin)
    loan = services.loans.get(loan_id)
    event = next(
        e for e in services.loans.payments.events(loan_id) if e.kind == EventKind.PENCAIRAN
    )
    assert loan.admin_fee > 0
    assert journal_lines(services, loan_key(event.id, event.kind)) == [
        ("1101", 0, 10_000_000 - loan.admin_fee),
        ("1105", 10_000_000, 0),
        ("4102", 0, loan.admin_fee),
    ]


def test_instalment_split_titipan_and_reversal(services: Services, admin: User) -> None:
    _, loan_id = _loan(services, admin)
    pay = services.loans.payments.record_payment(
        admin, loan_id, 1_200_000, date(2025, 1, 10), PaymentMethod.TUNAI, today=TODAY
    )
    assert pay.pokok > 0 and pay.jasa > 0
    assert journal_lines(services, loan_key(pay.id, pay.kind)) == sorted(
        [
            ("1101", 1_200_000, 0),
            ("1105", 0, pay.pokok),
            ("4101", 0, pay.jasa),
            *([("2104", 0, pay.titipan)] if pay.titipan > 0 else []),
        ]
    )
    assert pay.pokok + pay.jasa + max(pay.titipan, 0) == 1_200_000
    late = services.loans.payments.record_payment(
        admin, loan_id, 500_000, date(2025, 3, 25), PaymentMethod.POTONG_GAJI, today=TODAY
    )
    lines = journal_lines(services, loan_key(late.id, late.kind))
    assert ("1110", 500_000, 0) in lines  # potong gaji: the payroll receivable
    if late.denda:
        assert ("4103", 0, late.denda) in lines
    services.loans.payments.reverse(admin, late.id, "salah input nominal", date(2025, 3, 26), TODAY)
    key = loan_key(late.id, late.kind)
    assert reversal_lines(services, key) == mirror(journal_lines(services, key))


def test_titipan_refund_and_to_sukarela(services: Services, admin: User) -> None:
    member_id, loan_id = _loan(services, admin)
    pay = services.loans.payments.record_payment(
        admin, loan_id, 12_000_000, date(2025, 1, 10), PaymentMethod.TUNAI, today=TODAY
    )  # more than the whole loan: the excess is kept as titipan
    held = services.titipan.held(loan_id)
    assert held > 0 and ("2104", 0, pay.titipan) in journal_lines(
        services, loan_key(pay.id, pay.kind)
    )
    refund = services.titipan.refund(
        admin, loan_id, 1_000, date(2025, 1, 11), PaymentMethod.TRANSFER, today=TODAY
    )
    assert journal_lines(services, loan_key(refund.id, refund.kind)) == [
        ("1103.01", 0, 1_000),
        ("2104", 1_000, 0),
    ]
    moved = services.titipan.to_sukarela(admin, loan_id, 2_000, date(2025, 1, 12), today=TODAY)
    # Through the transfer account: it nets to zero, 2104 → 2101 overall.
    assert journal_lines(services, loan_key(moved.event.id, moved.event.kind)) == [
        ("1114", 0, 2_000),
        ("2104", 2_000, 0),
    ]
    assert journal_lines(services, savings_key(moved.deposit.id, TxType.SETORAN)) == [
        ("1114", 2_000, 0),
        ("2101", 0, 2_000),
    ]
    assert services.ledger.repo.balance(["1114"], TODAY) == 0
    assert services.savings.balances(member_id).sukarela == 2_000


def test_waivers_of_unbooked_jasa_denda_are_markers_pokok_leaves_the_books(
    services: Services, admin: User
) -> None:
    _, loan_id = _loan(services, admin)
    approver = other_pengurus(services, admin)
    jasa = services.loans.payments.waive(
        admin, loan_id, "jasa", 50_000, "keringanan musibah", approver, date(2025, 2, 15), TODAY
    )
    found = services.ledger.repo.find(*loan_key(jasa.id, EventKind.KERINGANAN))
    assert found is not None and services.ledger.journal(found).lines == ()  # no-GL marker
    pokok = services.loans.payments.waive(
        admin, loan_id, "pokok", 300_000, "keringanan musibah", approver, date(2025, 2, 15), TODAY
    )
    assert journal_lines(services, loan_key(pokok.id, EventKind.KERINGANAN)) == [
        ("1105", 0, 300_000),
        ("5302", 300_000, 0),  # no allowance booked for this loan yet
    ]
    services.loans.payments.reverse(
        admin, pokok.id, "keringanan dibatalkan", date(2025, 2, 16), TODAY
    )
    key = loan_key(pokok.id, EventKind.KERINGANAN)
    assert reversal_lines(services, key) == mirror(journal_lines(services, key))


def test_payoff_gives_up_jasa_without_a_journal_and_closes_pokok(
    services: Services, admin: User
) -> None:
    _, loan_id = _loan(services, admin)
    paid = services.loans.payments.pay_off(
        admin, loan_id, date(2025, 2, 20), PaymentMethod.TUNAI, today=TODAY
    )
    lines = journal_lines(services, loan_key(paid.id, paid.kind))
    assert ("1105", 0, 10_000_000) in lines
    assert services.ledger.loan_balance("piutang_pinjaman", loan_id, TODAY) == 0
    given_up = [
        e for e in services.loans.payments.events(loan_id) if e.kind == EventKind.POTONGAN_PELUNASAN
    ]
    for e in given_up:
        found = services.ledger.repo.find(*loan_key(e.id, e.kind))
        assert found is not None and services.ledger.journal(found).lines == ()


def test_titipan_applied_when_due(services: Services, admin: User) -> None:
    _, loan_id = _loan(services, admin)
    services.loans.payments.record_payment(
        admin, loan_id, 100_000, date(2025, 1, 10), PaymentMethod.TUNAI, today=TODAY
    )
    applied = services.loans.payments.apply_titipan(admin, loan_id, date(2025, 2, 10))
    if applied is None:  # nothing held: the partial payment went to the first instalment
        return
    total = applied.pokok + applied.jasa + applied.denda
    lines = journal_lines(services, loan_key(applied.id, applied.kind))
    assert ("2104", total, 0) in lines


def test_month_end_books_ppap_as_the_delta_and_releases_it(services: Services, admin: User) -> None:
    _, loan_id = _loan(services, admin)
    first = services.loans.quality.month_end(admin, date(2025, 6, 30))
    booked = services.ledger.booked_ppap(loan_id, date(2025, 6, 30))
    assert booked > 0  # months in arrears: not Lancar
    key = ("ppap", first.id, f"pinjaman:{loan_id}")
    assert journal_lines(services, key) == [("1108", 0, booked), ("5301", booked, 0)]
    again = services.loans.quality.month_end(admin, date(2025, 6, 30), rerun=True)
    same = services.ledger.repo.find("ppap", again.id, f"pinjaman:{loan_id}")
    assert same is not None and services.ledger.journal(same).lines == ()  # Δ = 0: marker
    services.loans.payments.pay_off(admin, loan_id, date(2025, 7, 5), "tunai", today=TODAY)
    later = services.loans.quality.month_end(admin, date(2025, 7, 31))
    assert journal_lines(services, ("ppap", later.id, f"pinjaman:{loan_id}")) == [
        ("1108", booked, 0),
        ("4203", 0, booked),
    ]
    assert services.ledger.booked_ppap_total(date(2025, 7, 31)) == 0


def test_reversal_in_a_later_month_leaves_the_earlier_month_as_it_was(
    services: Services, admin: User
) -> None:
    _, loan_id = _loan(services, admin)
    pay = services.loans.payments.record_payment(
        admin, loan_id, 1_150_000, date(2025, 1, 10), PaymentMethod.TUNAI, today=TODAY
    )
    jan = {r.code: (r.debit, r.credit) for r in services.ledger.trial_balance(date(2025, 1, 31))}
    services.loans.payments.reverse(admin, pay.id, "cek kosong", date(2025, 2, 3), TODAY)
    assert {
        r.code: (r.debit, r.credit) for r in services.ledger.trial_balance(date(2025, 1, 31))
    } == jan
    feb = services.ledger.trial_balance(date(2025, 2, 28))
    income = {r.code: r.credit - r.debit for r in feb if r.type == "pendapatan"}
    assert income.get("4101", 0) == 0  # the jasa of the reversed payment is taken back
    assert services.ledger.loan_balance("piutang_pinjaman", loan_id, date(2025, 2, 28)) == (
        10_000_000
    )
