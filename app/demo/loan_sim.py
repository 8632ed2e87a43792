"""The repayment history of one demo loan: when the member came, what they paid, and how the
payment was allocated — by the same rules as LoanPaymentService (due instalments in the
product's order, then the next ones paid in advance, leftover as titipan; denda crystallised
at each payment), so the stored events are exactly what the program itself would write."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from app.loans.allocation import Allocation, AllocationLine, OpenInstallment, allocate_payment
from app.loans.denda import DendaRule, denda_accrued
from app.loans.schedule import Installment

# Compact event kinds (the demo keeps a million of these in memory before numbering receipts).
PAY, REVERSAL, WAIVER, PAYOFF_DISCOUNT, REFUND, DISBURSE = range(6)


class Behaviour(StrEnum):
    TERTIB = "tertib"  # pays on or a little before the due date, now and then a few days late
    TELAT = "telat"  # often weeks late, catches up
    BERHENTI = "berhenti"  # stops paying at `stop` (then only small sums now and then)
    PERCEPAT = "percepat"  # pays regularly, then pays the loan off early


@dataclass
class SimEvent:
    ordinal: int
    kind: int
    amount: int = 0
    pokok: int = 0
    jasa: int = 0
    denda: int = 0
    titipan: int = 0
    lines: tuple[tuple[int | None, str, int], ...] = ()
    charges: tuple[tuple[int, int], ...] = ()
    reverses: int | None = None  # index within the loan's events
    reason: str = ""
    note: str = ""
    method: str = "tunai"
    fee: int = 0


@dataclass
class LoanSim:
    """Tracks what is owed on each instalment while the member's payments come in."""

    schedule: Sequence[Installment]
    rule: DendaRule
    order: tuple[str, ...]
    mode: str
    rem_pokok: list[int] = field(init=False)
    rem_jasa: list[int] = field(init=False)
    charged: list[int] = field(init=False)
    paid_denda: list[int] = field(init=False)
    titipan: int = 0
    events: list[SimEvent] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rem_pokok = [i.pokok for i in self.schedule]
        self.rem_jasa = [i.jasa for i in self.schedule]
        self.charged = [0] * len(self.schedule)
        self.charged_on: list[date | None] = [None] * len(self.schedule)
        self.paid_denda = [0] * len(self.schedule)
        self._first = 0  # first instalment with pokok or jasa unpaid
        self._denda_open: set[int] = set()  # instalments with denda charged and not settled

    # -- state ------------------------------------------------------------------------------
    @property
    def settled(self) -> bool:
        return self._first >= len(self.schedule) and self._denda_owed() == 0

    def _denda_owed(self) -> int:
        return sum(self.charged[i] - self.paid_denda[i] for i in self._denda_open)

    def _advance_first(self) -> None:
        while self._first < len(self.schedule) and (
            self.rem_pokok[self._first] + self.rem_jasa[self._first] == 0
        ):
            self._first += 1

    def _crystallise(self, on: date) -> tuple[tuple[int, int], ...]:
        charges = []
        for i in range(self._first, len(self.schedule)):
            item = self.schedule[i]
            if item.due_date >= on:
                break
            formula = self._accrued(i, on)
            if formula > self.charged[i]:
                charges.append((item.number, formula - self.charged[i]))
                self.charged[i] = formula
                self.charged_on[i] = on
                self._denda_open.add(i)
        return tuple(charges)

    def _open(self, i: int) -> OpenInstallment:
        item = self.schedule[i]
        return OpenInstallment(
            item.number,
            item.due_date,
            self.rem_pokok[i],
            self.rem_jasa[i],
            self.charged[i] - self.paid_denda[i],
        )

    def due_on(self, on: date) -> int:
        """What the clerk would ask for on `on`: everything due, denda included."""
        total = self._denda_owed()
        for i in range(self._first, len(self.schedule)):
            if self.schedule[i].due_date > on:
                break
            total += self.rem_pokok[i] + self.rem_jasa[i]
        return total + self._extra_denda(on)

    def _extra_denda(self, on: date) -> int:
        extra = 0
        for i in range(self._first, len(self.schedule)):
            item = self.schedule[i]
            if item.due_date >= on:
                break
            extra += max(0, self._accrued(i, on) - self.charged[i])
        return extra

    def _accrued(self, i: int, on: date) -> int:
        """Instalment i's denda on `on` under the services' rule (app.loans.denda)."""
        item = self.schedule[i]
        return denda_accrued(
            self.rule,
            item.due_date,
            item.pokok + item.jasa,
            self.rem_pokok[i],
            self.rem_jasa[i],
            self.charged[i],
            self.charged_on[i],
            on,
        )

    def next_installment(self, on: date) -> Installment | None:
        """The first instalment not yet due on `on` with anything unpaid."""
        for i in range(self._first, len(self.schedule)):
            if self.schedule[i].due_date > on:
                return self.schedule[i]
        return None

    # -- events -----------------------------------------------------------------------------
    def pay(self, on: date, amount: int, method: str = "tunai", note: str = "") -> SimEvent:
        """A receipt allocated exactly as LoanPaymentService would."""
        charges = self._crystallise(on)
        start = min([self._first, *self._denda_open])
        due = []
        index = start
        while index < len(self.schedule) and self.schedule[index].due_date <= on:
            item = self._open(index)
            if item.total > 0:
                due.append(item)
            index += 1
        held = self.titipan
        first = allocate_payment(due, amount + held, self.order, mode=self.mode)
        future: list[OpenInstallment] = []
        left = first.advance
        while left > 0 and index < len(self.schedule):
            item = self._open(index)
            future.append(item)
            left -= item.total
            index += 1
        ahead = allocate_payment(future, first.advance, self.order)
        allocation = Allocation(first.lines + ahead.lines, ahead.advance)
        self._apply(allocation, 1)
        change = allocation.advance - held
        self.titipan = allocation.advance
        lines: tuple[tuple[int | None, str, int], ...] = tuple(
            (ln.number, ln.component, ln.amount) for ln in allocation.lines
        )
        if change:
            lines += ((None, "titipan", change),)
        event = SimEvent(
            on.toordinal(),
            PAY,
            amount,
            allocation.total("pokok"),
            allocation.total("jasa"),
            allocation.total("denda"),
            change,
            lines,
            charges,
            method=method,
            note=note,
        )
        self.events.append(event)
        return event

    def _apply(self, allocation: Allocation, sign: int) -> None:
        for ln in allocation.lines:
            i = ln.number - 1
            if ln.component == "pokok":
                self.rem_pokok[i] -= sign * ln.amount
            elif ln.component == "jasa":
                self.rem_jasa[i] -= sign * ln.amount
            else:
                self.paid_denda[i] += sign * ln.amount
                if self.paid_denda[i] < self.charged[i]:
                    self._denda_open.add(i)
                else:
                    self._denda_open.discard(i)
        if sign < 0:
            self._first = min([self._first] + [ln.number - 1 for ln in allocation.lines])
        self._advance_first()

    def reverse_last(self, on: date, reason: str) -> None:
        """Cancel the last receipt (a clerk's mistake put right the same day)."""
        index = len(self.events) - 1
        original = self.events[index]
        allocation = Allocation(
            tuple(_line(n, c, a) for n, c, a in original.lines if c != "titipan"), 0
        )
        self._apply(allocation, -1)
        self.titipan -= original.titipan
        self.events.append(
            SimEvent(
                on.toordinal(),
                REVERSAL,
                -original.amount,
                -original.pokok,
                -original.jasa,
                -original.denda,
                -original.titipan,
                tuple((n, c, -a) for n, c, a in original.lines),
                (),
                index,
                reason,
                method=original.method,
            )
        )

    def waive_denda(self, on: date, share: float, reason: str) -> int:
        """A Pengurus waives part of the denda owed on `on`; the amount waived."""
        charges = self._crystallise(on)
        owed = self._denda_owed()
        amount = int(owed * share) // 1000 * 1000 or owed
        if owed <= 0 or amount <= 0:
            return 0
        due = [self._open(i) for i in sorted(self._denda_open)]
        only = allocate_payment(
            [OpenInstallment(d.number, d.due_date, 0, 0, d.denda) for d in due], amount
        )
        self._apply(only, 1)
        self.events.append(
            SimEvent(
                on.toordinal(),
                WAIVER,
                0,
                0,
                0,
                amount,
                0,
                tuple((ln.number, ln.component, ln.amount) for ln in only.lines),
                charges,
                reason=reason,
            )
        )
        return amount

    def pay_off(self, on: date, method: str = "tunai") -> None:
        """Early payoff under the 'current' rule: jasa after the running period (the one
        containing `on`, charged only while unpaid) is not charged."""
        running = next((i for i, x in enumerate(self.schedule) if x.due_date >= on), None)
        lines = []
        for i in range(self._first, len(self.schedule)):
            item = self.schedule[i]
            if item.due_date > on and i != running and self.rem_jasa[i]:
                lines.append((item.number, "jasa", self.rem_jasa[i]))
        if lines:
            given_up = Allocation(tuple(_line(*ln) for ln in lines), 0)
            charges = self._crystallise(on)
            self._apply(given_up, 1)
            self.events.append(
                SimEvent(
                    on.toordinal(),
                    PAYOFF_DISCOUNT,
                    0,
                    0,
                    sum(a for _, _, a in lines),
                    0,
                    0,
                    tuple(lines),
                    charges,
                    reason="Sisa pokok + jasa sampai angsuran berjalan + denda",
                    note="Jasa yang tidak ditagih karena pelunasan dipercepat",
                )
            )
        total = (
            self.due_on(on)
            + sum(
                self.rem_pokok[i] + self.rem_jasa[i]
                for i in range(self._first, len(self.schedule))
                if self.schedule[i].due_date > on
            )
            - self.titipan
        )
        if total > 0:
            self.pay(on, total, method, note="Pelunasan dipercepat")

    def refund(self, on: date) -> None:
        amount = self.titipan
        self.titipan = 0
        self.events.append(
            SimEvent(
                on.toordinal(),
                REFUND,
                amount,
                titipan=-amount,
                lines=((None, "titipan", -amount),),
                note="Titipan dikembalikan kepada anggota",
            )
        )


def _line(number: int | None, component: str, amount: int) -> AllocationLine:
    assert number is not None
    return AllocationLine(number, date.min, component, amount)


def visit_dates(
    rng: random.Random, schedule: Sequence[Installment], behaviour: Behaviour
) -> list[date]:
    """The days the member comes to pay, one per instalment (before the end of history)."""
    days = []
    for item in schedule:
        if behaviour == Behaviour.TELAT:
            shift = rng.choice((-2, 0, 3, 8, 15, 25, 40, 55))
        else:
            shift = rng.choices((-6, -3, -1, 0, 2, 5, 12), (12, 18, 20, 30, 10, 7, 3))[0]
        days.append(item.due_date + timedelta(days=shift))
    return days
