"""Loan money events (append-only) with their allocation lines and denda charges."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.clock import now_text
from app.loans.models import EventKind, Payment, PaymentLine
from app.storage import sequences
from app.storage.db import Database

RECEIPT_SEQUENCE = "loan_receipt"


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
    transfer: int | None = None  # pencairan: the part that paid off the loan it replaces


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


def _transfer(row: sqlite3.Row) -> int:
    """loan_events.transfer (schema step 0021; absent from an older file `mufakat check` reads)."""
    try:
        return int(row["transfer"] or 0)
    except IndexError:
        return 0


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
        transfer=_transfer(row),
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
"""The columns of loan_events, in the one order every writer uses."""

INSERT_LINES = (
    "INSERT INTO loan_event_lines (event_id, line_no, number, component, amount)"
    " VALUES (?, ?, ?, ?, ?)"
)
INSERT_CHARGES = (
    "INSERT INTO loan_denda_charges (loan_id, version, number, charge_date, amount, event_id)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)


def insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def event_line_rows(
    event_id: int, lines: Sequence[tuple[int | None, str, int]]
) -> list[tuple[Any, ...]]:
    """Rows for INSERT_LINES (lines of zero are not stored)."""
    return [(event_id, i + 1, n, c, a) for i, (n, c, a) in enumerate(lines) if a]


def charge_rows(
    loan_id: int, version: int, on: date, event_id: int, charges: Sequence[tuple[int, int]]
) -> list[tuple[Any, ...]]:
    """Rows for INSERT_CHARGES (charges of zero are not stored)."""
    return [(loan_id, version, n, on.isoformat(), a, event_id) for n, a in charges if a > 0]


class LoanEventsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, event: NewEvent, user_id: int | None) -> int:
        """Store an event with its lines and denda charges (call inside a transaction)."""
        values: tuple[Any, ...] = (
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
        )
        columns: tuple[str, ...] = EVENT_COLUMNS[1:]
        if event.transfer:  # a replacement loan's pencairan (column of schema step 0021)
            columns, values = (*columns, "transfer"), (*values, event.transfer)
        cursor = self.db.execute(insert_sql("loan_events", columns), values)
        event_id = cursor.lastrowid
        assert event_id is not None
        self.db.sql.conn.executemany(INSERT_LINES, event_line_rows(event_id, event.lines))
        self.db.sql.conn.executemany(
            INSERT_CHARGES,
            charge_rows(event.loan_id, event.version, event.event_date, event_id, event.charges),
        )
        return event_id

    def has_standing_waiver_of_pokok_or_jasa(self, loan_id: int) -> bool:
        """A keringanan of pokok or jasa on the loan that is not reversed."""
        found = self.db.scalar(
            "SELECT 1 FROM loan_events e WHERE e.loan_id = ? AND e.kind = 'keringanan'"
            " AND (e.pokok > 0 OR e.jasa > 0)"
            " AND NOT EXISTS (SELECT 1 FROM loan_events r WHERE r.reverses_id = e.id)",
            (loan_id,),
        )
        return found is not None

    def version_of(self, event_id: int) -> int:
        """The schedule version an event was written on."""
        return int(self.db.scalar("SELECT version FROM loan_events WHERE id = ?", (event_id,)))

    def next_receipt_seq(self, year: int) -> int:
        """The next number of the loan receipt sequence (0 for a sequence that never resets)."""
        return sequences.next_value(self.db, RECEIPT_SEQUENCE, year)

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
