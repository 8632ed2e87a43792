"""Step 0033: the tamper chain's second row encoding (issues 12, 14, 16: hashing the chain was a
third of the CPU of posting a file's history and of a big import; app/storage/chain_text.py
explains the encoding).

`chain_heads.v2_from` is the chain position of each table's first row in encoding 2: every
chain in the file gets its count + 1, so the rows already linked keep encoding 1 (and verify
with it: nothing is re-hashed, nothing vouched for anew) and every row linked from now on —
by the per-row triggers this step reinstalls or by a bulk writer — uses encoding 2, including
the rest of a table's open block. A chain started later has 1 (`chain.start_table`). The
position is fixed once set (a guard trigger); a migration that re-chains a table starts its
head afresh (`chain.rechain`)."""

from __future__ import annotations

import sqlite_utils

from app.storage import chain, chain_text
from app.storage.schema._sql import run as _run

COLUMN = chain_text.FROM_COLUMN
FIXED = f"""CREATE TRIGGER chain_heads_v2_fixed BEFORE UPDATE OF {COLUMN} ON chain_heads
    WHEN OLD.{COLUMN} IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'chain_heads.{COLUMN} is fixed'); END"""


def m0033_chain_text(db: sqlite_utils.Database) -> None:
    _run(
        db,
        f"ALTER TABLE chain_heads ADD COLUMN {COLUMN} INTEGER CHECK ({COLUMN} >= 1)",
        f"UPDATE chain_heads SET {COLUMN} = count + 1",
        FIXED,
    )
    chain.install(db.conn)  # this connection's triggers now link in encoding 2


NAME = "0033_chain_text"
migrate = m0033_chain_text
