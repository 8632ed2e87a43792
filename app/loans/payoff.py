"""Early payoff (pelunasan dipercepat), pure: which jasa a payoff on a date charges (§4a).

Outstanding pokok + everything due (with denda) + the jasa of the running period (the period
containing the payoff date: from the day after the previous due date up to its own due date)
unless that instalment is already paid, even ahead ('current', the default); or no jasa for
the running period ('due'); or every remaining jasa ('all'). The product says which.
"""

from __future__ import annotations

from app.loans.allocation import OpenInstallment
from app.loans.models import PAYOFF_RULES, Loan, PayoffQuote
from app.loans.position import Position

__all__ = ["given_up_lines", "payoff_jasa", "quote_payoff", "running_number"]


def running_number(pos: Position) -> int | None:
    """The instalment of the period containing `pos.as_of`: the first one due on or after it."""
    return next((ln.number for ln in pos.lines if ln.due_date >= pos.as_of), None)


def payoff_jasa(loan: Loan, pos: Position) -> list[tuple[OpenInstallment, bool]]:
    """Every open instalment with whether a payoff on `pos.as_of` charges its (unpaid) jasa."""
    running = running_number(pos)
    return [
        (
            item,
            item.due_date <= pos.as_of
            or loan.payoff_rule == "all"
            or (loan.payoff_rule == "current" and item.number == running),
        )
        for item in pos.open_all()
    ]


def quote_payoff(loan: Loan, pos: Position, titipan: int) -> PayoffQuote:
    """What closes the loan at `pos.as_of`: pokok + the jasa the rule charges + denda − titipan;
    the jasa it does not charge is shown beside it."""
    charged = not_charged = 0
    for item, charge in payoff_jasa(loan, pos):
        if charge:
            charged += item.jasa
        else:
            not_charged += item.jasa
    return PayoffQuote(
        loan_id=loan.id,
        on=pos.as_of,
        pokok=pos.outstanding,
        jasa=charged,
        denda=pos.denda_owed,
        titipan=titipan,
        jasa_not_charged=not_charged,
        rule=loan.payoff_rule,
        rule_text=PAYOFF_RULES[loan.payoff_rule],
    )


def given_up_lines(loan: Loan, pos: Position) -> tuple[tuple[int | None, str, int], ...]:
    """The lines of the potongan_pelunasan event: each instalment's jasa not charged."""
    return tuple(
        (item.number, "jasa", item.jasa)
        for item, charge in payoff_jasa(loan, pos)
        if not charge and item.jasa
    )
