"""Members table: the register, search as you type, status changes (portable SQL: runs on
both engines; the search ignores case through the dialect)."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date
from typing import Any

from app.clock import now_text
from app.members.models import Member, MemberDraft, MemberRow, MemberStatus
from app.storage.dialect import Dialect, contains_pattern
from app.storage.engine import Engine, Row
from app.storage.exact_match import exact_params, exact_sql, exact_where

_DRAFT_COLUMNS = [f.name for f in fields(MemberDraft)]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _member(row: Row) -> Member:
    return Member(
        id=row["id"],
        number=row["number"],
        name=row["name"],
        nik=row["nik"],
        sex=row["sex"],
        birth_place=row["birth_place"],
        birth_date=_date(row["birth_date"]),
        address=row["address"],
        rt=row["rt"],
        rw=row["rw"],
        kelurahan=row["kelurahan"],
        kecamatan=row["kecamatan"],
        city=row["city"],
        phone=row["phone"],
        occupation=row["occupation"],
        spouse_name=row["spouse_name"],
        npwp=row["npwp"],
        join_date=date.fromisoformat(row["join_date"]),
        status=MemberStatus(row["status"]),
        status_date=_date(row["status_date"]),
        status_note=row["status_note"],
        employer=row["employer"],
        employee_no=row["employee_no"],
        payroll_sukarela=row["payroll_sukarela"],
    )


def _draft_values(draft: MemberDraft) -> dict[str, Any]:
    values = asdict(draft)
    values["nik"] = draft.nik or None
    values["birth_date"] = draft.birth_date.isoformat() if draft.birth_date else None
    values["join_date"] = draft.join_date.isoformat()
    return values


class MembersRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def insert(self, number: str, draft: MemberDraft, user_id: int | None) -> int:
        values = _draft_values(draft)
        columns = ["number", *_DRAFT_COLUMNS, "created_at", "created_by", "updated_at"]
        stamp = now_text()
        params = {**values, "number": number, "created_at": stamp, "created_by": user_id}
        params["updated_at"] = stamp
        return self.db.insert_id(
            f"INSERT INTO members ({', '.join(columns)}) "
            f"VALUES ({', '.join(':' + c for c in columns)}) RETURNING id",
            params,
        )

    def update(self, member_id: int, draft: MemberDraft) -> None:
        values = _draft_values(draft)
        assignments = ", ".join(f"{c} = :{c}" for c in _DRAFT_COLUMNS)
        self.db.run(
            f"UPDATE members SET {assignments}, updated_at = :updated_at WHERE id = :id",
            {**values, "updated_at": now_text(), "id": member_id},
        )

    def set_status(self, member_id: int, status: MemberStatus, when: date, note: str) -> None:
        self.db.run(
            "UPDATE members SET status = :status, status_date = :status_date, "
            "status_note = :note, updated_at = :updated_at WHERE id = :id",
            {
                "status": status.value,
                "status_date": when.isoformat(),
                "note": note,
                "updated_at": now_text(),
                "id": member_id,
            },
        )

    def by_id(self, member_id: int) -> Member | None:
        row = self.db.one("SELECT * FROM members WHERE id = :id", {"id": member_id})
        return _member(row) if row else None

    def by_number(self, number: str) -> Member | None:
        row = self.db.one("SELECT * FROM members WHERE number = :n", {"n": number})
        return _member(row) if row else None

    def with_nik(self, nik: str, exclude_id: int | None = None) -> list[Member]:
        rows = self.db.rows(
            "SELECT * FROM members WHERE nik = :nik AND id IS DISTINCT FROM :id",
            {"nik": nik, "id": exclude_id},
        )
        return [_member(r) for r in rows]

    def number_exists(self, number: str) -> bool:
        found = self.db.scalar("SELECT 1 FROM members WHERE number = :n", {"n": number})
        return found is not None

    def count(self, status: MemberStatus | None = None) -> int:
        if status is None:
            return int(self.db.scalar("SELECT count(*) FROM members"))
        return int(
            self.db.scalar(
                "SELECT count(*) FROM members WHERE status = :s", {"s": MemberStatus(status).value}
            )
        )

    def search(
        self,
        text: str = "",
        status: MemberStatus | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[MemberRow]:
        """Members whose name, number, NIK or phone contains `text` (case-insensitive).

        Digits typed as a phone number (0812…) also match the stored +62812… form.
        """
        where, params = self._search_where(self.db.dialect, text, status)
        # With a search text every row is read anyway: '+' keeps SQLite from walking the name
        # index (a random read per member) and has it scan the table and sort the matches.
        # The page is chosen first, so savings totals are summed for its rows only. An exact
        # member number, NIK or phone always comes first (issue 10 #13).
        order = self.db.dialect.no_index("m.name") if text.strip() else "m.name"
        exact = exact_sql("m.number", "m.nik", phone="m.phone") + ", " if text.strip() else ""
        params.update(exact_params(text), limit=limit, offset=offset)
        rows = self.db.rows(
            "SELECT m.id, m.number, m.name, m.nik, m.phone, m.kelurahan, m.status, m.join_date,"
            " coalesce((SELECT sum(amount) FROM savings_transactions s"
            "  WHERE s.member_id = m.id), 0) AS savings_total"
            f" FROM (SELECT m.id FROM members m {where}"
            f"  ORDER BY {exact}{order} COLLATE NOCASE, m.id LIMIT :limit OFFSET :offset) AS page"
            f" JOIN members m ON m.id = page.id ORDER BY {exact}m.name COLLATE NOCASE, m.id",
            params,
        )
        return [
            MemberRow(
                id=r["id"],
                number=r["number"],
                name=r["name"],
                nik=r["nik"],
                phone=r["phone"],
                kelurahan=r["kelurahan"],
                status=MemberStatus(r["status"]),
                join_date=date.fromisoformat(r["join_date"]),
                savings_total=r["savings_total"],
            )
            for r in rows
        ]

    def search_count(self, text: str = "", status: MemberStatus | None = None) -> int:
        where, params = self._search_where(self.db.dialect, text, status)
        return int(self.db.scalar(f"SELECT count(*) FROM members m {where}", params))

    @staticmethod
    def _search_where(
        dialect: Dialect, text: str, status: MemberStatus | None
    ) -> tuple[str, dict[str, Any]]:
        clauses: list[str] = []
        params: dict[str, Any] = {}
        term = text.strip()
        if term:
            params.update(like=contains_pattern(term), **exact_params(term))
            alternatives = [
                dialect.ci_contains("m.name", ":like"),
                dialect.ci_contains("m.number", ":like"),
                dialect.ci_contains("m.nik", ":like"),
                exact_where("m.number", "m.nik", phone="m.phone"),
            ]
            digits = "".join(ch for ch in term if ch.isdigit())
            if digits and len(digits) >= 3 and len(digits) * 2 >= len(term.replace(" ", "")):
                phone_digits = digits[1:] if digits.startswith("0") else digits
                phone_digits = phone_digits[2:] if phone_digits.startswith("62") else phone_digits
                alternatives.append(dialect.ci_contains("m.phone", ":phone_like"))
                params["phone_like"] = contains_pattern(phone_digits)
            clauses.append("(" + " OR ".join(alternatives) + ")")
        if status is not None:
            clauses.append("m.status = :status")
            params["status"] = status.value
        return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params

    def snapshot(self, member_id: int) -> dict[str, Any]:
        """The stored row as a dict (for the audit trail's before/after)."""
        row = self.db.one("SELECT * FROM members WHERE id = :id", {"id": member_id})
        if row is None:
            return {}
        return {k: row[k] for k in row.keys()}  # noqa: SIM118 - a SQLite row iterates values
