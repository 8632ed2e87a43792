"""Settings as JSON values under string keys (portable SQL: runs on both engines)."""

from __future__ import annotations

import json
from typing import Any

from app.storage.engine import Engine


class SettingsRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def all(self) -> dict[str, Any]:
        return {r["key"]: json.loads(r["value"]) for r in self.db.rows("SELECT * FROM settings")}

    def get(self, key: str, default: Any = None) -> Any:
        value = self.db.scalar("SELECT value FROM settings WHERE key = :key", {"key": key})
        return default if value is None else json.loads(value)

    def put(self, key: str, value: Any) -> None:
        self.db.run(
            "INSERT INTO settings (key, value) VALUES (:key, :value) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            {"key": key, "value": json.dumps(value, ensure_ascii=False)},
        )
