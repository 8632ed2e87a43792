"""Loans, their schedules, collateral and guarantors (portable SQL: runs on both engines)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from app.clock import now_text
from app.loans.models import (
    Collateral,
    CollateralDraft,
    Guarantor,
    GuarantorDraft,
    Loan,
)
from app.loans.schedule import Installment, VersionTerms
from app.storage import sequences
from app.storage.engine import Engine
from app.storage.loans_rows import (
    LoanDecision,
    LoanDisbursement,
    NewLoan,
    ScheduleHeader,
    StatusChange,
    collateral_of,
    guarantor_of,
    iso,
    loan_of,
    new_loan_values,
    schedule_line_values,
)
from app.storage.multi_insert import insert_rows, named_insert

_LOAN_SELECT = (
    "SELECT l.*, m.number AS member_number, m.name AS member_name, p.name AS product_name,"
    " coalesce(u.full_name, '') AS decided_by_name FROM loans l"
    " JOIN members m ON m.id = l.member_id JOIN loan_products p ON p.id = l.product_id"
    " LEFT JOIN users u ON u.id = l.decided_by "
)

_LINE = ("loan_id", "version", "number", "due_date", "pokok", "jasa", "cum_pokok", "cum_jasa",
         "balance")  # fmt: skip
"""The columns of loan_schedule_lines, in the order of loans_rows.schedule_line_values."""


class LoansRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    # -- loans --------------------------------------------------------------------------------
    def insert_loan(self, new: NewLoan) -> int:
        """Store an application (status diajukan); its id."""
        stamp = now_text()
        values = {**new_loan_values(new), "created_at": stamp, "updated_at": stamp}
        return self.db.insert_id(named_insert("loans", list(values)) + " RETURNING id", values)

    def record_decision(self, loan_id: int, decision: LoanDecision) -> None:
        """Approved or rejected (the caller audits the change)."""
        self.update_loan(loan_id, decision.values())

    def record_disbursement(self, loan_id: int, paid: LoanDisbursement) -> None:
        """Paid out, now aktif (the caller audits the change)."""
        self.update_loan(loan_id, paid.values())

    def update_loan(self, loan_id: int, changes: dict[str, Any]) -> None:
        """Change some columns of a loan (callers audit the change). Used by app/collection
        still; the loans code writes through the typed methods above."""
        if "id" in changes or "updated_at" in changes:
            raise ValueError("a loan's id and updated_at are not changed by callers")
        assignments = ", ".join(f"{c} = :{c}" for c in changes)
        self.db.run(
            f"UPDATE loans SET {assignments}, updated_at = :updated_at WHERE id = :id",
            {**changes, "updated_at": now_text(), "id": loan_id},
        )

    def set_status(self, loan_id: int, change: StatusChange) -> None:
        """Set the status and closing date of a loan (callers audit the change)."""
        self.db.run(
            "UPDATE loans SET status = :status, closed_on = :closed_on, updated_at = :at"
            " WHERE id = :id",
            {
                "status": change.status.value,
                "closed_on": iso(change.closed_on),
                "at": now_text(),
                "id": loan_id,
            },
        )

    def loan(self, loan_id: int) -> Loan | None:
        row = self.db.one(_LOAN_SELECT + "WHERE l.id = :id", {"id": loan_id})
        return loan_of(row) if row else None

    def loan_snapshot(self, loan_id: int) -> dict[str, Any]:
        """The stored row as a dict (for the audit trail's before/after)."""
        row = self.db.one("SELECT * FROM loans WHERE id = :id", {"id": loan_id})
        return dict(row) if row else {}

    def open_loans_of(self, member_id: int, exclude_id: int | None = None) -> list[Loan]:
        """The member's loans that are applied for, approved or aktif."""
        rows = self.db.rows(
            _LOAN_SELECT + "WHERE l.member_id = :member AND l.id IS DISTINCT FROM :exclude"
            " AND l.status IN ('diajukan', 'disetujui', 'aktif') ORDER BY l.id",
            {"member": member_id, "exclude": exclude_id},
        )
        return [loan_of(r) for r in rows]

    def next_seq(self, sequence: str, year: int) -> int:
        """The next value of a loan numbering sequence (application, agreement)."""
        return sequences.next_value(self.db, sequence, year)

    def number_exists(self, column: str, number: str) -> bool:
        assert column in ("number", "application_no")
        found = self.db.scalar(f"SELECT 1 FROM loans WHERE {column} = :n", {"n": number})
        return found is not None

    # -- schedules ----------------------------------------------------------------------------
    def insert_schedule_version(
        self,
        loan_id: int,
        header: ScheduleHeader,
        schedule: Sequence[Installment],
        user_id: int | None,
    ) -> None:
        """Store a schedule version (header + lines); both are immutable afterwards."""
        self.insert_schedule(loan_id, header.terms.version, header.values(), schedule, user_id)

    def insert_schedule(
        self,
        loan_id: int,
        version: int,
        header: dict[str, Any],
        schedule: Sequence[Installment],
        user_id: int | None,
    ) -> None:
        """Store a schedule version from header columns (app/collection still calls this;
        the loans code passes a ScheduleHeader to insert_schedule_version)."""
        values = {
            "loan_id": loan_id,
            "version": version,
            **header,
            "total_pokok": sum(i.pokok for i in schedule),
            "total_jasa": sum(i.jasa for i in schedule),
            "created_by": user_id,
            "created_at": now_text(),
        }
        self.db.run(named_insert("loan_schedules", list(values)), values)
        insert_rows(self.db, "loan_schedule_lines", _LINE,
                    schedule_line_values(loan_id, version, schedule))  # fmt: skip

    def schedule(self, loan_id: int, version: int) -> list[Installment]:
        rows = self.db.rows(
            "SELECT number, due_date, pokok, jasa, balance FROM loan_schedule_lines"
            " WHERE loan_id = :loan AND version = :version ORDER BY number",
            {"loan": loan_id, "version": version},
        )
        return [
            Installment(
                number=r["number"],
                due_date=date.fromisoformat(r["due_date"]),
                pokok=r["pokok"],
                jasa=r["jasa"],
                total=r["pokok"] + r["jasa"],
                balance=r["balance"],
            )
            for r in rows
        ]

    def schedule_terms(self, loan_id: int, version: int) -> VersionTerms | None:
        """The terms stored with a schedule version (None when there is no such version)."""
        r = self.db.one(
            "SELECT version, effective_date, monthly_rate, months, method, round_to, round_up,"
            " principal_grace, first_due FROM loan_schedules"
            " WHERE loan_id = :loan AND version = :version",
            {"loan": loan_id, "version": version},
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
                "SELECT principal FROM loan_schedules WHERE loan_id = :loan AND version = :version",
                {"loan": loan_id, "version": version},
            )
        )

    # -- collateral and guarantors ------------------------------------------------------------
    def insert_collateral(self, loan_id: int, draft: CollateralDraft, user_id: int | None) -> int:
        values = {
            "loan_id": loan_id,
            "kind": draft.kind,
            "description": draft.description,
            "document_no": draft.document_no,
            "owner": draft.owner,
            "estimated_value": draft.estimated_value,
            "tax_value": draft.tax_value,
            "note": draft.note,
            "created_by": user_id,
            "created_at": now_text(),
        }
        return self.db.insert_id(
            named_insert("loan_collateral", list(values)) + " RETURNING id", values
        )

    def release_collateral(self, collateral_id: int, on: date, note: str) -> None:
        self.db.run(
            "UPDATE loan_collateral SET released_on = :on, release_note = :note WHERE id = :id",
            {"on": on.isoformat(), "note": note, "id": collateral_id},
        )

    def collateral_item(self, collateral_id: int) -> Collateral | None:
        row = self.db.one("SELECT * FROM loan_collateral WHERE id = :id", {"id": collateral_id})
        return collateral_of(row) if row else None

    def collateral(self, loan_id: int) -> list[Collateral]:
        rows = self.db.rows(
            "SELECT * FROM loan_collateral WHERE loan_id = :loan ORDER BY id", {"loan": loan_id}
        )
        return [collateral_of(r) for r in rows]

    def insert_guarantor(self, loan_id: int, draft: GuarantorDraft, user_id: int | None) -> int:
        values = {
            "loan_id": loan_id,
            "name": draft.name,
            "nik": draft.nik,
            "relation": draft.relation,
            "address": draft.address,
            "phone": draft.phone,
            "created_by": user_id,
            "created_at": now_text(),
        }
        return self.db.insert_id(
            named_insert("loan_guarantors", list(values)) + " RETURNING id", values
        )

    def guarantors(self, loan_id: int) -> list[Guarantor]:
        rows = self.db.rows(
            "SELECT * FROM loan_guarantors WHERE loan_id = :loan ORDER BY id", {"loan": loan_id}
        )
        return [guarantor_of(r) for r in rows]
