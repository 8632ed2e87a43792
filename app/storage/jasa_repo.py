"""SQL of jasa simpanan sukarela: the balances it is paid on, the month's run and its lines."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.clock import now_text
from app.storage.db import Database


@dataclass(frozen=True)
class JasaRun:
    id: int
    month: str
    credited_on: date
    rate: Decimal
    basis: str
    created_by: int | None


@dataclass(frozen=True)
class JasaLine:
    id: int
    run_id: int
    month: str
    member_id: int
    basis_balance: int
    gross: int
    tax: int
    savings_tx_id: int | None

    @property
    def net(self) -> int:
        return self.gross - self.tax


def _run(row: sqlite3.Row) -> JasaRun:
    return JasaRun(
        row["id"],
        row["month"],
        date.fromisoformat(row["credited_on"]),
        Decimal(row["rate"]),
        row["basis"],
        row["created_by"],
    )


def _line(row: sqlite3.Row) -> JasaLine:
    return JasaLine(
        row["id"],
        row["run_id"],
        row["month"],
        row["member_id"],
        row["basis_balance"],
        row["gross"],
        row["tax"],
        row["savings_tx_id"],
    )


class JasaRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def sukarela_openings(self, before: date) -> dict[int, int]:
        """Each member's sukarela balance at the start of `before` (members with any)."""
        rows = self.db.rows(
            "SELECT member_id, sum(amount) FROM savings_transactions WHERE kind = 'sukarela'"
            " AND tx_date < ? GROUP BY member_id",
            (before.isoformat(),),
        )
        return {int(r[0]): int(r[1]) for r in rows}

    def sukarela_moves(self, start: date, end: date) -> list[tuple[int, date, int]]:
        rows = self.db.rows(
            "SELECT member_id, tx_date, amount FROM savings_transactions WHERE kind = 'sukarela'"
            " AND tx_date BETWEEN ? AND ? ORDER BY member_id, tx_date, id",
            (start.isoformat(), end.isoformat()),
        )
        return [(int(r[0]), date.fromisoformat(r[1]), int(r[2])) for r in rows]

    def run(self, month: str) -> JasaRun | None:
        row = self.db.one("SELECT * FROM jasa_sukarela_runs WHERE month = ?", (month,))
        return None if row is None else _run(row)

    def runs(self) -> list[JasaRun]:
        return [_run(r) for r in self.db.rows("SELECT * FROM jasa_sukarela_runs ORDER BY month")]

    def insert_run(
        self, month: str, credited_on: date, rate: Decimal, basis: str, user_id: int | None
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO jasa_sukarela_runs (month, credited_on, rate, basis, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (month, credited_on.isoformat(), str(rate), basis, user_id, now_text()),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def next_line_id(self) -> int:
        """The id the next jasa line gets (inside the writing transaction)."""
        return int(self.db.scalar("SELECT coalesce(max(id), 0) + 1 FROM jasa_sukarela"))

    def insert_line(
        self,
        line_id: int,
        run_id: int,
        month: str,
        member_id: int,
        basis_balance: int,
        gross: int,
        tax: int,
        savings_tx_id: int | None,
    ) -> None:
        self.db.execute(
            "INSERT INTO jasa_sukarela (id, run_id, month, member_id, basis_balance, gross, tax,"
            " savings_tx_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (line_id, run_id, month, member_id, basis_balance, gross, tax, savings_tx_id),
        )

    def lines(self, run_id: int) -> list[JasaLine]:
        rows = self.db.rows("SELECT * FROM jasa_sukarela WHERE run_id = ? ORDER BY id", (run_id,))
        return [_line(r) for r in rows]

    def member_lines(self, member_id: int) -> list[JasaLine]:
        rows = self.db.rows(
            "SELECT * FROM jasa_sukarela WHERE member_id = ? ORDER BY month", (member_id,)
        )
        return [_line(r) for r in rows]
