"""Jasa accrual on Lancar loans (LEDGER.md §2.1, the setting `books.jasa_basis = akrual_lancar`)
as pure rules: how much a loan's month-end accrual posts, its ledger event, and the sub-ledger of
accrued jasa (1109) per loan replayed from the stored records.

At each month's end (from the class in the month-end snapshot):
- Lancar: 1109 is brought to the jasa due and unpaid at the month's end (usually an accrual;
  less when payments the books could not yet see had paid accrued jasa: then taken back);
- DPK: nothing new is accrued and what stays accrued is kept (LEDGER.md: reversed on a downgrade
  to KL/D/M only); payments keep clearing it;
- KL, D, M (and a loan no longer aktif): whatever is still accrued is taken back, the loan is on
  cash basis until it is Lancar again.
Payments, titipan applied, waivers and hapus buku clear accrued jasa first (their journals
credit 1109 up to the loan's balance at the event's date)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from app.ledger import events as ev

LANCAR = "L"
KEEP = ("DPK",)  # no new accrual, nothing taken back


@dataclass(frozen=True)
class NewAccrual:
    loan_id: int
    month: str  # "YYYY-MM"
    as_of: date
    run_id: int | None
    quality: str  # the class in the month-end snapshot ("" = no longer aktif)
    due_unpaid: int
    accrued_before: int
    amount: int  # signed: + accrued, − taken back


@dataclass(frozen=True)
class AccrualRecord(NewAccrual):
    id: int


def accrual_amount(quality: str, due_unpaid: int, accrued: int) -> int:
    """What the month's accrual posts for a loan of class `quality` with `due_unpaid` jasa due
    and not paid at the month's end and `accrued` already in 1109 for it (0: nothing)."""
    if quality == LANCAR:
        return max(0, due_unpaid) - accrued
    if quality in KEEP:
        return 0
    return -accrued if accrued > 0 else 0


def accrual_event(record: AccrualRecord, member_id: int, product_id: int | None) -> ev.Event:
    """The ledger event of one stored accrual row: an accrual (or, for a Lancar loan, the part
    no longer due taken back), or the reversal of a downgraded loan's accrued jasa."""
    common = {
        "source_id": record.id,
        "on": record.as_of,
        "member_id": member_id,
        "loan_id": record.loan_id,
        "product_id": product_id,
        "note": record.month,
    }
    if record.amount < 0 and record.quality not in (LANCAR, *KEEP):
        return ev.AccrualDowngrade(amount=-record.amount, **common)  # type: ignore[arg-type]
    return ev.JasaAccrual(amount=record.amount, **common)  # type: ignore[arg-type]


def clear_accrued(event: ev.Event, accrued: Callable[[], int]) -> ev.Event:
    """In accrual mode: the part of a payment's (titipan applied's, waiver's) jasa that settles
    the loan's accrued jasa, and hapus buku taking all of it, from `accrued()` (the loan's 1109
    balance at the event's date). An amount the caller set is kept."""
    if isinstance(event, ev.InstalmentPayment | ev.TitipanApplied) and event.jasa:
        if not event.jasa_accrued:
            return dataclasses.replace(event, jasa_accrued=max(0, min(event.jasa, accrued())))
    elif isinstance(event, ev.Waiver) and event.jasa and not event.accrued_jasa:
        if event.future_jasa:  # the jasa an early payoff does not charge was never due
            return event
        return dataclasses.replace(event, accrued_jasa=max(0, min(event.jasa, accrued())))
    elif isinstance(event, ev.WriteOff) and not event.accrued_jasa:
        return dataclasses.replace(event, accrued_jasa=max(0, accrued()))
    return event


@dataclass(frozen=True)
class AccrualStep:
    """One journal that moves a loan's accrued jasa, in the order the journals were written.

    kind: "akrual" (`amount` signed, as posted), "bayar" (a payment, titipan applied or waiver
    with `amount` jasa: clears up to the balance at `as_of`), "hapus" (hapus buku: clears all at
    `as_of`), "balik" (a reversal of journal `reverses`)."""

    journal_id: int
    posted_on: date  # the journal's date
    as_of: date  # the event's own date (what the service read the balance at)
    loan_id: int
    kind: str
    amount: int = 0
    reverses: int | None = None


def accrued_by_loan(steps: Iterable[AccrualStep]) -> dict[int, int]:
    """The sub-ledger of accrued jasa: per loan, what is accrued and not yet paid, taken back or
    written off, replayed from the records by the rule (not read from 1109). Each loan's effects
    are kept apart, so a payment sums only its own loan's effects (linear in the loans, not in
    all the steps of the file)."""
    effects: dict[int, tuple[int, date, int]] = {}  # journal → (loan, dated, effect)
    by_loan: dict[int, dict[int, tuple[date, int]]] = {}  # loan → journal → (dated, effect)

    def record(journal: int, loan: int, on: date, effect: int) -> None:
        previous = effects.get(journal)
        if previous is not None:  # a journal seen twice: the later step wins, as in a dict
            del by_loan[previous[0]][journal]
        effects[journal] = (loan, on, effect)
        by_loan.setdefault(loan, {})[journal] = (on, effect)

    for step in sorted(steps, key=lambda s: s.journal_id):
        if step.kind == "balik":
            original = effects.get(step.reverses or 0)
            if original is not None:
                record(step.journal_id, original[0], step.posted_on, -original[2])
            continue
        if step.kind == "akrual":
            effect = step.amount
        else:
            own = by_loan.get(step.loan_id, {})
            balance = sum(e for on, e in own.values() if on <= step.as_of)
            cleared = max(0, balance if step.kind == "hapus" else min(step.amount, balance))
            effect = -cleared
        record(step.journal_id, step.loan_id, step.posted_on, effect)
    totals: dict[int, int] = {}
    for loan, _, effect in effects.values():
        totals[loan] = totals.get(loan, 0) + effect
    return totals
