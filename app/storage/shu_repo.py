"""SQL of the SHU allocated at the RAT: the allocation of a book year, the members' shares and
their payouts (all append-only). Portable SQL: runs on both engines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from app.clock import now_text
from app.storage.engine import Engine, Row


class ShuRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def allocation(self, year: int) -> Row | None:
        return self.db.one("SELECT * FROM shu_allocations WHERE year = :year", {"year": year})

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
        allocation_id = self.db.insert_id(
            "INSERT INTO shu_allocations (year, rat_date, decision_no, shu, pools, created_by,"
            " created_at) VALUES (:year, :rat_date, :decision_no, :shu, :pools, :by, :at)"
            " RETURNING id",
            {
                "year": year,
                "rat_date": rat_date.isoformat(),
                "decision_no": decision_no,
                "shu": shu,
                "pools": json.dumps(pools),
                "by": user_id,
                "at": now_text(),
            },
        )
        for member_id, jma, jua in shares:
            self.db.run(
                "INSERT INTO shu_shares (allocation_id, member_id, jma, jua)"
                " VALUES (:allocation, :member, :jma, :jua)",
                {"allocation": allocation_id, "member": member_id, "jma": jma, "jua": jua},
            )
        return allocation_id

    def shares(self, allocation_id: int) -> list[Row]:
        return list(
            self.db.rows(
                "SELECT s.*, m.number, m.name, p.paid_on, p.method FROM shu_shares s"
                " JOIN members m ON m.id = s.member_id"
                " LEFT JOIN shu_payouts p ON p.share_id = s.id"
                " WHERE s.allocation_id = :allocation ORDER BY m.number, m.id",
                {"allocation": allocation_id},
            )
        )

    def share(self, share_id: int) -> Row | None:
        return self.db.one(
            "SELECT s.*, a.year, a.rat_date, p.id AS payout_id FROM shu_shares s"
            " JOIN shu_allocations a ON a.id = s.allocation_id"
            " LEFT JOIN shu_payouts p ON p.share_id = s.id WHERE s.id = :id",
            {"id": share_id},
        )

    def add_payout(self, share_id: int, on: date, method: str, user_id: int | None) -> int:
        return self.db.insert_id(
            "INSERT INTO shu_payouts (share_id, paid_on, method, created_by, created_at)"
            " VALUES (:share, :on, :method, :by, :at) RETURNING id",
            {
                "share": share_id,
                "on": on.isoformat(),
                "method": method,
                "by": user_id,
                "at": now_text(),
            },
        )

    def unpaid(self, allocation_id: int) -> int:
        value = self.db.scalar(
            "SELECT coalesce(sum(s.jma + s.jua), 0) FROM shu_shares s"
            " WHERE s.allocation_id = :allocation"
            " AND NOT EXISTS (SELECT 1 FROM shu_payouts p WHERE p.share_id = s.id)",
            {"allocation": allocation_id},
        )
        return int(value or 0)

    # -- the RAT's ratification of a closed book year ------------------------------------------

    def ratification(self, year: int) -> Row | None:
        return self.db.one("SELECT * FROM shu_ratifications WHERE year = :year", {"year": year})

    def ratifications(self) -> list[Row]:
        return list(self.db.rows("SELECT * FROM shu_ratifications ORDER BY year"))

    def add_ratification(
        self, year: int, rat_date: date, decision_no: str, note: str, user_id: int | None
    ) -> int:
        return self.db.insert_id(
            "INSERT INTO shu_ratifications (year, rat_date, decision_no, note, created_by,"
            " created_at) VALUES (:year, :rat_date, :decision_no, :note, :by, :at) RETURNING id",
            {
                "year": year,
                "rat_date": rat_date.isoformat(),
                "decision_no": decision_no,
                "note": note,
                "by": user_id,
                "at": now_text(),
            },
        )
