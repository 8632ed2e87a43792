"""The demo cooperative's fixed assets (issue 13 §1): a motorbike for the field officer, the
office computers and the office building, bought at month ends early in the demo years (paid
in cash; the month's cash is then fetched from the bank as every month), with their
depreciation up to the last month before today, so the Neraca shows cost and accumulated
depreciation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.assets.depreciation import ORIGIN_PURCHASE, NewAsset
from app.ledger.closing import month_end
from app.money import format_rupiah
from app.services import Services

# (name, account, bought: months after the first journal (+) or before today (−), cost, life
# in months, residual)
ASSETS = (
    ("Gedung kantor koperasi", "1302", 2, 350_000_000, 240, 50_000_000),
    ("Sepeda motor petugas lapangan", "1303", -30, 24_500_000, 48, 4_500_000),
    ("Komputer kantor (3 unit)", "1304", -20, 21_600_000, 36, 0),
)


def _month_end_after(start: date, months: int) -> date:
    index = start.year * 12 + start.month - 1 + months
    return month_end(index // 12, index % 12 + 1)


def add_demo_assets(services: Services, today: date, say: Callable[[str], None]) -> str:
    """Register the assets before the running costs are booked (add_demo_books tops the cash up
    at each month end) — then `depreciate_demo_assets` after them."""
    first = services.ledger.repo.first_date()
    if first is None:
        return ""
    say("Aset tetap contoh …")
    staf = {u.username: u for u in services.users.all()}["manajer"]
    bought = 0
    for name, account, after, cost, life, residual in ASSETS:
        on = _month_end_after(first if after > 0 else today, after)
        if on >= today or on < first:
            continue
        new = NewAsset(name, account, on, cost, life, residual, ORIGIN_PURCHASE, "tunai")
        services.assets.register(staf, new)
        bought += 1
    return f"Aset tetap: {bought} aset." if bought else ""


def depreciate_demo_assets(services: Services, today: date, say: Callable[[str], None]) -> str:
    """The depreciation of every month that ended before today."""
    if not services.assets.repo.all():
        return ""
    say("Penyusutan aset tetap …")
    staf = {u.username: u for u in services.users.all()}["manajer"]
    last = today.replace(day=1)
    year, month = (last.year, last.month - 1) if last.month > 1 else (last.year - 1, 12)
    done = services.assets.run(staf, year, month)
    return f"Penyusutan {done.rows} bulan-aset, {format_rupiah(done.total)}."
