"""Step 0029: the tamper chain in blocks (issue 16: `chain_links` was the largest item of a demo
file, 55 bytes for every row of every append-only table; app/storage/chain.py explains the new
layout).

Each chained table's first-layout links are verified once more, in chain order, and its rows
are linked afresh into `chain_blocks` in the same order. Nothing is laundered: a row whose
old link fails (changed, deleted, out of sequence) and a head that does not match are written
to `chain_findings` (append-only, itself chained), which `mufakat check` reports for ever; a row
that had no link gets none now (it stays "ditambahkan di luar program"). Each table's old head
is kept (`legacy_count`, `legacy_hash`) so that a PC record written before this step can still
be compared. Then `chain_links` is dropped. Its pages become free pages that later writes reuse:
the file itself shrinks only after a VACUUM, which the program runs only at the end of the demo
build (`Database.compact`); neither this step nor a backup (SQLite's backup API copies the free
pages too) compacts an office file."""

from __future__ import annotations

import sqlite_utils

from app.clock import now_text
from app.storage import chain, chain_codec, chain_legacy
from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run

GROW_ONLY = f"""CREATE TRIGGER chain_blocks_grow_only BEFORE UPDATE ON chain_blocks
    WHEN NEW.tbl IS DISTINCT FROM OLD.tbl OR NEW.first IS DISTINCT FROM OLD.first
        OR length(OLD.digests) >= {chain_codec.SHORT * chain_codec.BLOCK_ROWS}
        OR length(NEW.digests) <= length(OLD.digests)
        OR substr(NEW.digests, 1, length(OLD.digests)) IS DISTINCT FROM OLD.digests
    BEGIN SELECT RAISE(ABORT, 'chain_blocks is append-only'); END"""


def m0029_chain_blocks(db: sqlite_utils.Database) -> None:
    conn = db.conn
    _run(
        db,
        """CREATE TABLE chain_blocks (
            tbl INTEGER NOT NULL,
            first INTEGER NOT NULL CHECK (first >= 1),
            hash BLOB NOT NULL,
            digests BLOB NOT NULL,
            keys ANY NOT NULL
        ) STRICT""",
        "CREATE UNIQUE INDEX chain_blocks_position ON chain_blocks (tbl, first)",
        chain.BLOCKS_NO_DELETE,
        GROW_ONLY,
        """CREATE TABLE chain_findings (
            id INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL,
            row_key ANY,
            problem TEXT NOT NULL
                CHECK (problem IN ('diubah', 'dihapus', 'urutan', 'kepala', 'ditambahkan')),
            found_at TEXT NOT NULL
        ) STRICT""",
        *_immutable("chain_findings"),
        "ALTER TABLE chain_heads ADD COLUMN legacy_count INTEGER",
        "ALTER TABLE chain_heads ADD COLUMN legacy_hash BLOB",
    )
    conn.execute(chain.no_replace_trigger(conn, "chain_blocks"))
    found_at = now_text()[:10]
    for table in chain.chained_tables(conn):
        if chain.columns(conn, table):
            _convert(db, table, found_at)
    conn.execute("DROP TABLE chain_links")
    chain.install(conn)  # this connection's triggers now write blocks


def _convert(db: sqlite_utils.Database, table: str, found_at: str) -> None:
    conn = db.conn
    count, head = conn.execute(
        "SELECT count, hash FROM chain_heads WHERE tbl = ?", (table,)
    ).fetchone()
    blocks = chain_codec.Blocks(conn, table, fresh=True)
    digest = chain_codec.Hasher(table, chain.sorted_columns(conn, table)).digest
    findings: list[tuple[str, object, str, str]] = []
    for verdict, key, row in chain_legacy.walk(conn, table):
        if row is not None and verdict in ("", "diubah", "urutan"):
            blocks.add(key, digest(key, row))
        if verdict in ("diubah", "dihapus", "urutan", "kepala"):
            findings.append((table, key, verdict, found_at))
    blocks.finish()
    conn.execute(
        "UPDATE chain_heads SET legacy_count = ?, legacy_hash = ? WHERE tbl = ?",
        (count, head, table),
    )
    conn.executemany(
        "INSERT INTO chain_findings (tbl, row_key, problem, found_at) VALUES (?, ?, ?, ?)",
        findings,
    )


NAME = "0029_chain_blocks"
migrate = m0029_chain_blocks
