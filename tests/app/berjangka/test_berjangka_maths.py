"""The jasa arithmetic of simpanan berjangka across terms, rates, start days and month
lengths: the month-end pieces and the maturity rest add up to the term's jasa exactly, never
negative, a full month paid in proportion to its days; the penalty is the percent of the
principal."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from app.ledger.closing import month_end
from app.savings import berjangka as bj
from app.savings.berjangka import Deposit, JasaMode
from app.savings.berjangka_month_end import due_this_month

principals = st.integers(min_value=100_000, max_value=5_000_000_000)
rates = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("24"), places=2)
terms = st.sampled_from(bj.TERMS)
starts = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


def _deposit(principal: int, rate: Decimal, term: int, start: date) -> Deposit:
    return Deposit(
        id=1,
        number="SB-1",
        period=1,
        member_id=1,
        start_on=start,
        maturity_on=bj.maturity(start, term),
        principal=principal,
        term_months=term,
        rate=rate,
        jasa_mode=JasaMode.BULANAN,
        aro=False,
        aro_jasa=False,
        method="tunai",
    )


def _month_ends(start: date, until: date) -> list[date]:
    ends, on = [], month_end(start.year, start.month)
    while on <= until:
        ends.append(on)
        nxt = on + timedelta(days=1)
        on = month_end(nxt.year, nxt.month)
    return ends


@given(principals, rates, terms)
def test_term_jasa_is_the_rate_per_month_times_the_term_rounded_once(
    principal: int, rate: Decimal, term: int
) -> None:
    exact = Fraction(principal) * Fraction(rate) * term / 1200
    assert abs(bj.term_jasa(principal, rate, term) - exact) <= Fraction(1, 2)


@given(principals, rates, terms, starts)
def test_month_end_pieces_and_the_maturity_rest_add_up_exactly(
    principal: int, rate: Decimal, term: int, start: date
) -> None:
    d = _deposit(principal, rate, term, start)
    pieces = []
    for end in _month_ends(start, d.maturity_on + timedelta(days=40)):
        piece = due_this_month(d, end)
        assert piece >= 0
        pieces.append((end, piece))
        d = dataclasses.replace(d, jasa_paid=d.jasa_paid + piece)
    rest = d.total_jasa - d.jasa_paid
    assert rest == 0  # the month-end of the maturity month paid up to the maturity
    assert sum(p for _, p in pieces) == bj.term_jasa(principal, rate, term)
    days = (d.maturity_on - start).days
    for end, piece in pieces:  # a whole month inside the term is paid by its days
        first = end.replace(day=1)
        if start < first - timedelta(days=1) and end < d.maturity_on:
            share = Fraction(d.total_jasa) * end.day / days
            assert abs(piece - share) <= 1


@given(principals, rates, terms, starts, st.integers(min_value=0, max_value=400))
def test_paid_out_at_maturity_after_some_month_ends(
    principal: int, rate: Decimal, term: int, start: date, cut: int
) -> None:
    """However many month-ends ran before the payout, the payout pays exactly the rest."""
    d = _deposit(principal, rate, term, start)
    stop = start + timedelta(days=cut)
    for end in _month_ends(start, min(stop, d.maturity_on - timedelta(days=1))):
        d = dataclasses.replace(d, jasa_paid=d.jasa_paid + due_this_month(d, end))
    assert 0 <= d.jasa_paid <= d.total_jasa
    assert bj.jasa_due(d, d.maturity_on) == d.total_jasa - d.jasa_paid


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)), terms)
def test_maturity_keeps_the_day_or_the_months_last(start: date, term: int) -> None:
    m = bj.maturity(start, term)
    assert (m.year * 12 + m.month) - (start.year * 12 + start.month) == term
    assert m.day == start.day or m == month_end(m.year, m.month)


@given(principals, st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=2))
def test_penalty_is_the_percent_of_the_principal(principal: int, percent: Decimal) -> None:
    exact = Fraction(principal) * Fraction(percent) / 100
    assert abs(bj.penalty(principal, percent) - exact) <= Fraction(1, 2)
    assert 0 <= bj.penalty(principal, percent) <= principal
