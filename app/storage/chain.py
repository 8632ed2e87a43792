"""Tamper evidence: hash chains over the append-only tables, seals over users and settings.

Every row added to an append-only table (savings, loan events, audit log, …) is linked into its
table's chain: the chain hash after a row is sha256(the hash before it ‖ the row's digest), the
digest = sha256 of a text of the table, the row's key and its columns. Two encodings of that
text: the first (app/storage/chain_codec.py, built in Python from the non-NULL values) for the
rows linked before step 0033, the second (app/storage/chain_text.py, built by SQLite as a
JSON array, several times cheaper) from each table's `chain_heads.v2_from` on.
The links are stored in BLOCKS of BLOCK_ROWS consecutive rows of one table (`chain_blocks`, step
0029): the chain hash after the block's last row, the first 3 bytes of each row's digest and
the rows' keys (packed once the block is full). The full 256-bit chain hash proves integrity;
the short digests only NAME the row that changed (a changed row keeps its 3 bytes by chance
once in 16.7 million: then the block's rows are named as a range, the change still found); the
keys name a deleted row; a row in no block was added by another tool. About 4 bytes a row in
the file, where the first layout (`chain_links`, one row per row; chain_legacy.py) took 47.

The head of each chain (count, hash) is kept in `chain_heads` and, at each close, in a small
file per cooperative on this PC, so a file rolled back or replaced wholesale shows (the hash at
a count inside a block is recomputed from the block before: chain_walk.hash_at). Every change
to `users` and `settings` appends the row's hash to `row_seals` (itself chained).

The links are written by TEMP triggers that the program installs on its own connection
(`install`, chain_triggers.py), calling the Python link function: every insert path of the
program is covered by SQL in the same statement, whatever commits the transaction (there is no
buffer to flush, so nothing can be committed unlinked, and a rollback takes the links with it),
while a row written by another tool (the sqlite3 shell) gets no link, and an edited or deleted
row no longer matches. The block being filled is grown in place (a guard trigger allows nothing
else); bulk writers fill whole blocks at once (chain_batch.py), giving the very same blocks.
`mufakat check` recomputes everything (chain_verify.py). The file must be UTF-8 (every Mufakat
file is): the triggers append to a BLOB with SQLite's text concatenation, byte-exact only in
UTF-8.

Both encodings leave out NULLs a nullable column added later holds (the first all NULLs, the
second the trailing ones), so such a migration keeps every existing hash valid; a migration
that adds a column with a non-NULL default to a chained table, or reorders its columns, must
re-chain that table (`rechain`), and one that rebuilds `users` or `settings` must seal their
rows again (`seal_rows`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from app.storage import chain_codec, chain_text, chain_triggers

HASH_FUNCTION = "mufakat_chain_hash"  # the seals' digest (and the first layout's)
SEALED_TABLES = ("users", "settings")
SEAL_KEYS = {"users": "id", "settings": "key"}  # how a sealed row is named
SEAL_TABLE = "row_seals"
PC_FOLDER = "rantai"


# --- the hash -----------------------------------------------------------------------------


def _canonical(value: Any) -> Any:
    if isinstance(value, bytes):
        return "b:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, float):
        return "f:" + repr(value)
    return value


def digest(prev: bytes | None, table: str, key: Any, pairs: Iterable[tuple[str, Any]]) -> bytes:
    """sha256 of the previous hash, the table, the row key and the non-NULL column values."""
    content = {name: _canonical(value) for name, value in pairs if value is not None}
    text = json.dumps(
        [prev.hex() if prev else "", table, _canonical(key), content],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode("utf-8")).digest()


def _sql_digest(prev: bytes | None, table: str, key: Any, *flat: Any) -> bytes:
    return digest(prev, table, key, zip(flat[0::2], flat[1::2], strict=True))


# --- table shapes -------------------------------------------------------------------------


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _without_rowid(conn: sqlite3.Connection, table: str) -> bool:
    sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    return bool(sql) and "WITHOUT ROWID" in str(sql[0]).upper().replace("\n", " ")


def primary_key(conn: sqlite3.Connection, table: str) -> list[str]:
    pk = sorted((row[5], row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")'))
    return [name for rank, name in pk if rank]


def key_expression(conn: sqlite3.Connection, table: str, prefix: str = "") -> str:
    """SQL for a row's key: its rowid, or a JSON array of its primary-key values."""
    if not _without_rowid(conn, table):
        return f"{prefix}rowid"
    return "json_array(" + ", ".join(f'{prefix}"{n}"' for n in primary_key(conn, table)) + ")"


def key_match(conn: sqlite3.Connection, table: str) -> tuple[str, bool]:
    """A WHERE clause finding one row by its key (parameters: the key, or its JSON values)."""
    if not _without_rowid(conn, table):
        return "rowid = ?", False
    return " AND ".join(f'"{n}" = ?' for n in primary_key(conn, table)), True


def _pairs_sql(names: Sequence[str], prefix: str) -> str:
    return ", ".join(f"'{name}', {prefix}\"{name}\"" for name in names)


def append_only_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables made append-only by the migrations (both a _no_update and a _no_delete trigger)."""
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return [t for t in tables if f"{t}_no_update" in triggers and f"{t}_no_delete" in triggers]


def chained_tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT tbl FROM chain_heads ORDER BY code")]


def has_chains(conn: sqlite3.Connection) -> bool:
    return bool(
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chain_heads'"
        ).fetchone()
    )


# --- guards in the file ---------------------------------------------------------------------


def no_replace_trigger(conn: sqlite3.Connection, table: str) -> str:
    """A BEFORE INSERT trigger refusing a row whose key or unique columns already exist:
    `INSERT OR REPLACE` would otherwise delete the old row without firing the DELETE trigger."""
    conditions = [f'EXISTS (SELECT 1 FROM "{table}" WHERE rowid = NEW.rowid)']
    if _without_rowid(conn, table):
        conditions = []
    for index in conn.execute(f'PRAGMA index_list("{table}")').fetchall():
        if not index[2]:
            continue
        cols = [r[2] for r in conn.execute(f'PRAGMA index_info("{index[1]}")')]
        if not cols or None in cols:
            continue
        match = " AND ".join(f'"{c}" = NEW."{c}"' for c in cols)
        conditions.append(f'EXISTS (SELECT 1 FROM "{table}" WHERE {match})')
    return (
        f'CREATE TRIGGER "{table}_no_replace" BEFORE INSERT ON "{table}" '
        f"WHEN {' OR '.join(conditions)} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
    )


# --- chaining rows ---------------------------------------------------------------------------


def has_blocks(conn: sqlite3.Connection) -> bool:
    """The block layout (step 0029 on); before it, `chain_links` (app/storage/chain_legacy.py)."""
    return bool(
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chain_blocks'"
        ).fetchone()
    )


def sorted_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns in the order their values enter a row's digest (by name)."""
    return sorted(columns(conn, table))


def link_rows(conn: sqlite3.Connection, table: str, order: str) -> Iterator[tuple[Any, bytes]]:
    """(key, digest) of the rows of `table` in `order` (SQL after ORDER BY), for `Blocks`: the
    n-th row in encoding 1 before the table's `v2_from`, in encoding 2 from it on."""
    key = key_expression(conn, table)
    split = v2_from(conn, table)
    if split is None or split > 1:
        names = sorted_columns(conn, table)
        quoted = ", ".join(f'"{n}"' for n in names)
        digest = chain_codec.Hasher(table, names).digest
        limit = -1 if split is None else split - 1
        for row in conn.execute(
            f'SELECT {key}, {quoted} FROM "{table}" ORDER BY {order} LIMIT {limit}'
        ):
            yield row[0], digest(row[0], row[1:])
    if split is not None:
        shape = chain_text.Shape(conn, table)
        yield from shape.digests(
            conn,
            conn.execute(
                f'SELECT {key}, {shape.sql()} FROM "{table}" ORDER BY {order} '
                f"LIMIT -1 OFFSET {split - 1}"
            ),
        )


def v2_from(conn: sqlite3.Connection, table: str) -> int | None:
    """The chain position of `table`'s first row in encoding 2 (None: before step 0033)."""
    if not chain_text.in_use(conn):
        return None
    row = conn.execute(
        f"SELECT {chain_text.FROM_COLUMN} FROM chain_heads WHERE tbl = ?", (table,)
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def start_table(conn: sqlite3.Connection, table: str, code: int | None = None) -> None:
    """Add `table` to the chains and link its existing rows in key order (used by migrations)."""
    from app.storage import chain_legacy

    if code is None:
        code = conn.execute("SELECT coalesce(max(code), 0) + 1 FROM chain_heads").fetchone()[0]
    conn.execute(
        "INSERT INTO chain_heads (tbl, code, count, hash) VALUES (?, ?, 0, NULL)", (table, code)
    )
    if chain_text.in_use(conn):  # a chain started now is in encoding 2 from its first row
        conn.execute(f"UPDATE chain_heads SET {chain_text.FROM_COLUMN} = 1 WHERE tbl = ?", (table,))
    if not has_blocks(conn):
        chain_legacy.start_table(conn, table, code)
        return
    blocks = chain_codec.Blocks(conn, table)
    blocks.add_all(link_rows(conn, table, key_expression(conn, table)))
    blocks.finish()


def adopt_new_tables(conn: sqlite3.Connection) -> list[str]:
    """Chain every append-only table that a step after the chain step created (guard against
    REPLACE, link its rows): run after each migration batch, so no new table is left out."""
    if not has_chains(conn):
        return []
    chained = set(chained_tables(conn))
    adopted = [t for t in append_only_tables(conn) if t not in chained and t not in NOT_CHAINED]
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    for table in adopted:
        if f"{table}_no_replace" not in triggers:
            conn.execute(no_replace_trigger(conn, table))
        start_table(conn, table)
    return adopted


def rechain(conn: sqlite3.Connection, table: str) -> None:
    """Link `table`'s rows afresh (for a migration that changed its columns so that the old
    hashes no longer match: a NOT NULL column added, a table rebuilt). Only migrations call
    this: it replaces the chain's links, so it vouches for the rows as they are now."""
    from app.storage import chain_legacy

    code = conn.execute("SELECT code FROM chain_heads WHERE tbl = ?", (table,)).fetchone()[0]
    if has_blocks(conn):
        conn.execute("DROP TRIGGER chain_blocks_no_delete")
        conn.execute("DELETE FROM chain_blocks WHERE tbl = ?", (code,))
        conn.execute(BLOCKS_NO_DELETE)
    else:
        chain_legacy.drop_links(conn, code)
    conn.execute("DELETE FROM chain_heads WHERE tbl = ?", (table,))
    start_table(conn, table, code)
    install(conn)


BLOCKS_NO_DELETE = (
    "CREATE TRIGGER chain_blocks_no_delete BEFORE DELETE ON chain_blocks "
    "BEGIN SELECT RAISE(ABORT, 'chain_blocks is append-only'); END"
)
NOT_CHAINED = ("chain_links", "chain_identity", "chain_blocks")


def seal_rows(conn: sqlite3.Connection, table: str) -> None:
    """Seal the current rows of a mutable table (users, settings) in `row_seals`."""
    names = columns(conn, table)
    key = f'"{SEAL_KEYS[table]}"'
    quoted = ", ".join(f'"{n}"' for n in names)
    for row in conn.execute(f'SELECT {key}, {quoted} FROM "{table}" ORDER BY {key}').fetchall():
        conn.execute(
            f"INSERT INTO {SEAL_TABLE} (tbl, row_key, hash) VALUES (?, ?, ?)",
            (
                table,
                str(row[0]),
                digest(None, table, str(row[0]), zip(names, row[1:], strict=True)),
            ),
        )


def install(conn: sqlite3.Connection) -> None:
    """Register the hash functions and (re)create the TEMP triggers that link every new row
    and seal every users/settings change, on this connection. No-op before the chain
    migration; safe to call again after later migrations changed a table."""
    from app.storage import chain_legacy

    conn.create_function(HASH_FUNCTION, -1, _sql_digest, deterministic=True)
    registry, shapes = chain_triggers.link_functions(conn)
    if not has_chains(conn):
        return
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'chain\\_%' "
        "ESCAPE '\\'"
    ).fetchall():
        conn.execute(f'DROP TRIGGER temp."{name}"')
    blocks = has_blocks(conn)
    encoding2 = chain_text.in_use(conn)
    for table, code in conn.execute("SELECT tbl, code FROM chain_heads ORDER BY code").fetchall():
        names = sorted_columns(conn, table)
        if not names:
            continue
        if not blocks:
            conn.execute(chain_legacy.link_trigger(conn, table))
            continue
        key = key_expression(conn, table, "NEW.")
        shape = chain_text.Shape(conn, table) if encoding2 else None
        if shape is None:
            registry[code] = chain_codec.Hasher(table, names)
        else:
            shapes[code] = shape
        conn.execute(
            chain_triggers.block_trigger(
                table, code, key, chain_triggers.link_call(code, key, names, shape)
            )
        )
    for table in SEALED_TABLES:
        names = columns(conn, table)
        new_key = f'NEW."{SEAL_KEYS[table]}"'
        old_key = f'OLD."{SEAL_KEYS[table]}"'
        seal = (
            f"INSERT INTO {SEAL_TABLE} (tbl, row_key, hash) VALUES ('{table}', "
            f"CAST({new_key} AS TEXT), {HASH_FUNCTION}(NULL, '{table}', CAST({new_key} AS TEXT), "
            f"{_pairs_sql(names, 'NEW.')})); "
        )
        for event in ("INSERT", "UPDATE"):
            conn.execute(
                f'CREATE TEMP TRIGGER "chain_seal_{table}_{event.lower()}" AFTER {event} '
                f'ON main."{table}" BEGIN {seal}END'
            )
        conn.execute(
            f'CREATE TEMP TRIGGER "chain_seal_{table}_delete" AFTER DELETE ON main."{table}" '
            f"BEGIN INSERT INTO {SEAL_TABLE} (tbl, row_key, hash) "
            f"VALUES ('{table}', CAST({old_key} AS TEXT), NULL); END"
        )


# --- the heads on this PC ----------------------------------------------------------------------


def chain_id(conn: sqlite3.Connection) -> str | None:
    if not has_chains(conn):
        return None
    row = conn.execute("SELECT chain_id FROM chain_identity").fetchone()
    return str(row[0]) if row else None


def heads(conn: sqlite3.Connection) -> dict[str, tuple[int, str]]:
    return {
        str(r[0]): (int(r[1]), r[2].hex() if r[2] else "")
        for r in conn.execute("SELECT tbl, count, hash FROM chain_heads")
    }


def pc_record_path(identity: str, folder: Path | None = None) -> Path:
    from app.paths import data_dir

    return (folder or data_dir()) / PC_FOLDER / f"{identity}.json"


def read_pc_heads(identity: str, folder: Path | None = None) -> dict[str, tuple[int, str]]:
    return read_pc_record(identity, folder)[1]


def read_pc_record(
    identity: str, folder: Path | None = None
) -> tuple[int, dict[str, tuple[int, str]]]:
    """(layout, heads) this PC last wrote for the cooperative: layout 2 for the block chains
    (step 0029 on), 1 for a record written before (its hashes are the first layout's)."""
    try:
        data = json.loads(pc_record_path(identity, folder).read_text(encoding="utf-8"))
        heads = {str(t): (int(v[0]), str(v[1])) for t, v in data["heads"].items()}
        return int(data.get("layout", 1)), heads
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return 1, {}


def remember_heads(conn: sqlite3.Connection, db_path: Path, folder: Path | None = None) -> None:
    """Write this file's chain heads to this PC's record for the cooperative (best effort:
    a PC record that cannot be written only weakens the next check, it stops nothing)."""
    identity = chain_id(conn)
    if identity is None:
        return
    target = pc_record_path(identity, folder)
    payload = {
        "file": str(db_path),
        "layout": 2 if has_blocks(conn) else 1,
        "heads": {t: list(v) for t, v in heads(conn).items()},
    }
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.with_suffix(".tmp")
        scratch.write_text(json.dumps(payload, indent=1), encoding="utf-8")
        os.replace(scratch, target)
