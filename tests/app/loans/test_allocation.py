"""Payment allocation: order, oldest first, both modes, advance never lost."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.loans.allocation import (
    DEFAULT_ORDER,
    Allocation,
    OpenInstallment,
    allocate_payment,
    remaining_after,
)

# Two missed instalments of the flat example (833.333 pokok + 150.000 jasa), with denda.
MARCH = OpenInstallment(3, date(2025, 3, 31), pokok=833_333, jasa=150_000, denda=20_000)
APRIL = OpenInstallment(4, date(2025, 4, 30), pokok=833_333, jasa=150_000, denda=5_000)


def lines(allocation: Allocation) -> list[tuple[int, str, int]]:
    return [(ln.number, ln.component, ln.amount) for ln in allocation.lines]


def test_default_order_oldest_instalment_first() -> None:
    # 1.000.000: March denda 20.000, jasa 150.000, pokok 830.000 (of 833.333); nothing left.
    result = allocate_payment([APRIL, MARCH], 1_000_000)  # given newest first on purpose
    assert lines(result) == [(3, "denda", 20_000), (3, "jasa", 150_000), (3, "pokok", 830_000)]
    assert result.advance == 0


def test_default_order_spills_into_the_next_instalment() -> None:
    # March needs 1.003.333; the other 96.667 goes to April: denda 5.000, jasa 91.667.
    result = allocate_payment([MARCH, APRIL], 1_100_000)
    assert lines(result)[3:] == [(4, "denda", 5_000), (4, "jasa", 91_667)]
    assert result.total() == 1_100_000
    assert result.for_installment(4) == {"denda": 5_000, "jasa": 91_667}


def test_per_component_mode_takes_all_denda_then_all_jasa() -> None:
    # 400.000: denda 20.000 + 5.000, jasa 150.000 + 150.000, then 75.000 of March's pokok.
    result = allocate_payment([MARCH, APRIL], 400_000, mode="per_component")
    assert lines(result) == [
        (3, "denda", 20_000),
        (4, "denda", 5_000),
        (3, "jasa", 150_000),
        (4, "jasa", 150_000),
        (3, "pokok", 75_000),
    ]


def test_a_different_order_setting() -> None:
    # pokok first (some cooperatives' policy): 900.000 settles March's pokok, then its jasa.
    result = allocate_payment([MARCH, APRIL], 900_000, order=("pokok", "jasa", "denda"))
    assert lines(result) == [(3, "pokok", 833_333), (3, "jasa", 66_667)]


def test_overpayment_becomes_an_advance() -> None:
    owed = MARCH.total + APRIL.total  # 1.003.333 + 988.333 = 1.991.666
    result = allocate_payment([MARCH, APRIL], 2_000_000)
    assert result.total() == owed
    assert result.advance == 2_000_000 - owed == 8_334
    assert remaining_after([MARCH, APRIL], result) == []


def test_nothing_owed_everything_is_advance() -> None:
    result = allocate_payment([], 50_000)
    assert result.lines == ()
    assert result.advance == 50_000


def test_same_due_date_falls_back_to_instalment_number() -> None:
    a = OpenInstallment(7, date(2025, 5, 1), pokok=100, jasa=0, denda=0)
    b = OpenInstallment(6, date(2025, 5, 1), pokok=100, jasa=0, denda=0)
    assert lines(allocate_payment([a, b], 150)) == [(6, "pokok", 100), (7, "pokok", 50)]


def test_remaining_after_a_partial_payment() -> None:
    result = allocate_payment([MARCH, APRIL], 100_000)
    assert remaining_after([MARCH, APRIL], result) == [
        OpenInstallment(3, MARCH.due_date, pokok=833_333, jasa=70_000, denda=0),
        APRIL,
    ]


def test_invalid_input() -> None:
    with pytest.raises(ValidationError) as info:
        allocate_payment([MARCH], -1)
    assert info.value.field == "amount"
    with pytest.raises(ValidationError) as info:
        allocate_payment([MARCH], 1, order=("denda", "jasa"))
    assert info.value.field == "order"
    with pytest.raises(ValidationError) as info:
        allocate_payment([MARCH], 1, order=("denda", "denda", "pokok"))
    assert info.value.field == "order"
    with pytest.raises(ValidationError) as info:
        allocate_payment([MARCH], 1, mode="acak")
    assert info.value.field == "mode"
    with pytest.raises(ValueError):
        allocate_payment([MARCH, MARCH], 1)


open_items = st.lists(
    st.builds(
        OpenInstallment,
        number=st.integers(1, 60),
        due_date=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
        pokok=st.integers(0, 5_000_000),
        jasa=st.integers(0, 500_000),
        denda=st.integers(0, 100_000),
    ),
    max_size=8,
    unique_by=lambda item: item.number,
)
orders = st.permutations(list(DEFAULT_ORDER))
modes = st.sampled_from(["per_installment", "per_component"])


@given(open_items, st.integers(0, 50_000_000), orders, modes)
def test_every_rupiah_is_accounted_for(
    items: list[OpenInstallment], amount: int, order: list[str], mode: str
) -> None:
    result = allocate_payment(items, amount, order, mode=mode)
    owed = sum(item.total for item in items)
    assert result.total() + result.advance == amount
    assert result.advance == max(0, amount - owed)
    assert all(line.amount > 0 for line in result.lines)
    # nothing allocated beyond what is owed, and the remainder is the difference
    left = remaining_after(items, result)
    assert sum(item.total for item in left) == owed - result.total()
    assert all(min(item.pokok, item.jasa, item.denda) >= 0 for item in left)


@given(open_items, st.integers(0, 50_000_000), orders, modes)
def test_nothing_later_in_the_order_is_paid_before_earlier_is_settled(
    items: list[OpenInstallment], amount: int, order: list[str], mode: str
) -> None:
    result = allocate_payment(items, amount, order, mode=mode)
    ranked = sorted(items, key=lambda item: (item.due_date, item.number))
    if mode == "per_installment":
        steps = [(item, c) for item in ranked for c in order]
    else:
        steps = [(item, c) for c in order for item in ranked]
    paid = {(ln.number, ln.component): ln.amount for ln in result.lines}
    unsettled_seen = False
    for item, component in steps:
        got = paid.get((item.number, component), 0)
        if unsettled_seen:
            assert got == 0
        if got < item.due(component):
            unsettled_seen = True
