"""SQL of the journal: lines first, then the header that seals them (its trigger refuses an
unbalanced journal); reads for the trial balance, the Buku Besar and journal search. Portable
SQL: runs on both engines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from app.clock import now_text
from app.ledger.models import Journal, Line
from app.storage.closing_repo import refuse_into_locked
from app.storage.engine import Engine, Row
from app.storage.ledger_periods_repo import LedgerPeriodsRepository

DENSE_ACCOUNT = 20_000
"""An account with more lines than this is read in date order (its first page comes first)."""


class LedgerRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def in_transaction(self) -> bool:
        return self.db.in_transaction()

    def find(self, source: str, source_id: int, role: str) -> int | None:
        value = self.db.scalar(
            "SELECT id FROM journals WHERE source = :source AND source_id = :id AND role = :role",
            {"source": source, "id": source_id, "role": role},
        )
        return None if value is None else int(value)

    def write(
        self,
        *,
        on: date,
        source: str,
        source_id: int,
        role: str,
        description: str,
        lines: Sequence[Line],
        user_id: int | None,
        reverses_id: int | None = None,
    ) -> int:
        """Append one journal (no lines: the no-GL marker); call inside a transaction. Nothing
        lands on or before the lock date (but the jurnal penutup)."""
        refuse_into_locked(self.db, on, source)
        journal_id = int(self.db.scalar("SELECT coalesce(max(id), 0) + 1 FROM journals"))
        prefix = f"J{on.year}-"
        last = self.db.scalar(  # a range of the UNIQUE index on number: O(log n)
            "SELECT number FROM journals WHERE number >= :low AND number < :high"
            " ORDER BY number DESC LIMIT 1",
            {"low": prefix, "high": f"J{on.year}."},
        )
        seq = 1 if last is None else int(str(last)[len(prefix) :]) + 1
        for line in lines:
            self.db.run(
                "INSERT INTO journal_lines (journal_id, account, debit, credit, member_id,"
                " loan_id) VALUES (:journal_id, :account, :debit, :credit, :member_id, :loan_id)",
                {
                    "journal_id": journal_id,
                    "account": line.account,
                    "debit": line.debit,
                    "credit": line.credit,
                    "member_id": line.member_id,
                    "loan_id": line.loan_id,
                },
            )
        self.db.run(
            "INSERT INTO journals (id, number, date, source, source_id, role, description,"
            " no_gl, created_by, reverses_id, created_at) VALUES (:id, :number, :date, :source,"
            " :source_id, :role, :description, :no_gl, :created_by, :reverses_id, :created_at)",
            {
                "id": journal_id,
                "number": f"{prefix}{seq:06d}",
                "date": on.isoformat(),
                "source": source,
                "source_id": source_id,
                "role": role,
                "description": description,
                "no_gl": int(not lines),
                "created_by": user_id,
                "reverses_id": reverses_id,
                "created_at": now_text(),
            },
        )
        return journal_id

    def get(self, journal_id: int) -> Journal | None:
        row = self.db.one(
            "SELECT j.*, (SELECT r.id FROM journals r WHERE r.reverses_id = j.id) AS reversed_by"
            " FROM journals j WHERE j.id = :id",
            {"id": journal_id},
        )
        if row is None:
            return None
        lines = self.db.rows(
            "SELECT * FROM journal_lines WHERE journal_id = :id ORDER BY id", {"id": journal_id}
        )
        return _journal(row, tuple(_line(r) for r in lines))

    def trial_balance(self, as_of: date) -> list[dict[str, Any]]:
        """Per posted account: code, name, normal, type, debit and credit totals to `as_of`
        (from the month totals, app/storage/ledger_periods_repo.py)."""
        totals = LedgerPeriodsRepository(self.db).totals(as_of)
        names = {
            str(r["code"]): r for r in self.db.rows("SELECT code, name, normal, type FROM accounts")
        }
        return [
            {
                "code": code,
                "name": names[code]["name"],
                "normal": names[code]["normal"],
                "type": names[code]["type"],
                "debit": debit,
                "credit": credit,
            }
            for code, (debit, credit, lines) in sorted(totals.items())
            if lines
        ]

    def balance(
        self, accounts: Sequence[str], as_of: date | None = None, loan_id: int | None = None
    ) -> int:
        """Σ debit − Σ credit of `accounts` (optionally one loan's sub-ledger, to a date)."""
        if loan_id is None:
            totals = LedgerPeriodsRepository(self.db).totals(as_of or date.max)
            return sum(d - c for a, (d, c, _) in totals.items() if a in set(accounts))
        marks = ", ".join(f":a{i}" for i in range(len(accounts)))
        where = [f"l.account IN ({marks})", "l.loan_id = :loan"]
        params: dict[str, Any] = {f"a{i}": a for i, a in enumerate(accounts)}
        params["loan"] = loan_id
        if as_of is not None:
            where.append("j.date <= :as_of")
            params["as_of"] = as_of.isoformat()
        value = self.db.scalar(
            "SELECT coalesce(sum(l.debit - l.credit), 0) FROM journal_lines l"
            f" JOIN journals j ON j.id = l.journal_id WHERE {' AND '.join(where)}",
            params,
        )
        return int(value)

    def account_lines(
        self,
        code: str,
        start: date,
        end: date,
        *,
        after: tuple[str, int, int] | None = None,
        limit: int = -1,
    ) -> list[Row]:
        """`code`'s lines dated `start`..`end` in (date, journal, line) order, from just after
        `after` (a date text, journal id and line id), at most `limit` (-1: all). An account
        with many lines is read in date order through the journals' date index, stopping at
        `limit`; one with few lines through its own index, then sorted."""
        lines = LedgerPeriodsRepository(self.db).totals(date.max).get(code, (0, 0, 0))[2]
        by_date = self.db.dialect.indexed_by("journals_date")
        by_account = self.db.dialect.indexed_by("journal_lines_account")
        if lines > DENSE_ACCOUNT:
            source = (
                f"journals j{by_date} JOIN journal_lines l{by_account}"
                " ON l.account = :code AND l.journal_id = j.id"
            )
        else:
            source = (
                f"journal_lines l{by_account} JOIN journals j"
                " ON j.id = l.journal_id AND l.account = :code"
            )
        after_date, after_journal, after_line = after or ("", 0, 0)
        return list(
            self.db.rows(
                "SELECT j.id AS journal_id, j.number, j.date, j.source, j.source_id,"
                " j.description, l.id AS line_id, l.debit, l.credit, l.member_id, l.loan_id"
                f" FROM {source} WHERE j.date >= :s AND j.date <= :e"
                " AND (j.date, j.id, l.id) > (:after_date, :after_journal, :after_line)"
                f" ORDER BY j.date, j.id, l.id{'' if limit < 0 else ' LIMIT :limit'}",
                {
                    "code": code,
                    "s": start.isoformat(),
                    "e": end.isoformat(),
                    "after_date": after_date,
                    "after_journal": after_journal,
                    "after_line": after_line,
                    "limit": limit,
                },
            )
        )

    def line_count(self, code: str, start: date, end: date) -> int:
        """How many lines `code` has dated `start`..`end` (from the month totals)."""
        moved = LedgerPeriodsRepository(self.db).movements(start, end)
        return moved.get(code, (0, 0, 0))[2]

    def search_lines(
        self,
        start: date,
        end: date,
        *,
        number: str | None = None,
        account: str | None = None,
        source: str | None = None,
        limit: int = 100_000,
    ) -> list[Row]:
        """Journal lines (with their journal and account name) in date order."""
        where = ["j.date >= :s", "j.date <= :e"]
        params: dict[str, Any] = {"s": start.isoformat(), "e": end.isoformat(), "limit": limit}
        if number:
            where.append("j.number = :number")
            params["number"] = number
        if account:
            sub_account = self.db.dialect.ci_like("l.account", ":sub")
            where.append(f"(l.account = :account OR {sub_account})")
            params |= {"account": account, "sub": f"{account}.%"}
        if source:
            where.append("j.source = :source")
            params["source"] = source
        return list(
            self.db.rows(
                "SELECT j.id AS journal_id, j.date, j.number, j.source, j.source_id, j.role,"
                " j.description, l.account, a.name, l.debit, l.credit, l.member_id, l.loan_id"
                " FROM journal_lines l JOIN journals j ON j.id = l.journal_id"
                f" JOIN accounts a ON a.code = l.account WHERE {' AND '.join(where)}"
                " ORDER BY j.date, j.id, l.id LIMIT :limit",
                params,
            )
        )

    def first_date(self) -> date | None:
        value = self.db.scalar("SELECT min(date) FROM journals")
        return None if value is None else date.fromisoformat(str(value))

    def journal_ids(self) -> list[int]:
        return [int(r["id"]) for r in self.db.rows("SELECT id FROM journals ORDER BY id")]

    def unbalanced(self) -> list[Row]:
        return list(
            self.db.rows(
                "SELECT j.id, j.number, coalesce(sum(l.debit), 0) AS debit,"
                " coalesce(sum(l.credit), 0) AS credit, count(l.id) AS n, j.no_gl"
                " FROM journals j LEFT JOIN journal_lines l ON l.journal_id = j.id GROUP BY j.id"
                " HAVING coalesce(sum(l.debit), 0) <> coalesce(sum(l.credit), 0)"
                " OR (count(l.id) = 0) <> (j.no_gl = 1)"
            )
        )

    def orphan_lines(self) -> int:
        return int(
            self.db.scalar(
                "SELECT count(*) FROM journal_lines l"
                " WHERE NOT EXISTS (SELECT 1 FROM journals j WHERE j.id = l.journal_id)"
            )
        )

    def reversal_pairs(self) -> list[tuple[int, int]]:
        return [
            (int(r["reverses_id"]), int(r["id"]))
            for r in self.db.rows(
                "SELECT reverses_id, id FROM journals WHERE reverses_id IS NOT NULL"
            )
        ]


def _line(row: Row) -> Line:
    return Line(row["account"], row["debit"], row["credit"], row["member_id"], row["loan_id"])


def _journal(row: Row, lines: tuple[Line, ...]) -> Journal:
    return Journal(
        id=row["id"],
        number=row["number"],
        date=date.fromisoformat(row["date"]),
        source=row["source"],
        source_id=row["source_id"],
        role=row["role"],
        description=row["description"],
        no_gl=bool(row["no_gl"]),
        created_by=row["created_by"],
        reverses_id=row["reverses_id"],
        reversed_by=row["reversed_by"],
        lines=lines,
    )
