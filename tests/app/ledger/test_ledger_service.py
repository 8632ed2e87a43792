"""LedgerService: one journal per event in the caller's transaction, reversals that copy,
markers, the chart's guards, Jurnal Umum with approval, trial balance and Buku Besar."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.ledger import events as ev
from app.ledger.invariants import all_problems, reversals_negate
from app.ledger.models import Line
from app.ledger.service import LedgerPolicy
from app.services import Services
from app.users.models import Role
from tests.app.ledger.ledger_fixtures import Books, books
from tests.conftest import make_user
from tests.engines import schema_refuses

pytestmark = pytest.mark.both_engines

D = date(2025, 3, 10)


@pytest.fixture
def bk(services: Services) -> Books:
    return books(services)


def _post(bk: Books, event: ev.Event) -> int:
    with bk.services.db.atomic():
        return bk.ledger.post(event, bk.admin)


def _rows(bk: Books, journal_id: int) -> list[tuple[str, int, int]]:
    return [(x.account, x.debit, x.credit) for x in bk.ledger.journal(journal_id).lines]


def test_post_refuses_to_run_outside_a_transaction(bk: Books) -> None:
    with pytest.raises(RuntimeError, match="transaction"):
        bk.ledger.post(ev.TitipanIn(source_id=1, on=D, amount=5))


def test_post_rides_the_callers_transaction(bk: Books) -> None:
    with pytest.raises(ZeroDivisionError), bk.services.db.atomic():
        bk.ledger.post(ev.TitipanIn(source_id=1, on=D, amount=5))
        _ = 1 / 0  # the event's own write fails after posting: nothing of it stays
    assert bk.ledger.journal_of(ev.TitipanIn(source_id=1, on=D, amount=5)) is None


def test_second_journal_for_the_same_event_refused(bk: Books) -> None:
    event = ev.SavingsDeposit(source_id=7, on=D, member_id=bk.member_id, kind="wajib", amount=9)
    _post(bk, event)
    with pytest.raises(ValidationError, match="sudah dibukukan"):
        _post(bk, event)
    with schema_refuses(), bk.services.db.atomic():  # and in the file
        bk.ledger.repo.write(
            on=D,
            source="simpanan",
            source_id=7,
            role="setoran",
            description="",
            lines=[],
            user_id=None,
        )


def test_lines_carry_the_sub_ledger_ids(bk: Books) -> None:
    jid = _post(
        bk,
        ev.Disbursement(
            source_id=bk.loans[0],
            on=D,
            member_id=bk.member_id,
            loan_id=bk.loans[0],
            plafon=1_000,
            admin_fee=10,
        ),
    )
    journal = bk.ledger.journal(jid)
    assert {(x.member_id, x.loan_id) for x in journal.lines} == {(bk.member_id, bk.loans[0])}
    assert journal.number == "J2025-000001" and journal.source == "pinjaman"


def test_no_gl_event_writes_a_marker(bk: Books) -> None:
    jid = _post(bk, ev.HapusTagih(source_id=3, on=D, loan_id=bk.loans[0]))
    marker = bk.ledger.journal(jid)
    assert marker.no_gl and marker.lines == ()
    assert all_problems(bk.ledger, D) == []


def test_reversal_copies_lines_swapped_even_after_a_mapping_change(bk: Books) -> None:
    jid = _post(
        bk,
        ev.SavingsDeposit(
            source_id=1,
            on=D,
            kind="sukarela",
            amount=500,
            method="transfer",
            member_id=bk.member_id,
        ),
    )
    bank = bk.ledger.accounts.add_sub_account(bk.admin, "1103", "02", "Bank BRI").code
    assert bank == "1103.02"
    bk.ledger.accounts.map_method(bk.admin, "transfer", bank, date(2025, 1, 1))
    with bk.services.db.atomic():
        rid = bk.ledger.reverse(jid, date(2025, 4, 1), bk.admin)
    assert _rows(bk, rid) == [("1103.01", 0, 500), ("2101", 500, 0)]
    original, reversal = bk.ledger.journal(jid), bk.ledger.journal(rid)
    assert original.reversed_by == rid and reversal.reverses_id == jid  # linked both ways
    assert reversals_negate(bk.ledger) == []
    # a new event dated after the change posts to the bank sub-account
    jid2 = _post(
        bk,
        ev.SavingsDeposit(
            source_id=2, on=D, kind="sukarela", amount=5, method="transfer", member_id=bk.member_id
        ),
    )
    assert _rows(bk, jid2)[0] == ("1103.02", 5, 0)


def test_reversal_refusals(bk: Books) -> None:
    jid = _post(bk, ev.TitipanIn(source_id=1, on=D, amount=5))
    with bk.services.db.atomic(), pytest.raises(ValidationError, match="sebelum"):
        bk.ledger.reverse(jid, date(2025, 3, 9))
    with bk.services.db.atomic():
        rid = bk.ledger.reverse_event("titipan", 1, "masuk", D)
    with bk.services.db.atomic(), pytest.raises(ValidationError, match="sudah dibalik"):
        bk.ledger.reverse(jid, D)
    with bk.services.db.atomic(), pytest.raises(ValidationError, match="pembalik"):
        bk.ledger.reverse(rid, D)


def test_dated_role_versions_and_product_override(bk: Books) -> None:
    acc = bk.ledger.accounts
    acc.add_sub_account(bk.admin, "4102", "01", "Provisi produk khusus")
    acc.map_role(bk.admin, "pendapatan_provisi", "4102.01", date(2025, 6, 1), product_id=1)
    assert acc.resolver(date(2025, 5, 31), 1).role("pendapatan_provisi") == "4102"
    assert acc.resolver(date(2025, 6, 1), 1).role("pendapatan_provisi") == "4102.01"
    assert acc.resolver(date(2025, 6, 1), 2).role("pendapatan_provisi") == "4102"
    assert acc.resolver(date(2025, 6, 1)).role("pendapatan_provisi") == "4102"


def test_accounts_guarded(bk: Books) -> None:
    acc = bk.ledger.accounts
    _post(bk, ev.TitipanIn(source_id=1, on=D, amount=5))
    with pytest.raises(ValidationError, match="sudah punya transaksi"):
        acc.add_sub_account(bk.admin, "1101", "01", "Kas teller")
    with schema_refuses(), bk.services.db.atomic():
        acc.repo.delete("1101")  # an account with postings is never deleted
    with schema_refuses(), bk.services.db.atomic():
        bk.ledger.repo.write(
            on=D,
            source="x",
            source_id=1,
            role="x",
            description="",
            lines=[Line("11", 5), Line("1101", 0, 5)],
            user_id=None,
        )
    acc.set_active(bk.admin, "1102", False)
    with pytest.raises(ValidationError, match="tidak aktif"):
        acc.postable("1102")
    with pytest.raises(ValidationError, match="akun induk"):
        acc.postable("52")
    acc.rename(bk.admin, "1102", "Kas kecil kantor")
    assert acc.get("1102").name == "Kas kecil kantor"
    actions = [(e.action, e.entity_id) for e in bk.services.audit.entries("akun")]
    assert ("ubah", "1102") in actions and ("nonaktifkan", "1102") in actions


def test_unbalanced_journal_refused_by_the_file_itself(bk: Books) -> None:
    with schema_refuses("not balanced"), bk.services.db.atomic():
        bk.ledger.repo.write(
            on=D,
            source="x",
            source_id=1,
            role="x",
            description="",
            lines=[Line("1101", 5), Line("4204", 0, 4)],
            user_id=None,
        )
    _post(bk, ev.TitipanIn(source_id=1, on=D, amount=5))
    for statement in ("UPDATE journal_lines SET debit = 1", "DELETE FROM journals"):
        with schema_refuses("append-only"), bk.services.db.atomic():
            bk.services.db.run(statement)


def test_manual_journal_refused_unless_balanced(bk: Books) -> None:
    with pytest.raises(ValidationError, match="belum seimbang") as info:
        bk.manual.submit(
            bk.admin, D, "Listrik Maret", [Line("5204", 350_000), Line("1101", 0, 300_000)]
        )
    assert "selisih Rp50.000" in info.value.message
    with pytest.raises(ValidationError, match="akun induk"):
        bk.manual.submit(bk.admin, D, "Listrik", [Line("52", 5), Line("1101", 0, 5)])
    done = bk.manual.submit(
        bk.admin, D, "Listrik Maret", [Line("5204", 350_000), Line("1101", 0, 350_000)]
    )
    assert done.journal_id is not None
    assert _rows(bk, done.journal_id) == [("5204", 350_000, 0), ("1101", 0, 350_000)]


def test_large_manual_journal_waits_for_a_second_person(services: Services) -> None:
    bk = books(services, LedgerPolicy(approval_above=1_000_000), loans=0)
    lines = [Line("1303", 25_000_000), Line("1103.01", 0, 25_000_000)]
    pending = bk.manual.submit(bk.admin, D, "Beli motor operasional", lines)
    assert pending.journal_id is None and bk.ledger.trial_balance(D) == []
    with pytest.raises(ValidationError, match="orang lain"):
        bk.manual.approve(bk.admin, pending.request_id)
    other = make_user(services, Role.PENGURUS, "bendahara", "Uji Bendahara")
    jid = bk.manual.approve(other, pending.request_id)
    assert bk.ledger.journal(jid).created_by == other.id
    with pytest.raises(ValidationError, match="sudah diputuskan"):
        bk.manual.approve(other, pending.request_id)
    assert [(r.code, r.debit, r.credit) for r in bk.ledger.trial_balance(D)] == [
        ("1103.01", 0, 25_000_000),
        ("1303", 25_000_000, 0),
    ]


def test_trial_balance_and_buku_besar(bk: Books) -> None:
    _post(bk, ev.SavingsDeposit(source_id=1, on=date(2025, 1, 5), kind="pokok", amount=100))
    _post(bk, ev.SavingsDeposit(source_id=2, on=date(2025, 2, 5), kind="sukarela", amount=50))
    _post(bk, ev.SavingsWithdrawal(source_id=3, on=date(2025, 3, 5), kind="sukarela", amount=20))
    tb = bk.ledger.trial_balance(date(2025, 2, 28))
    assert [(r.code, r.debit, r.credit) for r in tb] == [
        ("1101", 150, 0),
        ("2101", 0, 50),
        ("3101", 0, 100),
    ]
    page = bk.ledger.buku_besar("1101", date(2025, 2, 1), date(2025, 3, 31))
    assert page.opening == 100
    assert [(r.debit, r.credit, r.balance) for r in page.rows] == [(50, 0, 150), (0, 20, 130)]
    assert page.closing == 130
    liab = bk.ledger.buku_besar("2101", date(2025, 1, 1), date(2025, 12, 31))
    assert [r.balance for r in liab.rows] == [50, 30]  # on its normal (credit) side


def test_accrual_mode_settles_accrued_jasa_first(services: Services) -> None:
    bk = books(services, LedgerPolicy(jasa_basis="akrual"))
    loan = bk.loans[0]
    _post(bk, ev.JasaAccrual(source_id=1, on=date(2025, 1, 31), loan_id=loan, amount=80))
    jid = _post(bk, ev.InstalmentPayment(source_id=1, on=D, loan_id=loan, pokok=100, jasa=120))
    assert _rows(bk, jid) == [("1101", 220, 0), ("1109", 0, 80), ("4101", 0, 40), ("1105", 0, 100)]


def test_settlement_and_write_off_use_this_loans_booked_allowance(bk: Books) -> None:
    a, b = bk.loans
    _post(bk, ev.PpapAdjustment(source_id=1, on=date(2025, 1, 31), loan_id=a, delta=300))
    _post(bk, ev.PpapAdjustment(source_id=1, on=date(2025, 1, 31), loan_id=b, delta=900))
    assert bk.ledger.booked_ppap(a, D) == 300
    jid = _post(bk, ev.WriteOff(source_id=1, on=D, loan_id=a, pokok=1_000))
    assert _rows(bk, jid) == [("1108", 300, 0), ("5302", 700, 0), ("1105", 0, 1_000)]
    jid = _post(
        bk, ev.Settlement(source_id=1, on=D, loan_id=b, pokok_outstanding=1_000, pokok_paid=400)
    )
    assert _rows(bk, jid) == [("1101", 400, 0), ("1108", 600, 0), ("1105", 0, 1_000)]


def test_journal_search(bk: Books) -> None:
    loan = bk.loans[0]
    _post(
        bk,
        ev.SavingsDeposit(
            source_id=1,
            on=date(2025, 1, 5),
            kind="sukarela",
            amount=100,
            method="transfer",
            member_id=bk.member_id,
        ),
    )
    jid = _post(
        bk,
        ev.InstalmentPayment(
            source_id=2,
            on=date(2025, 2, 5),
            loan_id=loan,
            member_id=bk.member_id,
            pokok=70,
            jasa=30,
        ),
    )
    everything = bk.ledger.search(date(2025, 1, 1), date(2025, 12, 31))
    assert [r.number for r in everything] == ["J2025-000001"] * 2 + ["J2025-000002"] * 3
    by_account = bk.ledger.search(date(2025, 1, 1), date(2025, 12, 31), account="1103")
    assert [(r.account, r.debit) for r in by_account] == [("1103.01", 100)]  # sub-accounts
    by_source = bk.ledger.search(date(2025, 1, 1), date(2025, 12, 31), source="angsuran")
    assert {(r.journal_id, r.loan_id, r.member_id) for r in by_source} == {
        (jid, loan, bk.member_id)
    }
    assert bk.ledger.search(date(2025, 1, 1), date(2025, 1, 31), number="J2025-000002") == []
    assert len(bk.ledger.search(date(2025, 1, 1), date(2025, 2, 5), number="J2025-000002")) == 3


def test_accrual_downgrade_takes_back_the_unpaid_accrual(services: Services) -> None:
    bk = books(services, LedgerPolicy(jasa_basis="akrual"))
    loan = bk.loans[0]
    _post(bk, ev.JasaAccrual(source_id=1, on=date(2025, 1, 31), loan_id=loan, amount=80))
    _post(bk, ev.InstalmentPayment(source_id=1, on=D, loan_id=loan, jasa=30))
    jid = _post(bk, ev.AccrualDowngrade(source_id=1, on=date(2025, 3, 31), loan_id=loan))
    assert _rows(bk, jid) == [("4101", 50, 0), ("1109", 0, 50)]
    assert bk.ledger.loan_balance("jasa_akrual", loan, date(2025, 3, 31)) == 0


def test_ppap_adjustment_is_the_delta_to_what_is_booked(bk: Books) -> None:
    loan, on = bk.loans[0], date(2025, 1, 31)
    _post(bk, bk.ledger.ppap_adjustment(1, loan, 500, on))
    event = bk.ledger.ppap_adjustment(2, loan, 200, date(2025, 2, 28))
    assert event.delta == -300
    _post(bk, event)
    marker = _post(bk, bk.ledger.ppap_adjustment(3, loan, 200, date(2025, 3, 31)))
    assert bk.ledger.journal(marker).no_gl
    assert bk.ledger.booked_ppap(loan, date(2025, 3, 31)) == 200
    assert bk.ledger.booked_ppap_total(date(2025, 3, 31)) == 200
