"""Reading cases: one case, a loan's cases, the searched list, exact matches, the case's own
events and the member's loans (portable SQL: runs on both engines)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from app.collection.models import Case, CaseStatus, CollateralStatus
from app.storage.collection_letters_repo import _date
from app.storage.dialect import Dialect, contains_pattern
from app.storage.engine import Engine, Row
from app.storage.exact_match import exact_params


def case_select(dialect: Dialect) -> str:
    """A case with its loan, member, officer and cause codes (joined by commas)."""
    causes = dialect.string_agg("s.code")
    return (
        "SELECT c.*, coalesce(l.number, l.application_no) AS loan_number,"
        " m.number AS member_number, m.name AS member_name,"
        " coalesce(u.full_name, '') AS officer_name,"
        f" (SELECT {causes} FROM (SELECT code FROM case_causes x"
        "   WHERE x.case_id = c.id ORDER BY code) AS s) AS cause_codes"
        " FROM collection_cases c JOIN loans l ON l.id = c.loan_id"
        " JOIN members m ON m.id = c.member_id LEFT JOIN users u ON u.id = c.officer_id "
    )


EXACT = (
    "(m.number = :exact COLLATE NOCASE OR m.nik = :exact OR c.number = :exact COLLATE NOCASE"
    " OR l.number = :exact COLLATE NOCASE OR l.application_no = :exact COLLATE NOCASE"
    " OR m.phone = :exact_phone)"
)
"""A case whose member, NIK, phone, case or loan number is exactly the term."""


def codes(joined: str | None) -> tuple[str, ...]:
    """Cause codes joined by commas, in code order (the same on both engines)."""
    return tuple(sorted(joined.split(","))) if joined else ()


def case_of(row: Row) -> Case:
    return Case(
        id=row["id"],
        number=row["number"],
        loan_id=row["loan_id"],
        loan_number=row["loan_number"],
        member_id=row["member_id"],
        member_number=row["member_number"],
        member_name=row["member_name"],
        status=CaseStatus(row["status"]),
        opened_on=date.fromisoformat(row["opened_on"]),
        opened_how=row["opened_how"],
        open_reason=row["open_reason"],
        officer_id=row["officer_id"],
        officer_name=row["officer_name"],
        collateral_status=CollateralStatus(row["collateral_status"]),
        collateral_note=row["collateral_note"],
        causes=codes(row["cause_codes"]),
        closed_on=_date(row["closed_on"]),
        close_reason=row["close_reason"],
    )


class CaseReads:
    db: Engine

    def _case_rows(self, where: str, params: dict[str, Any]) -> list[Case]:
        rows = self.db.rows(case_select(self.db.dialect) + where, params)
        return [case_of(r) for r in rows]

    def case(self, case_id: int) -> Case | None:
        found = self._case_rows("WHERE c.id = :id", {"id": case_id})
        return found[0] if found else None

    def case_snapshot(self, case_id: int) -> dict[str, Any]:
        row = self.db.one("SELECT * FROM collection_cases WHERE id = :id", {"id": case_id})
        return dict(row) if row else {}

    def open_case_of_loan(self, loan_id: int) -> Case | None:
        found = self._case_rows(
            "WHERE c.loan_id = :loan AND c.status <> 'selesai'", {"loan": loan_id}
        )
        return found[0] if found else None

    def cases_of_loan(self, loan_id: int) -> list[Case]:
        return self._case_rows("WHERE c.loan_id = :loan ORDER BY c.id", {"loan": loan_id})

    def cases(
        self, statuses: Sequence[str] = (), officer_id: int | None = None, text: str = ""
    ) -> list[Case]:
        where: list[str] = []
        params: dict[str, Any] = {}
        if statuses:
            names = [f"status{i}" for i in range(len(statuses))]
            where.append(f"c.status IN ({', '.join(':' + n for n in names)})")
            params.update(zip(names, statuses, strict=True))
        else:
            where.append("c.status <> 'selesai'")
        if officer_id is not None:
            where.append("c.officer_id = :officer")
            params["officer"] = officer_id
        first = ""
        if text.strip():
            d = self.db.dialect
            columns = ("m.name", "m.number", "c.number", "l.number", "l.application_no")
            found = " OR ".join(d.ci_contains(c, ":like") for c in columns)
            where.append(f"({found} OR m.nik = :exact OR m.phone = :exact_phone)")
            params.update(like=contains_pattern(text.strip()), **exact_params(text))
            # An exact member, NIK, phone, case or loan number is always the first row.
            first = f"CASE WHEN {EXACT} THEN 0 ELSE 1 END, "
        return self._case_rows(f"WHERE {' AND '.join(where)} ORDER BY {first}c.opened_on, c.id",
                               params)  # fmt: skip

    def exact_case_ids(self, text: str) -> set[int]:
        """Cases whose member, NIK, phone, case or loan number is exactly `text`."""
        if not text.strip():
            return set()
        rows = self.db.rows(
            "SELECT c.id FROM collection_cases c JOIN loans l ON l.id = c.loan_id"
            f" JOIN members m ON m.id = c.member_id WHERE {EXACT}",
            exact_params(text),
        )
        return {r["id"] for r in rows}

    def member_loans(self, member_id: int) -> list[tuple[int, str, date | None, int | None]]:
        """The member's loans as (id, number, disbursed on, loan it replaces), oldest first."""
        rows = self.db.rows(
            "SELECT id, coalesce(number, application_no) AS number, disbursed_on,"
            " replaces_loan_id FROM loans WHERE member_id = :member ORDER BY id",
            {"member": member_id},
        )
        return [
            (r["id"], r["number"], _date(r["disbursed_on"]), r["replaces_loan_id"]) for r in rows
        ]

    def loans_with_open_case(self) -> set[int]:
        rows = self.db.rows("SELECT loan_id FROM collection_cases WHERE status <> 'selesai'")
        return {r["loan_id"] for r in rows}

    def events(self, case_id: int) -> list[Row]:
        return list(
            self.db.rows(
                "SELECT e.*, coalesce(u.full_name, '') AS user_name FROM case_events e"
                " LEFT JOIN users u ON u.id = e.user_id WHERE e.case_id = :case"
                " ORDER BY e.at, e.id",
                {"case": case_id},
            )
        )
