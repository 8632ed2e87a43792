"""Any assets, month-end runs in any order and repeated: every asset ends depreciated by exactly
cost − residual (less what the opening balances hold), one row per asset and month, and 1309
equals the rows."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.assets.depreciation import ORIGIN_PURCHASE, NewAsset
from app.services import Services
from app.users.models import Role
from tests.conftest import make_user

asset_st = st.builds(
    lambda cost, share, life, month, day: NewAsset(
        "Aset", "1304", date(2024, month, day), cost, life, cost * share // 100,
        ORIGIN_PURCHASE, "tunai",
    ),
    st.integers(1, 500_000_000), st.integers(0, 100), st.integers(1, 120),
    st.integers(1, 12), st.integers(1, 28),
)  # fmt: skip
run_st = st.lists(st.tuples(st.integers(2024, 2034), st.integers(1, 12)), max_size=6)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(asset_st, min_size=1, max_size=3), run_st)
def test_runs_in_any_order_depreciate_exactly(assets: list[NewAsset], runs: list) -> None:
    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(Path(folder) / "k.db", create=True)
        try:
            staff = make_user(services, Role.MANAJER, "manajer", "Rina")
            saved = [services.assets.register(staff, a) for a in assets]
            for year, month in [*runs, *runs, (2034, 12)]:
                services.assets.run(staff, year, month)
            for asset in saved:
                rows = services.assets.repo.depreciation(asset.id)
                assert sum(r.amount for r in rows) == asset.cost - asset.residual
                assert len({r.month for r in rows}) == len(rows)
                assert all(r.amount > 0 for r in rows)
            total = sum(a.cost - a.residual for a in saved)
            assert -services.ledger.repo.balance(["1309"], date(2034, 12, 31)) == total
        finally:
            services.close()
