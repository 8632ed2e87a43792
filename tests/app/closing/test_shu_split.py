"""SHU arithmetic: the allocation is exactly 100 % (99,99 and 100,01 refused); the pools sum to
SHU with the left-over rupiah in cadangan; the largest-remainder split sums exactly to its pool
and no member is more than 1 rupiah from the exact pro-rata share."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.ledger.shu_split import DEFAULT_PERCENT, largest_remainder, pools, validate_percentages


def _with_cadangan(value: str) -> dict[str, Decimal]:
    percent = dict(DEFAULT_PERCENT)
    percent["cadangan"] = Decimal(value)
    return percent


def test_default_is_100() -> None:
    assert sum(validate_percentages(DEFAULT_PERCENT).values()) == 100


@pytest.mark.parametrize(("cadangan", "ok"), [("39.99", False), ("40", True), ("40.01", False)])
def test_allocation_exactly_100(cadangan: str, ok: bool) -> None:
    percent = _with_cadangan(cadangan)
    if ok:
        validate_percentages(percent)
    else:
        with pytest.raises(ValidationError, match="harus tepat 100%"):
            validate_percentages(percent)


def test_the_much_copied_105_is_refused() -> None:
    percent = {
        "cadangan": Decimal(40),
        "jma": Decimal(20),
        "jua": Decimal(20),
        "pengurus": Decimal(5),
        "karyawan": Decimal(5),
        "pendidikan": Decimal(5),
        "sosial": Decimal(5),
        "daerah_kerja": Decimal(5),
    }
    with pytest.raises(ValidationError, match="105%"):
        validate_percentages(percent)


def test_negative_percent_refused() -> None:
    percent = _with_cadangan("50")
    percent["sosial"] = Decimal("-7.5")
    with pytest.raises(ValidationError):
        validate_percentages(percent)


@given(shu=st.integers(min_value=-(10**9), max_value=10**13))
def test_pools_sum_to_shu(shu: int) -> None:
    split = pools(shu, DEFAULT_PERCENT)
    assert sum(split.values()) == max(shu, 0)
    assert all(v >= 0 for v in split.values())
    if shu > 0:  # every pool but cadangan is the floor; cadangan takes at most 7 rupiah extra
        exact = Fraction(shu) * Fraction(DEFAULT_PERCENT["cadangan"]) / 100
        assert 0 <= split["cadangan"] - exact < 8


@given(
    total=st.integers(min_value=0, max_value=10**12),
    weights=st.lists(st.integers(min_value=0, max_value=10**10), min_size=1, max_size=60),
)
def test_largest_remainder_exact_and_within_one_rupiah(total: int, weights: list[int]) -> None:
    bases = dict(enumerate(weights))
    shares = largest_remainder(total, bases)
    whole = sum(weights)
    if whole == 0:
        assert set(shares.values()) == {0}
        return
    assert sum(shares.values()) == total
    for key, weight in bases.items():
        exact = Fraction(total * weight, whole)
        assert abs(shares[key] - exact) < 1
        assert shares[key] in (exact.numerator // exact.denominator, -(-exact // 1))
    zero = [k for k, w in bases.items() if w == 0]
    assert all(shares[k] == 0 for k in zero)


def test_ties_go_to_the_first_member() -> None:
    assert largest_remainder(2, {"A-001": 1, "A-002": 1, "A-003": 1}) == {
        "A-001": 1,
        "A-002": 1,
        "A-003": 0,
    }
