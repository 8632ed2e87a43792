"""The demo cooperative's books: the journals of the savings, loans and events the demo wrote in
bulk (the same derivation as an existing file's history), a second bank account, and a month's
running costs as journals across its years: salaries and honoraria, office rent, electricity,
ATK, the bank's interest and fees, and the cash taken to the bank (or fetched from it)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from app.ledger.bulk import BulkPoster
from app.ledger.history import post_unbooked
from app.ledger.models import Line
from app.money import format_number
from app.services import Services

SOURCE = "jurnal_umum_contoh"
BANK = "1103.02"
CASH_KEPT = 25_000_000  # what the office keeps in the safe; the rest goes to the bank
BANK_KEPT = 10_000_000  # below this the cooperative draws on its LPDB credit line


def _month_ends(start: date, today: date) -> list[date]:
    ends: list[date] = []
    month = date(start.year, start.month, 1)
    while True:
        nxt = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        end = nxt - timedelta(days=1)
        if end >= today:
            return ends
        ends.append(end)
        month = nxt


def _between(rng: random.Random, low: int, high: int) -> int:
    """A whole-thousand rupiah amount between `low` and `high`."""
    return rng.randrange(low, high + 1, 1_000)


def _round(amount: int) -> int:
    return amount // 1_000 * 1_000


def add_demo_books(
    services: Services, rng: random.Random, today: date, say: Callable[[str], None]
) -> str:
    say("Membukukan transaksi contoh dan biaya operasional …")
    ledger = services.ledger
    with services.db.atomic():
        posted = post_unbooked(ledger)
        ledger.accounts.rename(None, "1103.01", "Bank BRI")
        ledger.accounts.add_sub_account(None, "1103", "02", "Bank Jateng")
        first = ledger.repo.first_date()
        if first is None:
            return ""
        members = services.members.count()
        staff = 2 + members // 700
        poster = BulkPoster(ledger)
        count = 0

        def post(on: date, text: str, *lines: Line) -> None:
            nonlocal count
            count += 1
            poster.manual(SOURCE, on, count, text, tuple(x for x in lines if x.debit or x.credit))

        for end in _month_ends(first, today):
            pay_day, bill_day = end.replace(day=25), end.replace(day=5)
            month = f"{end:%m/%Y}"
            salaries = staff * _between(rng, 2_300_000, 2_700_000)
            honor = 3 * 500_000
            post(
                pay_day,
                f"Gaji karyawan {month}",
                Line("5201", salaries),
                Line(BANK, 0, salaries),
            )
            post(pay_day, f"Honor pengurus {month}", Line("5202", honor), Line(BANK, 0, honor))
            rent = 1_500_000 + 500_000 * (members // 1_000)
            post(bill_day, f"Sewa kantor {month}", Line("5401", rent), Line("1101", 0, rent))
            power = _between(rng, 300_000, 450_000)
            post(
                bill_day,
                f"Listrik, air, telepon {month}",
                Line("5204", power),
                Line("1101", 0, power),
            )
            atk = _between(rng, 80_000, 250_000)
            post(bill_day, f"ATK {month}", Line("5203", atk), Line("1101", 0, atk))
            poster.flush()
            bank = ledger.repo.balance([BANK], end)
            interest = max(0, bank * 2 // 1_000)  # jasa giro about 0,2 % a month
            post(end, f"Jasa giro {month}", Line(BANK, interest), Line("4201", 0, interest))
            post(
                end,
                f"Biaya administrasi bank {month}",
                Line("5208", 15_000),
                Line(BANK, 0, 15_000),
            )
            poster.flush()
            cash = ledger.repo.balance(["1101"], end)
            move = _round(cash - CASH_KEPT)
            if move > 0:
                post(end, "Setor kas ke bank", Line(BANK, move), Line("1101", 0, move))
            elif move < 0:
                post(end, "Ambil kas dari bank", Line("1101", -move), Line(BANK, 0, -move))
            poster.flush()
            short = BANK_KEPT - ledger.repo.balance([BANK], end)
            if short > 0:  # the loans outgrew the members' savings: a credit line
                drawn = -(-short // 50_000_000) * 50_000_000
                post(end, "Pencairan pinjaman LPDB", Line(BANK, drawn), Line("2201", 0, drawn))
                poster.flush()
    return (
        f"Pembukuan: {format_number(posted)} jurnal transaksi dan {format_number(count)} "
        "jurnal biaya operasional."
    )
