"""Storage for the loans import: the loan numbers already used, and the denda crystallised
at the cut-over (charges without an event: no payment carries them)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date

from app.storage.bulk import insert_many
from app.storage.chain_batch import batched_links
from app.storage.db import Database
from app.storage.loans_events_repo import INSERT_CHARGES


def loan_numbers(db: Database) -> set[str]:
    """Every agreement and application number in use."""
    rows = db.sql.conn.execute(
        "SELECT number FROM loans WHERE number IS NOT NULL UNION SELECT application_no FROM loans"
    )
    return {str(r[0]) for r in rows}


def insert_opening_charges(
    db: Database, rows: Sequence[tuple[int, int, date, Sequence[tuple[int, int]]]]
) -> None:
    """(loan_id, version, date, [(instalment number, amount)]) → loan_denda_charges."""
    values = [
        (loan_id, version, number, on.isoformat(), amount, None)
        for loan_id, version, on, charges in rows
        for number, amount in charges
        if amount > 0
    ]
    with db.atomic(), batched_links(db, ("loan_denda_charges",)):
        insert_many(db.sql.conn, INSERT_CHARGES, values)


IMPORTED_LOANS = (
    "SELECT l.id, l.decision_note, coalesce(sum(CASE WHEN e.kind = 'pembayaran' THEN e.pokok END),"
    " 0), max(e.event_date) FROM loans l JOIN loan_events e ON e.loan_id = l.id"
    " WHERE e.method = 'saldo_awal' AND l.id IN"
    " (SELECT loan_id FROM loan_events WHERE kind = 'pencairan' AND method = 'saldo_awal')"
    " GROUP BY l.id"
)


def imported_loans(conn: sqlite3.Connection) -> list[tuple[int, str, int, date]]:
    """(loan id, decision note, pokok paid before the cut-over, latest opening-event date) of
    every loan the cut-over import brought in (its disbursement's method `saldo_awal`)."""
    return [
        (int(r[0]), str(r[1]), int(r[2]), date.fromisoformat(r[3]))
        for r in conn.execute(IMPORTED_LOANS).fetchall()
    ]
