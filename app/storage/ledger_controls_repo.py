"""The sub-ledger figures the control accounts must equal (LEDGER.md §5.4 item 4), as SQL shared
by the history posting (opening balances) and `mufakat check` (a read-only connection)."""

from __future__ import annotations

import sqlite3
from typing import Any

from app.storage.db import Database

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

TITIPAN_TOTAL = """SELECT coalesce(sum(e.titipan), 0) FROM loan_events e
JOIN loans l ON l.id = e.loan_id"""

ACCOUNT_BALANCE = (
    "SELECT coalesce(sum(debit) - sum(credit), 0) FROM journal_lines WHERE account = ?"
)

LOAN_BALANCES = """SELECT loan_id, sum(debit) - sum(credit) AS balance FROM journal_lines
WHERE account = ? AND loan_id IS NOT NULL GROUP BY loan_id"""


class LedgerControlsRepository:
    """Over a Database, or over a bare (read-only) connection for `mufakat check`."""

    def __init__(self, db: Database | sqlite3.Connection) -> None:
        self.conn = db if isinstance(db, sqlite3.Connection) else db.sql.conn

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return list(self.conn.execute(sql, params).fetchall())

    def loans_outstanding(self) -> list[tuple[int, int, int]]:
        return [(int(r[0]), int(r[1]), int(r[2])) for r in self._rows(LOANS_OUTSTANDING)]

    def savings_totals(self) -> dict[str, int]:
        return {str(r[0]): int(r[1]) for r in self._rows(SAVINGS_TOTALS)}

    def titipan_total(self) -> int:
        return int(self._rows(TITIPAN_TOTAL)[0][0])

    def account_balance(self, account: str) -> int:
        """Debit − credit of `account`'s lines."""
        return int(self._rows(ACCOUNT_BALANCE, (account,))[0][0])

    def loan_balances(self, account: str) -> dict[int, int]:
        """Debit − credit of `account` per loan."""
        return {int(r[0]): int(r[1]) for r in self._rows(LOAN_BALANCES, (account,))}
