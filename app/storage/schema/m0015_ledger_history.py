"""Books, second step (issue 12 §2): a transfer account for the money the program moves between
sub-ledgers itself (set-off of savings against a loan, a loan's titipan moved to savings), the
program's own payment methods mapped to it, and the marker of the history posting.

The history of an existing file (its savings transactions and loan events) is posted to the
journal on the first open after this step, by app/ledger/history.py: the posting rules live in
the application, and this step only records that the history is still to be posted."""

from __future__ import annotations

import sqlite_utils

from app.clock import now_text
from app.storage.schema._sql import run as _run

TRANSFER_ACCOUNT = ("1114", "Rekening antara pemindahbukuan", "aset", "D")
"""Nets to zero within each transaction: one record credits it, its partner debits it."""

SYSTEM_METHODS = ("kompensasi", "kompensasi_simpanan", "titipan_pinjaman", "simpanan_sukarela")
OPENING = ("saldo_awal", "3999")
"""Balances brought in at cut-over (app/imports) against Selisih saldo awal."""
EPOCH = "1900-01-01"


def m0015_ledger_history(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE ledger_history (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            posted_at TEXT NOT NULL,
            journals INTEGER NOT NULL
        ) STRICT""",
    )
    stamp = now_text()
    code, name, kind, normal = TRANSFER_ACCOUNT
    db.execute(
        "INSERT INTO accounts (code, name, type, normal, is_group, parent, created_at)"
        " VALUES (?, ?, ?, ?, 0, '11', ?)",
        (code, name, kind, normal, stamp),
    )
    for method, account in (*((m, code) for m in SYSTEM_METHODS), OPENING):
        db.execute(
            "INSERT INTO payment_method_accounts (method, account, valid_from, created_at)"
            " VALUES (?, ?, ?, ?)",
            (method, account, EPOCH, stamp),
        )


NAME = "0015_ledger_history"
migrate = m0015_ledger_history
