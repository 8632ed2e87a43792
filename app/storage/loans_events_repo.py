"""Loan money events (append-only) with their allocation lines and denda charges (portable SQL:
runs on both engines)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.clock import now_text
from app.loans.models import EventKind, Payment, PaymentLine
from app.storage import sequences
from app.storage.engine import Engine, Row
from app.storage.loans_events_bulk_sql import CHARGE_COLUMNS, LINE_COLUMNS

# What the SQLite bulk writers (loans_bulk.py, imports_loans_repo.py) import from here.
from app.storage.loans_events_bulk_sql import EVENT_COLUMNS as EVENT_COLUMNS
from app.storage.loans_events_bulk_sql import INSERT_CHARGES as INSERT_CHARGES
from app.storage.loans_events_bulk_sql import INSERT_LINES as INSERT_LINES
from app.storage.loans_events_bulk_sql import charge_rows as charge_rows
from app.storage.loans_events_bulk_sql import event_line_rows as event_line_rows
from app.storage.loans_events_bulk_sql import insert_sql as insert_sql
from app.storage.multi_insert import insert_rows, named_insert

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


def _transfer(row: Row) -> int:
    """loan_events.transfer (schema step 0021; absent from an older file `mufakat check` reads)."""
    try:
        return int(row["transfer"] or 0)
    except (IndexError, KeyError):  # a row without the column (either engine)
        return 0


def _event(row: Row, lines: tuple[PaymentLine, ...]) -> Payment:
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


class LoanEventsRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def insert(self, event: NewEvent, user_id: int | None) -> int:
        """Store an event with its lines and denda charges (call inside a transaction)."""
        values: dict[str, Any] = {
            "loan_id": event.loan_id,
            "version": event.version,
            "kind": event.kind.value,
            "event_date": event.event_date.isoformat(),
            "receipt_no": event.receipt_no,
            "amount": event.amount,
            "method": event.method,
            "pokok": event.pokok,
            "jasa": event.jasa,
            "denda": event.denda,
            "titipan": event.titipan,
            "fee": event.fee,
            "reverses_id": event.reverses_id,
            "reason": event.reason,
            "approved_by": event.approved_by,
            "note": event.note,
            "created_by": user_id,
            "created_at": now_text(),
        }
        assert tuple(values) == EVENT_COLUMNS[1:]
        if event.transfer:  # a replacement loan's pencairan (column of schema step 0021)
            values["transfer"] = event.transfer
        event_id = self.db.insert_id(
            named_insert("loan_events", list(values)) + " RETURNING id", values
        )
        insert_rows(self.db, "loan_event_lines", LINE_COLUMNS,
                    event_line_rows(event_id, event.lines))  # fmt: skip
        charges = charge_rows(event.loan_id, event.version, event.event_date, event_id,
                              event.charges)  # fmt: skip
        insert_rows(self.db, "loan_denda_charges", CHARGE_COLUMNS, charges)
        return event_id

    def has_standing_waiver_of_pokok_or_jasa(self, loan_id: int) -> bool:
        """A keringanan of pokok or jasa on the loan that is not reversed."""
        found = self.db.scalar(
            "SELECT 1 FROM loan_events e WHERE e.loan_id = :loan AND e.kind = 'keringanan'"
            " AND (e.pokok > 0 OR e.jasa > 0)"
            " AND NOT EXISTS (SELECT 1 FROM loan_events r WHERE r.reverses_id = e.id)",
            {"loan": loan_id},
        )
        return found is not None

    def version_of(self, event_id: int) -> int:
        """The schedule version an event was written on."""
        return int(
            self.db.scalar("SELECT version FROM loan_events WHERE id = :id", {"id": event_id})
        )

    def next_receipt_seq(self, year: int) -> int:
        """The next number of the loan receipt sequence (0 for a sequence that never resets)."""
        return sequences.next_value(self.db, RECEIPT_SEQUENCE, year)

    def settled(self, loan_id: int, version: int, as_of: date) -> Settled:
        row = self.db.one(
            "SELECT coalesce(sum(pokok), 0) AS pokok, coalesce(sum(jasa), 0) AS jasa,"
            " coalesce(sum(denda), 0) AS denda, coalesce(sum(titipan), 0) AS titipan"
            " FROM loan_events WHERE loan_id = :loan AND version = :version"
            " AND event_date <= :d",
            {"loan": loan_id, "version": version, "d": as_of.isoformat()},
        )
        assert row is not None
        return Settled(int(row["pokok"]), int(row["jasa"]), int(row["denda"]),
                       int(row["titipan"]))  # fmt: skip

    def titipan(self, loan_id: int, as_of: date | None = None) -> int:
        """Advance held (all schedule versions)."""
        return int(
            self.db.scalar(
                "SELECT coalesce(sum(titipan), 0) FROM loan_events"
                " WHERE loan_id = :loan AND event_date <= :d",
                {"loan": loan_id, "d": (as_of or date.max).isoformat()},
            )
        )

    def charges(
        self, loan_id: int, version: int, as_of: date
    ) -> dict[int, tuple[int, date | None]]:
        """Instalment number -> (denda crystallised on it up to `as_of`, date of the last
        crystallisation)."""
        rows = self.db.rows(
            "SELECT number, sum(amount) AS amount, max(charge_date) AS last"
            " FROM loan_denda_charges WHERE loan_id = :loan AND version = :version"
            " AND charge_date <= :d GROUP BY number",
            {"loan": loan_id, "version": version, "d": as_of.isoformat()},
        )
        return {r["number"]: (int(r["amount"]), date.fromisoformat(r["last"])) for r in rows}

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
            "SELECT max(event_date) FROM loan_events WHERE loan_id = :loan", {"loan": loan_id}
        )
        return date.fromisoformat(value) if value else None

    def get(self, event_id: int) -> Payment | None:
        row = self.db.one(_EVENT_SELECT + "WHERE e.id = :id", {"id": event_id})
        if row is None:
            return None
        return _event(row, self._lines([event_id], row["loan_id"]).get(event_id, ()))

    def for_loan(self, loan_id: int) -> list[Payment]:
        rows = self.db.rows(
            _EVENT_SELECT + "WHERE e.loan_id = :loan ORDER BY e.event_date, e.id", {"loan": loan_id}
        )
        lines = self._lines([r["id"] for r in rows], loan_id)
        return [_event(r, lines.get(r["id"], ())) for r in rows]

    def receipt_exists(self, receipt_no: str) -> bool:
        found = self.db.scalar("SELECT 1 FROM loan_events WHERE receipt_no = :r", {"r": receipt_no})
        return found is not None

    def _lines(self, event_ids: Sequence[int], loan_id: int) -> dict[int, tuple[PaymentLine, ...]]:
        if not event_ids:
            return {}
        rows = self.db.rows(
            "SELECT x.event_id, x.number, x.component, x.amount, s.due_date"
            " FROM loan_event_lines x JOIN loan_events e ON e.id = x.event_id"
            " LEFT JOIN loan_schedule_lines s ON s.loan_id = e.loan_id"
            "  AND s.version = e.version AND s.number = x.number"
            " WHERE e.loan_id = :loan ORDER BY x.event_id, x.line_no",
            {"loan": loan_id},
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
