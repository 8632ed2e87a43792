"""PPh 4(2) on jasa simpanan: nothing up to Rp240.000 a month, 10 % of the whole gross above it
(Rp240.001 → Rp24.000); per member the accounts add up before the threshold, per account not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.ledger.pph import withheld, withheld_by


@pytest.mark.parametrize(
    ("gross", "tax"), [(0, 0), (239_999, 0), (240_000, 0), (240_001, 24_000), (1_000_000, 100_000)]
)
def test_threshold(gross: int, tax: int) -> None:
    assert withheld(gross) == tax


@given(gross=st.integers(min_value=0, max_value=10**12))
def test_whole_gross_not_the_excess(gross: int) -> None:
    tax = withheld(gross)
    if gross <= 240_000:
        assert tax == 0
    else:
        assert tax == gross // 10 and 0 <= gross - 10 * tax < 10


def test_per_member_vs_per_account() -> None:
    gross = {(1, 10): 150_000, (1, 11): 100_000, (2, 20): 240_000}
    assert withheld_by(gross) == {(1, 10): 15_000, (1, 11): 10_000, (2, 20): 0}
    assert withheld_by(gross, per_account=True) == {(1, 10): 0, (1, 11): 0, (2, 20): 0}


@given(
    amounts=st.dictionaries(
        st.tuples(st.integers(1, 5), st.integers(1, 4)), st.integers(0, 2_000_000), max_size=12
    )
)
def test_per_member_split_adds_up(amounts: dict[tuple[int, int], int]) -> None:
    out = withheld_by(amounts)
    for member in {m for m, _ in amounts}:
        total = sum(v for (m, _), v in amounts.items() if m == member)
        assert sum(v for (m, _), v in out.items() if m == member) == withheld(total)
