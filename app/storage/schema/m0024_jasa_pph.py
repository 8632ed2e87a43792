"""Step 0024: jasa simpanan and its PPh Pasal 4(2) (issue 13 §2, LEDGER.md §2.2 and §4).

`pph_potongan`: one row per jasa credited (sukarela at month end, berjangka monthly or at
maturity): the member, the savings account it belongs to (the taxpayer unit when the setting
counts per account), the month, the source record, the gross jasa and the PPh withheld with it
(more than that piece's gross when it is the piece that takes the month past Rp240.000).
`pph_setoran`: the month's PPh deposited to the state (by the 15th of the next month), one per
month. `jasa_sukarela_runs` / `jasa_sukarela`: the month-end credit of jasa on simpanan
sukarela, once per month and once per member in it (the unique keys); its savings transaction
carries the net (none when the net is zero). All append-only. The
posting roles of the jasa expense and of the PPh payable join the chart's mapping."""

from __future__ import annotations

import sqlite_utils

from app.clock import now_text
from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run

EPOCH = "1900-01-01"
ROLES: tuple[tuple[str, str], ...] = (
    ("beban_jasa_sukarela", "5101"),
    ("beban_jasa_berjangka", "5102"),
    ("utang_pph42", "2106"),
)
MONTH = "month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'"


def m0024_jasa_pph(db: sqlite_utils.Database) -> None:
    _run(
        db,
        f"""CREATE TABLE pph_potongan (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            unit TEXT NOT NULL CHECK (length(trim(unit)) > 0),
            month TEXT NOT NULL CHECK ({MONTH}),
            per_account INTEGER NOT NULL CHECK (per_account IN (0, 1)),
            source TEXT NOT NULL CHECK (length(trim(source)) > 0),
            source_id INTEGER NOT NULL,
            gross INTEGER NOT NULL CHECK (gross >= 0),
            tax INTEGER NOT NULL CHECK (tax >= 0),
            created_at TEXT NOT NULL,
            UNIQUE (source, source_id)
        ) STRICT""",
        "CREATE INDEX pph_potongan_month ON pph_potongan (month, member_id, unit)",
        *_immutable("pph_potongan"),
        f"""CREATE TABLE pph_setoran (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL UNIQUE CHECK ({MONTH}),
            amount INTEGER NOT NULL CHECK (amount >= 0),
            paid_on TEXT NOT NULL,
            method TEXT NOT NULL,
            reference TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        *_immutable("pph_setoran"),
        f"""CREATE TABLE jasa_sukarela_runs (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL UNIQUE CHECK ({MONTH}),
            credited_on TEXT NOT NULL,
            rate TEXT NOT NULL,
            basis TEXT NOT NULL CHECK (basis IN ('terendah', 'rata_harian')),
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        *_immutable("jasa_sukarela_runs"),
        """CREATE TABLE jasa_sukarela (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES jasa_sukarela_runs(id),
            month TEXT NOT NULL,
            member_id INTEGER NOT NULL REFERENCES members(id),
            basis_balance INTEGER NOT NULL CHECK (basis_balance >= 0),
            gross INTEGER NOT NULL CHECK (gross > 0),
            tax INTEGER NOT NULL CHECK (tax >= 0),
            savings_tx_id INTEGER UNIQUE REFERENCES savings_transactions(id),
            UNIQUE (month, member_id)
        ) STRICT""",
        *_immutable("jasa_sukarela"),
    )
    stamp = now_text()
    for role, account in ROLES:
        db.execute(
            "INSERT INTO account_roles (role, account, valid_from, created_at)"
            " SELECT ?, code, ?, ? FROM accounts WHERE code = ?",
            (role, EPOCH, stamp, account),
        )


NAME = "0024_jasa_pph"
migrate = m0024_jasa_pph
