"""SQL of the chart of accounts and of where each money component posts (dated versions).
Portable SQL: runs on both engines."""

from __future__ import annotations

from datetime import date

from app.clock import now_text
from app.ledger.models import Account
from app.storage.engine import Engine, Row


def _account(row: Row) -> Account:
    return Account(
        code=row["code"],
        name=row["name"],
        type=row["type"],
        normal=row["normal"],
        is_group=bool(row["is_group"]),
        parent=row["parent"],
        active=bool(row["active"]),
    )


class LedgerAccountsRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def all(self) -> list[Account]:
        return [_account(r) for r in self.db.rows("SELECT * FROM accounts ORDER BY code")]

    def get(self, code: str) -> Account | None:
        row = self.db.one("SELECT * FROM accounts WHERE code = :code", {"code": code})
        return None if row is None else _account(row)

    def has_postings(self, code: str) -> bool:
        return (
            self.db.one("SELECT 1 FROM journal_lines WHERE account = :code LIMIT 1", {"code": code})
            is not None
        )

    def insert(self, parent: Account, code: str, name: str) -> None:
        self.db.run(
            "INSERT INTO accounts (code, name, type, normal, is_group, parent, created_at)"
            " VALUES (:code, :name, :type, :normal, 0, :parent, :at)",
            {
                "code": code,
                "name": name,
                "type": parent.type,
                "normal": parent.normal,
                "parent": parent.code,
                "at": now_text(),
            },
        )
        if not parent.is_group:
            self.db.run(
                "UPDATE accounts SET is_group = 1 WHERE code = :code", {"code": parent.code}
            )

    def rename(self, code: str, name: str) -> None:
        self.db.run(
            "UPDATE accounts SET name = :name WHERE code = :code", {"name": name, "code": code}
        )

    def set_active(self, code: str, active: bool) -> None:
        self.db.run(
            "UPDATE accounts SET active = :active WHERE code = :code",
            {"active": int(active), "code": code},
        )

    def delete(self, code: str) -> None:
        self.db.run("DELETE FROM accounts WHERE code = :code", {"code": code})

    def role_account(self, role: str, on: date, product_id: int | None) -> str | None:
        """The version in force on `on`: a product's own mapping before the general one."""
        row = self.db.one(
            "SELECT account FROM account_roles WHERE role = :role AND valid_from <= :on"
            " AND (product_id IS NULL OR product_id = :product)"
            " ORDER BY product_id IS NULL, valid_from DESC, id DESC LIMIT 1",
            {"role": role, "on": on.isoformat(), "product": product_id},
        )
        return None if row is None else str(row["account"])

    def method_account(self, method: str, on: date) -> str | None:
        row = self.db.one(
            "SELECT account FROM payment_method_accounts WHERE method = :method"
            " AND valid_from <= :on ORDER BY valid_from DESC, id DESC LIMIT 1",
            {"method": method, "on": on.isoformat()},
        )
        return None if row is None else str(row["account"])

    def add_role(
        self, role: str, account: str, valid_from: date, product_id: int | None, user_id: int | None
    ) -> None:
        self.db.run(
            "INSERT INTO account_roles (role, product_id, account, valid_from, created_by,"
            " created_at) VALUES (:role, :product, :account, :valid_from, :by, :at)",
            {
                "role": role,
                "product": product_id,
                "account": account,
                "valid_from": valid_from.isoformat(),
                "by": user_id,
                "at": now_text(),
            },
        )

    def add_method(self, method: str, account: str, valid_from: date, user_id: int | None) -> None:
        self.db.run(
            "INSERT INTO payment_method_accounts (method, account, valid_from, created_by,"
            " created_at) VALUES (:method, :account, :valid_from, :by, :at)",
            {
                "method": method,
                "account": account,
                "valid_from": valid_from.isoformat(),
                "by": user_id,
                "at": now_text(),
            },
        )

    def roles(self) -> list[str]:
        return [str(r["role"]) for r in self.db.rows("SELECT DISTINCT role FROM account_roles")]
