"""Hand-worked schedules for every method, rounding mode, grace and month-end clamping."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.errors import ValidationError
from app.loans.schedule import (
    Installment,
    ScheduleTerms,
    build_schedule,
    effective_annual_rate,
    method_label,
    monthly_rate,
    months_for_installment,
)

JAN_31 = date(2025, 1, 31)


def terms(
    principal: int = 10_000_000,
    rate: str = "18",
    months: int = 12,
    method: str = "flat",
    first_due: date = JAN_31,
    **kw: object,
) -> ScheduleTerms:
    return ScheduleTerms(principal, Decimal(rate), months, method, first_due, **kw)  # type: ignore[arg-type]


def parts(rows: list[Installment]) -> list[tuple[int, int, int, int]]:
    return [(r.pokok, r.jasa, r.total, r.balance) for r in rows]


# ---------------------------------------------------------------- flat


def test_flat_the_classic_example() -> None:
    # 10.000.000 at 1,5 %/month flat, 12 months.
    # interest = 10.000.000 × 0,015 = 150.000 every month;
    # instalment = 10.000.000/12 + 150.000 = 983.333,33 -> 983.333; principal = 833.333;
    # 11 × 833.333 = 9.166.663, so the last principal is 10.000.000 − 9.166.663 = 833.337.
    rows = build_schedule(terms())
    assert [r.number for r in rows] == list(range(1, 13))
    assert all(r.jasa == 150_000 for r in rows)
    assert all((r.pokok, r.total) == (833_333, 983_333) for r in rows[:11])
    assert (rows[0].balance, rows[10].balance) == (9_166_667, 833_337)
    assert parts(rows[-1:]) == [(833_337, 150_000, 983_337, 0)]


def test_flat_rounded_up_to_thousand() -> None:
    # 983.333,33 rounded up to Rp1.000 = 984.000; principal 984.000 − 150.000 = 834.000;
    # 11 × 834.000 = 9.174.000; last principal 826.000, last total 976.000.
    rows = build_schedule(terms(round_to=1000, round_up=True))
    assert all((r.pokok, r.total) == (834_000, 984_000) for r in rows[:11])
    assert rows[10].balance == 826_000
    assert parts(rows[-1:]) == [(826_000, 150_000, 976_000, 0)]


def test_flat_rounded_to_nearest_thousand() -> None:
    # 983.333,33 to the nearest Rp1.000 = 983.000; principal 833.000; 11 × 833.000 = 9.163.000;
    # last principal 837.000, last total 987.000.
    rows = build_schedule(terms(round_to=1000))
    assert all((r.pokok, r.total) == (833_000, 983_000) for r in rows[:11])
    assert parts(rows[-1:]) == [(837_000, 150_000, 987_000, 0)]


def test_interest_rounds_half_up_not_to_even() -> None:
    # 1.000.300 × 0,015 = 15.004,5 -> 15.005 (banker's rounding would give 15.004).
    # instalment = 1.000.300/3 + 15.005 = 348.438,33 -> 348.438; principal 333.433;
    # 2 × 333.433 = 666.866; last principal 333.434, total 348.439.
    rows = build_schedule(terms(principal=1_000_300, months=3))
    assert parts(rows) == [
        (333_433, 15_005, 348_438, 666_867),
        (333_433, 15_005, 348_438, 333_434),
        (333_434, 15_005, 348_439, 0),
    ]


# ---------------------------------------------------------------- menurun


def test_declining_equal_principal() -> None:
    # principal part 10.000.000/12 = 833.333,33 -> 833.333 (last 833.337);
    # interest on the balance: 10.000.000 × 0,015 = 150.000; 9.166.667 × 0,015 = 137.500,005
    # -> 137.500; 8.333.334 × 0,015 = 125.000,01 -> 125.000; … last 833.337 × 0,015 =
    # 12.500,055 -> 12.500.
    rows = build_schedule(terms(method="declining"))
    assert [r.jasa for r in rows[:3]] == [150_000, 137_500, 125_000]
    assert [r.total for r in rows[:3]] == [983_333, 970_833, 958_333]
    assert all(r.pokok == 833_333 for r in rows[:11])
    assert parts(rows[-1:]) == [(833_337, 12_500, 845_837, 0)]


def test_declining_principal_rounded_to_thousand() -> None:
    # principal part 833.333,33 -> 833.000 (nearest) and 834.000 (up).
    # nearest: 11 × 833.000 = 9.163.000, last 837.000; month 2 interest 9.167.000 × 0,015 = 137.505.
    rows = build_schedule(terms(method="declining", round_to=1000))
    assert all(r.pokok == 833_000 for r in rows[:11])
    assert rows[1].jasa == 137_505
    assert rows[-1].pokok == 837_000
    # up: 11 × 834.000 = 9.174.000, last 826.000; month 2 interest 9.166.000 × 0,015 = 137.490.
    rows = build_schedule(terms(method="declining", round_to=1000, round_up=True))
    assert all(r.pokok == 834_000 for r in rows[:11])
    assert rows[1].jasa == 137_490
    assert parts(rows[-1:]) == [(826_000, 12_390, 838_390, 0)]


# ---------------------------------------------------------------- anuitas


def test_annuity_two_months_by_hand() -> None:
    # 1.000.000 at 1 %/month, 2 months: payment = P·r·(1+r)^2 / ((1+r)^2 − 1)
    # = 10.000 × 1,0201 / 0,0201 = 507.512,44 -> 507.512.
    # month 1: interest 10.000, principal 497.512, balance 502.488;
    # month 2 (last): interest 502.488 × 0,01 = 5.024,88 -> 5.025, principal 502.488, total 507.513.
    rows = build_schedule(terms(principal=1_000_000, rate="12", months=2, method="annuity"))
    assert parts(rows) == [(497_512, 10_000, 507_512, 502_488), (502_488, 5_025, 507_513, 0)]


def test_annuity_rounding_modes() -> None:
    base = {"principal": 1_000_000, "rate": "12", "months": 2, "method": "annuity"}
    # to Rp100 nearest: 507.512,44 -> 507.500; principal 497.500; balance 502.500;
    # last interest 5.025, total 507.525.
    rows = build_schedule(terms(**base, round_to=100))  # type: ignore[arg-type]
    assert parts(rows) == [(497_500, 10_000, 507_500, 502_500), (502_500, 5_025, 507_525, 0)]
    # to Rp1.000 up: 508.000; principal 498.000; balance 502.000; last interest 5.020.
    rows = build_schedule(terms(**base, round_to=1000, round_up=True))  # type: ignore[arg-type]
    assert parts(rows) == [(498_000, 10_000, 508_000, 502_000), (502_000, 5_020, 507_020, 0)]


def test_annuity_twelve_months() -> None:
    # 10.000.000 at 1,5 %/month, 12 months: payment = 150.000 / (1 − 1,015^−12) = 916.799,96
    # -> 916.800; month 1 interest 150.000, principal 766.800; month 2 interest 9.233.200 ×
    # 0,015 = 138.498, principal 778.302.
    rows = build_schedule(terms(method="annuity"))
    assert all(r.total == 916_800 for r in rows[:11])
    assert parts(rows[:2]) == [(766_800, 150_000, 916_800, 9_233_200),
                               (778_302, 138_498, 916_800, 8_454_898)]  # fmt: skip
    assert rows[-1].balance == 0
    assert rows[-1].total == 916_799


def test_zero_rate_every_method() -> None:
    # 1.000.000 over 3 months at 0 %: 333.333,33 -> 333.333 twice, last 333.334, no interest.
    for method in ("flat", "declining", "annuity"):
        rows = build_schedule(terms(principal=1_000_000, rate="0", months=3, method=method))
        assert parts(rows) == [
            (333_333, 0, 333_333, 666_667),
            (333_333, 0, 333_333, 333_334),
            (333_334, 0, 333_334, 0),
        ]
    # rounded up to Rp1.000: 334.000 twice, last 332.000.
    rows = build_schedule(
        terms(
            principal=1_000_000, rate="0", months=3, method="annuity", round_to=1000, round_up=True
        )
    )
    assert [r.total for r in rows] == [334_000, 334_000, 332_000]


def test_single_month_loan_pays_everything_at_once() -> None:
    # 1 month: the only instalment is the last and takes it all: 1.000.000 + 15.000.
    for method in ("flat", "declining", "annuity"):
        rows = build_schedule(terms(principal=1_000_000, months=1, method=method, round_to=1000))
        assert parts(rows) == [(1_000_000, 15_000, 1_015_000, 0)]


# ---------------------------------------------------------------- grace


def test_grace_declining() -> None:
    # 12.000.000 at 1 %/month, 6 months, 2 interest-only months: 120.000, 120.000; then
    # principal 12.000.000/4 = 3.000.000 a month with interest 120.000, 90.000, 60.000, 30.000.
    rows = build_schedule(
        terms(principal=12_000_000, rate="12", months=6, method="declining", principal_grace=2)
    )
    assert [r.pokok for r in rows] == [0, 0, 3_000_000, 3_000_000, 3_000_000, 3_000_000]
    assert [r.jasa for r in rows] == [120_000, 120_000, 120_000, 90_000, 60_000, 30_000]
    assert [r.balance for r in rows[:3]] == [12_000_000, 12_000_000, 9_000_000]


def test_grace_annuity_computed_over_remaining_periods() -> None:
    # annuity over the 4 remaining months: 12.000.000 × 0,01 × 1,01^4 / (1,01^4 − 1)
    # = 3.075.373,13 -> 3.075.373; month 3 principal 3.075.373 − 120.000 = 2.955.373;
    # month 4 interest 9.044.627 × 0,01 = 90.446,27 -> 90.446.
    rows = build_schedule(
        terms(principal=12_000_000, rate="12", months=6, method="annuity", principal_grace=2)
    )
    assert [r.total for r in rows] == [120_000, 120_000] + [3_075_373] * 4
    assert parts(rows[2:4]) == [(2_955_373, 120_000, 3_075_373, 9_044_627),
                                (2_984_927, 90_446, 3_075_373, 6_059_700)]  # fmt: skip
    assert rows[-1].balance == 0


def test_grace_flat_interest_stays_on_original_principal() -> None:
    # flat interest 120.000 in all 6 months; instalment 12.000.000/4 + 120.000 = 3.120.000.
    rows = build_schedule(
        terms(principal=12_000_000, rate="12", months=6, method="flat", principal_grace=2)
    )
    assert [r.total for r in rows] == [120_000, 120_000] + [3_120_000] * 4
    assert sum(r.jasa for r in rows) == 720_000


# ---------------------------------------------------------------- due dates


def test_due_dates_clamp_at_month_end_and_return_to_the_31st() -> None:
    rows = build_schedule(terms(months=5, first_due=date(2024, 1, 31)))
    assert [r.due_date for r in rows] == [
        date(2024, 1, 31),
        date(2024, 2, 29),  # leap year
        date(2024, 3, 31),  # back to the 31st: anchored on the original day
        date(2024, 4, 30),
        date(2024, 5, 31),
    ]
    rows = build_schedule(terms(months=2, first_due=date(2025, 1, 31)))
    assert rows[1].due_date == date(2025, 2, 28)


def test_due_dates_cross_the_year() -> None:
    rows = build_schedule(terms(months=3, first_due=date(2025, 11, 30)))
    assert [r.due_date for r in rows] == [date(2025, 11, 30), date(2025, 12, 30), date(2026, 1, 30)]


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"principal": 0}, "principal"),
        ({"principal": -5}, "principal"),
        ({"months": 0}, "months"),
        ({"method": "bunga-berbunga"}, "method"),
        ({"rate": "-1"}, "annual_rate"),
        ({"rate": "NaN"}, "annual_rate"),
        ({"round_to": 0}, "round_to"),
        ({"principal_grace": 12}, "principal_grace"),
        ({"principal_grace": -1}, "principal_grace"),
    ],
)
def test_invalid_terms_name_the_field(overrides: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        terms(**overrides)  # type: ignore[arg-type]
    assert info.value.field == field
    assert info.value.message  # an Indonesian sentence for the form


def test_float_rate_is_a_bug_not_input() -> None:
    with pytest.raises(TypeError):
        ScheduleTerms(1_000_000, 18.0, 12, "flat", JAN_31)  # type: ignore[arg-type]


def test_rounding_too_coarse_for_the_term_is_refused() -> None:
    # 0 %: 1.000.000/36 = 27.777,78 -> 50.000 up; 20 × 50.000 repays it all by month 20.
    with pytest.raises(ValidationError) as info:
        build_schedule(
            terms(principal=1_000_000, rate="0", months=36, round_to=50_000, round_up=True)
        )
    assert info.value.field == "round_to"
    # 2 %/month annuity 94.559,60 rounded to the nearest Rp1.000.000 is 0: below the interest.
    with pytest.raises(ValidationError) as info:
        build_schedule(terms(principal=1_000_000, rate="24", method="annuity", round_to=10**6))
    assert info.value.field == "round_to"


# ---------------------------------------------------------------- helpers


def test_monthly_rate_is_exactly_a_twelfth() -> None:
    assert monthly_rate(Decimal("18")) == Decimal("0.015")
    # 10 % a year: 0,00833… kept to 50 significant digits, beyond the default 28.
    assert monthly_rate(Decimal("10")) == Decimal("0.008" + "3" * 49)


def test_method_labels() -> None:
    assert [method_label(m) for m in ("flat", "declining", "annuity")] == [
        "Flat",
        "Menurun",
        "Anuitas",
    ]
    with pytest.raises(ValidationError):
        method_label("efektif")


def test_months_for_installment_flat() -> None:
    # flat: 10.000.000/n + 150.000 ≤ 983.333 first holds at n = 12 (n = 11 gives 1.059.091).
    assert months_for_installment(10_000_000, Decimal("18"), "flat", 983_333) == 12
    # one rupiah less: n = 13 gives 769.230,77 + 150.000 -> 919.231.
    assert months_for_installment(10_000_000, Decimal("18"), "flat", 983_332) == 13
    # menurun: the first (largest) instalment is the same 983.333.
    assert months_for_installment(10_000_000, Decimal("18"), "declining", 983_333) == 12


def test_months_for_installment_annuity_and_zero_rate() -> None:
    # annuity 1,5 %: n = 10 -> 1.084.341,78; n = 11 -> 992.938,44 ≤ 1.000.000.
    assert months_for_installment(10_000_000, Decimal("18"), "annuity", 1_000_000) == 11
    assert months_for_installment(1_200_000, Decimal("0"), "annuity", 100_000) == 12
    # enough for everything at once: 1 month (1.000.000 + 15.000).
    assert months_for_installment(1_000_000, Decimal("18"), "flat", 1_015_000) == 1


def test_months_for_installment_unreachable() -> None:
    # the first month's interest alone is 150.000.
    with pytest.raises(ValidationError) as info:
        months_for_installment(10_000_000, Decimal("18"), "annuity", 150_000)
    assert info.value.field == "target_installment"
    assert "Rp150.000" in info.value.message
    # just above the interest: reachable only after centuries.
    with pytest.raises(ValidationError, match="lebih dari 360 bulan"):
        months_for_installment(10_000_000, Decimal("18"), "annuity", 150_001)
    with pytest.raises(ValidationError):
        months_for_installment(10_000_000, Decimal("18"), "flat", 0)


def test_effective_rate_of_a_flat_loan() -> None:
    # 18 % flat over 12 months: flat instalment per rupiah = 1/12 + 0,015 = 0,0983333…;
    # the annuity rate with that factor is 2,6430 %/month -> 31,7164 % a year.
    assert effective_annual_rate(Decimal("18"), 12) == Decimal("31.7164")
    # one month: flat and annuity are the same loan.
    assert effective_annual_rate(Decimal("18"), 1) == Decimal("18.0000")
    assert effective_annual_rate(Decimal("0"), 24) == Decimal("0.0000")
    # two months, in closed form: (1+i)² / (2+i) = 0,5 + 0,015 gives i² + 1,485·i − 0,03 = 0,
    # i = (−1,485 + √2,325225) / 2 = 0,0199344… -> 23,9213 % a year.
    assert effective_annual_rate(Decimal("18"), 2) == Decimal("23.9213")
    # not monotonic in the term: it peaks near a year and falls again (36 months: 30,5944 %).
    assert effective_annual_rate(Decimal("18"), 36) == Decimal("30.5944")


def test_effective_rate_reproduces_the_flat_instalment() -> None:
    effective = effective_annual_rate(Decimal("24"), 24)
    flat = build_schedule(terms(principal=100_000_000, rate="24", months=24))
    annuity = build_schedule(
        terms(principal=100_000_000, rate=str(effective), months=24, method="annuity")
    )
    # same borrower cost to within the 4-decimal rounding of the rate (a few rupiah a month).
    assert abs(flat[0].total - annuity[0].total) <= 5
