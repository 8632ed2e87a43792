"""The straight-line rule across lives 1..120 months and any residual: the months add up to
cost − residual exactly, none is negative, every month but the last takes the rounded-down
share, depreciation starts the month after acquisition and ends with the life."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from app.assets import depreciation as dep
from app.assets.depreciation import NewAsset
from app.formats import month_key


@st.composite
def assets(draw: st.DrawFn) -> NewAsset:
    cost = draw(st.integers(1, 10_000_000_000))
    residual = draw(st.integers(0, cost))
    life = draw(st.integers(1, 120))
    acquired = draw(st.dates(date(2000, 1, 1), date(2030, 12, 31)))
    return NewAsset("Aset", "1304", acquired, cost, life, residual, dep.ORIGIN_PURCHASE, "tunai")


@given(assets())
def test_the_months_add_up_to_cost_less_residual(asset: NewAsset) -> None:
    months = dep.schedule(asset.cost, asset.residual, asset.life_months)
    assert len(months) == asset.life_months
    assert sum(months) == asset.cost - asset.residual
    assert all(m >= 0 for m in months)
    base = (asset.cost - asset.residual) // asset.life_months
    assert months[:-1] == [base] * (asset.life_months - 1)
    assert base <= months[-1] < base + asset.life_months


@given(assets())
def test_due_months_start_after_acquisition_and_end_with_the_life(asset: NewAsset) -> None:
    acquired = dep.month_index(month_key(asset.acquired_on.year, asset.acquired_on.month))
    acquired_month = dep.month_of_index(acquired)
    assert dep.due_months(asset, acquired_month) == []
    far = dep.month_of_index(acquired + asset.life_months + 30)
    due = dep.due_months(asset, far)
    assert sum(a for _, _, a in due) == asset.cost - asset.residual
    assert all(a > 0 for _, _, a in due)
    assert [m for m, _, _ in due] == sorted({m for m, _, _ in due})
    if due:
        assert dep.month_index(due[0][0]) >= acquired + 1
        assert dep.month_index(due[-1][0]) <= acquired + asset.life_months
    assert dep.due_months(asset, far) == dep.due_months(
        asset, dep.month_of_index(acquired + asset.life_months)
    )


@given(assets(), st.integers(0, 130))
def test_an_opening_asset_splits_the_schedule_at_the_cut_over(asset: NewAsset, after: int) -> None:
    acquired = dep.month_index(month_key(asset.acquired_on.year, asset.acquired_on.month))
    opening = NewAsset(
        **{
            **asset.__dict__,
            "origin": dep.ORIGIN_OPENING,
            "method": None,
            "opening_month": dep.month_of_index(acquired + after),
        }
    )
    far = dep.month_of_index(acquired + 200)
    posted = sum(a for _, _, a in dep.due_months(opening, far))
    assert dep.opening_accumulated(opening) + posted == asset.cost - asset.residual
    assert all(dep.month_index(m) > acquired + after for m, _, _ in dep.due_months(opening, far))


def test_examples() -> None:
    assert dep.schedule(1_000, 0, 3) == [333, 333, 334]
    assert dep.schedule(10, 0, 12) == [0] * 11 + [10]
    assert dep.schedule(5_000, 5_000, 4) == [0, 0, 0, 0]
    asset = NewAsset("Motor", "1303", date(2024, 3, 31), 1_200, 12, 0, dep.ORIGIN_PURCHASE, "x")
    assert dep.due_months(asset, "2024-04") == [("2024-04", 1, 100)]
    assert dep.due_months(asset, "2025-12")[-1] == ("2025-03", 12, 100)
