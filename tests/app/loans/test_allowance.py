"""PPAP under both presets, worked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.loans.allowance import (
    BPR_STYLE,
    COLLATERAL_KINDS,
    DEFAULT_ALLOWANCE_POLICY,
    PERMEN_14_2009,
    Collateral,
    Exposure,
    allowance_adjustment,
    allowance_policy,
    allowance_report,
    deductible_collateral,
    required_allowance,
)

TEN_MILLION = 10_000_000


def test_bpr_rates_without_collateral() -> None:
    # 10.000.000 × 0,5 % / 3 % / 10 % / 50 % / 100 %.
    expected = {"L": 50_000, "DPK": 300_000, "KL": 1_000_000, "D": 5_000_000, "M": 10_000_000}
    for code, amount in expected.items():
        assert required_allowance(BPR_STYLE, code, TEN_MILLION) == amount
    assert required_allowance(BPR_STYLE, "HB", TEN_MILLION) == 0  # already off the books


@pytest.mark.parametrize(
    ("kind", "value", "deductible"),
    [
        ("cash", 3_000_000, 3_000_000),  # 100 %
        ("land_mortgage", 5_000_000, 4_000_000),  # 80 %
        ("land", 5_000_000, 3_000_000),  # 60 % of the NJOP
        ("informal_title", 5_000_000, 2_500_000),  # 50 %
        ("vehicle_fiducia", 5_000_000, 2_500_000),  # 50 %
        ("other", 5_000_000, 0),  # not deductible
    ],
)
def test_bpr_deductible_collateral_by_kind(kind: str, value: int, deductible: int) -> None:
    assert deductible_collateral(BPR_STYLE, "KL", TEN_MILLION, [Collateral(kind, value)]) == (
        deductible
    )


def test_bpr_required_after_deduction() -> None:
    # KL, land with Hak Tanggungan 5.000.000 -> 4.000.000 off; (10.000.000 − 4.000.000) × 10 %.
    land = [Collateral("land_mortgage", 5_000_000)]
    assert required_allowance(BPR_STYLE, "KL", TEN_MILLION, land) == 600_000
    # D, vehicle with fiducia 8.000.000 -> 4.000.000 off; 6.000.000 × 50 % = 3.000.000.
    car = [Collateral("vehicle_fiducia", 8_000_000)]
    assert required_allowance(BPR_STYLE, "D", TEN_MILLION, car) == 3_000_000


def test_bpr_no_deduction_for_lancar() -> None:
    cash = [Collateral("cash", 20_000_000)]
    assert deductible_collateral(BPR_STYLE, "L", TEN_MILLION, cash) == 0
    assert required_allowance(BPR_STYLE, "L", TEN_MILLION, cash) == 50_000


def test_bpr_deduction_capped_at_outstanding() -> None:
    # M with 20.000.000 blocked savings: deductible 10.000.000, nothing required.
    cash = [Collateral("cash", 20_000_000)]
    assert deductible_collateral(BPR_STYLE, "M", TEN_MILLION, cash) == TEN_MILLION
    assert required_allowance(BPR_STYLE, "M", TEN_MILLION, cash) == 0


def test_deduction_summed_then_rounded_once() -> None:
    # 1.000.001 × 50 % = 500.000,5 twice: the sum 1.000.001 is exact, no double rounding.
    items = [Collateral("informal_title", 1_000_001), Collateral("vehicle_fiducia", 1_000_001)]
    assert deductible_collateral(BPR_STYLE, "D", TEN_MILLION, items) == 1_000_001


def test_required_rounds_half_up() -> None:
    # 1.000.100 × 0,5 % = 5.000,5 -> 5.001; 1.234.567 × 0,5 % = 6.172,835 -> 6.173.
    assert required_allowance(BPR_STYLE, "L", 1_000_100) == 5_001
    assert required_allowance(BPR_STYLE, "L", 1_234_567) == 6_173
    # KL 1.000.005 × 10 % = 100.000,5 -> 100.001.
    assert required_allowance(BPR_STYLE, "KL", 1_000_005) == 100_001


def test_permen_risk_weights_ignore_collateral() -> None:
    land = [Collateral("land_mortgage", 50_000_000)]
    expected = {"L": 0, "DPK": 0, "KL": 5_000_000, "D": 7_500_000, "M": 10_000_000}
    for code, amount in expected.items():
        assert required_allowance(PERMEN_14_2009, code, TEN_MILLION, land) == amount
    assert deductible_collateral(PERMEN_14_2009, "M", TEN_MILLION, land) == 0
    # 1.000.001 × 75 % = 750.000,75 -> 750.001.
    assert required_allowance(PERMEN_14_2009, "D", 1_000_001) == 750_001


def test_presets_carry_printable_names() -> None:
    assert DEFAULT_ALLOWANCE_POLICY is BPR_STYLE
    assert "BPR" in BPR_STYLE.name
    assert "14/2009" in PERMEN_14_2009.name
    assert allowance_policy("permen") is PERMEN_14_2009
    with pytest.raises(ValidationError):
        allowance_policy("ifrs9")


def test_report_totals_and_adjustment() -> None:
    exposures = [
        Exposure("PK-001", "L", 5_000_000),  # 25.000
        Exposure("PK-002", "KL", TEN_MILLION, (Collateral("land_mortgage", 5_000_000),)),  # 600.000
        Exposure("PK-003", "M", 2_000_000),  # 2.000.000
        Exposure("PK-004", "L", 1_000_100),  # 5.000,5 -> 5.001
    ]
    report = allowance_report(BPR_STYLE, exposures)
    assert report.policy_name == BPR_STYLE.name
    assert [line.required for line in report.lines] == [25_000, 600_000, 2_000_000, 5_001]
    assert report.lines[1].deductible == 4_000_000
    assert report.lines[1].base == 6_000_000
    assert report.lines[1].rate == Decimal(10)
    assert report.total_required == 2_630_001
    assert report.by_class() == {
        "L": (6_000_100, 30_001),
        "KL": (10_000_000, 600_000),
        "M": (2_000_000, 2_000_000),
    }
    # booked 2.000.000: add 630.001 (Dr Beban PPAP / Cr PPAP); booked 3.000.000: release 369.999.
    assert allowance_adjustment(2_000_000, report.total_required) == 630_001
    assert allowance_adjustment(3_000_000, report.total_required) == -369_999


def test_invalid_collateral_and_class() -> None:
    with pytest.raises(ValidationError) as info:
        Collateral("emas", 1)
    assert info.value.field == "kind"
    with pytest.raises(ValidationError) as info:
        Collateral("cash", -1)
    assert info.value.field == "value"
    with pytest.raises(ValueError):
        required_allowance(BPR_STYLE, "Lancar", 1)
    assert set(COLLATERAL_KINDS) >= {"cash", "land_mortgage", "land", "informal_title"}


@given(
    quality=st.sampled_from(["L", "DPK", "KL", "D", "M"]),
    outstanding=st.integers(0, 10**11),
    items=st.lists(
        st.builds(Collateral, st.sampled_from(sorted(COLLATERAL_KINDS)), st.integers(0, 10**11)),
        max_size=4,
    ),
)
def test_required_is_between_zero_and_the_undeducted_figure(
    quality: str, outstanding: int, items: list[Collateral]
) -> None:
    required = required_allowance(BPR_STYLE, quality, outstanding, items)
    assert 0 <= required <= required_allowance(BPR_STYLE, quality, outstanding)
    assert 0 <= deductible_collateral(BPR_STYLE, quality, outstanding, items) <= outstanding
