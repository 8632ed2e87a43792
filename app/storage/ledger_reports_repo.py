"""SQL for the financial statements: balances to a date, movements in a period, and the
counterpart lines of the journals that moved cash (the direct-method cash flow). Portable SQL:
runs on both engines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.storage.dialect import Dialect
from app.storage.engine import Engine
from app.storage.ledger_periods_repo import LedgerPeriodsRepository


def _cash_where(
    dialect: Dialect, alias: str, prefixes: Sequence[str]
) -> tuple[str, dict[str, str]]:
    """`alias`'s account is one of `prefixes` or under one (named parameters `:{alias}…`)."""
    parts: list[str] = []
    params: dict[str, str] = {}
    for i, prefix in enumerate(prefixes):
        code, sub = f"{alias}_code{i}", f"{alias}_sub{i}"
        parts.append(
            f"({alias}.account = :{code} OR {dialect.ci_like(f'{alias}.account', ':' + sub)})"
        )
        params |= {code: prefix, sub: f"{prefix}.%"}
    return "(" + " OR ".join(parts) + ")", params


class LedgerReportsRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def balances(self, as_of: date) -> dict[str, int]:
        """Σ debit − Σ credit of every posted account to `as_of` (zero ones left out). The
        statements leave out the jurnal penutup: they present income and expense themselves."""
        totals = LedgerPeriodsRepository(self.db).totals(as_of, closing=False)
        return {a: d - c for a, (d, c, _) in totals.items() if d - c}

    def movements(self, start: date, end: date) -> dict[str, tuple[int, int]]:
        """(Σ debit, Σ credit) per account of the journals dated `start`..`end`."""
        moved = LedgerPeriodsRepository(self.db).movements(start, end, closing=False)
        return {a: (d, c) for a, (d, c, _) in moved.items()}

    def cash_counterparts(
        self, start: date, end: date, cash: Sequence[str]
    ) -> dict[str, tuple[int, int]]:
        """Per non-cash account, over the journals of the period that touch a cash account:
        (cash received, cash paid) it explains. Each journal's lines on one account are netted
        first (credit − debit: positive is cash in), so the two sums add up to the change of
        cash exactly (a journal balances)."""
        dialect = self.db.dialect
        inner, p1 = _cash_where(dialect, "c", cash)
        outer, p2 = _cash_where(dialect, "l", cash)
        rows = self.db.rows(
            f"SELECT account, sum({dialect.greatest('net', '0')}) AS cash_in,"
            f" sum({dialect.greatest('-net', '0')}) AS cash_out FROM ("
            " SELECT l.journal_id, l.account, sum(l.credit) - sum(l.debit) AS net"
            " FROM journal_lines l JOIN journals j ON j.id = l.journal_id"
            " WHERE j.date >= :s AND j.date <= :e"
            f" AND NOT {outer}"
            " AND EXISTS (SELECT 1 FROM journal_lines c WHERE c.journal_id = l.journal_id"
            f" AND {inner})"
            " GROUP BY l.journal_id, l.account) AS moved GROUP BY account",
            {"s": start.isoformat(), "e": end.isoformat(), **p2, **p1},
        )
        return {str(r["account"]): (int(r["cash_in"]), int(r["cash_out"])) for r in rows}

    def member_balances(self, member_id: int, as_of: date) -> dict[str, int]:
        """Σ debit − Σ credit per account of one member's lines to `as_of` (zero ones left out)."""
        rows = self.db.rows(
            "SELECT l.account, sum(l.debit) - sum(l.credit) AS net FROM journal_lines l"
            " JOIN journals j ON j.id = l.journal_id WHERE l.member_id = :member"
            " AND j.date <= :as_of GROUP BY l.account ORDER BY l.account",
            {"member": member_id, "as_of": as_of.isoformat()},
        )
        return {str(r["account"]): int(r["net"]) for r in rows if int(r["net"])}


class MemoLedgerReports(LedgerReportsRepository):
    """The same reads, each asked once: for one run of several statements over the same dates
    (the RAT pack), where the Neraca, Arus Kas, Perubahan Ekuitas and CALK read the same
    balances. Not for a view that stays open while the books change."""

    def __init__(self, db: Engine) -> None:
        super().__init__(db)
        self._balances: dict[date, dict[str, int]] = {}
        self._movements: dict[tuple[date, date], dict[str, tuple[int, int]]] = {}

    def balances(self, as_of: date) -> dict[str, int]:
        if as_of not in self._balances:
            self._balances[as_of] = super().balances(as_of)
        return dict(self._balances[as_of])

    def movements(self, start: date, end: date) -> dict[str, tuple[int, int]]:
        if (start, end) not in self._movements:
            self._movements[(start, end)] = super().movements(start, end)
        return dict(self._movements[(start, end)])

    def prefetch(self, dates: Sequence[date]) -> None:
        """The balances at each of `dates`, read once each from the month totals (what
        `balances` gives)."""
        for on in dates:
            self.balances(on)
