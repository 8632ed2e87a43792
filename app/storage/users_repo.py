"""Users table (portable SQL: runs on both engines; `username` compares without regard to case
through the column's collation on both)."""

from __future__ import annotations

from app.clock import now_text
from app.storage.engine import Engine, Row
from app.users.models import Role, User


def _user(row: Row) -> User:
    return User(
        id=row["id"],
        username=row["username"],
        full_name=row["full_name"],
        role=Role(row["role"]),
        position=row["position"],
        active=bool(row["active"]),
        must_change_password=bool(row["must_change_password"]),
        failed_attempts=row["failed_attempts"],
        locked_until=row["locked_until"],
        role_active=bool(row["role_active"]),
    )


class UsersRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def board_count(self) -> int:
        """Accounts holding a board role (Ketua or Pengurus), approved or not."""
        return int(self.db.scalar("SELECT count(*) FROM users WHERE role IN ('ketua', 'pengurus')"))

    def count(self) -> int:
        return int(self.db.scalar("SELECT count(*) FROM users"))

    def all(self) -> list[User]:
        return [_user(r) for r in self.db.rows("SELECT * FROM users ORDER BY role, full_name")]

    def by_id(self, user_id: int) -> User | None:
        row = self.db.one("SELECT * FROM users WHERE id = :id", {"id": user_id})
        return _user(row) if row else None

    def by_username(self, username: str) -> User | None:
        row = self.db.one("SELECT * FROM users WHERE username = :name", {"name": username.strip()})
        return _user(row) if row else None

    def password_hash(self, user_id: int) -> str:
        return str(
            self.db.scalar("SELECT password_hash FROM users WHERE id = :id", {"id": user_id})
        )

    def insert(
        self,
        username: str,
        full_name: str,
        role: Role,
        password_hash: str,
        position: str = "",
        must_change_password: bool = False,
        role_active: bool = True,
    ) -> int:
        return self.db.insert_id(
            "INSERT INTO users (username, full_name, role, position, password_hash, "
            "must_change_password, created_at, role_active) VALUES (:username, :full_name, "
            ":role, :position, :password_hash, :must_change, :created_at, :role_active) "
            "RETURNING id",
            {
                "username": username.strip(),
                "full_name": full_name.strip(),
                "role": role.value,
                "position": position,
                "password_hash": password_hash,
                "must_change": int(must_change_password),
                "created_at": now_text(),
                "role_active": int(role_active),
            },
        )

    def update_fields(self, user_id: int, **fields: object) -> None:
        allowed = {
            "full_name",
            "role",
            "position",
            "password_hash",
            "failed_attempts",
            "locked_until",
            "must_change_password",
            "active",
            "role_active",
        }
        assert set(fields) <= allowed, fields
        assignments = ", ".join(f"{name} = :{name}" for name in fields)
        self.db.run(f"UPDATE users SET {assignments} WHERE id = :id", {**fields, "id": user_id})
