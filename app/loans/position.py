"""A loan's position at a date from its schedule and the totals settled (pure, no storage).

The rules, shared with the SQL that does the same for every loan at once
(app/storage/loans_quality_repo.py) and tested against it:

- Amounts settled on a component (paid, waived, given up) fill that component's instalments
  oldest first. A reversal therefore re-opens the newest settled amounts; every screen and
  report derives the same state from the same totals.
- An instalment is in arrears from the day after its due date (on the due date it is due but
  not late). Days past due count from the oldest instalment with pokok or jasa unpaid.
- Denda on an instalment at a date = the denda crystallised on it (at each payment or
  waiver the amount accrued so far is recorded) + the rule applied, for the days (or started
  months) after the last crystallisation, to what is unpaid now (app.loans.denda.denda_accrued,
  §4a). So paying late does not make earlier denda vanish, a partial payment lowers the base
  from the next day on, denda never freezes while anything is overdue and is never
  compounded. Denda settled fills instalments oldest first, too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.formats import add_months
from app.loans.allocation import OpenInstallment
from app.loans.denda import DendaRule, denda_accrued
from app.loans.models import InstallmentState, ScheduleLine
from app.loans.schedule import Installment

__all__ = ["Position", "is_bullet", "loan_position", "months_in_diragukan", "whole_months"]


@dataclass(frozen=True)
class Position:
    as_of: date
    lines: tuple[ScheduleLine, ...]
    outstanding: int  # principal still owed
    arrears_pokok: int
    arrears_jasa: int
    arrears_denda: int
    oldest_pokok_due: date | None
    oldest_jasa_due: date | None
    installments_missed: int
    charges_due: tuple[tuple[int, int], ...]  # denda to crystallise now: (number, amount)

    @property
    def oldest_due(self) -> date | None:
        dates = [d for d in (self.oldest_pokok_due, self.oldest_jasa_due) if d is not None]
        return min(dates) if dates else None

    @property
    def days_past_due(self) -> int:
        oldest = self.oldest_due
        return (self.as_of - oldest).days if oldest else 0

    def open_due(self) -> list[OpenInstallment]:
        """Instalments due on or before the date with anything unpaid, denda included."""
        return [
            _open(line) for line in self.lines if line.due_date <= self.as_of and line.remaining > 0
        ]

    def open_all(self) -> list[OpenInstallment]:
        """Every instalment with anything unpaid, due or not."""
        return [_open(line) for line in self.lines if line.remaining > 0]

    @property
    def denda_owed(self) -> int:
        return sum(line.denda - line.paid_denda for line in self.lines)

    @property
    def is_settled(self) -> bool:
        """Nothing at all is left: every pokok, jasa and denda is settled."""
        return all(line.remaining == 0 for line in self.lines)


def _open(line: ScheduleLine) -> OpenInstallment:
    return OpenInstallment(
        number=line.number,
        due_date=line.due_date,
        pokok=line.pokok - line.paid_pokok,
        jasa=line.jasa - line.paid_jasa,
        denda=line.denda - line.paid_denda,
    )


def _fill(total: int, already: int, size: int) -> int:
    """How much of an item of `size` a total settled covers when `already` went to earlier ones."""
    return max(0, min(size, total - already))


def loan_position(
    schedule: Sequence[Installment],
    settled_pokok: int,
    settled_jasa: int,
    settled_denda: int,
    charges: Mapping[int, tuple[int, date | None]],
    rule: DendaRule,
    as_of: date,
) -> Position:
    """The position at `as_of` of a schedule given the totals settled up to that date and the
    denda charged on each instalment up to it: number -> (amount, date of the last charge)."""
    lines: list[ScheduleLine] = []
    cum_pokok = cum_jasa = cum_denda = 0
    charges_due: list[tuple[int, int]] = []
    arrears_pokok = arrears_jasa = missed = 0
    oldest_pokok: date | None = None
    oldest_jasa: date | None = None
    for item in schedule:
        pokok, jasa = item.pokok, item.jasa
        # _fill inlined (the import computes this for tens of thousands of loans)
        paid_pokok = settled_pokok - cum_pokok
        paid_pokok = paid_pokok if paid_pokok < pokok else pokok
        paid_pokok = paid_pokok if paid_pokok > 0 else 0
        paid_jasa = settled_jasa - cum_jasa
        paid_jasa = paid_jasa if paid_jasa < jasa else jasa
        paid_jasa = paid_jasa if paid_jasa > 0 else 0
        cum_pokok += pokok
        cum_jasa += jasa
        unpaid_pokok = pokok - paid_pokok
        unpaid_jasa = jasa - paid_jasa
        charged, charged_on = charges.get(item.number, (0, None))
        accrued = denda_accrued(
            rule,
            item.due_date,
            item.pokok + item.jasa,
            unpaid_pokok,
            unpaid_jasa,
            charged,
            charged_on,
            as_of,
        )
        if accrued > charged:
            charges_due.append((item.number, accrued - charged))
        paid_denda = _fill(settled_denda, cum_denda, accrued)
        cum_denda += accrued
        late = item.due_date < as_of
        if late and unpaid_pokok + unpaid_jasa > 0:
            missed += 1
            arrears_pokok += unpaid_pokok
            arrears_jasa += unpaid_jasa
            if unpaid_pokok and oldest_pokok is None:
                oldest_pokok = item.due_date
            if unpaid_jasa and oldest_jasa is None:
                oldest_jasa = item.due_date
        lines.append(
            ScheduleLine(
                number=item.number,
                due_date=item.due_date,
                pokok=item.pokok,
                jasa=item.jasa,
                balance=item.balance,
                paid_pokok=paid_pokok,
                paid_jasa=paid_jasa,
                denda=accrued,
                paid_denda=paid_denda,
                state=_state(
                    unpaid_pokok + unpaid_jasa + accrued - paid_denda,
                    late,
                    unpaid_pokok + unpaid_jasa,
                    paid_pokok + paid_jasa + paid_denda,
                ),
            )
        )
    principal = sum(item.pokok for item in schedule)
    return Position(
        as_of=as_of,
        lines=tuple(lines),
        outstanding=principal - min(settled_pokok, principal),
        arrears_pokok=arrears_pokok,
        arrears_jasa=arrears_jasa,
        arrears_denda=max(0, cum_denda - settled_denda),
        oldest_pokok_due=oldest_pokok,
        oldest_jasa_due=oldest_jasa,
        installments_missed=missed,
        charges_due=tuple(charges_due),
    )


def _state(remaining: int, late: bool, unpaid: int, paid: int) -> InstallmentState:
    """An instalment's state from what is left of it (pokok + jasa + denda), whether it is
    past due, its pokok + jasa unpaid and everything paid on it."""
    if remaining == 0:
        return InstallmentState.LUNAS
    if late and unpaid > 0:
        return InstallmentState.TERLAMBAT
    if paid > 0:
        return InstallmentState.SEBAGIAN
    if late:
        return InstallmentState.TERLAMBAT  # only denda left
    return InstallmentState.BELUM


def whole_months(start: date, end: date) -> int:
    """Whole calendar months from `start` to `end` (anchored on start's day, clamped at month
    ends): 31 Jan → 28 Feb is 1; 10 Jan → 9 Apr is 2. Negative spans give 0."""
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months, anchor_day=start.day) > end:
        months -= 1
    return max(0, months)


def is_bullet(lines: Sequence[ScheduleLine]) -> bool:
    """All principal falls due in the last instalment, every earlier one is interest-only
    (§4a): such a loan is classified by the bullet rule of §5."""
    return bool(lines) and lines[-1].pokok > 0 and all(line.pokok == 0 for line in lines[:-1])


def months_in_diragukan(
    oldest_pokok_due: date | None,
    oldest_jasa_due: date | None,
    last_payment: date | None,
    as_of: date,
    *,
    bullet: bool = False,
) -> int:
    """Complete months a loan has spent in Diragukan without a payment at `as_of` (koperasi
    preset, §4a). Diragukan begins the day after the arrears pass the Kurang Lancar limit
    (principal 6 months, 3 past maturity for a bullet loan; interest 6 months); a payment
    restarts the count from the next day. Oldest due 5 Feb 2026: Diragukan from 6 Aug 2026,
    twelve complete months on 6 Aug 2027."""
    ends = []
    if oldest_pokok_due is not None:
        limit = 3 if bullet else 6
        ends.append(add_months(oldest_pokok_due, limit, anchor_day=oldest_pokok_due.day))
    if oldest_jasa_due is not None:
        ends.append(add_months(oldest_jasa_due, 6, anchor_day=oldest_jasa_due.day))
    if not ends:
        return 0
    months = whole_months(min(ends) + timedelta(days=1), as_of)
    if last_payment is not None:
        months = min(months, whole_months(last_payment + timedelta(days=1), as_of))
    return months
