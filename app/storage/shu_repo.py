"""SQL of the SHU allocated at the RAT: the allocation of a book year, the members' shares and
their payouts (all append-only)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import date

from app.clock import now_text
from app.storage.db import Database


class ShuRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def allocation(self, year: int) -> sqlite3.Row | None:
        return self.db.one("SELECT * FROM shu_allocations WHERE year = ?", (year,))

    def add_allocation(
        self,
        year: int,
        rat_date: date,
        decision_no: str,
        shu: int,
        pools: dict[str, int],
        shares: Sequence[tuple[int, int, int]],
        user_id: int | None,
    ) -> int:
        """The allocation and its (member_id, jma, jua) shares; returns the allocation id."""
        self.db.execute(
            "INSERT INTO shu_allocations (year, rat_date, decision_no, shu, pools, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (year, rat_date.isoformat(), decision_no, shu, json.dumps(pools), user_id, now_text()),
        )
        allocation_id = int(
            self.db.scalar("SELECT id FROM shu_allocations WHERE year = ?", (year,))
        )
        self.db.sql.conn.executemany(
            "INSERT INTO shu_shares (allocation_id, member_id, jma, jua) VALUES (?, ?, ?, ?)",
            [(allocation_id, m, jma, jua) for m, jma, jua in shares],
        )
        return allocation_id

    def shares(self, allocation_id: int) -> list[sqlite3.Row]:
        return self.db.rows(
            "SELECT s.*, m.number, m.name, p.paid_on, p.method FROM shu_shares s"
            " JOIN members m ON m.id = s.member_id"
            " LEFT JOIN shu_payouts p ON p.share_id = s.id"
            " WHERE s.allocation_id = ? ORDER BY m.number, m.id",
            (allocation_id,),
        )

    def share(self, share_id: int) -> sqlite3.Row | None:
        return self.db.one(
            "SELECT s.*, a.year, a.rat_date, p.id AS payout_id FROM shu_shares s"
            " JOIN shu_allocations a ON a.id = s.allocation_id"
            " LEFT JOIN shu_payouts p ON p.share_id = s.id WHERE s.id = ?",
            (share_id,),
        )

    def add_payout(self, share_id: int, on: date, method: str, user_id: int | None) -> int:
        self.db.execute(
            "INSERT INTO shu_payouts (share_id, paid_on, method, created_by, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (share_id, on.isoformat(), method, user_id, now_text()),
        )
        return int(self.db.scalar("SELECT id FROM shu_payouts WHERE share_id = ?", (share_id,)))

    def unpaid(self, allocation_id: int) -> int:
        value = self.db.scalar(
            "SELECT coalesce(sum(s.jma + s.jua), 0) FROM shu_shares s WHERE s.allocation_id = ?"
            " AND NOT EXISTS (SELECT 1 FROM shu_payouts p WHERE p.share_id = s.id)",
            (allocation_id,),
        )
        return int(value or 0)

    # -- the RAT's ratification of a closed book year ------------------------------------------

    def ratification(self, year: int) -> sqlite3.Row | None:
        return self.db.one("SELECT * FROM shu_ratifications WHERE year = ?", (year,))

    def ratifications(self) -> list[sqlite3.Row]:
        return self.db.rows("SELECT * FROM shu_ratifications ORDER BY year")

    def add_ratification(
        self, year: int, rat_date: date, decision_no: str, note: str, user_id: int | None
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO shu_ratifications (year, rat_date, decision_no, note, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (year, rat_date.isoformat(), decision_no, note, user_id, now_text()),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid
