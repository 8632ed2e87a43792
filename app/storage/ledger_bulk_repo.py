"""SQL of posting many journals at once (an existing file's history, a cut-over import, the
demo): the whole mapping in memory, and lines then headers written with executemany; the
schema's per-row guards are proven once over each write instead (app/storage/ledger_bulk_guard),
so an unbalanced journal is still refused."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from app.storage.chain_batch import batched_links
from app.storage.closing_repo import YEAR_END_SOURCE, refuse_into_locked
from app.storage.db import Database
from app.storage.ledger_bulk_guard import indexes_built_after, set_based_guards

JournalRow = tuple[Any, ...]  # id, number, date, source, source_id, role, description, no_gl,
#                               created_by, reverses_id, created_at
LineRow = tuple[Any, ...]  # journal_id, account, debit, credit, member_id, loan_id
READ_INDEX = "journal_lines_journal"  # a journal's lines: the posting itself reads through it


class LedgerBulkRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def roles(self) -> list[tuple[int, str, int | None, str, str]]:
        """Every account_roles row: (id, role, product_id, valid_from, account)."""
        return [
            (r[0], r[1], r[2], r[3], r[4])
            for r in self.db.rows(
                "SELECT id, role, product_id, valid_from, account FROM account_roles ORDER BY id"
            )
        ]

    def methods(self) -> list[tuple[int, str, str, str]]:
        """Every payment_method_accounts row: (id, method, valid_from, account)."""
        return [
            (r[0], r[1], r[2], r[3])
            for r in self.db.rows(
                "SELECT id, method, valid_from, account FROM payment_method_accounts ORDER BY id"
            )
        ]

    def postable(self) -> set[str]:
        return {
            r[0] for r in self.db.rows("SELECT code FROM accounts WHERE is_group = 0 AND active")
        }

    def next_id(self) -> int:
        return int(self.db.scalar("SELECT coalesce(max(id), 0) + 1 FROM journals"))

    def last_number(self, year: int) -> int:
        prefix = f"J{year}-"
        last = self.db.scalar(
            "SELECT number FROM journals WHERE number >= ? AND number < ?"
            " ORDER BY number DESC LIMIT 1",
            (prefix, f"J{year}."),
        )
        return 0 if last is None else int(str(last)[len(prefix) :])

    def loan_balance(self, account: str, loan_id: int) -> int:
        return int(
            self.db.scalar(
                "SELECT coalesce(sum(debit - credit), 0) FROM journal_lines"
                " WHERE account = ? AND loan_id = ?",
                (account, loan_id),
            )
        )

    @contextlib.contextmanager
    def indexes_built_after(self, coming: int) -> Iterator[bool]:
        """When `coming` journals are more than the file holds (an existing file's first
        posting, the demo): the secondary indexes of journals and journal_lines, but the one
        the posting reads through, are dropped and built after the block (one sort each
        instead of a random-order update per row). Yields whether it did. Inside the caller's
        write transaction (a rollback brings them back); built again also when the block
        fails. While inside, read loans' balances with `loan_balances` before, not
        `loan_balance`."""
        with indexes_built_after(self.db, READ_INDEX, coming) as built_after:
            yield built_after

    def loan_balances(self, accounts: Iterable[str]) -> dict[tuple[str, int], int]:
        """(account, loan) -> debit − credit of every loan on `accounts`, in one pass."""
        wanted = sorted(set(accounts))
        if not wanted:
            return {}
        names = {f"a{n}": a for n, a in enumerate(wanted)}
        return {
            (str(r[0]), int(r[1])): int(r[2])
            for r in self.db.rows(
                "SELECT account, loan_id, sum(debit - credit) FROM journal_lines"
                f" WHERE loan_id IS NOT NULL AND account IN ({', '.join(':' + k for k in names)})"
                " GROUP BY account, loan_id",
                names,
            )
        }

    def write(self, journals: Sequence[JournalRow], lines: Sequence[LineRow]) -> None:
        """Lines first, then the headers that seal them (inside the caller's transaction).
        Nothing lands on or before the lock date."""
        dated = [(j[2], j[3]) for j in journals if j[3] != YEAR_END_SOURCE]
        if dated:
            on, source = min(dated)
            refuse_into_locked(self.db, date.fromisoformat(on), source)
        conn = self.db.sql.conn
        with (
            self.db.atomic(),
            batched_links(self.db, ("journal_lines", "journals")),
            set_based_guards(conn, journals),
        ):
            self._insert(conn, journals, lines)

    @staticmethod
    def _insert(
        conn: sqlite3.Connection, journals: Sequence[JournalRow], lines: Sequence[LineRow]
    ) -> None:
        conn.executemany(
            "INSERT INTO journal_lines (journal_id, account, debit, credit, member_id, loan_id)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            lines,
        )
        conn.executemany(
            "INSERT INTO journals (id, number, date, source, source_id, role, description,"
            " no_gl, created_by, reverses_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            journals,
        )
