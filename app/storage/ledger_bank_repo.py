"""SQL of bank reconciliation: statements entered, lines cleared, a bank account's lines
(portable SQL: runs on both engines)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.clock import now_text
from app.storage.engine import Engine, Row


class BankReconRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def add_statement(self, account: str, on: date, balance: int, user_id: int | None) -> int:
        return self.db.insert_id(
            "INSERT INTO bank_statements (account, statement_date, balance, entered_by,"
            " entered_at) VALUES (:account, :on, :balance, :by, :at) RETURNING id",
            {
                "account": account,
                "on": on.isoformat(),
                "balance": balance,
                "by": user_id,
                "at": now_text(),
            },
        )

    def statement(self, statement_id: int) -> Row | None:
        return self.db.one("SELECT * FROM bank_statements WHERE id = :id", {"id": statement_id})

    def latest_statement(self, account: str) -> Row | None:
        return self.db.one(
            "SELECT * FROM bank_statements WHERE account = :account"
            " ORDER BY statement_date DESC, id DESC LIMIT 1",
            {"account": account},
        )

    def clear(self, line_ids: Sequence[int], statement_id: int, user_id: int | None) -> None:
        stamp = now_text()
        for line_id in line_ids:
            self.db.run(
                "INSERT INTO bank_clearings (line_id, statement_id, cleared_by, cleared_at)"
                " VALUES (:line, :statement, :by, :at)",
                {"line": line_id, "statement": statement_id, "by": user_id, "at": stamp},
            )

    def lines(self, account: str, as_of: date) -> list[Row]:
        """Every line of `account` to `as_of`, with the statement that cleared it (or NULL)."""
        return list(
            self.db.rows(
                "SELECT l.id AS line_id, j.date, j.number, j.description, l.debit, l.credit,"
                " c.statement_id FROM journal_lines l JOIN journals j ON j.id = l.journal_id"
                " LEFT JOIN bank_clearings c ON c.line_id = l.id"
                " WHERE l.account = :account AND j.date <= :as_of ORDER BY j.date, j.id, l.id",
                {"account": account, "as_of": as_of.isoformat()},
            )
        )

    def line_accounts(self, line_ids: Sequence[int]) -> dict[int, str]:
        if not line_ids:
            return {}
        marks = ", ".join(f":i{k}" for k in range(len(line_ids)))
        rows = self.db.rows(
            f"SELECT id, account FROM journal_lines WHERE id IN ({marks})",
            {f"i{k}": line_id for k, line_id in enumerate(line_ids)},
        )
        return {int(r["id"]): str(r["account"]) for r in rows}
