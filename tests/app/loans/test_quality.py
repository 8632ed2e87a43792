"""Kolektibilitas at every boundary of every preset; NPL ratio, health bands, ageing."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.loans.quality import (
    CUSTOM,
    KOPERASI,
    MISSED,
    OJK,
    Arrears,
    ageing_bucket,
    ageing_summary,
    class_label,
    classify,
    custom_policy,
    health_band,
    koperasi_policy,
    months_overdue,
    npl_ratio,
    quality_policy,
)

THREE_AND_A_BIT = Decimal(3) + Decimal(1) / 30  # 3 months and 1 day


def kop(**kw: object) -> str:
    return classify(Arrears(**kw), KOPERASI)  # type: ignore[arg-type]


# ---------------------------------------------------------------- OJK


@pytest.mark.parametrize(
    ("days", "code"),
    [
        (0, "L"),
        (1, "DPK"),
        (90, "DPK"),
        (91, "KL"),
        (120, "KL"),
        (121, "D"),
        (180, "D"),
        (181, "M"),
        (2000, "M"),
    ],
)
def test_ojk_days_past_due(days: int, code: str) -> None:
    assert classify(Arrears(days_past_due=days), OJK) == code


def test_ojk_looks_at_days_only() -> None:
    # no collateral and in court, but only 10 days late: still DPK under the day table.
    assert classify(Arrears(days_past_due=10, outstanding=10**7, in_court=True), OJK) == "DPK"


# ---------------------------------------------------------------- missed instalments


@pytest.mark.parametrize(
    ("missed", "code"), [(0, "L"), (1, "KL"), (3, "KL"), (4, "D"), (6, "D"), (7, "M")]
)
def test_missed_instalments(missed: int, code: str) -> None:
    assert classify(Arrears(installments_missed=missed), MISSED) == code


# ---------------------------------------------------------------- koperasi, monthly


def test_koperasi_monthly_principal_boundaries() -> None:
    # Lancar up to 3 months of principal arrears; Kurang Lancar over 3 up to 6.
    assert kop(months_principal_arrears=Decimal(0)) == "L"
    assert kop(months_principal_arrears=Decimal(3)) == "L"
    assert kop(months_principal_arrears=THREE_AND_A_BIT) == "KL"
    assert kop(months_principal_arrears=Decimal(6)) == "KL"
    # beyond 6 months with no collateral: Macet.
    assert kop(months_principal_arrears=Decimal("6.01"), outstanding=1_000_000) == "M"


def test_koperasi_monthly_interest_boundaries() -> None:
    assert kop(months_interest_arrears=Decimal(3)) == "L"
    assert kop(months_interest_arrears=THREE_AND_A_BIT) == "KL"
    assert kop(months_interest_arrears=Decimal(6)) == "KL"
    assert kop(months_interest_arrears=Decimal(7), outstanding=1) == "M"


def test_koperasi_worse_of_principal_and_interest() -> None:
    # principal 8 months beyond Kurang Lancar even though interest arrears are only 4.
    args = {"outstanding": 10_000_000, "collateral_value": 7_500_000}
    assert kop(months_principal_arrears=8, months_interest_arrears=4, **args) == "D"
    assert kop(months_principal_arrears=2, months_interest_arrears=4, **args) == "KL"


def test_koperasi_collateral_cover_decides_diragukan_or_macet() -> None:
    beyond = {"months_principal_arrears": Decimal(7), "outstanding": 10_000_000}
    # rescuable: at least 75 % cover -> Diragukan.
    assert kop(**beyond, collateral_value=7_500_000) == "D"
    assert kop(**beyond, collateral_value=7_499_999) == "M"
    # not rescuable: needs 100 %.
    assert kop(**beyond, collateral_value=9_999_999, rescuable=False) == "M"
    assert kop(**beyond, collateral_value=10_000_000, rescuable=False) == "D"


def test_koperasi_twelve_months_in_diragukan_without_payment() -> None:
    base = {
        "months_principal_arrears": Decimal(10),
        "outstanding": 10_000_000,
        "collateral_value": 20_000_000,
    }
    assert kop(**base, months_in_diragukan_without_payment=11) == "D"
    assert kop(**base, months_in_diragukan_without_payment=12) == "M"
    # the 21-month transcription, as a setting
    policy = koperasi_policy(macet_after_months=21)
    assert classify(Arrears(**base, months_in_diragukan_without_payment=20), policy) == "D"  # type: ignore[arg-type]
    assert classify(Arrears(**base, months_in_diragukan_without_payment=21), policy) == "M"  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        koperasi_policy(macet_after_months=0)


def test_koperasi_court_is_always_macet() -> None:
    assert kop(in_court=True) == "M"


# ---------------------------------------------------------------- koperasi, other periods


def test_koperasi_daily_or_weekly() -> None:
    # principal: Lancar up to 1 month, Kurang Lancar over 1 up to 2; interest: 1 / 3 months.
    daily = {"period_months": 0, "outstanding": 1_000_000}
    assert kop(**daily, months_principal_arrears=Decimal(1)) == "L"
    assert kop(**daily, months_principal_arrears=Decimal("1.1")) == "KL"
    assert kop(**daily, months_principal_arrears=Decimal(2)) == "KL"
    assert kop(**daily, months_principal_arrears=Decimal("2.1")) == "M"
    assert kop(**daily, months_interest_arrears=Decimal("1.1")) == "KL"
    assert kop(**daily, months_interest_arrears=Decimal(3)) == "KL"
    assert kop(**daily, months_interest_arrears=Decimal("3.1")) == "M"


def test_koperasi_six_monthly_or_longer() -> None:
    # principal: Lancar up to 6 months, Kurang Lancar over 6 up to 12.
    half_yearly = {"period_months": 6, "outstanding": 1_000_000}
    assert kop(**half_yearly, months_principal_arrears=Decimal(6)) == "L"
    assert kop(**half_yearly, months_principal_arrears=Decimal("6.5")) == "KL"
    assert kop(**half_yearly, months_principal_arrears=Decimal(12)) == "KL"
    assert kop(**half_yearly, months_principal_arrears=Decimal("12.5")) == "M"
    # interest keeps the 3 / 6 months of periods of a month or more.
    assert kop(**half_yearly, months_interest_arrears=Decimal("3.5")) == "KL"
    # quarterly follows the monthly rule.
    assert kop(period_months=3, months_principal_arrears=Decimal("3.5")) == "KL"


def test_koperasi_bullet() -> None:
    bullet = {"bullet": True, "outstanding": 5_000_000}
    # not yet due, interest up to 3 months: Lancar; over 3 up to 6: Kurang Lancar.
    assert kop(**bullet, months_interest_arrears=Decimal(3)) == "L"
    assert kop(**bullet, months_interest_arrears=Decimal("3.5")) == "KL"
    assert kop(**bullet, months_interest_arrears=Decimal("6.5")) == "M"
    # due and unpaid: any time up to 3 months is Kurang Lancar, beyond that worse.
    assert kop(**bullet, months_principal_arrears=Decimal("0.1")) == "KL"
    assert kop(**bullet, months_principal_arrears=Decimal(3)) == "KL"
    assert kop(**bullet, months_principal_arrears=Decimal("3.1"), collateral_value=5_000_000) == "D"


# ---------------------------------------------------------------- months_overdue


def test_months_overdue() -> None:
    due = date(2025, 1, 10)
    assert months_overdue(None, date(2025, 5, 1)) == 0
    assert months_overdue(due, date(2025, 1, 10)) == 0
    assert months_overdue(due, date(2025, 4, 10)) == 3
    # 10 Apr to 10 May is 30 days: one day past 3 months is 3 + 1/30.
    assert months_overdue(due, date(2025, 4, 11)) == THREE_AND_A_BIT
    assert kop(months_principal_arrears=months_overdue(due, date(2025, 4, 10))) == "L"
    assert kop(months_principal_arrears=months_overdue(due, date(2025, 4, 11))) == "KL"
    # month ends: due 31 Jan, 28 Feb is one month, 31 Mar two (anchored on the 31st).
    jan_31 = date(2025, 1, 31)
    assert months_overdue(jan_31, date(2025, 2, 28)) == 1
    assert months_overdue(jan_31, date(2025, 3, 30)) == 1 + Decimal(30) / 31
    assert months_overdue(jan_31, date(2025, 3, 31)) == 2


@given(st.dates(date(2000, 1, 1), date(2040, 1, 1)), st.integers(0, 3000), st.integers(1, 40))
def test_months_overdue_grows_with_time(due: date, days: int, step: int) -> None:
    early = months_overdue(due, due + timedelta(days=days))
    later = months_overdue(due, due + timedelta(days=days + step))
    assert 0 <= early < later


# ---------------------------------------------------------------- policies


def test_policy_names_and_classes() -> None:
    assert KOPERASI.name == "Kebijakan Koperasi (Permen KUKM 20/2008 jo. 14/2009)"
    assert KOPERASI.classes == ("L", "KL", "D", "M")
    assert OJK.classes == ("L", "DPK", "KL", "D", "M")
    assert MISSED.classes == ("L", "KL", "D", "M")
    assert all(p.name for p in (KOPERASI, OJK, MISSED, CUSTOM))
    assert quality_policy("ojk") is OJK
    with pytest.raises(ValidationError):
        quality_policy("bi")


def test_custom_table() -> None:
    policy = custom_policy([(0, "L"), (60, "KL"), (150, "D")], name="Pola Kebijakan KSP Guyub")
    assert [classify(Arrears(days_past_due=d), policy) for d in (0, 1, 60, 61, 150, 151)] == [
        "L",
        "KL",
        "KL",
        "D",
        "D",
        "M",
    ]
    assert policy.name == "Pola Kebijakan KSP Guyub"
    assert policy.classes == ("L", "KL", "D", "M")


@pytest.mark.parametrize(
    "limits",
    [
        [],
        [(0, "L"), (0, "KL")],  # bounds must rise
        [(-1, "L")],
        [(0, "KL"), (30, "L")],  # classes must get worse
        [(0, "L"), (30, "X")],
        [(0, "L"), (30, "HB")],
    ],
)
def test_custom_table_rejects_nonsense(limits: list[tuple[int, str]]) -> None:
    with pytest.raises(ValidationError) as info:
        custom_policy(limits)
    assert info.value.field == "limits"


def test_labels() -> None:
    assert class_label("DPK") == "Dalam Perhatian Khusus"
    assert class_label("HB") == "Hapus Buku"
    with pytest.raises(ValueError):
        class_label("X")


def test_negative_arrears_are_a_bug() -> None:
    with pytest.raises(ValueError):
        Arrears(days_past_due=-1)


# ---------------------------------------------------------------- NPL and health


def test_npl_ratio() -> None:
    # (KL 30 + D 20 + M 25) / (L 900 + DPK 25 + 75) = 75 / 1000 = 7,5 %; HB counts nowhere.
    book = {"L": 900, "DPK": 25, "KL": 30, "D": 20, "M": 25, "HB": 500}
    assert npl_ratio(book) == Decimal("7.5")
    assert npl_ratio({}) == 0
    assert npl_ratio({"HB": 100}) == 0
    with pytest.raises(ValueError):
        npl_ratio({"Lancar": 1})


@pytest.mark.parametrize(
    ("ratio", "band"),
    [
        ("0", "Sehat"),
        ("5", "Sehat"),
        ("5.0001", "Cukup Sehat"),
        ("10", "Cukup Sehat"),
        ("10.0001", "Kurang Sehat"),
        ("15", "Kurang Sehat"),
        ("15.0001", "Tidak Sehat"),
        ("100", "Tidak Sehat"),
    ],
)
def test_health_bands_bounds_belong_to_the_better_band(ratio: str, band: str) -> None:
    assert health_band(Decimal(ratio)) == band


# ---------------------------------------------------------------- ageing


@pytest.mark.parametrize(
    ("days", "bucket"),
    [
        (-3, None),
        (0, None),
        (1, "1–30 hari"),
        (30, "1–30 hari"),
        (31, "31–60 hari"),
        (60, "31–60 hari"),
        (61, "61–90 hari"),
        (90, "61–90 hari"),
        (91, "91–180 hari"),
        (180, "91–180 hari"),
        (181, "> 180 hari"),
    ],
)
def test_ageing_bucket(days: int, bucket: str | None) -> None:
    assert ageing_bucket(days) == bucket


def test_ageing_summary() -> None:
    summary = ageing_summary([(0, 999), (5, 100), (30, 200), (45, 300), (400, 50)])
    assert summary == {
        "1–30 hari": 300,
        "31–60 hari": 300,
        "61–90 hari": 0,
        "91–180 hari": 0,
        "> 180 hari": 50,
    }
    assert list(summary) == ["1–30 hari", "31–60 hari", "61–90 hari", "91–180 hari", "> 180 hari"]
