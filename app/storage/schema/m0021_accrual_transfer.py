"""Step 0021: the monthly accrual of jasa on Lancar loans (LEDGER.md §2.1, akrual Lancar).

One row per loan per month (UNIQUE): the class of the loan in the month-end snapshot, the jasa
due and unpaid at the month's end, what was accrued before, and the amount posted (positive: an
accrual; negative: taken back, when the loan fell to KL/D/M or when less is due than accrued).
The row is the sub-ledger of 1109 and the source of its journal. Append-only.

A replacement loan's pay-out that pays off the loan it replaces: the pencairan event keeps that
part (`loan_events.transfer`, nullable so the tamper-chain hashes of existing rows stay valid)
and it moves through the transfer account 1114 (method 'pinjaman_baru' of the old loan's payoff),
never through Kas or Bank."""

from __future__ import annotations

import sqlite_utils

from app.clock import now_text
from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run


def m0021_accrual_transfer(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE loan_jasa_accruals (
            id INTEGER PRIMARY KEY,
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            month TEXT NOT NULL,
            as_of TEXT NOT NULL,
            run_id INTEGER REFERENCES loan_quality_runs(id),
            quality TEXT NOT NULL,
            due_unpaid INTEGER NOT NULL CHECK (due_unpaid >= 0),
            accrued_before INTEGER NOT NULL,
            amount INTEGER NOT NULL CHECK (amount <> 0),
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            UNIQUE (loan_id, month)
        ) STRICT""",
        "CREATE INDEX loan_jasa_accruals_month ON loan_jasa_accruals (month)",
        *_immutable("loan_jasa_accruals"),
        "ALTER TABLE loan_events ADD COLUMN transfer INTEGER CHECK (transfer > 0)",
    )
    db.execute(
        "INSERT INTO payment_method_accounts (method, account, valid_from, created_at)"
        " VALUES ('pinjaman_baru', '1114', '1900-01-01', ?)",
        (now_text(),),
    )


NAME = "0021_accrual_transfer"
migrate = m0021_accrual_transfer
