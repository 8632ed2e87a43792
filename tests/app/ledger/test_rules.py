"""Posting rules, Fineract-style: the exact journal lines (account, debit, credit) per event."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.ledger import events as ev
from app.ledger.rules import lines_for
from app.storage.schema import m0025_berjangka as m0025
from app.storage.schema.m0014_ledger import METHODS, ROLES
from app.storage.schema.m0015_ledger_history import OPENING
from app.storage.schema.m0024_jasa_pph import ROLES as JASA_ROLES

D = date(2025, 3, 10)


class Defaults:
    """The default chart's mapping (as the migration seeds it)."""

    def role(self, role: str) -> str:
        return {
            **dict(ROLES + JASA_ROLES),
            **dict(m0025.ROLES),
            "piutang_lain": "1111",
            "beban_penyusutan": "5207",
            "akumulasi_penyusutan": "1309",
        }[role]

    def method(self, method: str) -> str:
        transfer = {m: m0025.TRANSFER_ACCOUNT for m in m0025.SYSTEM_METHODS}
        return {**dict(METHODS), **transfer, OPENING[0]: OPENING[1]}[method]


def _lines(event: ev.Event) -> list[tuple[str, int, int]]:
    return [(line.account, line.debit, line.credit) for line in lines_for(event, Defaults())]


CASES: list[tuple[ev.Event, list[tuple[str, int, int]]]] = [
    (
        ev.SavingsDeposit(source_id=1, on=D, member_id=1, kind="pokok", amount=100_000),
        [("1101", 100_000, 0), ("3101", 0, 100_000)],
    ),
    (
        ev.SavingsDeposit(source_id=1, on=D, kind="wajib", amount=20_000, method="potong_gaji"),
        [("1110", 20_000, 0), ("3102", 0, 20_000)],
    ),
    (
        ev.SavingsDeposit(source_id=1, on=D, kind="sukarela", amount=5, method="transfer"),
        [("1103.01", 5, 0), ("2101", 0, 5)],
    ),
    (
        ev.SavingsWithdrawal(source_id=1, on=D, kind="sukarela", amount=70_000),
        [("2101", 70_000, 0), ("1101", 0, 70_000)],
    ),
    (
        ev.SavingsWithdrawal(source_id=1, on=D, kind="berjangka", amount=9),
        [("2102", 9, 0), ("1101", 0, 9)],
    ),
    (
        ev.Disbursement(
            source_id=1,
            on=D,
            plafon=5_000_000,
            admin_fee=50_000,
            premi=25_000,
            forced_savings=(("wajib", 100_000), ("sukarela", 10_000)),
        ),
        [
            ("1105", 5_000_000, 0),
            ("1101", 0, 4_815_000),
            ("4102", 0, 50_000),
            ("2105", 0, 25_000),
            ("3102", 0, 100_000),
            ("2101", 0, 10_000),
        ],
    ),
    (
        ev.Disbursement(source_id=1, on=D, plafon=1_000, admin_fee=10, defer_fee=True),
        [("1105", 1_000, 0), ("1101", 0, 990), ("2117", 0, 10)],
    ),
    (
        ev.InstalmentPayment(source_id=1, on=D, pokok=400, jasa=100, denda=7, titipan=3),
        [("1101", 510, 0), ("4103", 0, 7), ("4101", 0, 100), ("1105", 0, 400), ("2104", 0, 3)],
    ),
    (
        ev.InstalmentPayment(source_id=1, on=D, pokok=400, jasa=100, jasa_accrued=60),
        [("1101", 500, 0), ("1109", 0, 60), ("4101", 0, 40), ("1105", 0, 400)],
    ),
    (
        ev.TitipanIn(source_id=1, on=D, amount=50),
        [("1101", 50, 0), ("2104", 0, 50)],
    ),
    (
        ev.TitipanApplied(source_id=1, on=D, pokok=30, jasa=15, denda=5),
        [("2104", 50, 0), ("4103", 0, 5), ("4101", 0, 15), ("1105", 0, 30)],
    ),
    (
        ev.TitipanRefund(source_id=1, on=D, amount=50, method="transfer"),
        [("2104", 50, 0), ("1103.01", 0, 50)],
    ),
    (ev.TitipanToSukarela(source_id=1, on=D, amount=50), [("2104", 50, 0), ("2101", 0, 50)]),
    (ev.Waiver(source_id=1, on=D, jasa=100, denda=20), []),
    (
        ev.Waiver(source_id=1, on=D, jasa=100, accrued_jasa=60),
        [("4101", 60, 0), ("1109", 0, 60)],
    ),
    (
        ev.Waiver(source_id=1, on=D, jasa=100, accrued_jasa=60, same_year=False),
        [("5302", 60, 0), ("1109", 0, 60)],
    ),
    (ev.Rescheduling(source_id=1, on=D), []),
    (
        ev.Restructuring(source_id=1, on=D, capitalised_jasa=300),
        [("1105", 300, 0), ("1107", 0, 300)],
    ),
    (
        ev.Restructuring(source_id=1, on=D, capitalised_jasa=300, split_account=True),
        [("1106", 300, 0), ("1107", 0, 300)],
    ),
    (
        ev.DeferredJasaRelease(source_id=1, on=D, amount=25),
        [("1107", 25, 0), ("4101", 0, 25)],
    ),
    (ev.JasaAccrual(source_id=1, on=D, loan_id=4, amount=80), [("1109", 80, 0), ("4101", 0, 80)]),
    (
        ev.AccrualDowngrade(source_id=1, on=D, loan_id=4, amount=80),
        [("4101", 80, 0), ("1109", 0, 80)],
    ),
    (ev.AccrualDowngrade(source_id=1, on=D, loan_id=4, amount=0), []),
    (
        ev.Settlement(
            source_id=1,
            on=D,
            pokok_outstanding=1_000,
            pokok_paid=600,
            jasa_paid=50,
            denda_paid=10,
            allowance=150,
        ),
        [
            ("1101", 660, 0),
            ("1108", 150, 0),
            ("5302", 250, 0),
            ("4103", 0, 10),
            ("4101", 0, 50),
            ("1105", 0, 1_000),
        ],
    ),
    (
        ev.Settlement(source_id=1, on=D, pokok_outstanding=1_000, pokok_paid=900, allowance=500),
        [("1101", 900, 0), ("1108", 100, 0), ("1105", 0, 1_000)],
    ),
    (
        ev.SetOff(source_id=1, on=D, pokok=100, jasa=20, denda=5),
        [("2101", 125, 0), ("4103", 0, 5), ("4101", 0, 20), ("1105", 0, 100)],
    ),
    (ev.SetOff(source_id=1, on=D, from_exit=True, pokok=100), [("2115", 100, 0), ("1105", 0, 100)]),
    (
        ev.PpapAdjustment(source_id=1, on=D, loan_id=3, delta=700),
        [("5301", 700, 0), ("1108", 0, 700)],
    ),
    (
        ev.PpapAdjustment(source_id=1, on=D, loan_id=3, delta=-70),
        [("1108", 70, 0), ("4203", 0, 70)],
    ),
    (
        ev.PpapAdjustment(source_id=1, on=D, loan_id=3, delta=-70, release_to_expense=True),
        [("1108", 70, 0), ("5301", 0, 70)],
    ),
    (ev.PpapAdjustment(source_id=1, on=D, loan_id=3, delta=0), []),
    (
        ev.WriteOff(source_id=1, on=D, pokok=1_000, allowance=600),
        [("1108", 600, 0), ("5302", 400, 0), ("1105", 0, 1_000)],
    ),
    (
        ev.WriteOff(
            source_id=1, on=D, pokok=1_000, deferred_jasa=200, accrued_jasa=50, allowance=2_000
        ),
        [("1108", 850, 0), ("1107", 200, 0), ("1105", 0, 1_000), ("1109", 0, 50)],
    ),
    (ev.Recovery(source_id=1, on=D, amount=300), [("1101", 300, 0), ("4202", 0, 300)]),
    (
        ev.Recovery(source_id=1, on=D, amount=300, to_allowance=True),
        [("1101", 300, 0), ("1108", 0, 300)],
    ),
    (ev.HapusTagih(source_id=1, on=D), []),
    (  # an imported loan at the cut-over: the pokok outstanding against 3999, nothing else
        ev.LoanOpening(source_id=1, on=D, pokok=750_000),
        [("1105", 750_000, 0), ("3999", 0, 750_000)],
    ),
    (ev.PaidBeforeCutOver(source_id=1, on=D, pokok=400, jasa=100), []),  # old books' history
    (ev.IncomeNotRecognised(source_id=1, on=D, jasa=300, denda=40), []),
    (  # a payment that also used titipan held before: cash is what came in
        ev.InstalmentPayment(source_id=1, on=D, pokok=400, jasa=100, titipan_used=150),
        [("1101", 350, 0), ("2104", 150, 0), ("4101", 0, 100), ("1105", 0, 400)],
    ),
    (  # simpanan berjangka from sukarela (the transfer account), its jasa with PPh 4(2)
        ev.BerjangkaOpen(source_id=1, on=D, amount=2_000_000, method="sukarela"),
        [("1114", 2_000_000, 0), ("2102", 0, 2_000_000)],
    ),
    (
        ev.BerjangkaJasa(source_id=1, on=D, gross=300_000, tax=30_000),
        [("5102", 300_000, 0), ("1114", 0, 270_000), ("2106", 0, 30_000)],
    ),
    (  # early withdrawal: the penalty kept as income, no jasa
        ev.BerjangkaClose(source_id=1, on=D, principal=5_000_000, method="tunai", penalty=50_000),
        [("2102", 5_000_000, 0), ("1101", 0, 4_950_000), ("4104", 0, 50_000)],
    ),
    (  # a small piece past Rp240.000: the PPh above the jasa is taken from the member
        ev.BerjangkaJasa(source_id=1, on=D, gross=2_000, tax=24_100),
        [("5102", 2_000, 0), ("1114", 22_100, 0), ("2106", 0, 24_100)],
    ),
    (  # payout at maturity by bank, the last jasa net of PPh to sukarela
        ev.BerjangkaClose(
            source_id=1,
            on=D,
            principal=60_000_000,
            method="transfer",
            jasa=250_000,
            tax=25_000,
            jasa_method="jasa_berjangka",
        ),
        [
            ("2102", 60_000_000, 0),
            ("5102", 250_000, 0),
            ("1103.01", 0, 60_000_000),
            ("1114", 0, 225_000),
            ("2106", 0, 25_000),
        ],
    ),
    (  # jasa sukarela over the threshold: the member gets the net, 2106 the PPh
        ev.JasaSimpanan(source_id=1, on=D, member_id=1, kind="sukarela", gross=300, tax=30),
        [("5101", 300, 0), ("2101", 0, 270), ("2106", 0, 30)],
    ),
    (  # berjangka jasa under the threshold, to a payable
        ev.JasaSimpanan(
            source_id=1, on=D, kind="berjangka", gross=500, credit_role="simpanan_berjangka"
        ),
        [("5102", 500, 0), ("2102", 0, 500)],
    ),
    (  # the small piece that takes the month past Rp240.000 owes more PPh than itself
        ev.JasaSimpanan(source_id=1, on=D, kind="sukarela", gross=2_000, tax=24_100),
        [("5101", 2_000, 0), ("2101", 22_100, 0), ("2106", 0, 24_100)],
    ),
    (ev.PphDeposit(source_id=1, on=D, amount=24_100), [("2106", 24_100, 0), ("1101", 0, 24_100)]),
    (  # the whole PPh terutang deposited; the kurang potong is a receivable from the member
        ev.PphDeposit(source_id=1, on=D, amount=25_222, shortfall=3_000),
        [("2106", 22_222, 0), ("1111", 3_000, 0), ("1101", 0, 25_222)],
    ),
    (  # a fixed asset bought by bank transfer (issue 13 §1)
        ev.AssetPurchase(source_id=1, on=D, account="1303", amount=24_000_000, method="transfer"),
        [("1303", 24_000_000, 0), ("1103.01", 0, 24_000_000)],
    ),
    (
        ev.AssetDepreciation(source_id=1, on=D, amount=416_666),
        [("5207", 416_666, 0), ("1309", 0, 416_666)],
    ),
    (  # waived pokok: out of this loan's allowance first, the rest a loss
        ev.Waiver(source_id=1, on=D, pokok=500, jasa=100, allowance=200),
        [("1108", 200, 0), ("5302", 300, 0), ("1105", 0, 500)],
    ),
]


@pytest.mark.parametrize(
    ("event", "expected"), CASES, ids=[f"{i}-{type(c[0]).__name__}" for i, c in enumerate(CASES)]
)
def test_exact_lines(event: ev.Event, expected: list[tuple[str, int, int]]) -> None:
    assert _lines(event) == expected


def test_every_event_type_has_a_case() -> None:
    assert {type(event) for event, _ in CASES} == set(ev.EVENT_TYPES)


def test_keys_tell_events_apart() -> None:
    keys = {event.key() for event, _ in CASES if not isinstance(event, ev.PpapAdjustment)}
    assert (ev.SavingsDeposit.SOURCE, 1, "setoran") in keys
    a = ev.PpapAdjustment(source_id=1, on=D, loan_id=3, delta=1)
    b = ev.PpapAdjustment(source_id=1, on=D, loan_id=4, delta=1)
    assert a.key() != b.key()


amounts = st.integers(min_value=0, max_value=10**12)


@given(amounts, amounts, amounts, amounts, amounts)
def test_settlement_always_balances_and_clears_the_pokok(
    outstanding: int, paid: int, jasa: int, denda: int, allowance: int
) -> None:
    paid = min(paid, outstanding)
    event = ev.Settlement(
        source_id=1,
        on=D,
        pokok_outstanding=outstanding,
        pokok_paid=paid,
        jasa_paid=jasa,
        denda_paid=denda,
        allowance=allowance,
    )
    lines = _lines(event)
    assert sum(d for _, d, _ in lines) == sum(c for _, _, c in lines)
    assert sum(c - d for a, d, c in lines if a == "1105") == outstanding
    assert sum(d for a, d, _ in lines if a == "1108") == min(allowance, outstanding - paid)
    assert all((d > 0) != (c > 0) for _, d, c in lines)


@given(amounts, amounts, amounts, st.lists(amounts, max_size=3))
def test_disbursement_lines_sum_to_plafon(
    plafon: int, fee: int, premi: int, forced: list[int]
) -> None:
    event = ev.Disbursement(
        source_id=1,
        on=D,
        plafon=plafon,
        admin_fee=fee,
        premi=premi,
        forced_savings=tuple(("wajib", a) for a in forced),
    )
    if fee + premi + sum(forced) > plafon:
        with pytest.raises(ValidationError, match="melebihi plafon"):
            _lines(event)
        return
    lines = _lines(event)
    assert sum(c for _, _, c in lines) == plafon == sum(d for _, d, _ in lines)


@pytest.mark.parametrize(
    "event",
    [
        ev.SavingsDeposit(source_id=1, on=D, kind="pokok", amount=-1),
        ev.InstalmentPayment(source_id=1, on=D, pokok=-1),
        ev.Recovery(source_id=1, on=D, amount=-5),
        ev.SavingsDeposit(source_id=1, on=D, kind="hadiah", amount=1),
        ev.Settlement(source_id=1, on=D, pokok_outstanding=10, pokok_paid=11),
        ev.InstalmentPayment(source_id=1, on=D, jasa=5, jasa_accrued=6),
    ],
)
def test_bad_amounts_refused_in_indonesian(event: ev.Event) -> None:
    with pytest.raises(ValidationError) as info:
        _lines(event)
    assert any(word in info.value.message for word in ("tidak", "melebihi"))
