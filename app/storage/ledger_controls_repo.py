"""The sub-ledger figures the control accounts must equal (LEDGER.md §5.4 item 4), as SQL shared
by the history posting (opening balances) and `mufakat check` (a read-only connection).
Portable SQL: runs on both engines (and on a bare DB-API connection, read by column name)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from app.storage.engine import Engine

OFF_BOOK = ("hapus_buku", "hapus_tagih")

# Pokok outstanding per disbursed loan: the principal of its current schedule version (after a
# restructuring: what remained plus what was capitalised) less the pokok its events of that
# version settled; a loan written off is off the books (0).
LOANS_OUTSTANDING = f"""
SELECT l.id AS loan_id, l.member_id AS member_id,
  CASE WHEN l.status IN {OFF_BOOK!r} THEN 0
       ELSE s.principal - coalesce((SELECT sum(e.pokok) FROM loan_events e
         WHERE e.loan_id = l.id AND e.version = l.schedule_version), 0)
  END AS outstanding
FROM loans l JOIN loan_schedules s ON s.loan_id = l.id AND s.version = l.schedule_version
WHERE EXISTS (SELECT 1 FROM loan_events p WHERE p.loan_id = l.id AND p.kind = 'pencairan')
ORDER BY l.id"""

SAVINGS_TOTALS = "SELECT kind, sum(amount) AS total FROM savings_transactions GROUP BY kind"

TITIPAN_TOTAL = """SELECT coalesce(sum(e.titipan), 0) AS total FROM loan_events e
JOIN loans l ON l.id = e.loan_id"""

ACCOUNT_BALANCE = (
    "SELECT coalesce(sum(debit) - sum(credit), 0) AS balance FROM journal_lines"
    " WHERE account = :account"
)

LOAN_BALANCES = """SELECT loan_id, sum(debit) - sum(credit) AS balance FROM journal_lines
WHERE account = :account AND loan_id IS NOT NULL GROUP BY loan_id"""


class Connection(Protocol):
    """A bare DB-API connection (`mufakat check` reads the file read-only)."""

    def execute(self, sql: str, params: Any = ..., /) -> Any: ...


class LedgerControlsRepository:
    """Over an engine, or over a bare (read-only) connection for `mufakat check`."""

    def __init__(self, db: Engine | Connection) -> None:
        self.db = db

    def _rows(self, sql: str, params: Mapping[str, Any] | None = None) -> list[Mapping[str, Any]]:
        values = dict(params or {})
        if hasattr(self.db, "rows"):
            return [_named(r) for r in self.db.rows(sql, values)]
        cursor = self.db.execute(sql, values)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def loans_outstanding(self) -> list[tuple[int, int, int]]:
        return [
            (int(r["loan_id"]), int(r["member_id"]), int(r["outstanding"]))
            for r in self._rows(LOANS_OUTSTANDING)
        ]

    def savings_totals(self) -> dict[str, int]:
        return {str(r["kind"]): int(r["total"]) for r in self._rows(SAVINGS_TOTALS)}

    def titipan_total(self) -> int:
        return int(self._rows(TITIPAN_TOTAL)[0]["total"])

    def account_balance(self, account: str) -> int:
        """Debit − credit of `account`'s lines."""
        return int(self._rows(ACCOUNT_BALANCE, {"account": account})[0]["balance"])

    def loan_balances(self, account: str) -> dict[int, int]:
        """Debit − credit of `account` per loan."""
        rows = self._rows(LOAN_BALANCES, {"account": account})
        return {int(r["loan_id"]): int(r["balance"]) for r in rows}


def _named(row: Any) -> Mapping[str, Any]:
    return {k: row[k] for k in row.keys()}  # noqa: SIM118  (a SQLite row or a dict)
