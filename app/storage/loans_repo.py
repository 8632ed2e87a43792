"""Loan products, loans, their schedules, collateral and guarantors."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.clock import now_text
from app.loans.denda import DendaRule
from app.loans.models import (
    Collateral,
    CollateralDraft,
    Guarantor,
    GuarantorDraft,
    Loan,
    LoanProduct,
    LoanProductDraft,
    LoanStatus,
)
from app.loans.schedule import Installment, VersionTerms
from app.storage.db import Database

DENDA_FIELDS = (
    "denda_basis",
    "denda_rate",
    "denda_per",
    "denda_grace_days",
    "denda_cap",
    "denda_fixed",
    "denda_cap_rate",
    "alloc_order",
    "alloc_mode",
    "payoff_rule",
)
_PRODUCT_COLUMNS = (
    "name",
    "method",
    "monthly_rate",
    "min_months",
    "max_months",
    "min_amount",
    "max_amount",
    "round_to",
    "round_up",
    *DENDA_FIELDS,
    "admin_fee_rate",
    "admin_fee_fixed",
)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def denda_values(rule: DendaRule, order: Sequence[str], mode: str, payoff: str) -> list[Any]:
    """The denda/allocation columns as stored (Decimal as TEXT), in DENDA_FIELDS order."""
    return [
        rule.basis,
        str(rule.rate),
        rule.per,
        rule.grace_days,
        rule.cap,
        rule.fixed_amount,
        None if rule.cap_rate is None else str(rule.cap_rate),
        ",".join(order),
        mode,
        payoff,
    ]


def denda_rule_of(row: sqlite3.Row) -> DendaRule:
    return DendaRule(
        basis=row["denda_basis"],
        rate=Decimal(row["denda_rate"]),
        per=row["denda_per"],
        grace_days=row["denda_grace_days"],
        cap=row["denda_cap"],
        fixed_amount=row["denda_fixed"],
        cap_rate=None if row["denda_cap_rate"] is None else Decimal(row["denda_cap_rate"]),
    )


def product_values(draft: LoanProductDraft) -> list[Any]:
    """Values for _PRODUCT_COLUMNS."""
    return [
        draft.name,
        draft.method,
        str(draft.monthly_rate),
        draft.min_months,
        draft.max_months,
        draft.min_amount,
        draft.max_amount,
        draft.round_to,
        int(draft.round_up),
        *denda_values(draft.denda_rule, draft.alloc_order, draft.alloc_mode, draft.payoff_rule),
        str(draft.admin_fee_rate),
        draft.admin_fee_fixed,
    ]


def _product(row: sqlite3.Row) -> LoanProduct:
    return LoanProduct(
        id=row["id"],
        name=row["name"],
        method=row["method"],
        monthly_rate=Decimal(row["monthly_rate"]),
        min_months=row["min_months"],
        max_months=row["max_months"],
        min_amount=row["min_amount"],
        max_amount=row["max_amount"],
        round_to=row["round_to"],
        round_up=bool(row["round_up"]),
        denda_rule=denda_rule_of(row),
        admin_fee_rate=Decimal(row["admin_fee_rate"]),
        admin_fee_fixed=row["admin_fee_fixed"],
        alloc_order=tuple(row["alloc_order"].split(",")),
        alloc_mode=row["alloc_mode"],
        payoff_rule=row["payoff_rule"],
        active=bool(row["active"]),
    )


_LOAN_SELECT = (
    "SELECT l.*, m.number AS member_number, m.name AS member_name, p.name AS product_name,"
    " coalesce(u.full_name, '') AS decided_by_name FROM loans l"
    " JOIN members m ON m.id = l.member_id JOIN loan_products p ON p.id = l.product_id"
    " LEFT JOIN users u ON u.id = l.decided_by "
)


def _loan(row: sqlite3.Row) -> Loan:
    return Loan(
        id=row["id"],
        application_no=row["application_no"],
        number=row["number"],
        member_id=row["member_id"],
        member_number=row["member_number"],
        member_name=row["member_name"],
        product_id=row["product_id"],
        product_name=row["product_name"],
        status=LoanStatus(row["status"]),
        application_date=date.fromisoformat(row["application_date"]),
        amount=row["amount"],
        months=row["months"],
        monthly_rate=Decimal(row["monthly_rate"]),
        method=row["method"],
        round_to=row["round_to"],
        round_up=bool(row["round_up"]),
        principal_grace=row["principal_grace"],
        first_due=date.fromisoformat(row["first_due"]),
        purpose=row["purpose"],
        denda_rule=denda_rule_of(row),
        alloc_order=tuple(row["alloc_order"].split(",")),
        alloc_mode=row["alloc_mode"],
        payoff_rule=row["payoff_rule"],
        admin_fee=row["admin_fee"],
        decided_by=row["decided_by"],
        decided_by_name=row["decided_by_name"],
        decided_on=_date(row["decided_on"]),
        decision_note=row["decision_note"],
        disbursed_on=_date(row["disbursed_on"]),
        net_disbursed=row["net_disbursed"],
        schedule_version=row["schedule_version"],
        closed_on=_date(row["closed_on"]),
        replaces_loan_id=row["replaces_loan_id"],
        rescuable=bool(row["rescuable"]),
        in_court=bool(row["in_court"]),
        note=row["note"],
    )


def _collateral(row: sqlite3.Row) -> Collateral:
    return Collateral(
        id=row["id"],
        loan_id=row["loan_id"],
        kind=row["kind"],
        description=row["description"],
        document_no=row["document_no"],
        owner=row["owner"],
        estimated_value=row["estimated_value"],
        tax_value=row["tax_value"],
        note=row["note"],
        released_on=_date(row["released_on"]),
    )


def _guarantor(row: sqlite3.Row) -> Guarantor:
    return Guarantor(
        id=row["id"],
        loan_id=row["loan_id"],
        name=row["name"],
        nik=row["nik"],
        relation=row["relation"],
        address=row["address"],
        phone=row["phone"],
    )


def schedule_line_values(
    loan_id: int, version: int, schedule: Sequence[Installment]
) -> list[tuple[Any, ...]]:
    """Rows of loan_schedule_lines with their running totals."""
    cum_pokok = cum_jasa = 0
    values = []
    for item in schedule:
        cum_pokok += item.principal
        cum_jasa += item.interest
        values.append(
            (
                loan_id,
                version,
                item.number,
                item.due_date.isoformat(),
                item.principal,
                item.interest,
                cum_pokok,
                cum_jasa,
                item.balance,
            )
        )
    return values


@dataclass(frozen=True)
class StatusChange:
    """A loan's new status and the date it closed (None: open again)."""

    status: LoanStatus
    closed_on: date | None


class LoansRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- products -----------------------------------------------------------------------------
    def products(self, include_inactive: bool = False) -> list[LoanProduct]:
        where = "" if include_inactive else "WHERE active = 1"
        rows = self.db.rows(f"SELECT * FROM loan_products {where} ORDER BY name COLLATE NOCASE")
        return [_product(r) for r in rows]

    def product(self, product_id: int) -> LoanProduct | None:
        row = self.db.one("SELECT * FROM loan_products WHERE id = ?", (product_id,))
        return _product(row) if row else None

    def product_name_taken(self, name: str, exclude_id: int | None = None) -> bool:
        found = self.db.scalar(
            "SELECT 1 FROM loan_products WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
            (name, exclude_id),
        )
        return found is not None

    def insert_product(self, draft: LoanProductDraft) -> int:
        stamp = now_text()
        columns = [*_PRODUCT_COLUMNS, "created_at", "updated_at"]
        cursor = self.db.execute(
            f"INSERT INTO loan_products ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            [*product_values(draft), stamp, stamp],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_product(self, product_id: int, draft: LoanProductDraft) -> None:
        assignments = ", ".join(f"{c} = ?" for c in _PRODUCT_COLUMNS)
        self.db.execute(
            f"UPDATE loan_products SET {assignments}, updated_at = ? WHERE id = ?",
            [*product_values(draft), now_text(), product_id],
        )

    def set_product_active(self, product_id: int, active: bool) -> None:
        self.db.execute(
            "UPDATE loan_products SET active = ?, updated_at = ? WHERE id = ?",
            (int(active), now_text(), product_id),
        )

    # -- loans --------------------------------------------------------------------------------
    def insert_loan(self, values: dict[str, Any]) -> int:
        """Insert a loan row from column -> value (see the loans table)."""
        stamp = now_text()
        values = {**values, "created_at": stamp, "updated_at": stamp}
        columns = list(values)
        cursor = self.db.execute(
            f"INSERT INTO loans ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [values[c] for c in columns],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_loan(self, loan_id: int, changes: dict[str, Any]) -> None:
        """Change some columns of a loan (callers audit the change)."""
        assignments = ", ".join(f"{c} = ?" for c in changes)
        self.db.execute(
            f"UPDATE loans SET {assignments}, updated_at = ? WHERE id = ?",
            [*changes.values(), now_text(), loan_id],
        )

    def set_status(self, loan_id: int, change: StatusChange) -> None:
        """Set the status and closing date of a loan (callers audit the change)."""
        self.db.execute(
            "UPDATE loans SET status = ?, closed_on = ?, updated_at = ? WHERE id = ?",
            (change.status.value, _iso(change.closed_on), now_text(), loan_id),
        )

    def loan(self, loan_id: int) -> Loan | None:
        row = self.db.one(_LOAN_SELECT + "WHERE l.id = ?", (loan_id,))
        return _loan(row) if row else None

    def loan_snapshot(self, loan_id: int) -> dict[str, Any]:
        """The stored row as a dict (for the audit trail's before/after)."""
        row = self.db.one("SELECT * FROM loans WHERE id = ?", (loan_id,))
        return dict(row) if row else {}

    def open_loans_of(self, member_id: int, exclude_id: int | None = None) -> list[Loan]:
        """The member's loans that are applied for, approved or aktif."""
        rows = self.db.rows(
            _LOAN_SELECT + "WHERE l.member_id = ? AND l.id IS NOT ?"
            " AND l.status IN ('diajukan', 'disetujui', 'aktif') ORDER BY l.id",
            (member_id, exclude_id),
        )
        return [_loan(r) for r in rows]

    def number_exists(self, column: str, number: str) -> bool:
        assert column in ("number", "application_no")
        return self.db.scalar(f"SELECT 1 FROM loans WHERE {column} = ?", (number,)) is not None

    # -- schedules ----------------------------------------------------------------------------
    def insert_schedule(
        self,
        loan_id: int,
        version: int,
        header: dict[str, Any],
        schedule: Sequence[Installment],
        user_id: int | None,
    ) -> None:
        """Store a schedule version (header + lines); both are immutable afterwards."""
        values = {
            "loan_id": loan_id,
            "version": version,
            **header,
            "total_pokok": sum(i.principal for i in schedule),
            "total_jasa": sum(i.interest for i in schedule),
            "created_by": user_id,
            "created_at": now_text(),
        }
        columns = list(values)
        self.db.execute(
            f"INSERT INTO loan_schedules ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            [values[c] for c in columns],
        )
        self.db.sql.conn.executemany(
            "INSERT INTO loan_schedule_lines (loan_id, version, number, due_date, pokok, jasa,"
            " cum_pokok, cum_jasa, balance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            schedule_line_values(loan_id, version, schedule),
        )

    def schedule(self, loan_id: int, version: int) -> list[Installment]:
        rows = self.db.rows(
            "SELECT number, due_date, pokok, jasa, balance FROM loan_schedule_lines"
            " WHERE loan_id = ? AND version = ? ORDER BY number",
            (loan_id, version),
        )
        return [
            Installment(
                number=r["number"],
                due_date=date.fromisoformat(r["due_date"]),
                principal=r["pokok"],
                interest=r["jasa"],
                total=r["pokok"] + r["jasa"],
                balance=r["balance"],
            )
            for r in rows
        ]

    def schedule_terms(self, loan_id: int, version: int) -> VersionTerms | None:
        """The terms stored with a schedule version (None when there is no such version)."""
        r = self.db.one(
            "SELECT version, effective_date, monthly_rate, months, method, round_to, round_up,"
            " principal_grace, first_due FROM loan_schedules WHERE loan_id = ? AND version = ?",
            (loan_id, version),
        )
        if r is None:
            return None
        return VersionTerms(
            version=r["version"],
            effective_date=date.fromisoformat(r["effective_date"]),
            monthly_rate=Decimal(r["monthly_rate"]),
            months=r["months"],
            method=r["method"],
            round_to=r["round_to"],
            round_up=bool(r["round_up"]),
            principal_grace=r["principal_grace"],
            first_due=date.fromisoformat(r["first_due"]),
        )

    def schedule_principal(self, loan_id: int, version: int) -> int:
        return int(
            self.db.scalar(
                "SELECT principal FROM loan_schedules WHERE loan_id = ? AND version = ?",
                (loan_id, version),
            )
        )

    # -- collateral and guarantors ------------------------------------------------------------
    def insert_collateral(self, loan_id: int, draft: CollateralDraft, user_id: int | None) -> int:
        cursor = self.db.execute(
            "INSERT INTO loan_collateral (loan_id, kind, description, document_no, owner,"
            " estimated_value, tax_value, note, created_by, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                loan_id,
                draft.kind,
                draft.description,
                draft.document_no,
                draft.owner,
                draft.estimated_value,
                draft.tax_value,
                draft.note,
                user_id,
                now_text(),
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def release_collateral(self, collateral_id: int, on: date, note: str) -> None:
        self.db.execute(
            "UPDATE loan_collateral SET released_on = ?, release_note = ? WHERE id = ?",
            (on.isoformat(), note, collateral_id),
        )

    def collateral_item(self, collateral_id: int) -> Collateral | None:
        row = self.db.one("SELECT * FROM loan_collateral WHERE id = ?", (collateral_id,))
        return _collateral(row) if row else None

    def collateral(self, loan_id: int) -> list[Collateral]:
        rows = self.db.rows(
            "SELECT * FROM loan_collateral WHERE loan_id = ? ORDER BY id", (loan_id,)
        )
        return [_collateral(r) for r in rows]

    def insert_guarantor(self, loan_id: int, draft: GuarantorDraft, user_id: int | None) -> int:
        cursor = self.db.execute(
            "INSERT INTO loan_guarantors (loan_id, name, nik, relation, address, phone,"
            " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                loan_id,
                draft.name,
                draft.nik,
                draft.relation,
                draft.address,
                draft.phone,
                user_id,
                now_text(),
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def guarantors(self, loan_id: int) -> list[Guarantor]:
        rows = self.db.rows(
            "SELECT * FROM loan_guarantors WHERE loan_id = ? ORDER BY id", (loan_id,)
        )
        return [_guarantor(r) for r in rows]
