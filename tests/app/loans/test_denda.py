"""Denda at the boundaries: grace days, day/month counting, rounding, caps, bases."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.loans.denda import (
    DEFAULT_DENDA_RULE,
    DendaRule,
    chargeable_periods,
    denda_for_installment,
    denda_rule_text,
)

DUE = date(2025, 1, 10)
INSTALMENT = 983_333  # the flat example: 833.333 pokok + 150.000 jasa


def on_day(days_late: int) -> date:
    return DUE + timedelta(days=days_late)


def default_denda(days_late: int, amount: int = INSTALMENT) -> int:
    return denda_for_installment(DEFAULT_DENDA_RULE, DUE, amount, on_day(days_late))


def test_default_preset_grace_days_are_free() -> None:
    # paid on the due date, or up to 3 days late: nothing.
    assert [default_denda(d) for d in (-5, 0, 1, 2, 3)] == [0, 0, 0, 0, 0]


def test_default_preset_counts_only_days_beyond_grace() -> None:
    # day 4 is the first charged day: 983.333 × 0,1 % = 983,333 -> 983.
    assert default_denda(4) == 983
    # day 10: 7 charged days × 983,333 = 6.883,331 -> 6.883.
    assert default_denda(10) == 6_883


def test_default_preset_cap_is_ten_percent_of_the_instalment() -> None:
    # cap = 10 % × 983.333 = 98.333,3 -> 98.333; reached after 100 charged days (day 103):
    # 100 × 983,333 = 98.333,3 -> 98.333.
    assert default_denda(102) == 97_350  # 99 × 983,333 = 97.349,967 -> 97.350
    assert default_denda(103) == 98_333
    assert default_denda(104) == 98_333  # 101 days would be 99.316,6: capped
    assert default_denda(1000) == 98_333


def test_denda_rounds_half_up() -> None:
    # 1.500 × 0,1 % = 1,5 -> 2; 2.500 × 0,1 % = 2,5 -> 3 (banker's rounding would give 2).
    assert default_denda(4, amount=1_500) == 2
    assert default_denda(4, amount=2_500) == 3


def test_nothing_overdue_nothing_charged() -> None:
    assert default_denda(30, amount=0) == 0
    with pytest.raises(ValueError):
        default_denda(30, amount=-1)


def test_per_month_counts_months_begun() -> None:
    rule = DendaRule(basis="principal", rate=Decimal("2"), per="month", grace_days=0)
    # due 10 Jan: 10 Jan no denda; 11 Jan starts month 1; 10 Feb is still month 1;
    # 11 Feb starts month 2.
    cases = {
        date(2025, 1, 10): 0,
        date(2025, 1, 11): 1,
        date(2025, 2, 10): 1,
        date(2025, 2, 11): 2,
        date(2025, 12, 11): 12,
    }
    for as_of, months in cases.items():
        assert chargeable_periods(rule, DUE, as_of) == months
    # 2 % of the overdue pokok 833.333 = 16.666,66 per month -> 2 months: 33.333,32 -> 33.333.
    denda = denda_for_installment(
        rule, DUE, INSTALMENT, date(2025, 2, 11), principal_overdue=833_333
    )
    assert denda == 33_333


def test_per_month_clamps_at_month_end() -> None:
    # due 31 Jan, grace 0: month 1 runs to 28 Feb, month 2 to 31 Mar (anchored on the 31st).
    rule = DendaRule(basis="installment", rate=Decimal("1"), per="month", grace_days=0)
    jan_31 = date(2025, 1, 31)
    assert chargeable_periods(rule, jan_31, date(2025, 2, 28)) == 1
    assert chargeable_periods(rule, jan_31, date(2025, 3, 1)) == 2
    assert chargeable_periods(rule, jan_31, date(2025, 3, 31)) == 2
    assert chargeable_periods(rule, jan_31, date(2025, 4, 1)) == 3


def test_per_month_with_grace_starts_after_the_grace() -> None:
    # grace 5: lateness starts on 16 Jan; 15 Jan is free; 15 Feb still month 1; 16 Feb month 2.
    rule = DendaRule(basis="installment", rate=Decimal("1"), per="month", grace_days=5)
    assert chargeable_periods(rule, DUE, date(2025, 1, 15)) == 0
    assert chargeable_periods(rule, DUE, date(2025, 1, 16)) == 1
    assert chargeable_periods(rule, DUE, date(2025, 2, 15)) == 1
    assert chargeable_periods(rule, DUE, date(2025, 2, 16)) == 2


def test_principal_basis_needs_the_principal() -> None:
    rule = DendaRule(basis="principal", rate=Decimal("0.1"), per="day", grace_days=0)
    with pytest.raises(ValueError):
        denda_for_installment(rule, DUE, INSTALMENT, on_day(5))
    # 5 days × 0,1 % × 833.333 = 4.166,665 -> 4.167.
    assert denda_for_installment(rule, DUE, INSTALMENT, on_day(5), principal_overdue=833_333) == (
        4_167
    )


def test_fixed_amount_with_a_rupiah_cap() -> None:
    rule = DendaRule(
        basis="fixed", rate=Decimal("0"), per="day", grace_days=0, cap=50_000, fixed_amount=5_000
    )
    assert denda_for_installment(rule, DUE, INSTALMENT, on_day(1)) == 5_000
    assert denda_for_installment(rule, DUE, INSTALMENT, on_day(9)) == 45_000
    assert denda_for_installment(rule, DUE, INSTALMENT, on_day(10)) == 50_000
    assert denda_for_installment(rule, DUE, INSTALMENT, on_day(11)) == 50_000


def test_both_caps_the_lower_wins() -> None:
    rule = DendaRule(
        basis="installment",
        rate=Decimal("1"),
        per="day",
        grace_days=0,
        cap=20_000,
        cap_rate=Decimal("10"),
    )
    # 100.000 instalment: 10 % cap = 10.000 is lower than Rp20.000.
    assert denda_for_installment(rule, DUE, 100_000, on_day(30)) == 10_000
    # 1.000.000 instalment: 10 % = 100.000, Rp20.000 is lower.
    assert denda_for_installment(rule, DUE, 1_000_000, on_day(30)) == 20_000


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"basis": "saldo"}, "basis"),
        ({"per": "week"}, "per"),
        ({"rate": Decimal("-0.1")}, "rate"),
        ({"grace_days": -1}, "grace_days"),
        ({"cap": -1}, "cap"),
        ({"fixed_amount": -1}, "fixed_amount"),
        ({"cap_rate": Decimal("-1")}, "cap_rate"),
    ],
)
def test_invalid_rule_names_the_field(kwargs: dict[str, object], field: str) -> None:
    values: dict[str, object] = {
        "basis": "installment",
        "rate": Decimal("0.1"),
        "per": "day",
        "grace_days": 3,
    }
    values.update(kwargs)
    with pytest.raises(ValidationError) as info:
        DendaRule(**values)  # type: ignore[arg-type]
    assert info.value.field == field


def test_rule_text() -> None:
    assert denda_rule_text(DEFAULT_DENDA_RULE) == (
        "0,1% per hari dari angsuran yang tertunggak, setelah 3 hari toleransi, "
        "paling banyak 10% dari angsuran"
    )
    fixed = DendaRule("fixed", Decimal("0"), "month", 0, cap=50_000, fixed_amount=10_000)
    assert denda_rule_text(fixed) == (
        "Rp10.000 per bulan keterlambatan, paling banyak Rp50.000 per angsuran"
    )


@given(
    amount=st.integers(0, 10**10),
    late_a=st.integers(-30, 2000),
    late_b=st.integers(-30, 2000),
)
def test_denda_never_decreases_with_time_and_respects_the_cap(
    amount: int, late_a: int, late_b: int
) -> None:
    early, late = sorted((late_a, late_b))
    a = default_denda(early, amount)
    b = default_denda(late, amount)
    assert 0 <= a <= b
    assert b <= (amount + 5) // 10  # 10 % half-up
