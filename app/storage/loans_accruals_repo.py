"""The monthly jasa accrual rows (akrual Lancar; app/ledger/accrual.py), one per loan per month,
append-only: the sub-ledger of 1109 and the source of each accrual journal."""

from __future__ import annotations

import sqlite3
from datetime import date

from app.clock import now_text
from app.ledger.accrual import AccrualRecord, NewAccrual
from app.storage.db import Database


def accrual_from_row(row: sqlite3.Row) -> AccrualRecord:
    return AccrualRecord(
        id=row["id"],
        loan_id=row["loan_id"],
        month=row["month"],
        as_of=date.fromisoformat(row["as_of"]),
        run_id=row["run_id"],
        quality=row["quality"],
        due_unpaid=row["due_unpaid"],
        accrued_before=row["accrued_before"],
        amount=row["amount"],
    )


class LoanAccrualsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, new: NewAccrual, user_id: int | None) -> AccrualRecord:
        cursor = self.db.execute(
            "INSERT INTO loan_jasa_accruals (loan_id, month, as_of, run_id, quality, due_unpaid,"
            " accrued_before, amount, created_by, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new.loan_id,
                new.month,
                new.as_of.isoformat(),
                new.run_id,
                new.quality,
                new.due_unpaid,
                new.accrued_before,
                new.amount,
                user_id,
                now_text(),
            ),
        )
        assert cursor.lastrowid is not None
        row = self.db.one("SELECT * FROM loan_jasa_accruals WHERE id = ?", (cursor.lastrowid,))
        assert row is not None
        return accrual_from_row(row)

    def of_month(self, month: str) -> list[AccrualRecord]:
        rows = self.db.rows(
            "SELECT * FROM loan_jasa_accruals WHERE month = ? ORDER BY loan_id", (month,)
        )
        return [accrual_from_row(r) for r in rows]

    def of_loan(self, loan_id: int) -> list[AccrualRecord]:
        rows = self.db.rows(
            "SELECT * FROM loan_jasa_accruals WHERE loan_id = ? ORDER BY month", (loan_id,)
        )
        return [accrual_from_row(r) for r in rows]

    def balances(self, account: str, as_of: date) -> dict[int, int]:
        """Debit − credit of `account` per loan in the journals dated up to `as_of`."""
        rows = self.db.rows(
            "SELECT l.loan_id, sum(l.debit) - sum(l.credit) FROM journal_lines l"
            " JOIN journals j ON j.id = l.journal_id WHERE l.account = ? AND j.date <= ?"
            " AND l.loan_id IS NOT NULL GROUP BY l.loan_id",
            (account, as_of.isoformat()),
        )
        return {int(r[0]): int(r[1]) for r in rows}
