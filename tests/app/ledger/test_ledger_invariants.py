"""Invariants on hypothesis-generated sequences of money events (payments, reversals, waivers,
restructurings, settlements, write-offs and recoveries in random order): every journal balances,
the trial balance sums to zero and A = K + E + (P − B), each reversal negates its original, each
event has its journal or marker, and the loan control accounts equal an independent model."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import event as hyp_event
from hypothesis import strategies as st

from app.ledger import events as ev
from app.ledger.invariants import (
    all_problems,
    control_matches,
    control_total,
    events_booked,
    journals_balance,
    reversals_negate,
    trial_balance_zero,
)
from app.ledger.service import LedgerPolicy
from app.services import Services
from tests.app.ledger.ledger_fixtures import Books, books

START = date(2025, 1, 1)
money = st.integers(min_value=0, max_value=5_000_000)
loan_ix = st.integers(min_value=0, max_value=1)

OPS = st.one_of(
    st.tuples(st.just("disburse"), loan_ix, money, st.integers(0, 50_000)),
    st.tuples(st.just("pay"), loan_ix, money, money, st.integers(0, 20_000), st.integers(0, 9_999)),
    st.tuples(st.just("apply"), loan_ix, money),
    st.tuples(st.just("restructure"), loan_ix, money),
    st.tuples(st.just("ppap"), loan_ix, money),
    st.tuples(st.just("settle"), loan_ix, st.integers(0, 100)),
    st.tuples(st.just("writeoff"), loan_ix),
    st.tuples(st.just("recover"), loan_ix, money),
    st.tuples(st.just("waive"), loan_ix, money),
    st.tuples(st.just("save"), money, st.booleans()),
    st.tuples(st.just("reverse"), st.integers(0, 1_000)),
    st.tuples(st.just("accrue"), loan_ix, st.integers(0, 100_000)),
    st.tuples(st.just("downgrade"), loan_ix),
)


class _Rollback(Exception):
    pass


class Model:
    """What the sub-ledgers would say, per loan, from the events' own fields."""

    def __init__(self, bk: Books) -> None:
        self.bk = bk
        self.day = START
        self.seq = 0
        self.state = {loan: "baru" for loan in bk.loans}
        self.books: Counter[tuple[int, str]] = Counter()
        self.effects: dict[int, Counter[tuple[int, str]]] = {}
        self.events: list[ev.Event] = []
        self.accrual = bk.ledger.policy.jasa_basis == "akrual"

    def post(self, event: ev.Event, effect: dict[tuple[int, str], int]) -> None:
        jid = self.bk.ledger.post(event, self.bk.admin)
        self.events.append(event)
        self.effects[jid] = Counter(effect)
        self.books.update(effect)

    def n(self) -> int:
        self.seq += 1
        return self.seq

    def apply(self, op: tuple[object, ...]) -> None:
        self.day += timedelta(days=1)
        kind = op[0]
        common = {"source_id": self.n(), "on": self.day, "member_id": self.bk.member_id}
        if kind == "save":
            amount, out = int(op[1]), bool(op[2])  # type: ignore[call-overload]
            cls = ev.SavingsWithdrawal if out else ev.SavingsDeposit
            self.post(
                cls(kind="sukarela", amount=amount, **common),
                {(0, "2101"): -amount if out else amount},
            )
            return
        if kind == "reverse":
            open_ = [j for j in self.effects if self.bk.ledger.journal(j).reversed_by is None]
            open_ = [j for j in open_ if self.bk.ledger.journal(j).reverses_id is None]
            if open_:
                jid = open_[int(op[1]) % len(open_)]  # type: ignore[call-overload]
                rid = self.bk.ledger.reverse(jid, self.day, self.bk.admin)
                undo = Counter({k: -v for k, v in self.effects[jid].items()})
                self.effects[rid] = undo
                self.books.update(undo)
            return
        loan = self.bk.loans[int(op[1])]  # type: ignore[call-overload]
        lc = {**common, "loan_id": loan}
        out, booked = self.books[(loan, "1105")], self.books[(loan, "1108")]
        state = self.state[loan]
        if kind == "disburse" and state == "baru":
            plafon, fee = int(op[2]), int(op[3])  # type: ignore[call-overload]
            fee = min(fee, plafon)
            self.post(ev.Disbursement(plafon=plafon, admin_fee=fee, **lc), {(loan, "1105"): plafon})
            self.state[loan] = "aktif"
        elif kind == "pay" and state == "aktif":
            pokok, jasa, denda, extra = (int(x) for x in op[2:])  # type: ignore[call-overload]
            pokok = max(0, min(pokok, out))
            event = ev.InstalmentPayment(pokok=pokok, jasa=jasa, denda=denda, titipan=extra, **lc)
            settled = min(jasa, max(0, self.books[(loan, "1109")])) if self.accrual else 0
            effect = {(loan, "1105"): -pokok, (loan, "2104"): extra, (loan, "1109"): -settled}
            self.post(event, effect)
        elif kind == "accrue" and state == "aktif" and self.accrual:
            amount = int(op[2])  # type: ignore[call-overload]
            self.post(ev.JasaAccrual(amount=amount, **lc), {(loan, "1109"): amount})
        elif kind == "downgrade" and state == "aktif" and self.accrual:
            accrued = max(0, self.books[(loan, "1109")])
            self.post(ev.AccrualDowngrade(**lc), {(loan, "1109"): -accrued})
        elif kind == "apply" and state == "aktif":
            pokok = max(0, min(int(op[2]), out, self.books[(loan, "2104")]))  # type: ignore[call-overload]
            self.post(
                ev.TitipanApplied(pokok=pokok, **lc),
                {(loan, "1105"): -pokok, (loan, "2104"): -pokok},
            )
        elif kind == "restructure" and state == "aktif":
            cap = int(op[2])  # type: ignore[call-overload]
            self.post(
                ev.Restructuring(capitalised_jasa=cap, **lc),
                {(loan, "1105"): cap, (loan, "1107"): cap},
            )
        elif kind == "ppap" and state == "aktif":
            delta = int(op[2]) - booked  # type: ignore[call-overload]
            self.post(ev.PpapAdjustment(delta=delta, **lc), {(loan, "1108"): delta})
        elif kind == "settle" and state == "aktif" and out >= 0:
            paid = out * int(op[2]) // 100  # type: ignore[call-overload]
            used = min(max(booked, 0), out - paid)
            event = ev.Settlement(pokok_outstanding=out, pokok_paid=paid, **lc)
            self.post(event, {(loan, "1105"): -out, (loan, "1108"): -used})
            self.state[loan] = "lunas"
        elif kind == "writeoff" and state == "aktif" and out >= 0:
            deferred = self.books[(loan, "1107")]
            if not 0 <= deferred <= out:
                return
            accrued = max(0, self.books[(loan, "1109")]) if self.accrual else 0
            used = min(max(booked, 0), out - deferred + accrued)
            effect = {(loan, "1105"): -out, (loan, "1107"): -deferred, (loan, "1108"): -used}
            effect[(loan, "1109")] = -accrued
            self.post(ev.WriteOff(pokok=out, deferred_jasa=deferred, **lc), effect)
            self.state[loan] = "hapus_buku"
        elif kind == "recover" and state == "hapus_buku":
            self.post(ev.Recovery(amount=int(op[2]), **lc), {})  # type: ignore[call-overload]
        elif kind == "waive":
            jasa = int(op[2])  # type: ignore[call-overload]
            # accrual mode: the waived jasa takes back accrued jasa first
            taken = min(jasa, max(0, self.books[(loan, "1109")])) if self.accrual else 0
            self.post(ev.Waiver(jasa=jasa, **lc), {(loan, "1109"): -taken})

    def expected(self, account: str) -> dict[int, int]:
        return {loan: self.books[(loan, account)] for loan in self.bk.loans}


@pytest.fixture(params=["kas", "akrual"])
def bk(services: Services, request: pytest.FixtureRequest) -> Books:
    return books(services, LedgerPolicy(jasa_basis=request.param))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(OPS, min_size=1, max_size=40))
def test_random_sequences_keep_the_books_true(bk: Books, ops: list[tuple[object, ...]]) -> None:
    try:
        with bk.services.db.atomic():
            model = Model(bk)
            for op in ops:
                model.apply(op)
            ledger, day = bk.ledger, model.day
            hyp_event(f"journals>{min(len(model.effects), 10) // 5 * 5}")
            hyp_event(f"reversals>0:{any(ledger.repo.reversal_pairs())}")
            assert journals_balance(ledger) == []
            for as_of in (START, START + (day - START) / 2, day):
                assert trial_balance_zero(ledger, as_of) == []
            assert reversals_negate(ledger) == []
            assert events_booked(ledger, model.events) == []
            for role, account in (
                ("piutang_pinjaman", "1105"),
                ("titipan", "2104"),
            ):
                assert control_matches(ledger, role, model.expected(account), day) == []
            for role, account in (
                ("jasa_ditangguhkan", "1107"),
                ("ppap_cadangan", "1108"),
                ("jasa_akrual", "1109"),
            ):
                assert control_matches(ledger, role, model.expected(account), day) == []
            assert control_total(ledger, "simpanan_sukarela", model.books[(0, "2101")], day) == []
            ppap_total = sum(model.expected("1108").values())
            assert control_total(ledger, "ppap_cadangan", ppap_total, day) == []
            assert ledger.booked_ppap_total(day) == ppap_total
            raise _Rollback
    except _Rollback:
        pass


def test_the_checks_can_fail(bk: Books) -> None:
    """The invariant functions report a broken ledger (in Indonesian), not only a good one."""
    with pytest.raises(_Rollback), bk.services.db.atomic():
        ledger = bk.ledger
        loan = bk.loans[0]
        ledger.post(ev.Disbursement(source_id=1, on=START, loan_id=loan, plafon=1_000))
        assert control_matches(ledger, "piutang_pinjaman", {loan: 999}, START) == [
            "Akun 1105 Piutang pinjaman anggota pinjaman 1 per 2025-01-01: buku besar Rp1.000, "
            "rincian Rp999."
        ]
        assert events_booked(ledger, [ev.HapusTagih(source_id=9, on=START)]) == [
            "Hapus tagih (hapus_tagih 9) belum dibukukan."
        ]
        # a journal header the triggers cannot see being forged: drop them for this check
        bk.services.db.execute("DROP TRIGGER journal_lines_sealed")
        bk.services.db.execute(
            "INSERT INTO journal_lines (journal_id, account, debit) VALUES (1, '1101', 5)"
        )
        assert "tidak seimbang" in journals_balance(ledger)[0]
        assert any("tidak seimbang" in p for p in all_problems(ledger, START))
        raise _Rollback  # the forged line and the dropped trigger go with the transaction
    assert bk.services.db.scalar("SELECT count(*) FROM journal_lines") == 0
