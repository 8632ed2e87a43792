"""The positional SQL of the SQLite bulk writers (loans_bulk.py, imports_loans_repo.py, bulk.py):
one-row INSERTs of `?` placeholders that `bulk.insert_many` runs many rows a statement.
SQLite-only, like the writers using it; the repository writes one event through
loans_events_repo.py in the portable forms (multi_insert.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

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

LINE_COLUMNS = ("event_id", "line_no", "number", "component", "amount")
"""The columns of loan_event_lines, in the order of event_line_rows."""

CHARGE_COLUMNS = ("loan_id", "version", "number", "charge_date", "amount", "event_id")
"""The columns of loan_denda_charges, in the order of charge_rows."""


def insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


INSERT_LINES = (
    "INSERT INTO loan_event_lines (event_id, line_no, number, component, amount)"
    " VALUES (?, ?, ?, ?, ?)"
)
INSERT_CHARGES = (
    "INSERT INTO loan_denda_charges (loan_id, version, number, charge_date, amount, event_id)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)


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
