"""Balances to a date from the month totals (step 0022): the whole months before the date's
month from `ledger_month_totals`, the part of its month from the lines (the shorter side: the
days up to the date, or the whole month less the days after it). Portable SQL: runs on both
engines."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, timedelta

from app.storage.closing_repo import YEAR_END_SOURCE
from app.storage.engine import Engine, Row

Totals = dict[str, tuple[int, int, int]]  # account → (Σ debit, Σ credit, lines)


def _month_end(on: date) -> date:
    return on.replace(day=calendar.monthrange(on.year, on.month)[1])


class LedgerPeriodsRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def totals(self, as_of: date, *, closing: bool = True) -> Totals:
        """Per account, the sums of every line dated on or before `as_of` (`closing=False`
        leaves the jurnal penutup out)."""
        month = as_of.strftime("%Y-%m")
        end = _month_end(as_of)
        if as_of == end:
            return self._months("month <= :month", month, closing)
        if as_of.day <= end.day // 2:
            totals = self._months("month < :month", month, closing)
            return _add(totals, self._lines(as_of.replace(day=1), as_of, closing), 1)
        totals = self._months("month <= :month", month, closing)
        return _add(totals, self._lines(as_of + timedelta(days=1), end, closing), -1)

    def movements(self, start: date, end: date, *, closing: bool = True) -> Totals:
        """Per account with lines in `start`..`end`, their sums."""
        moved = _add(
            self.totals(end, closing=closing),
            self.totals(start - timedelta(days=1), closing=closing),
            -1,
        )
        return {a: t for a, t in moved.items() if t[2]}

    def _months(self, where: str, month: str, closing: bool) -> Totals:
        kind = "" if closing else " AND closing = 0"
        rows = self.db.rows(
            "SELECT account, sum(debit) AS debit, sum(credit) AS credit, sum(lines) AS lines"
            f" FROM ledger_month_totals WHERE {where}{kind} GROUP BY account",
            {"month": month},
        )
        return _totals(rows)

    def _lines(self, start: date, end: date, closing: bool) -> Totals:
        kind = "" if closing else " AND j.source <> :closing"
        rows = self.db.rows(
            "SELECT l.account, sum(l.debit) AS debit, sum(l.credit) AS credit, count(*) AS lines"
            f" FROM journals j{self.db.dialect.indexed_by('journals_date')}"
            " JOIN journal_lines l ON l.journal_id = j.id"
            f" WHERE j.date >= :s AND j.date <= :e{kind} GROUP BY l.account",
            {"s": start.isoformat(), "e": end.isoformat(), "closing": YEAR_END_SOURCE},
        )
        return _totals(rows)


def _totals(rows: Sequence[Row]) -> Totals:
    return {str(r["account"]): (int(r["debit"]), int(r["credit"]), int(r["lines"])) for r in rows}


def _add(totals: Totals, other: Totals, sign: int) -> Totals:
    out = dict(totals)
    for account, (d, c, n) in other.items():
        d0, c0, n0 = out.get(account, (0, 0, 0))
        out[account] = (d0 + sign * d, c0 + sign * c, n0 + sign * n)
    return out
