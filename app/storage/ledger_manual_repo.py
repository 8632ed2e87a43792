"""SQL of Jurnal Umum requests: every manual journal has one (approved at once below the
approval amount, otherwise waiting for a second person)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import date
from typing import Any

from app.clock import now_text
from app.ledger.models import Line
from app.storage.db import Database


class ManualJournalRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self, on: date, description: str, lines: list[Line], user_id: int | None, pending: bool
    ) -> int:
        stamp = now_text()
        cursor = self.db.execute(
            "INSERT INTO manual_journal_requests (date, description, lines_json, total,"
            " requested_by, requested_at, status, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                on.isoformat(),
                description,
                json.dumps([[x.account, x.debit, x.credit] for x in lines]),
                sum(x.debit for x in lines),
                user_id,
                stamp,
                "menunggu" if pending else "disetujui",
                None if pending else stamp,
            ),
        )
        return int(cursor.lastrowid or 0)

    def get(self, request_id: int) -> sqlite3.Row | None:
        return self.db.one("SELECT * FROM manual_journal_requests WHERE id = ?", (request_id,))

    def decide(
        self, request_id: int, status: str, user_id: int | None, journal_id: int | None
    ) -> None:
        self.db.execute(
            "UPDATE manual_journal_requests SET status = ?, decided_by = ?, decided_at = ?,"
            " journal_id = ? WHERE id = ? AND status = 'menunggu'",
            (status, user_id, now_text(), journal_id, request_id),
        )

    def set_journal(self, request_id: int, journal_id: int) -> None:
        self.db.execute(
            "UPDATE manual_journal_requests SET journal_id = ? WHERE id = ?",
            (journal_id, request_id),
        )

    def pending(self) -> list[sqlite3.Row]:
        return self.db.rows(
            "SELECT * FROM manual_journal_requests WHERE status = 'menunggu' ORDER BY id"
        )


def lines_of(row: Mapping[str, Any]) -> list[Line]:
    return [Line(str(a), int(d), int(c)) for a, d, c in json.loads(row["lines_json"])]
