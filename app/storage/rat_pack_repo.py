"""SQL of the RAT pack's figures that are not statements (issue 13 §5): members at the year
end, staff, loans disbursed in the year, the GL receivable of members who share a name with an
officer (loans to pengurus and pengawas), and the journals of the year-end close. Portable
SQL: runs on both engines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.storage.engine import Engine, Row


class RatPackRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def members(self, start: date, end: date) -> tuple[int, int, int]:
        """(members at `end`, joined in [start, end], left in [start, end])."""
        s, e = start.isoformat(), end.isoformat()
        row = self.db.one(
            "SELECT"
            " sum(CASE WHEN join_date <= :e AND (status = 'aktif' OR status_date IS NULL"
            "     OR status_date > :e) THEN 1 ELSE 0 END) AS members,"
            " sum(CASE WHEN join_date >= :s AND join_date <= :e THEN 1 ELSE 0 END) AS joined,"
            " sum(CASE WHEN status <> 'aktif' AND status_date >= :s AND status_date <= :e"
            "     THEN 1 ELSE 0 END) AS left_"
            " FROM members",
            {"s": s, "e": e},
        )
        if row is None:
            return (0, 0, 0)
        return int(row["members"] or 0), int(row["joined"] or 0), int(row["left_"] or 0)

    def staff(self) -> dict[str, int]:
        """Active users by role."""
        rows = self.db.rows("SELECT role, count(*) AS n FROM users WHERE active = 1 GROUP BY role")
        return {str(r["role"]): int(r["n"]) for r in rows}

    def loans_disbursed(self, start: date, end: date) -> tuple[int, int]:
        """(count, Σ amount) of loans disbursed in [start, end]: the year's business volume."""
        row = self.db.one(
            "SELECT count(*) AS n, coalesce(sum(amount), 0) AS total FROM loans"
            " WHERE disbursed_on >= :s AND disbursed_on <= :e",
            {"s": start.isoformat(), "e": end.isoformat()},
        )
        return (0, 0) if row is None else (int(row["n"]), int(row["total"]))

    def receivable_of_names(
        self, names: Sequence[str], accounts: Sequence[str], end: date
    ) -> list[Row]:
        """Members whose name equals one of `names` (case and spacing aside) with their loan
        receivable in the GL at `end` (number, name, balance), those with a balance only."""
        wanted = sorted({" ".join(n.split()).lower() for n in names if n.strip()})
        if not wanted:
            return []
        marks = ", ".join(f":n{i}" for i in range(len(wanted)))
        acc = ", ".join(f":a{i}" for i in range(len(accounts)))
        params = {
            "end": end.isoformat(),
            **{f"n{i}": n for i, n in enumerate(wanted)},
            **{f"a{i}": a for i, a in enumerate(accounts)},
        }
        return list(
            self.db.rows(
                "SELECT m.number, m.name, sum(l.debit) - sum(l.credit) AS balance"
                " FROM members m JOIN journal_lines l ON l.member_id = m.id"
                " JOIN journals j ON j.id = l.journal_id"
                f" WHERE lower(m.name) IN ({marks}) AND l.account IN ({acc}) AND j.date <= :end"
                " GROUP BY m.id HAVING sum(l.debit) - sum(l.credit) <> 0 ORDER BY m.number",
                params,
            )
        )

    def officer_names(self) -> list[str]:
        """Active users on the board or the supervisory board."""
        return [
            str(r["full_name"])
            for r in self.db.rows(
                "SELECT full_name FROM users WHERE active = 1"
                " AND role IN ('ketua', 'pengurus', 'pengawas')"
            )
        ]
