"""SQL of Jurnal Umum requests: every manual journal has one (approved at once below the
approval amount, otherwise waiting for a second person). Portable SQL: runs on both engines."""

from __future__ import annotations

import json
from datetime import date

from app.clock import now_text
from app.ledger.models import Line
from app.storage.engine import Engine, Row


class ManualJournalRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def add(
        self, on: date, description: str, lines: list[Line], user_id: int | None, pending: bool
    ) -> int:
        stamp = now_text()
        return self.db.insert_id(
            "INSERT INTO manual_journal_requests (date, description, lines_json, total,"
            " requested_by, requested_at, status, decided_at) VALUES (:date, :description,"
            " :lines_json, :total, :by, :at, :status, :decided_at) RETURNING id",
            {
                "date": on.isoformat(),
                "description": description,
                "lines_json": json.dumps([[x.account, x.debit, x.credit] for x in lines]),
                "total": sum(x.debit for x in lines),
                "by": user_id,
                "at": stamp,
                "status": "menunggu" if pending else "disetujui",
                "decided_at": None if pending else stamp,
            },
        )

    def get(self, request_id: int) -> Row | None:
        return self.db.one(
            "SELECT * FROM manual_journal_requests WHERE id = :id", {"id": request_id}
        )

    def decide(
        self, request_id: int, status: str, user_id: int | None, journal_id: int | None
    ) -> None:
        self.db.run(
            "UPDATE manual_journal_requests SET status = :status, decided_by = :by,"
            " decided_at = :at, journal_id = :journal WHERE id = :id AND status = 'menunggu'",
            {
                "status": status,
                "by": user_id,
                "at": now_text(),
                "journal": journal_id,
                "id": request_id,
            },
        )

    def set_journal(self, request_id: int, journal_id: int) -> None:
        self.db.run(
            "UPDATE manual_journal_requests SET journal_id = :journal WHERE id = :id",
            {"journal": journal_id, "id": request_id},
        )

    def pending(self) -> list[Row]:
        return list(
            self.db.rows(
                "SELECT * FROM manual_journal_requests WHERE status = 'menunggu' ORDER BY id"
            )
        )


def lines_of(row: Row) -> list[Line]:
    return [Line(str(a), int(d), int(c)) for a, d, c in json.loads(row["lines_json"])]
