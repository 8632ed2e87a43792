"""SQL of the RAT pack's figures that are not statements (issue 13 §5): members at the year
end, staff, loans disbursed in the year, the GL receivable of members who share a name with an
officer (loans to pengurus and pengawas), and the journals of the year-end close."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date

from app.storage.db import Database


class RatPackRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def members(self, start: date, end: date) -> tuple[int, int, int]:
        """(members at `end`, joined in [start, end], left in [start, end])."""
        s, e = start.isoformat(), end.isoformat()
        row = self.db.one(
            "SELECT"
            " sum(join_date <= :e AND (status = 'aktif' OR status_date IS NULL"
            "     OR status_date > :e)),"
            " sum(join_date >= :s AND join_date <= :e),"
            " sum(status <> 'aktif' AND status_date >= :s AND status_date <= :e)"
            " FROM members",
            {"s": s, "e": e},
        )
        return (0, 0, 0) if row is None else tuple(int(x or 0) for x in row)  # type: ignore[return-value]

    def staff(self) -> dict[str, int]:
        """Active users by role."""
        rows = self.db.rows("SELECT role, count(*) FROM users WHERE active = 1 GROUP BY role")
        return {str(r[0]): int(r[1]) for r in rows}

    def loans_disbursed(self, start: date, end: date) -> tuple[int, int]:
        """(count, Σ amount) of loans disbursed in [start, end]: the year's business volume."""
        row = self.db.one(
            "SELECT count(*), coalesce(sum(amount), 0) FROM loans"
            " WHERE disbursed_on >= ? AND disbursed_on <= ?",
            (start.isoformat(), end.isoformat()),
        )
        return (0, 0) if row is None else (int(row[0]), int(row[1]))

    def receivable_of_names(
        self, names: Sequence[str], accounts: Sequence[str], end: date
    ) -> list[sqlite3.Row]:
        """Members whose name equals one of `names` (case and spacing aside) with their loan
        receivable in the GL at `end` (number, name, balance), those with a balance only."""
        wanted = sorted({" ".join(n.split()).lower() for n in names if n.strip()})
        if not wanted:
            return []
        marks = ", ".join("?" for _ in wanted)
        acc = ", ".join("?" for _ in accounts)
        return self.db.rows(
            "SELECT m.number, m.name, sum(l.debit) - sum(l.credit) AS balance"
            " FROM members m JOIN journal_lines l ON l.member_id = m.id"
            " JOIN journals j ON j.id = l.journal_id"
            f" WHERE lower(m.name) IN ({marks}) AND l.account IN ({acc}) AND j.date <= ?"
            " GROUP BY m.id HAVING balance <> 0 ORDER BY m.number",
            (*wanted, *accounts, end.isoformat()),
        )

    def officer_names(self) -> list[str]:
        """Active users on the board or the supervisory board."""
        return [
            str(r[0])
            for r in self.db.rows(
                "SELECT full_name FROM users WHERE active = 1"
                " AND role IN ('ketua', 'pengurus', 'pengawas')"
            )
        ]
