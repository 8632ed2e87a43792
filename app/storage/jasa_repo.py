"""SQL of jasa simpanan sukarela: the balances it is paid on, the month's run and its lines
(portable SQL: runs on both engines)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.clock import now_text
from app.storage.engine import Engine, Row


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


def _run(row: Row) -> JasaRun:
    return JasaRun(
        row["id"],
        row["month"],
        date.fromisoformat(row["credited_on"]),
        Decimal(row["rate"]),
        row["basis"],
        row["created_by"],
    )


def _line(row: Row) -> JasaLine:
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
    def __init__(self, db: Engine) -> None:
        self.db = db

    def sukarela_openings(self, before: date) -> dict[int, int]:
        """Each member's sukarela balance at the start of `before` (members with any)."""
        rows = self.db.rows(
            "SELECT member_id, sum(amount) AS total FROM savings_transactions"
            " WHERE kind = 'sukarela' AND tx_date < :before GROUP BY member_id",
            {"before": before.isoformat()},
        )
        return {int(r["member_id"]): int(r["total"]) for r in rows}

    def sukarela_moves(self, start: date, end: date) -> list[tuple[int, date, int]]:
        rows = self.db.rows(
            "SELECT member_id, tx_date, amount FROM savings_transactions WHERE kind = 'sukarela'"
            " AND tx_date BETWEEN :s AND :e ORDER BY member_id, tx_date, id",
            {"s": start.isoformat(), "e": end.isoformat()},
        )
        return [
            (int(r["member_id"]), date.fromisoformat(r["tx_date"]), int(r["amount"])) for r in rows
        ]

    def run(self, month: str) -> JasaRun | None:
        row = self.db.one("SELECT * FROM jasa_sukarela_runs WHERE month = :m", {"m": month})
        return None if row is None else _run(row)

    def runs(self) -> list[JasaRun]:
        return [_run(r) for r in self.db.rows("SELECT * FROM jasa_sukarela_runs ORDER BY month")]

    def insert_run(
        self, month: str, credited_on: date, rate: Decimal, basis: str, user_id: int | None
    ) -> int:
        return self.db.insert_id(
            "INSERT INTO jasa_sukarela_runs (month, credited_on, rate, basis, created_by,"
            " created_at) VALUES (:month, :credited_on, :rate, :basis, :by, :at) RETURNING id",
            {
                "month": month,
                "credited_on": credited_on.isoformat(),
                "rate": str(rate),
                "basis": basis,
                "by": user_id,
                "at": now_text(),
            },
        )

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
        self.db.run(
            "INSERT INTO jasa_sukarela (id, run_id, month, member_id, basis_balance, gross, tax,"
            " savings_tx_id) VALUES (:id, :run_id, :month, :member_id, :basis_balance, :gross,"
            " :tax, :savings_tx_id)",
            {
                "id": line_id,
                "run_id": run_id,
                "month": month,
                "member_id": member_id,
                "basis_balance": basis_balance,
                "gross": gross,
                "tax": tax,
                "savings_tx_id": savings_tx_id,
            },
        )

    def lines(self, run_id: int) -> list[JasaLine]:
        rows = self.db.rows(
            "SELECT * FROM jasa_sukarela WHERE run_id = :run ORDER BY id", {"run": run_id}
        )
        return [_line(r) for r in rows]

    def member_lines(self, member_id: int) -> list[JasaLine]:
        rows = self.db.rows(
            "SELECT * FROM jasa_sukarela WHERE member_id = :member ORDER BY month",
            {"member": member_id},
        )
        return [_line(r) for r in rows]
