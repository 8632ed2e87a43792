"""The tamper chain's first layout (steps 0013–0028): one `chain_links` row per chained row
(tbl, seq, row_key, sha256 of the previous link's hash and the row's JSON text, `chain.digest`).

Kept for files that have not reached step 0029 yet: the steps before it (and the TEMP triggers
installed while they run) still write this layout, `mufakat check` on such a file verifies it,
and step 0029 verifies it once more before converting it to blocks (app/storage/chain.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from app.storage import chain


def in_use(conn: sqlite3.Connection) -> bool:
    return bool(
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chain_links'"
        ).fetchone()
    )


def start_table(conn: sqlite3.Connection, table: str, code: int) -> None:
    names = chain.columns(conn, table)
    key = chain.key_expression(conn, table)
    rows = conn.execute(
        f"SELECT {key}, {', '.join(f'{chr(34)}{n}{chr(34)}' for n in names)} "
        f'FROM "{table}" ORDER BY {key}'
    )
    prev: bytes | None = None
    count = 0
    batch: list[tuple[int, int, Any, bytes]] = []
    for row in rows:
        count += 1
        prev = chain.digest(prev, table, row[0], zip(names, row[1:], strict=True))
        batch.append((code, count, row[0], prev))
        if len(batch) >= 5000:
            conn.executemany("INSERT INTO chain_links VALUES (?, ?, ?, ?)", batch)
            batch.clear()
    conn.executemany("INSERT INTO chain_links VALUES (?, ?, ?, ?)", batch)
    conn.execute("UPDATE chain_heads SET count = ?, hash = ? WHERE tbl = ?", (count, prev, table))


def drop_links(conn: sqlite3.Connection, code: int) -> None:
    conn.execute("DROP TRIGGER chain_links_no_delete")
    conn.execute("DELETE FROM chain_links WHERE tbl = ?", (code,))
    conn.execute(
        "CREATE TRIGGER chain_links_no_delete BEFORE DELETE ON chain_links "
        "BEGIN SELECT RAISE(ABORT, 'chain_links is append-only'); END"
    )


def link_trigger(conn: sqlite3.Connection, table: str) -> str:
    names = chain.columns(conn, table)
    key = chain.key_expression(conn, table, "NEW.")
    pairs = ", ".join(f"'{name}', NEW.\"{name}\"" for name in names)
    return (
        f'CREATE TEMP TRIGGER "chain_link_{table}" AFTER INSERT ON main."{table}" BEGIN '
        "INSERT INTO chain_links (tbl, seq, row_key, hash) "
        f"SELECT h.code, h.count + 1, {key}, "
        f"{chain.HASH_FUNCTION}(h.hash, '{table}', {key}, {pairs}) "
        f"FROM chain_heads h WHERE h.tbl = '{table}'; "
        "UPDATE chain_heads SET count = count + 1, hash = (SELECT l.hash FROM chain_links l "
        "WHERE l.tbl = chain_heads.code AND l.seq = chain_heads.count + 1) "
        f"WHERE tbl = '{table}'; END"
    )


def walk(conn: sqlite3.Connection, table: str) -> Iterator[tuple[str, Any, tuple[Any, ...] | None]]:
    """Each link of `table` in chain order as (verdict, key, row): verdict '' (the row matches
    its link), 'urutan' (a gap in the sequence), 'dihapus' (row gone), 'diubah' (row changed);
    then ('kepala', None, None) when the head does not match the links; then ('ditambahkan',
    key, None) for each row without a link. `row` holds the values in sorted-column order."""
    from app.storage.chain_walk import Table

    spec = Table.of(conn, table)
    head_count, head_hash = conn.execute(
        "SELECT count, hash FROM chain_heads WHERE tbl = ?", (table,)
    ).fetchone()
    prev: bytes | None = None
    seq = gone = 0
    links = conn.execute(
        "SELECT seq, row_key, hash FROM chain_links WHERE tbl = ? ORDER BY seq", (spec.code,)
    )
    while chunk := links.fetchmany(512):
        rows = spec.rows(conn, [link[1] for link in chunk])
        for seq_no, row_key, stored in chunk:
            seq += 1
            row = rows.get(row_key)
            if seq_no != seq:
                yield "urutan", row_key, row
            elif row is None:
                gone += 1
                yield "dihapus", row_key, None
            elif chain.digest(prev, table, row_key, zip(spec.names, row, strict=True)) != stored:
                yield "diubah", row_key, row
            else:
                yield "", row_key, row
            prev = stored
    if head_count != seq or (head_hash or None) != prev:
        yield "kepala", None, None
    total = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    if total > seq - gone:
        linked = {
            r[0]
            for r in conn.execute("SELECT row_key FROM chain_links WHERE tbl = ?", (spec.code,))
        }
        for (row_key,) in conn.execute(f'SELECT {spec.key} FROM "{table}" ORDER BY {spec.key}'):
            if row_key not in linked:
                yield "ditambahkan", row_key, None


def hash_at(conn: sqlite3.Connection, table: str, count: int) -> tuple[int, bytes | None] | None:
    """(the head's count, the link hash at `count`) of `table`, None when it is not chained."""
    row = conn.execute(
        "SELECT h.count, l.hash FROM chain_heads h LEFT JOIN chain_links l "
        "ON l.tbl = h.code AND l.seq = ? WHERE h.tbl = ?",
        (count, table),
    ).fetchone()
    return None if row is None else (int(row[0]), row[1])
