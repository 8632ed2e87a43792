"""Step 0025: simpanan berjangka (term deposits, issue 13 §2).

One row of `berjangka_deposits` is one placement (a period): an account number with its period
(1 when opened, +1 at each roll-over, ARO), the principal, the term in months, the rate per year
(Decimal text) in force when it started, how its jasa is paid and whether it rolls over. Its
events (monthly jasa, payout at maturity, roll-over, early withdrawal) are rows of
`berjangka_events`: at most one jasa per deposit and month, at most one closing event per
deposit (one unique key on the deposit and its `slot`: the month, or 'tutup'; a full index,
because the tamper chain's guard against REPLACE reads a unique index without its WHERE).
Both tables are append-only. The program's own moves between berjangka and sukarela go through
the transfer account 1114 like the other moves between sub-ledgers (m0015)."""

from __future__ import annotations

import sqlite_utils

from app.clock import now_text
from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run

TRANSFER_ACCOUNT = "1114"
SYSTEM_METHODS = ("berjangka", "jasa_berjangka", "sukarela", "perpanjangan")
"""berjangka ↔ sukarela (principal, net jasa) and a roll-over, through the transfer account."""
ROLES = (("pendapatan_adm_simpanan", "4104"),)
"""The jasa expense (5102) and the PPh payable (2106) roles come from m0024_jasa_pph."""
EPOCH = "1900-01-01"


def m0025_berjangka(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE berjangka_deposits (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL CHECK (length(trim(number)) > 0),
            period INTEGER NOT NULL CHECK (period >= 1),
            member_id INTEGER NOT NULL REFERENCES members(id),
            start_on TEXT NOT NULL,
            maturity_on TEXT NOT NULL CHECK (maturity_on > start_on),
            principal INTEGER NOT NULL CHECK (principal > 0),
            term_months INTEGER NOT NULL CHECK (term_months IN (1, 3, 6, 12)),
            rate TEXT NOT NULL,
            jasa_mode TEXT NOT NULL CHECK (jasa_mode IN ('bulanan', 'jatuh_tempo')),
            aro INTEGER NOT NULL CHECK (aro IN (0, 1)),
            aro_jasa INTEGER NOT NULL DEFAULT 0 CHECK (aro_jasa IN (0, 1)),
            method TEXT NOT NULL CHECK (length(trim(method)) > 0),
            previous_id INTEGER UNIQUE REFERENCES berjangka_deposits(id),
            savings_tx_id INTEGER REFERENCES savings_transactions(id),
            note TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            UNIQUE (number, period)
        ) STRICT""",
        "CREATE INDEX berjangka_deposits_member ON berjangka_deposits (member_id)",
        *_immutable("berjangka_deposits"),
        """CREATE TABLE berjangka_events (
            id INTEGER PRIMARY KEY,
            deposit_id INTEGER NOT NULL REFERENCES berjangka_deposits(id),
            kind TEXT NOT NULL CHECK (kind IN ('jasa', 'cair', 'perpanjang', 'cair_awal')),
            event_date TEXT NOT NULL,
            month TEXT,
            slot TEXT NOT NULL,
            principal INTEGER NOT NULL DEFAULT 0 CHECK (principal >= 0),
            jasa INTEGER NOT NULL DEFAULT 0 CHECK (jasa >= 0),
            tax INTEGER NOT NULL DEFAULT 0 CHECK (tax >= 0),
            penalty INTEGER NOT NULL DEFAULT 0 CHECK (penalty >= 0 AND penalty <= principal),
            method TEXT NOT NULL,
            jasa_method TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            authorised_by INTEGER REFERENCES users(id),
            savings_tx_id INTEGER REFERENCES savings_transactions(id),
            jasa_tx_id INTEGER REFERENCES savings_transactions(id),
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            CHECK ((kind = 'jasa') = (month IS NOT NULL)),
            CHECK (slot = CASE kind WHEN 'jasa' THEN month ELSE 'tutup' END),
            UNIQUE (deposit_id, slot)
        ) STRICT""",
        *_immutable("berjangka_events"),
    )
    stamp = now_text()
    for method in SYSTEM_METHODS:
        db.execute(
            "INSERT INTO payment_method_accounts (method, account, valid_from, created_at)"
            " VALUES (?, ?, ?, ?)",
            (method, TRANSFER_ACCOUNT, EPOCH, stamp),
        )
    for role, account in ROLES:
        db.execute(
            "INSERT INTO account_roles (role, product_id, account, valid_from, created_at)"
            " VALUES (?, NULL, ?, ?, ?)",
            (role, account, EPOCH, stamp),
        )


NAME = "0025_berjangka"
migrate = m0025_berjangka
