"""The audit trail: who changed what, when, with the values before and after."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.clock import now_text
from app.storage.db import Database


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    user_id: int | None
    user_name: str
    action: str
    entity: str
    entity_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str


def _dump(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class AuditRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self,
        user_id: int | None,
        action: str,
        entity: str,
        entity_id: object | None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        note: str = "",
    ) -> None:
        """Append one entry; call inside the same transaction as the change it describes."""
        self.db.execute(
            "INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now_text(),
                user_id,
                action,
                entity,
                None if entity_id is None else str(entity_id),
                _dump(before),
                _dump(after),
                note,
            ),
        )

    def entries(
        self, entity: str | None = None, entity_id: object | None = None, limit: int = 500
    ) -> list[AuditEntry]:
        where, params = [], []
        if entity is not None:
            where.append("a.entity = ?")
            params.append(entity)
        if entity_id is not None:
            where.append("a.entity_id = ?")
            params.append(str(entity_id))
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.db.rows(
            "SELECT a.*, coalesce(u.full_name, '') AS user_name FROM audit_log a "
            f"LEFT JOIN users u ON u.id = a.user_id {clause} ORDER BY a.id DESC LIMIT ?",
            (*params, limit),
        )
        return [
            AuditEntry(
                id=r["id"],
                at=r["at"],
                user_id=r["user_id"],
                user_name=r["user_name"],
                action=r["action"],
                entity=r["entity"],
                entity_id=r["entity_id"],
                before=json.loads(r["before"]) if r["before"] else None,
                after=json.loads(r["after"]) if r["after"] else None,
                note=r["note"],
            )
            for r in rows
        ]
