"""Users table."""

from __future__ import annotations

import sqlite3

from app.clock import now_text
from app.storage.db import Database
from app.users.models import Role, User


def _user(row: sqlite3.Row) -> User:
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
    def __init__(self, db: Database) -> None:
        self.db = db

    def board_count(self) -> int:
        """Accounts holding a board role (Ketua or Pengurus), approved or not."""
        return int(self.db.scalar("SELECT count(*) FROM users WHERE role IN ('ketua', 'pengurus')"))

    def count(self) -> int:
        return int(self.db.scalar("SELECT count(*) FROM users"))

    def all(self) -> list[User]:
        return [_user(r) for r in self.db.rows("SELECT * FROM users ORDER BY role, full_name")]

    def by_id(self, user_id: int) -> User | None:
        row = self.db.one("SELECT * FROM users WHERE id = ?", (user_id,))
        return _user(row) if row else None

    def by_username(self, username: str) -> User | None:
        row = self.db.one("SELECT * FROM users WHERE username = ?", (username.strip(),))
        return _user(row) if row else None

    def password_hash(self, user_id: int) -> str:
        return str(self.db.scalar("SELECT password_hash FROM users WHERE id = ?", (user_id,)))

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
        cursor = self.db.execute(
            "INSERT INTO users (username, full_name, role, position, password_hash, "
            "must_change_password, created_at, role_active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                username.strip(),
                full_name.strip(),
                role.value,
                position,
                password_hash,
                int(must_change_password),
                now_text(),
                int(role_active),
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

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
        assignments = ", ".join(f"{name} = ?" for name in fields)
        self.db.execute(f"UPDATE users SET {assignments} WHERE id = ?", (*fields.values(), user_id))
