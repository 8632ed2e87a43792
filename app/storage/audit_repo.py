"""The audit trail: who changed what, when, with the values before and after (portable SQL:
runs on both engines)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.clock import now_text
from app.storage.engine import Engine


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
    def __init__(self, db: Engine) -> None:
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
        self.db.run(
            "INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after, note)"
            " VALUES (:at, :user_id, :action, :entity, :entity_id, :before, :after, :note)",
            {
                "at": now_text(),
                "user_id": user_id,
                "action": action,
                "entity": entity,
                "entity_id": None if entity_id is None else str(entity_id),
                "before": _dump(before),
                "after": _dump(after),
                "note": note,
            },
        )

    def entries(
        self, entity: str | None = None, entity_id: object | None = None, limit: int = 500
    ) -> list[AuditEntry]:
        where: list[str] = []
        params: dict[str, Any] = {"limit": limit}
        if entity is not None:
            where.append("a.entity = :entity")
            params["entity"] = entity
        if entity_id is not None:
            where.append("a.entity_id = :entity_id")
            params["entity_id"] = str(entity_id)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.db.rows(
            "SELECT a.*, coalesce(u.full_name, '') AS user_name FROM audit_log a "
            f"LEFT JOIN users u ON u.id = a.user_id {clause} ORDER BY a.id DESC LIMIT :limit",
            params,
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
