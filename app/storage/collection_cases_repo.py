"""Writing a case's own row (insert from a typed draft, each kind of change), its causes and its
own events (portable SQL: runs on both engines)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from app.clock import now_text
from app.collection.drafts import NewCase
from app.collection.models import CaseStatus, CollateralStatus
from app.storage.engine import Engine


class CaseWrites:
    db: Engine

    def insert_case(self, new: NewCase) -> int:
        stamp = now_text()
        return self.db.insert_id(
            "INSERT INTO collection_cases (number, loan_id, member_id, status, opened_on,"
            " opened_how, open_reason, officer_id, collateral_status, created_by, created_at,"
            " updated_at) VALUES (:number, :loan_id, :member_id, :status, :opened_on,"
            " :opened_how, :open_reason, :officer_id, :collateral_status, :created_by,"
            " :created_at, :updated_at) RETURNING id",
            {
                "number": new.number,
                "loan_id": new.loan_id,
                "member_id": new.member_id,
                "status": CaseStatus.BARU.value,
                "opened_on": new.opened_on.isoformat(),
                "opened_how": new.opened_how,
                "open_reason": new.open_reason,
                "officer_id": new.officer_id,
                "collateral_status": new.collateral_status.value,
                "created_by": new.created_by,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )

    def case_number_exists(self, number: str) -> bool:
        found = self.db.scalar("SELECT 1 FROM collection_cases WHERE number = :n", {"n": number})
        return bool(found)

    def set_case_status(self, case_id: int, status: CaseStatus) -> None:
        self._update(case_id, status=status.value)

    def set_case_officer(self, case_id: int, officer_id: int | None) -> None:
        self._update(case_id, officer_id=officer_id)

    def set_case_collateral(self, case_id: int, status: CollateralStatus, note: str) -> None:
        self._update(case_id, collateral_status=status.value, collateral_note=note)

    def close_case(self, case_id: int, on: date, reason: str) -> None:
        self._update(
            case_id, status=CaseStatus.SELESAI.value, closed_on=on.isoformat(), close_reason=reason
        )

    def add_causes(self, case_id: int, codes: Sequence[str], user_id: int | None) -> list[str]:
        """Add cause codes to a case; returns those that were new."""
        added = []
        for code in codes:
            if self.db.run(
                "INSERT INTO case_causes (case_id, code, added_by, added_at)"
                " VALUES (:case, :code, :user, :at) ON CONFLICT DO NOTHING",
                {"case": case_id, "code": code, "user": user_id, "at": now_text()},
            ):
                added.append(code)
        return added

    def remove_cause(self, case_id: int, code: str) -> None:
        self.db.run(
            "DELETE FROM case_causes WHERE case_id = :case AND code = :code",
            {"case": case_id, "code": code},
        )

    def add_event(
        self, case_id: int, kind: str, text: str, user_id: int | None, at: str | None = None
    ) -> None:
        self.db.run(
            "INSERT INTO case_events (case_id, at, kind, text, user_id)"
            " VALUES (:case, :at, :kind, :text, :user)",
            {"case": case_id, "at": at or now_text(), "kind": kind, "text": text, "user": user_id},
        )

    def _update(self, case_id: int, **values: Any) -> None:
        """Set the named columns (names from this module only, never from input)."""
        assignments = ", ".join(f"{column} = :{column}" for column in values)
        self.db.run(
            f"UPDATE collection_cases SET {assignments}, updated_at = :updated_at WHERE id = :id",
            {**values, "updated_at": now_text(), "id": case_id},
        )
