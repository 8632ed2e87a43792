"""Storage for the loans import: the loan numbers already used, and the denda crystallised
at the cut-over (charges without an event: no payment carries them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

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
        db.sql.conn.executemany(INSERT_CHARGES, values)
