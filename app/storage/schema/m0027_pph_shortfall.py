"""Step 0027: PPh 4(2) kurang potong (LEDGER.md §4, app/savings/pph_withholding.py).

The PPh withheld from a piece of jasa is capped at what can be taken (the piece plus the
member's sukarela balance); what is still short at the month's end stays owed by the member.
`pph_kurang_potong`: one row per member and month with a shortfall, written with the month's
deposit (`pph_setoran`, which is the whole PPh terutang): the PPh terutang, the PPh withheld and
the shortfall, booked Dr Piutang lain-lain / Cr 2106. Append-only. The receivable's posting role
joins the chart's mapping."""

from __future__ import annotations

import sqlite_utils

from app.clock import now_text
from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run

EPOCH = "1900-01-01"


def m0027_pph_shortfall(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE pph_kurang_potong (
            id INTEGER PRIMARY KEY,
            deposit_id INTEGER NOT NULL REFERENCES pph_setoran(id),
            month TEXT NOT NULL,
            member_id INTEGER NOT NULL REFERENCES members(id),
            due INTEGER NOT NULL CHECK (due > 0),
            withheld INTEGER NOT NULL CHECK (withheld >= 0),
            amount INTEGER NOT NULL CHECK (amount > 0 AND amount = due - withheld),
            created_at TEXT NOT NULL,
            UNIQUE (month, member_id)
        ) STRICT""",
        *_immutable("pph_kurang_potong"),
    )
    db.execute(
        "INSERT INTO account_roles (role, account, valid_from, created_at)"
        " SELECT 'piutang_lain', code, ?, ? FROM accounts WHERE code = '1111'",
        (EPOCH, now_text()),
    )


NAME = "0027_pph_shortfall"
migrate = m0027_pph_shortfall
