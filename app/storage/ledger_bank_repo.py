"""SQL of bank reconciliation: statements entered, lines cleared, a bank account's lines."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date

from app.clock import now_text
from app.storage.db import Database


class BankReconRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add_statement(self, account: str, on: date, balance: int, user_id: int | None) -> int:
        cursor = self.db.execute(
            "INSERT INTO bank_statements (account, statement_date, balance, entered_by,"
            " entered_at) VALUES (?, ?, ?, ?, ?)",
            (account, on.isoformat(), balance, user_id, now_text()),
        )
        return int(cursor.lastrowid or 0)

    def statement(self, statement_id: int) -> sqlite3.Row | None:
        return self.db.one("SELECT * FROM bank_statements WHERE id = ?", (statement_id,))

    def latest_statement(self, account: str) -> sqlite3.Row | None:
        return self.db.one(
            "SELECT * FROM bank_statements WHERE account = ?"
            " ORDER BY statement_date DESC, id DESC LIMIT 1",
            (account,),
        )

    def clear(self, line_ids: Sequence[int], statement_id: int, user_id: int | None) -> None:
        stamp = now_text()
        for line_id in line_ids:
            self.db.execute(
                "INSERT INTO bank_clearings (line_id, statement_id, cleared_by, cleared_at)"
                " VALUES (?, ?, ?, ?)",
                (line_id, statement_id, user_id, stamp),
            )

    def lines(self, account: str, as_of: date) -> list[sqlite3.Row]:
        """Every line of `account` to `as_of`, with the statement that cleared it (or NULL)."""
        return self.db.rows(
            "SELECT l.id AS line_id, j.date, j.number, j.description, l.debit, l.credit,"
            " c.statement_id FROM journal_lines l JOIN journals j ON j.id = l.journal_id"
            " LEFT JOIN bank_clearings c ON c.line_id = l.id"
            " WHERE l.account = ? AND j.date <= ? ORDER BY j.date, j.id, l.id",
            (account, as_of.isoformat()),
        )

    def line_accounts(self, line_ids: Sequence[int]) -> dict[int, str]:
        if not line_ids:
            return {}
        marks = ",".join("?" * len(line_ids))
        rows = self.db.rows(
            f"SELECT id, account FROM journal_lines WHERE id IN ({marks})", tuple(line_ids)
        )
        return {int(r["id"]): str(r["account"]) for r in rows}
