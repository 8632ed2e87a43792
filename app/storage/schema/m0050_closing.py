"""Step 0050: the lock date (issue 13 §1). Each month close appends a row that moves the lock
date to the month's end; a reopening appends a row that moves it back to the previous month's
end, with the reason and both people who agreed. Append-only: the history is the audit."""

from __future__ import annotations

import sqlite_utils

from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run


def m0050_closing(db: sqlite_utils.Database) -> None:
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
    )


NAME = "0050_closing"
migrate = m0050_closing
