"""Step 0018: payroll deduction (potong gaji, issue 14 §2). A member's employer (instansi),
employee number and the simpanan sukarela agreed to be deducted monthly; one append-only
row per posted payroll batch, its items (each the loan payment or savings deposit it
became, or a difference kept for follow-up) and the reversal of a whole batch. The
append-only tables join the tamper chains (chain.adopt_new_tables)."""

from __future__ import annotations

import sqlite_utils

from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run


def m0018_payroll(db: sqlite_utils.Database) -> None:
    _run(
        db,
        "ALTER TABLE members ADD COLUMN employer TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE members ADD COLUMN employee_no TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE members ADD COLUMN payroll_sukarela INTEGER NOT NULL DEFAULT 0"
        " CHECK (payroll_sukarela >= 0)",
        "CREATE INDEX members_employer ON members (employer) WHERE employer <> ''",
        """CREATE TABLE payroll_batches (
            id INTEGER PRIMARY KEY,
            employer TEXT NOT NULL CHECK (length(trim(employer)) > 0),
            month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
            pay_date TEXT NOT NULL,
            file_name TEXT NOT NULL,
            file_hash TEXT NOT NULL UNIQUE CHECK (length(file_hash) = 64),
            total INTEGER NOT NULL CHECK (total >= 0),
            created_at TEXT NOT NULL,
            created_by INTEGER REFERENCES users(id)
        ) STRICT""",
        *_immutable("payroll_batches"),
        """CREATE TABLE payroll_items (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES payroll_batches(id),
            row_no INTEGER NOT NULL,
            member_id INTEGER REFERENCES members(id),
            member_number TEXT NOT NULL DEFAULT '',
            employee_no TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL DEFAULT '',
            item TEXT NOT NULL,
            billed INTEGER NOT NULL DEFAULT 0,
            deducted INTEGER NOT NULL DEFAULT 0,
            loan_event_id INTEGER REFERENCES loan_events(id),
            savings_tx_id INTEGER REFERENCES savings_transactions(id),
            receipt_no TEXT NOT NULL DEFAULT '',
            difference TEXT NOT NULL DEFAULT ''
        ) STRICT""",
        "CREATE INDEX payroll_items_batch ON payroll_items (batch_id)",
        *_immutable("payroll_items"),
        """CREATE TABLE payroll_reversals (
            batch_id INTEGER PRIMARY KEY REFERENCES payroll_batches(id),
            reason TEXT NOT NULL CHECK (length(trim(reason)) >= 5),
            created_at TEXT NOT NULL,
            created_by INTEGER REFERENCES users(id)
        ) STRICT""",
        *_immutable("payroll_reversals"),
    )


NAME = "0018_payroll"
migrate = m0018_payroll
