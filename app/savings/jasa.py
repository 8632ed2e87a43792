"""Jasa simpanan sukarela as pure arithmetic (issue 13 §2): the month's balance basis and the
jasa on it.

- Each day's balance is the balance at the END of that day (every transaction dated that day
  counted), so a deposit on the 1st counts from the 1st and a withdrawal on the last day counts
  on the last day.
- **Saldo terendah** (`terendah`): the lowest of the month's end-of-day balances.
- **Saldo rata-rata harian** (`rata_harian`): the sum of the end-of-day balances divided by the
  days of the month, rounded down to the rupiah.
- **Jasa** = basis × rate % a year ÷ 12 for the month, **rounded down per member** to the whole
  rupiah (the cooperative never credits a fraction it does not owe; the sen left over are not
  carried). A rate of 0 % or a basis of 0 gives no jasa."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_FLOOR, Decimal, InvalidOperation

from app.errors import ValidationError

BASES = {"terendah": "Saldo terendah dalam bulan", "rata_harian": "Saldo rata-rata harian"}


def end_of_day_balances(
    opening: int, moves: Iterable[tuple[date, int]], year: int, month: int
) -> list[int]:
    """The balance at the end of each day of the month: `opening` is the balance before the
    1st, `moves` the month's (date, signed amount)."""
    days = calendar.monthrange(year, month)[1]
    by_day = [0] * (days + 1)
    for on, amount in moves:
        if (on.year, on.month) != (year, month):
            raise ValueError(f"{on} is not in {year}-{month:02d}")
        by_day[on.day] += amount
    balances, running = [], opening
    for day in range(1, days + 1):
        running += by_day[day]
        balances.append(running)
    return balances


def basis_balance(
    basis: str, opening: int, moves: Iterable[tuple[date, int]], year: int, month: int
) -> int:
    """The month's balance the jasa is paid on (never below 0)."""
    balances = end_of_day_balances(opening, moves, year, month)
    if basis == "terendah":
        return max(0, min(balances))
    if basis == "rata_harian":
        return max(0, sum(balances) // len(balances))
    raise ValueError(f"unknown basis {basis!r}")


def monthly_jasa(balance: int, rate: Decimal) -> int:
    """Jasa of one month on `balance` at `rate` % a year, rounded down to the rupiah."""
    if balance < 0 or rate < 0:
        raise ValueError("balance and rate must not be negative")
    exact = Decimal(balance) * rate / Decimal(1200)
    return int(exact.to_integral_value(rounding=ROUND_FLOOR))


def parse_rate(text: object, field: str = "savings.jasa_sukarela_rate") -> Decimal:
    """The jasa rate setting ('3', '2,5', '2.5' % a year) as a Decimal between 0 and 100."""
    try:
        rate = Decimal(str(text).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError("Tulis bunga jasa seperti 2,5 (persen setahun).", field) from None
    if not rate.is_finite() or not 0 <= rate <= 100:
        raise ValidationError("Bunga jasa antara 0 dan 100 persen setahun.", field)
    return rate
