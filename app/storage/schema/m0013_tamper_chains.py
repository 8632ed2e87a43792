"""Step 0013: tamper evidence (issue 9 §8; app/storage/chain.py explains the design).

Adds the chain tables, chains the existing rows of every append-only table in key order,
seals the current users and settings, and refuses `INSERT OR REPLACE` on every append-only
table (REPLACE deletes the old row without firing its DELETE trigger)."""

from __future__ import annotations

import secrets

import sqlite_utils

from app.storage import chain
from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run


def m0013_tamper_chains(db: sqlite_utils.Database) -> None:
    conn = db.conn
    _run(
        db,
        """CREATE TABLE chain_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            chain_id TEXT NOT NULL
        ) STRICT""",
        """CREATE TABLE chain_heads (
            tbl TEXT PRIMARY KEY,
            code INTEGER NOT NULL UNIQUE,
            count INTEGER NOT NULL CHECK (count >= 0),
            hash BLOB
        ) STRICT""",
        """CREATE TABLE chain_links (
            tbl INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            row_key ANY NOT NULL,
            hash BLOB NOT NULL,
            PRIMARY KEY (tbl, seq)
        ) STRICT, WITHOUT ROWID""",
        f"""CREATE TABLE {chain.SEAL_TABLE} (
            id INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL,
            row_key TEXT NOT NULL,
            hash BLOB
        ) STRICT""",
        f"CREATE INDEX row_seals_row ON {chain.SEAL_TABLE} (tbl, row_key, id)",
        *_immutable("chain_links"),
        *_immutable(chain.SEAL_TABLE),
        *_immutable("chain_identity"),
    )
    conn.execute("INSERT INTO chain_identity VALUES (1, ?)", (secrets.token_hex(16),))
    for table in chain.SEALED_TABLES:
        chain.seal_rows(conn, table)
    for table in chain.append_only_tables(conn):
        if table in ("chain_links", "chain_identity"):
            continue
        conn.execute(chain.no_replace_trigger(conn, table))
        chain.start_table(conn, table)
    conn.execute(chain.no_replace_trigger(conn, "chain_links"))
    # Later migrations in this same run already link the rows they add.
    chain.install(conn)


NAME = "0013_tamper_chains"
migrate = m0013_tamper_chains
