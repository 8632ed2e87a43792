"""Property tests: what every schedule satisfies, whatever the terms."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

from hypothesis import assume, given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.loans.schedule import Installment, ScheduleTerms, build_schedule, monthly_rate


@st.composite
def schedule_terms(draw: st.DrawFn, *, coarse: bool = True) -> ScheduleTerms:
    months = draw(st.integers(1, 120))
    # rates as cooperatives write them: up to 5 % a month with two decimals, times 12.
    monthly = draw(st.integers(0, 500))
    return ScheduleTerms(
        principal=draw(st.integers(1_000_000, 1_000_000_000)),
        annual_rate=Decimal(monthly) * 12 / 100,
        months=months,
        method=draw(st.sampled_from(["flat", "declining", "annuity"])),
        first_due=draw(st.dates(date(2000, 1, 1), date(2090, 12, 31))),
        round_to=draw(st.sampled_from([1, 100, 500, 1000])) if coarse else 1,
        round_up=draw(st.booleans()) if coarse else False,
        principal_grace=draw(st.integers(0, min(months - 1, 12))),
    )


def build_or_reject(terms: ScheduleTerms) -> list[Installment]:
    """Build; a coarse rounding that cannot fit the term must be refused politely."""
    try:
        return build_schedule(terms)
    except ValidationError as error:
        assert error.field in {"round_to", "months"}
        assume(False)
        raise  # unreachable: assume(False) aborts the example


@given(schedule_terms(coarse=False))
def test_whole_rupiah_rounding_never_refuses_a_real_loan(terms: ScheduleTerms) -> None:
    assert len(build_schedule(terms)) == terms.months


@given(schedule_terms())
def test_principal_parts_add_up_and_the_balance_ends_at_zero(terms: ScheduleTerms) -> None:
    rows = build_or_reject(terms)
    assert sum(r.pokok for r in rows) == terms.principal
    assert rows[-1].balance == 0
    assert all(r.total == r.pokok + r.jasa for r in rows)
    assert [r.number for r in rows] == list(range(1, terms.months + 1))


@given(schedule_terms())
def test_balances_never_rise(terms: ScheduleTerms) -> None:
    rows = build_or_reject(terms)
    balances = [terms.principal] + [r.balance for r in rows]
    assert all(a >= b for a, b in pairwise(balances))
    assert all(r.pokok >= 0 and r.jasa >= 0 for r in rows)


@given(schedule_terms())
def test_grace_periods_are_interest_only(terms: ScheduleTerms) -> None:
    rows = build_or_reject(terms)
    interest = (terms.principal * monthly_rate(terms.annual_rate)).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )
    for row in rows[: terms.principal_grace]:
        assert row.pokok == 0
        assert row.jasa == interest
        assert row.balance == terms.principal


@given(schedule_terms())
def test_interest_follows_the_balance_or_the_original_principal(terms: ScheduleTerms) -> None:
    rows = build_or_reject(terms)
    rate = monthly_rate(terms.annual_rate)
    before = terms.principal
    for row in rows:
        basis = terms.principal if terms.method == "flat" else before
        exact = basis * rate
        assert abs(row.jasa - exact) <= Decimal("0.5")
        before = row.balance


@given(schedule_terms())
def test_flat_total_interest(terms: ScheduleTerms) -> None:
    """Flat: every period's interest is principal × rate half-up, so the total is exactly
    months × that rounded figure (grace or not), within months/2 rupiah of the unrounded
    principal × rate × months."""
    assume(terms.method == "flat")
    rows = build_or_reject(terms)
    exact_per_month = terms.principal * monthly_rate(terms.annual_rate)
    per_month = int(exact_per_month.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    total = sum(r.jasa for r in rows)
    assert total == terms.months * per_month
    assert abs(total - exact_per_month * terms.months) <= Decimal(terms.months) / 2


@given(schedule_terms())
def test_regular_amounts_are_multiples_of_the_rounding(terms: ScheduleTerms) -> None:
    """Except the grace periods and the last instalment, flat and anuitas instalments (and
    menurun principal parts) are equal multiples of round_to."""
    rows = build_or_reject(terms)
    regular = rows[terms.principal_grace : -1]
    amounts = [r.pokok if terms.method == "declining" else r.total for r in regular]
    assert all(a % terms.round_to == 0 for a in amounts)
    assert len(set(amounts)) <= 1


@given(schedule_terms())
def test_due_dates_are_monthly_on_the_anchor_day(terms: ScheduleTerms) -> None:
    rows = build_or_reject(terms)
    first = terms.first_due
    for index, row in enumerate(rows):
        year, month0 = divmod(first.year * 12 + first.month - 1 + index, 12)
        last_day = calendar.monthrange(year, month0 + 1)[1]
        assert row.due_date == date(year, month0 + 1, min(first.day, last_day))
