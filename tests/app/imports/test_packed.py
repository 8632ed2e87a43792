"""A packed schedule reads back exactly the instalments it was given, in order, by index
(negative too) and slice, for any schedule the calculator builds and any figures that fit
in 64 bits; figures that do not fit are kept unpacked."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.imports.packed import PackedSchedule, packed
from app.loans.schedule import Installment, ScheduleTerms, build_schedule

LIMIT = 2**63 - 1


@given(
    principal=st.integers(1, 10**12),
    rate=st.sampled_from([Decimal(0), Decimal(12), Decimal("17.5"), Decimal(30)]),
    months=st.integers(1, 120),
    method=st.sampled_from(["flat", "declining", "annuity"]),
    first_due=st.dates(date(1990, 1, 1), date(2090, 12, 31)),
    round_to=st.sampled_from([1, 100, 1000]),
)
def test_round_trip_of_built_schedules(
    principal: int, rate: Decimal, months: int, method: str, first_due: date, round_to: int
) -> None:
    try:
        built = build_schedule(ScheduleTerms(principal, rate, months, method, first_due, round_to))
    except ValidationError:
        assume(False)
        raise
    kept = packed(built)
    assert isinstance(kept, PackedSchedule)
    assert tuple(kept) == tuple(built) and len(kept) == len(built)
    assert kept == built and kept == packed(built)
    assert [kept[i] for i in range(-len(built), len(built))] == built + built
    assert kept[1:3] == tuple(built[1:3])
    with pytest.raises(IndexError):
        kept[len(built)]


@given(
    st.lists(
        st.tuples(st.integers(-LIMIT - 5, LIMIT + 5), st.integers(0, LIMIT + 5)),
        min_size=1,
        max_size=5,
    )
)
def test_any_figures_kept_exactly(figures: list[tuple[int, int]]) -> None:
    schedule = tuple(
        Installment(n, date(2025, 1, 10) + timedelta(days=31 * n), pokok, 0, pokok, balance)
        for n, (pokok, balance) in enumerate(figures, start=1)
    )
    kept = packed(schedule)
    assert tuple(kept) == schedule
    fits = all(-LIMIT - 1 <= v <= LIMIT for pair in figures for v in pair)
    assert isinstance(kept, PackedSchedule) == fits
