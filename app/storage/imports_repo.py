"""The import batches (one row per imported file, by its hash) and the lookups an import
needs in bulk (existing members by number and NIK)."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from app.clock import now_text
from app.storage.engine import Engine
from app.storage.file_only import file_only


class KnownMember(NamedTuple):
    id: int
    number: str
    name: str
    nik: str | None
    join_date: str
    status: str


_MEMBER_COLUMNS = (
    "number", "name", "nik", "sex", "birth_place", "birth_date", "address", "rt", "rw",
    "kelurahan", "kecamatan", "city", "phone", "occupation", "spouse_name", "npwp", "join_date",
    "status", "status_date", "status_note", "employer", "employee_no", "payroll_sukarela",
)  # fmt: skip
"""The columns of the members import, in its order."""


class ImportsRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def write_count(self) -> int:
        """Rows written on this connection since it was opened: unchanged means the file is
        as a check saw it (the program is the file's only writer, app/storage/lock.py).
        SQLite's own counter: the one method here that still needs the SQLite engine."""
        return int(file_only(self.db, "Impor data").sql.conn.total_changes)

    def members(self) -> list[KnownMember]:
        rows = self.db.rows("SELECT id, number, name, nik, join_date, status FROM members")
        return [KnownMember(*(r[c] for c in KnownMember._fields)) for r in rows]

    def batch_with_hash(self, file_hash: str) -> dict[str, Any] | None:
        row = self.db.one(
            "SELECT b.id, b.kind, b.file_name, b.created_at, u.username FROM import_batches b "
            "LEFT JOIN users u ON u.id = b.created_by WHERE b.file_hash = :hash",
            {"hash": file_hash},
        )
        return dict(row) if row else None

    def add_batch(
        self,
        kind: str,
        file_name: str,
        file_hash: str,
        row_count: int,
        summary: dict[str, Any],
        user_id: int | None,
    ) -> int:
        return self.db.insert_id(
            "INSERT INTO import_batches (kind, file_name, file_hash, row_count, summary, "
            "created_at, created_by) VALUES (:kind, :file_name, :file_hash, :row_count, "
            ":summary, :created_at, :created_by) RETURNING id",
            {
                "kind": kind,
                "file_name": file_name,
                "file_hash": file_hash,
                "row_count": row_count,
                "summary": json.dumps(summary, ensure_ascii=False, sort_keys=True),
                "created_at": now_text(),
                "created_by": user_id,
            },
        )

    def batch_of_kind(self, kind: str) -> dict[str, Any] | None:
        """The earliest import of `kind` (e.g. the one opening balance of the books)."""
        row = self.db.one(
            "SELECT b.id, b.file_name, b.created_at, u.username FROM import_batches b "
            "LEFT JOIN users u ON u.id = b.created_by WHERE b.kind = :kind ORDER BY b.id LIMIT 1",
            {"kind": kind},
        )
        return dict(row) if row else None

    def role_accounts(self, roles: list[str]) -> dict[str, str]:
        """Every account that any version of `roles` posts to, with its role."""
        if not roles:
            return {}
        params = {f"role{i}": role for i, role in enumerate(roles)}
        marks = ", ".join(f":{name}" for name in params)
        rows = self.db.rows(
            f"SELECT DISTINCT account, role FROM account_roles WHERE role IN ({marks})", params
        )
        return {str(r["account"]): str(r["role"]) for r in rows}

    def savings_present(self) -> set[tuple[int, str]]:
        """(member id, kind) of every member that already has savings of that kind."""
        rows = self.db.rows("SELECT DISTINCT member_id, kind FROM savings_transactions")
        return {(int(r["member_id"]), str(r["kind"])) for r in rows}

    def member_rows(self) -> list[tuple[Any, ...]]:
        """Every member in number order, in the columns of the members import."""
        rows = self.db.rows(f"SELECT {', '.join(_MEMBER_COLUMNS)} FROM members ORDER BY number")
        return [tuple(r[c] for c in _MEMBER_COLUMNS) for r in rows]

    def balance_rows(self, as_of: str) -> list[tuple[Any, ...]]:
        """(number, name, pokok, wajib, sukarela) of every member with savings by `as_of`."""
        rows = self.db.rows(
            "SELECT m.number, m.name, "
            "sum(CASE WHEN s.kind = 'pokok' THEN s.amount ELSE 0 END) AS pokok, "
            "sum(CASE WHEN s.kind = 'wajib' THEN s.amount ELSE 0 END) AS wajib, "
            "sum(CASE WHEN s.kind = 'sukarela' THEN s.amount ELSE 0 END) AS sukarela "
            "FROM members m JOIN savings_transactions s ON s.member_id = m.id "
            "WHERE s.tx_date <= :as_of GROUP BY m.id, m.number, m.name ORDER BY m.number",
            {"as_of": as_of},
        )
        return [
            (r["number"], r["name"], int(r["pokok"]), int(r["wajib"]), int(r["sukarela"]))
            for r in rows
        ]
