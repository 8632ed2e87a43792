"""Step 0016: bank reconciliation (issue 12 §3). A bank statement's closing balance as entered,
and which journal lines of a bank account the bank has cleared (each line at most once, against
the statement it appeared on). Both append-only: a wrong entry is corrected by a new one."""

from __future__ import annotations

import sqlite_utils

from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run


def m0016_bank_recon(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE bank_statements (
            id INTEGER PRIMARY KEY,
            account TEXT NOT NULL REFERENCES accounts(code),
            statement_date TEXT NOT NULL,
            balance INTEGER NOT NULL,
            entered_by INTEGER REFERENCES users(id),
            entered_at TEXT NOT NULL
        )""",
        "CREATE INDEX bank_statements_account ON bank_statements (account, statement_date)",
        """CREATE TABLE bank_clearings (
            id INTEGER PRIMARY KEY,
            line_id INTEGER NOT NULL UNIQUE REFERENCES journal_lines(id),
            statement_id INTEGER NOT NULL REFERENCES bank_statements(id),
            cleared_by INTEGER REFERENCES users(id),
            cleared_at TEXT NOT NULL
        )""",
        *_immutable("bank_statements"),
        *_immutable("bank_clearings"),
    )


NAME = "0016_bank_recon"
migrate = m0016_bank_recon
