"""Loan money events (append-only) with their allocation lines and denda charges."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.clock import now_text
from app.loans.models import EventKind, Payment, PaymentLine
from app.storage.db import Database


@dataclass(frozen=True)
class NewEvent:
    """An event to store; lines are (instalment number or None, component, amount)."""

    loan_id: int
    version: int
    kind: EventKind
    event_date: date
    receipt_no: str | None = None
    amount: int = 0
    method: str = ""
    pokok: int = 0
    jasa: int = 0
    denda: int = 0
    titipan: int = 0
    fee: int = 0
    reverses_id: int | None = None
    reason: str = ""
    approved_by: int | None = None
    note: str = ""
    lines: tuple[tuple[int | None, str, int], ...] = ()
    charges: tuple[tuple[int, int], ...] = ()  # (instalment number, denda crystallised)


@dataclass(frozen=True)
class Settled:
    """Totals settled on a schedule version up to a date (paid, waived, given up)."""

    pokok: int = 0
    jasa: int = 0
    denda: int = 0
    titipan: int = 0


_EVENT_SELECT = (
    "SELECT e.*, r.id AS reversed_by_id, coalesce(c.full_name, '') AS created_by_name,"
    " coalesce(a.full_name, '') AS approved_by_name FROM loan_events e"
    " LEFT JOIN loan_events r ON r.reverses_id = e.id"
    " LEFT JOIN users c ON c.id = e.created_by LEFT JOIN users a ON a.id = e.approved_by "
)


def _event(row: sqlite3.Row, lines: tuple[PaymentLine, ...]) -> Payment:
    return Payment(
        id=row["id"],
        loan_id=row["loan_id"],
        kind=EventKind(row["kind"]),
        event_date=date.fromisoformat(row["event_date"]),
        receipt_no=row["receipt_no"],
        amount=row["amount"],
        method=row["method"],
        pokok=row["pokok"],
        jasa=row["jasa"],
        denda=row["denda"],
        titipan=row["titipan"],
        fee=row["fee"],
        reverses_id=row["reverses_id"],
        reversed_by_id=row["reversed_by_id"],
        reason=row["reason"],
        approved_by=row["approved_by"],
        approved_by_name=row["approved_by_name"],
        note=row["note"],
        created_by=row["created_by"],
        created_by_name=row["created_by_name"],
        created_at=row["created_at"],
        lines=lines,
    )


EVENT_COLUMNS = (
    "id",
    "loan_id",
    "version",
    "kind",
    "event_date",
    "receipt_no",
    "amount",
    "method",
    "pokok",
    "jasa",
    "denda",
    "titipan",
    "fee",
    "reverses_id",
    "reason",
    "approved_by",
    "note",
    "created_by",
    "created_at",
)


class LoanEventsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, event: NewEvent, user_id: int | None) -> int:
        """Store an event with its lines and denda charges (call inside a transaction)."""
        cursor = self.db.execute(
            "INSERT INTO loan_events (loan_id, version, kind, event_date, receipt_no, amount,"
            " method, pokok, jasa, denda, titipan, fee, reverses_id, reason, approved_by, note,"
            " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?)",
            (
                event.loan_id,
                event.version,
                event.kind.value,
                event.event_date.isoformat(),
                event.receipt_no,
                event.amount,
                event.method,
                event.pokok,
                event.jasa,
                event.denda,
                event.titipan,
                event.fee,
                event.reverses_id,
                event.reason,
                event.approved_by,
                event.note,
                user_id,
                now_text(),
            ),
        )
        event_id = cursor.lastrowid
        assert event_id is not None
        self.db.sql.conn.executemany(
            "INSERT INTO loan_event_lines (event_id, line_no, number, component, amount)"
            " VALUES (?, ?, ?, ?, ?)",
            [(event_id, i + 1, n, c, a) for i, (n, c, a) in enumerate(event.lines) if a],
        )
        self.db.sql.conn.executemany(
            "INSERT INTO loan_denda_charges (loan_id, version, number, charge_date, amount,"
            " event_id) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (event.loan_id, event.version, n, event.event_date.isoformat(), a, event_id)
                for n, a in event.charges
                if a > 0
            ],
        )
        return event_id

    def settled(self, loan_id: int, version: int, as_of: date) -> Settled:
        row = self.db.one(
            "SELECT coalesce(sum(pokok), 0), coalesce(sum(jasa), 0), coalesce(sum(denda), 0),"
            " coalesce(sum(titipan), 0) FROM loan_events"
            " WHERE loan_id = ? AND version = ? AND event_date <= ?",
            (loan_id, version, as_of.isoformat()),
        )
        assert row is not None
        return Settled(row[0], row[1], row[2], row[3])

    def titipan(self, loan_id: int, as_of: date | None = None) -> int:
        """Advance held (all schedule versions)."""
        params: tuple[Any, ...] = (loan_id, (as_of or date.max).isoformat())
        return int(
            self.db.scalar(
                "SELECT coalesce(sum(titipan), 0) FROM loan_events"
                " WHERE loan_id = ? AND event_date <= ?",
                params,
            )
        )

    def charges(
        self, loan_id: int, version: int, as_of: date
    ) -> dict[int, tuple[int, date | None]]:
        """Instalment number -> (denda crystallised on it up to `as_of`, date of the last
        crystallisation)."""
        rows = self.db.rows(
            "SELECT number, sum(amount), max(charge_date) FROM loan_denda_charges"
            " WHERE loan_id = ? AND version = ? AND charge_date <= ? GROUP BY number",
            (loan_id, version, as_of.isoformat()),
        )
        return {r[0]: (r[1], date.fromisoformat(r[2])) for r in rows}

    def last_payment_date(self, loan_id: int, as_of: date) -> date | None:
        """The latest receipt on or before `as_of` not reversed by then."""
        value = self.db.scalar(
            "SELECT max(e.event_date) FROM loan_events e WHERE e.loan_id = :loan"
            " AND e.kind = 'pembayaran' AND e.event_date <= :d AND NOT EXISTS"
            " (SELECT 1 FROM loan_events r WHERE r.reverses_id = e.id AND r.event_date <= :d)",
            {"loan": loan_id, "d": as_of.isoformat()},
        )
        return date.fromisoformat(value) if value else None

    def latest_event_date(self, loan_id: int) -> date | None:
        value = self.db.scalar(
            "SELECT max(event_date) FROM loan_events WHERE loan_id = ?", (loan_id,)
        )
        return date.fromisoformat(value) if value else None

    def get(self, event_id: int) -> Payment | None:
        row = self.db.one(_EVENT_SELECT + "WHERE e.id = ?", (event_id,))
        if row is None:
            return None
        return _event(row, self._lines([event_id], row["loan_id"]).get(event_id, ()))

    def for_loan(self, loan_id: int) -> list[Payment]:
        rows = self.db.rows(
            _EVENT_SELECT + "WHERE e.loan_id = ? ORDER BY e.event_date, e.id", (loan_id,)
        )
        lines = self._lines([r["id"] for r in rows], loan_id)
        return [_event(r, lines.get(r["id"], ())) for r in rows]

    def receipt_exists(self, receipt_no: str) -> bool:
        found = self.db.scalar("SELECT 1 FROM loan_events WHERE receipt_no = ?", (receipt_no,))
        return found is not None

    def _lines(self, event_ids: Sequence[int], loan_id: int) -> dict[int, tuple[PaymentLine, ...]]:
        if not event_ids:
            return {}
        rows = self.db.rows(
            "SELECT x.event_id, x.number, x.component, x.amount, s.due_date"
            " FROM loan_event_lines x JOIN loan_events e ON e.id = x.event_id"
            " LEFT JOIN loan_schedule_lines s ON s.loan_id = e.loan_id"
            "  AND s.version = e.version AND s.number = x.number"
            " WHERE e.loan_id = ? ORDER BY x.event_id, x.line_no",
            (loan_id,),
        )
        wanted = set(event_ids)
        result: dict[int, list[PaymentLine]] = {}
        for r in rows:
            if r["event_id"] in wanted:
                result.setdefault(r["event_id"], []).append(
                    PaymentLine(
                        number=r["number"],
                        due_date=date.fromisoformat(r["due_date"]) if r["due_date"] else None,
                        component=r["component"],
                        amount=r["amount"],
                    )
                )
        return {k: tuple(v) for k, v in result.items()}
