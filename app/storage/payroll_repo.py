"""Storage of payroll deduction (potong gaji): the members of an employer, the posted
batches with their items, and the reversal of a whole batch (portable SQL: runs on both
engines)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from app.clock import now_text
from app.storage.engine import Engine, Row


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


def _employee(row: Row) -> EmployeeRow:
    return EmployeeRow(*(row[f] for f in EmployeeRow._fields))


class PayrollRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def employers(self) -> list[str]:
        rows = self.db.rows(
            "SELECT DISTINCT employer FROM members WHERE employer <> '' ORDER BY employer"
        )
        return [str(r["employer"]) for r in rows]

    def employees(self, employer: str) -> list[EmployeeRow]:
        """Every member (any status) of `employer`, by member number."""
        rows = self.db.rows(
            f"SELECT {', '.join(EmployeeRow._fields)} FROM members WHERE employer = :e"
            " ORDER BY number",
            {"e": employer},
        )
        return [_employee(r) for r in rows]

    def member_by_number(self, number: str) -> EmployeeRow | None:
        row = self.db.one(
            f"SELECT {', '.join(EmployeeRow._fields)} FROM members WHERE number = :n",
            {"n": number},
        )
        return _employee(row) if row else None

    def batch_with_hash(self, file_hash: str) -> Row | None:
        return self.db.one(
            "SELECT id, employer, month, created_at FROM payroll_batches WHERE file_hash = :h",
            {"h": file_hash},
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
        return self.db.insert_id(
            "INSERT INTO payroll_batches (employer, month, pay_date, file_name, file_hash,"
            " total, created_at, created_by) VALUES (:employer, :month, :pay_date, :file_name,"
            " :file_hash, :total, :created_at, :created_by) RETURNING id",
            {
                "employer": employer,
                "month": month,
                "pay_date": pay_date,
                "file_name": file_name,
                "file_hash": file_hash,
                "total": total,
                "created_at": now_text(),
                "created_by": user_id,
            },
        )

    def add_items(self, batch_id: int, items: Sequence[ItemRow]) -> None:
        columns = ("batch_id", *ItemRow._fields)
        sql = (
            f"INSERT INTO payroll_items ({', '.join(columns)})"
            f" VALUES ({', '.join(':' + c for c in columns)})"
        )
        for item in items:
            self.db.run(sql, {"batch_id": batch_id, **item._asdict()})

    def batch(self, batch_id: int) -> dict[str, Any] | None:
        row = self.db.one(
            "SELECT b.*, r.reason AS reversal_reason, r.created_at AS reversed_at"
            " FROM payroll_batches b LEFT JOIN payroll_reversals r ON r.batch_id = b.id"
            " WHERE b.id = :id",
            {"id": batch_id},
        )
        return {k: row[k] for k in row.keys()} if row else None  # noqa: SIM118

    def batches(self, employer: str | None = None) -> list[dict[str, Any]]:
        where, params = ("WHERE b.employer = :e", {"e": employer}) if employer else ("", {})
        rows = self.db.rows(
            "SELECT b.id, b.employer, b.month, b.pay_date, b.file_name, b.total, b.created_at,"
            " r.created_at AS reversed_at FROM payroll_batches b"
            f" LEFT JOIN payroll_reversals r ON r.batch_id = b.id {where} ORDER BY b.id DESC",
            params,
        )
        return [{k: r[k] for k in r.keys()} for r in rows]  # noqa: SIM118

    def items(self, batch_id: int) -> list[ItemRow]:
        rows = self.db.rows(
            f"SELECT {', '.join(ItemRow._fields)} FROM payroll_items WHERE batch_id = :b"
            " ORDER BY id",
            {"b": batch_id},
        )
        return [ItemRow(*(r[f] for f in ItemRow._fields)) for r in rows]

    def add_reversal(self, batch_id: int, reason: str, user_id: int | None) -> None:
        self.db.run(
            "INSERT INTO payroll_reversals (batch_id, reason, created_at, created_by)"
            " VALUES (:b, :reason, :at, :by)",
            {"b": batch_id, "reason": reason, "at": now_text(), "by": user_id},
        )
