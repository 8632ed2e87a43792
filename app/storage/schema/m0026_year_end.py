"""Step 0026: the year end after the jurnal penutup (issue 13 §3, §4).

The RAT's ratification of a closed book year (its date and the number of its decision), one per
year and append-only: after it, corrections of that year go into the open year with a note. The
program's own payment method `shu` mapped to 2109 Utang SHU bagian anggota, so a member's SHU
credited to sukarela is a savings deposit that posts Dr 2109 / Cr simpanan sukarela."""

from __future__ import annotations

import sqlite_utils

from app.clock import now_text
from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run

SHU_METHOD = ("shu", "2109")
EPOCH = "1900-01-01"


def m0026_year_end(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE shu_ratifications (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL UNIQUE,
            rat_date TEXT NOT NULL,
            decision_no TEXT NOT NULL CHECK (length(trim(decision_no)) > 0),
            note TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        *_immutable("shu_ratifications"),
    )
    method, account = SHU_METHOD
    db.execute(
        "INSERT INTO payment_method_accounts (method, account, valid_from, created_at)"
        " VALUES (?, ?, ?, ?)",
        (method, account, EPOCH, now_text()),
    )


NAME = "0026_year_end"
migrate = m0026_year_end
