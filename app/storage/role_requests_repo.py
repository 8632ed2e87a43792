"""Requests to grant a privileged role, waiting for a Pengurus' approval."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.clock import now_text
from app.storage.db import Database
from app.users.models import Role


@dataclass(frozen=True)
class RoleRequest:
    id: int
    user_id: int
    role: Role
    previous_role: Role | None
    kind: str  # 'baru' (new account), 'ubah' (role changed), 'aktifkan' (re-activated)
    requested_by: int | None
    requested_at: str
    status: str  # 'menunggu', 'disetujui', 'ditolak', 'batal'
    decided_by: int | None
    decided_at: str | None
    note: str


def _request(row: sqlite3.Row) -> RoleRequest:
    return RoleRequest(
        id=row["id"],
        user_id=row["user_id"],
        role=Role(row["role"]),
        previous_role=Role(row["previous_role"]) if row["previous_role"] else None,
        kind=row["kind"],
        requested_by=row["requested_by"],
        requested_at=row["requested_at"],
        status=row["status"],
        decided_by=row["decided_by"],
        decided_at=row["decided_at"],
        note=row["note"],
    )


class RoleRequestsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(
        self,
        user_id: int,
        role: Role,
        previous_role: Role | None,
        kind: str,
        requested_by: int | None,
        status: str = "menunggu",
        note: str = "",
    ) -> int:
        now = now_text()
        cursor = self.db.execute(
            "INSERT INTO role_requests (user_id, role, previous_role, kind, requested_by,"
            " requested_at, status, decided_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                user_id,
                role.value,
                previous_role.value if previous_role else None,
                kind,
                requested_by,
                now,
                status,
                None if status == "menunggu" else now,
                note,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def get(self, request_id: int) -> RoleRequest | None:
        row = self.db.one("SELECT * FROM role_requests WHERE id = ?", (request_id,))
        return _request(row) if row else None

    def open_for(self, user_id: int) -> RoleRequest | None:
        row = self.db.one(
            "SELECT * FROM role_requests WHERE user_id = ? AND status = 'menunggu'", (user_id,)
        )
        return _request(row) if row else None

    def pending(self) -> list[RoleRequest]:
        rows = self.db.rows("SELECT * FROM role_requests WHERE status = 'menunggu' ORDER BY id")
        return [_request(r) for r in rows]

    def any_approved(self) -> bool:
        return bool(self.db.scalar("SELECT count(*) FROM role_requests WHERE status = 'disetujui'"))

    def decide(self, request_id: int, status: str, decided_by: int | None, note: str) -> None:
        self.db.execute(
            "UPDATE role_requests SET status = ?, decided_by = ?, decided_at = ?, note = ?"
            " WHERE id = ? AND status = 'menunggu'",
            (status, decided_by, now_text(), note, request_id),
        )
