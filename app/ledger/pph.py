"""PPh Pasal 4(2) on jasa simpanan (LEDGER.md §4, PP 15/2009): for a member (an individual),
nothing when the month's gross jasa is at most Rp240.000; above it 10 % of the WHOLE gross, not
of the excess. Counted per member (default) or per savings account (a setting). Whole rupiah,
rounded down (never more than 10 % is withheld)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

THRESHOLD = 240_000  # Rp per month
RATE_PERCENT = 10

K = TypeVar("K", bound=Hashable)


def withheld(gross: int) -> int:
    """The PPh 4(2) on one month's gross jasa of one taxpayer unit (member or account)."""
    if gross < 0:
        raise ValueError("gross jasa must not be negative")
    return 0 if gross <= THRESHOLD else gross * RATE_PERCENT // 100


def withheld_by(
    gross: Mapping[tuple[K, int], int], per_account: bool = False
) -> dict[tuple[K, int], int]:
    """The month's jasa per (member, account) → the PPh per (member, account). Per member
    (default) the threshold applies to the member's total and the tax is split back over the
    accounts in proportion, rounded down with the left-over rupiah to the largest account; per
    account each account is its own unit."""
    if per_account:
        return {key: withheld(amount) for key, amount in gross.items()}
    totals: dict[K, int] = {}
    for (member, _account), amount in gross.items():
        totals[member] = totals.get(member, 0) + amount
    out: dict[tuple[K, int], int] = {}
    for member, total in totals.items():
        tax = withheld(total)
        keys = [key for key in gross if key[0] == member]
        shares = {key: tax * gross[key] // total if total else 0 for key in keys}
        left = tax - sum(shares.values())
        if left:
            largest = max(keys, key=lambda k: (gross[k], -k[1]))
            shares[largest] += left
        out.update(shares)
    return out
