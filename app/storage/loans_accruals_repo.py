"""The monthly jasa accrual rows (akrual Lancar; app/ledger/accrual.py), one per loan per month,
append-only: the sub-ledger of 1109 and the source of each accrual journal (portable SQL: runs
on both engines)."""

from __future__ import annotations

from datetime import date

from app.clock import now_text
from app.ledger.accrual import AccrualRecord, NewAccrual
from app.storage.engine import Engine, Row


def accrual_from_row(row: Row) -> AccrualRecord:
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
    def __init__(self, db: Engine) -> None:
        self.db = db

    def insert(self, new: NewAccrual, user_id: int | None) -> AccrualRecord:
        new_id = self.db.insert_id(
            "INSERT INTO loan_jasa_accruals (loan_id, month, as_of, run_id, quality, due_unpaid,"
            " accrued_before, amount, created_by, created_at) VALUES (:loan_id, :month, :as_of,"
            " :run_id, :quality, :due_unpaid, :accrued_before, :amount, :created_by,"
            " :created_at) RETURNING id",
            {
                "loan_id": new.loan_id,
                "month": new.month,
                "as_of": new.as_of.isoformat(),
                "run_id": new.run_id,
                "quality": new.quality,
                "due_unpaid": new.due_unpaid,
                "accrued_before": new.accrued_before,
                "amount": new.amount,
                "created_by": user_id,
                "created_at": now_text(),
            },
        )
        row = self.db.one("SELECT * FROM loan_jasa_accruals WHERE id = :id", {"id": new_id})
        assert row is not None
        return accrual_from_row(row)

    def of_month(self, month: str) -> list[AccrualRecord]:
        rows = self.db.rows(
            "SELECT * FROM loan_jasa_accruals WHERE month = :month ORDER BY loan_id",
            {"month": month},
        )
        return [accrual_from_row(r) for r in rows]

    def of_loan(self, loan_id: int) -> list[AccrualRecord]:
        rows = self.db.rows(
            "SELECT * FROM loan_jasa_accruals WHERE loan_id = :loan ORDER BY month",
            {"loan": loan_id},
        )
        return [accrual_from_row(r) for r in rows]

    def balances(self, account: str, as_of: date) -> dict[int, int]:
        """Debit − credit of `account` per loan in the journals dated up to `as_of`."""
        rows = self.db.rows(
            "SELECT l.loan_id, sum(l.debit) - sum(l.credit) AS balance FROM journal_lines l"
            " JOIN journals j ON j.id = l.journal_id WHERE l.account = :account"
            " AND j.date <= :as_of AND l.loan_id IS NOT NULL GROUP BY l.loan_id",
            {"account": account, "as_of": as_of.isoformat()},
        )
        return {int(r["loan_id"]): int(r["balance"]) for r in rows}
