"""Writing a case's own row: insert from a typed draft, and each kind of change."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.clock import now_text
from app.collection.drafts import NewCase
from app.collection.models import CaseStatus, CollateralStatus
from app.storage.db import Database


class CaseWrites:
    db: Database

    def insert_case(self, new: NewCase) -> int:
        stamp = now_text()
        cursor = self.db.execute(
            "INSERT INTO collection_cases (number, loan_id, member_id, status, opened_on,"
            " opened_how, open_reason, officer_id, collateral_status, created_by, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new.number,
                new.loan_id,
                new.member_id,
                CaseStatus.BARU.value,
                new.opened_on.isoformat(),
                new.opened_how,
                new.open_reason,
                new.officer_id,
                new.collateral_status.value,
                new.created_by,
                stamp,
                stamp,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def case_number_exists(self, number: str) -> bool:
        return bool(self.db.scalar("SELECT 1 FROM collection_cases WHERE number = ?", (number,)))

    def set_case_status(self, case_id: int, status: CaseStatus) -> None:
        self._update(case_id, "status = ?", status.value)

    def set_case_officer(self, case_id: int, officer_id: int | None) -> None:
        self._update(case_id, "officer_id = ?", officer_id)

    def set_case_collateral(self, case_id: int, status: CollateralStatus, note: str) -> None:
        self._update(case_id, "collateral_status = ?, collateral_note = ?", status.value, note)

    def close_case(self, case_id: int, on: date, reason: str) -> None:
        self._update(
            case_id,
            "status = ?, closed_on = ?, close_reason = ?",
            CaseStatus.SELESAI.value,
            on.isoformat(),
            reason,
        )

    def _update(self, case_id: int, assignments: str, *values: Any) -> None:
        self.db.execute(
            f"UPDATE collection_cases SET {assignments}, updated_at = ? WHERE id = ?",
            (*values, now_text(), case_id),
        )
