"""Storage of payroll deduction (potong gaji): the members of an employer, the posted
batches with their items, and the reversal of a whole batch."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any, NamedTuple

from app.clock import now_text
from app.storage.db import Database


class EmployeeRow(NamedTuple):
    id: int
    number: str
    employee_no: str
    name: str
    status: str
    payroll_sukarela: int


class ItemRow(NamedTuple):
    row_no: int
    member_id: int | None
    member_number: str
    employee_no: str
    name: str
    item: str
    billed: int
    deducted: int
    loan_event_id: int | None
    savings_tx_id: int | None
    receipt_no: str
    difference: str


class PayrollRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def employers(self) -> list[str]:
        rows = self.db.sql.conn.execute(
            "SELECT DISTINCT employer FROM members WHERE employer <> '' ORDER BY employer"
        )
        return [str(r[0]) for r in rows]

    def employees(self, employer: str) -> list[EmployeeRow]:
        """Every member (any status) of `employer`, by member number."""
        rows = self.db.sql.conn.execute(
            "SELECT id, number, employee_no, name, status, payroll_sukarela FROM members"
            " WHERE employer = ?"
            " ORDER BY number",
            (employer,),
        )
        return [EmployeeRow(*r) for r in rows]

    def member_by_number(self, number: str) -> EmployeeRow | None:
        row = self.db.sql.conn.execute(
            "SELECT id, number, employee_no, name, status, payroll_sukarela FROM members"
            " WHERE number = ?",
            (number,),
        ).fetchone()
        return EmployeeRow(*row) if row else None

    def batch_with_hash(self, file_hash: str) -> sqlite3.Row | None:
        return self.db.one(
            "SELECT id, employer, month, created_at FROM payroll_batches WHERE file_hash = ?",
            (file_hash,),
        )

    def add_batch(
        self,
        employer: str,
        month: str,
        pay_date: str,
        file_name: str,
        file_hash: str,
        total: int,
        user_id: int | None,
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO payroll_batches (employer, month, pay_date, file_name, file_hash,"
            " total, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (employer, month, pay_date, file_name, file_hash, total, now_text(), user_id),
        )
        return int(cursor.lastrowid or 0)

    def add_items(self, batch_id: int, items: Sequence[ItemRow]) -> None:
        self.db.sql.conn.executemany(
            "INSERT INTO payroll_items (batch_id, row_no, member_id, member_number,"
            " employee_no, name, item, billed, deducted, loan_event_id, savings_tx_id,"
            " receipt_no, difference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(batch_id, *item) for item in items],
        )

    def batch(self, batch_id: int) -> dict[str, Any] | None:
        row = self.db.one(
            "SELECT b.*, r.reason AS reversal_reason, r.created_at AS reversed_at"
            " FROM payroll_batches b LEFT JOIN payroll_reversals r ON r.batch_id = b.id"
            " WHERE b.id = ?",
            (batch_id,),
        )
        return dict(row) if row else None

    def batches(self, employer: str | None = None) -> list[dict[str, Any]]:
        where, params = ("WHERE b.employer = ?", (employer,)) if employer else ("", ())
        rows = self.db.sql.conn.execute(
            "SELECT b.id, b.employer, b.month, b.pay_date, b.file_name, b.total, b.created_at,"
            " r.created_at AS reversed_at FROM payroll_batches b"
            f" LEFT JOIN payroll_reversals r ON r.batch_id = b.id {where} ORDER BY b.id DESC",
            params,
        )
        names = [d[0] for d in rows.description]
        return [dict(zip(names, r, strict=True)) for r in rows]

    def items(self, batch_id: int) -> list[ItemRow]:
        rows = self.db.sql.conn.execute(
            "SELECT row_no, member_id, member_number, employee_no, name, item, billed,"
            " deducted, loan_event_id, savings_tx_id, receipt_no, difference"
            " FROM payroll_items WHERE batch_id = ? ORDER BY id",
            (batch_id,),
        )
        return [ItemRow(*r) for r in rows]

    def add_reversal(self, batch_id: int, reason: str, user_id: int | None) -> None:
        self.db.execute(
            "INSERT INTO payroll_reversals (batch_id, reason, created_at, created_by)"
            " VALUES (?, ?, ?, ?)",
            (batch_id, reason, now_text(), user_id),
        )
