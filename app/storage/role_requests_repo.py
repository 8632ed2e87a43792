"""Requests to grant a privileged role, waiting for a Pengurus' approval (portable SQL: runs on
both engines)."""

from __future__ import annotations

from dataclasses import dataclass

from app.clock import now_text
from app.storage.engine import Engine, Row
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


def _request(row: Row) -> RoleRequest:
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
    def __init__(self, db: Engine) -> None:
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
        return self.db.insert_id(
            "INSERT INTO role_requests (user_id, role, previous_role, kind, requested_by,"
            " requested_at, status, decided_at, note) VALUES (:user_id, :role, :previous_role,"
            " :kind, :requested_by, :requested_at, :status, :decided_at, :note) RETURNING id",
            {
                "user_id": user_id,
                "role": role.value,
                "previous_role": previous_role.value if previous_role else None,
                "kind": kind,
                "requested_by": requested_by,
                "requested_at": now,
                "status": status,
                "decided_at": None if status == "menunggu" else now,
                "note": note,
            },
        )

    def get(self, request_id: int) -> RoleRequest | None:
        row = self.db.one("SELECT * FROM role_requests WHERE id = :id", {"id": request_id})
        return _request(row) if row else None

    def open_for(self, user_id: int) -> RoleRequest | None:
        row = self.db.one(
            "SELECT * FROM role_requests WHERE user_id = :user_id AND status = 'menunggu'",
            {"user_id": user_id},
        )
        return _request(row) if row else None

    def pending(self) -> list[RoleRequest]:
        rows = self.db.rows("SELECT * FROM role_requests WHERE status = 'menunggu' ORDER BY id")
        return [_request(r) for r in rows]

    def any_approved(self) -> bool:
        return bool(self.db.scalar("SELECT count(*) FROM role_requests WHERE status = 'disetujui'"))

    def decide(self, request_id: int, status: str, decided_by: int | None, note: str) -> None:
        self.db.run(
            "UPDATE role_requests SET status = :status, decided_by = :decided_by,"
            " decided_at = :decided_at, note = :note WHERE id = :id AND status = 'menunggu'",
            {
                "status": status,
                "decided_by": decided_by,
                "decided_at": now_text(),
                "note": note,
                "id": request_id,
            },
        )
