"""Step 0020: the lock date (issue 13 §1) and the SHU allocated at the RAT (§4).

Each month close appends a row that moves the lock date to the month's end; a reopening appends
a row that moves it back to the previous month's end, with the reason and both people who
agreed. The RAT's SHU allocation (one per book year), each member's share and its payout. All
append-only: the history is the audit."""

from __future__ import annotations

import sqlite_utils

from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run


def m0020_closing(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE period_locks (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('tutup', 'buka')),
            month TEXT NOT NULL,
            lock_date TEXT,
            reason TEXT NOT NULL DEFAULT '',
            user_id INTEGER REFERENCES users(id),
            second_user_id INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            CHECK (action = 'tutup' OR (length(reason) > 0 AND second_user_id IS NOT NULL))
        ) STRICT""",
        *_immutable("period_locks"),
        """CREATE TABLE shu_allocations (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL UNIQUE,
            rat_date TEXT NOT NULL,
            decision_no TEXT NOT NULL CHECK (length(trim(decision_no)) > 0),
            shu INTEGER NOT NULL,
            pools TEXT NOT NULL,
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        """CREATE TABLE shu_shares (
            id INTEGER PRIMARY KEY,
            allocation_id INTEGER NOT NULL REFERENCES shu_allocations(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            jma INTEGER NOT NULL CHECK (jma >= 0),
            jua INTEGER NOT NULL CHECK (jua >= 0),
            UNIQUE (allocation_id, member_id)
        ) STRICT""",
        """CREATE TABLE shu_payouts (
            id INTEGER PRIMARY KEY,
            share_id INTEGER NOT NULL UNIQUE REFERENCES shu_shares(id),
            paid_on TEXT NOT NULL,
            method TEXT NOT NULL,
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        *_immutable("shu_allocations"),
        *_immutable("shu_shares"),
        *_immutable("shu_payouts"),
    )


NAME = "0020_closing"
migrate = m0020_closing
