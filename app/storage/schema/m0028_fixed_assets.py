"""Step 0028: the fixed-asset register and its monthly depreciation (issue 13 §1, LEDGER.md §3.1
item 2; app/assets/).

`fixed_assets`: one row per asset (Gedung 1302, Kendaraan 1303, Inventaris 1304; Tanah is never
depreciated): cost, useful life in months, residual value; `origin` 'saldo_awal' (owned at the
cut-over, in the opening balances, no journal; `opening_accumulated` is the depreciation up to
`opening_month` that the opening balances hold) or 'pembelian' (a purchase, journal Dr 130x /
Cr the payment method's account). `asset_depreciation`: one row per asset and month (UNIQUE),
the sub-ledger of 1309 and the source of each depreciation journal. Both append-only (disposal
is not recorded yet). The expense and the contra account join the chart's role mapping."""

from __future__ import annotations

import sqlite_utils

from app.clock import now_text
from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run

EPOCH = "1900-01-01"


def m0028_fixed_assets(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE fixed_assets (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) > 0),
            account TEXT NOT NULL CHECK (account IN ('1302', '1303', '1304')),
            acquired_on TEXT NOT NULL,
            cost INTEGER NOT NULL CHECK (cost > 0),
            life_months INTEGER NOT NULL CHECK (life_months BETWEEN 1 AND 600),
            residual INTEGER NOT NULL CHECK (residual >= 0 AND residual <= cost),
            origin TEXT NOT NULL CHECK (origin IN ('saldo_awal', 'pembelian')),
            method TEXT,
            opening_month TEXT,
            opening_accumulated INTEGER NOT NULL DEFAULT 0 CHECK (opening_accumulated >= 0),
            note TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            CHECK ((origin = 'pembelian' AND method IS NOT NULL AND opening_month IS NULL
                    AND opening_accumulated = 0)
                OR (origin = 'saldo_awal' AND method IS NULL AND opening_month IS NOT NULL))
        ) STRICT""",
        *_immutable("fixed_assets"),
        """CREATE TABLE asset_depreciation (
            id INTEGER PRIMARY KEY,
            asset_id INTEGER NOT NULL REFERENCES fixed_assets(id),
            month TEXT NOT NULL,
            seq INTEGER NOT NULL CHECK (seq > 0),
            amount INTEGER NOT NULL CHECK (amount > 0),
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            UNIQUE (asset_id, month)
        ) STRICT""",
        "CREATE INDEX asset_depreciation_month ON asset_depreciation (month)",
        *_immutable("asset_depreciation"),
    )
    for role, code in (("beban_penyusutan", "5207"), ("akumulasi_penyusutan", "1309")):
        db.execute(
            "INSERT INTO account_roles (role, account, valid_from, created_at)"
            " SELECT ?, code, ?, ? FROM accounts WHERE code = ?",
            (role, EPOCH, now_text(), code),
        )


NAME = "0028_fixed_assets"
migrate = m0028_fixed_assets
