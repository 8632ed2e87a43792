"""Straight-line depreciation of a fixed asset as pure rules (issue 13 §1, LEDGER.md §3.1).

The rule: the depreciable amount is cost − residual, spread over the useful life of `life`
months. Each month takes (cost − residual) // life (rounded down); the LAST month of the life
takes the remainder, so the months add up to cost − residual exactly and none is negative.
Depreciation STARTS THE MONTH AFTER ACQUISITION: an asset acquired on any day of March is first
depreciated for April, and its last month is the `life`-th month after March. A month whose
amount is 0 (cost − residual smaller than the life) posts nothing.

An asset owned at the cut-over (origin 'saldo_awal') has its depreciation up to the cut-over
month in the opening balances; the job posts only the months after it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.formats import month_key

ACCOUNTS = {"1302": "Gedung", "1303": "Kendaraan", "1304": "Inventaris"}
LAND = "1301"  # Tanah: never depreciated, so never in this register
ORIGIN_OPENING = "saldo_awal"
ORIGIN_PURCHASE = "pembelian"


@dataclass(frozen=True)
class NewAsset:
    name: str
    account: str
    acquired_on: date
    cost: int
    life_months: int
    residual: int
    origin: str
    method: str | None = None
    opening_month: str | None = None  # 'YYYY-MM', saldo_awal only
    note: str = ""


@dataclass(frozen=True)
class Asset(NewAsset):
    id: int = 0
    opening_accumulated: int = 0


@dataclass(frozen=True)
class Depreciation:
    id: int
    asset_id: int
    month: str
    seq: int
    amount: int


def month_index(month: str) -> int:
    """'2026-03' → a running month number (year × 12 + month − 1)."""
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def month_of_index(index: int) -> str:
    return month_key(index // 12, index % 12 + 1)


def monthly_amount(cost: int, residual: int, life: int, seq: int) -> int:
    """The depreciation of the `seq`-th month of the life (1..life); 0 outside it."""
    if not 1 <= seq <= life:
        return 0
    base = (cost - residual) // life
    return cost - residual - base * (life - 1) if seq == life else base


def schedule(cost: int, residual: int, life: int) -> list[int]:
    """Every month's depreciation, in order (sums to cost − residual)."""
    return [monthly_amount(cost, residual, life, k) for k in range(1, life + 1)]


def seq_of(asset: NewAsset, month: str) -> int:
    """Which month of the life `month` is (1 = the month after acquisition)."""
    acquired = month_index(month_key(asset.acquired_on.year, asset.acquired_on.month))
    return month_index(month) - acquired


def first_posted_seq(asset: NewAsset) -> int:
    """The first month of the life the job posts (after the cut-over for saldo_awal)."""
    if asset.origin == ORIGIN_OPENING and asset.opening_month:
        return max(1, seq_of(asset, asset.opening_month) + 1)
    return 1


def opening_accumulated(asset: NewAsset) -> int:
    """The depreciation the opening balances hold for an asset owned at the cut-over."""
    last = first_posted_seq(asset) - 1
    return sum(
        monthly_amount(asset.cost, asset.residual, asset.life_months, k)
        for k in range(1, min(last, asset.life_months) + 1)
    )


def due_months(asset: NewAsset, through: str) -> list[tuple[str, int, int]]:
    """(month, seq, amount) of every month the job posts for `asset` up to `through`."""
    last = min(seq_of(asset, through), asset.life_months)
    found = []
    for seq in range(first_posted_seq(asset), last + 1):
        amount = monthly_amount(asset.cost, asset.residual, asset.life_months, seq)
        if amount:
            acquired = month_index(month_key(asset.acquired_on.year, asset.acquired_on.month))
            found.append((month_of_index(acquired + seq), seq, amount))
    return found
