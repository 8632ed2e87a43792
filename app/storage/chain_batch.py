"""The tamper chain's batched path for bulk writers (app/storage/chain.py has the per-row one).

Per row, the chain trigger calls the Python hash and grows the table's open block, and the
change trigger calls the change hub: for a bulk write of a million rows that is most of the
time. Inside `batched_links(db, tables)` the program's own TEMP triggers on those tables are
put aside for an SQL-only trigger that notes the key of each inserted row (no Python per row);
on leaving, every noted row is linked in one pass, in the order it was inserted, into exactly
the blocks the per-row path gives. A table with a rowid needs no note of a row appended past
the table's largest rowid on entry (its mark): those rows are read back in rowid order after
the noted ones (the order they were inserted in, unless a caller gave its own ids out of
order: then in rowid order, still every row linked once, its key in its block); only a row
given a rowid below the mark is noted (`chain_codec.Blocks`: one INSERT per BLOCK_ROWS rows), the
head updated, the change hub told once per table, and the triggers put back — all inside the
caller's write transaction, so the rows and their links are written together or not at all.

Only storage code uses it (bulk writers in app/storage), and only inside `db.atomic()`: a
call outside a write transaction is refused. users and settings (sealed, not chained) cannot
be batched.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from app.storage import chain, chain_codec, chain_text
from app.storage.db import Database

PENDING = "chain_pending"  # TEMP table: the keys of the rows inserted while batched, in order
MARKS = "chain_marks"  # TEMP table: each rowid table's largest rowid and head count on entry
MAX_KEY = 4  # the widest primary key of a WITHOUT ROWID chained table
WATCH_FUNCTION = "mufakat_changed"  # app/storage/change_triggers.py
BATCH_SIZE = 20_000

_active: dict[int, set[str]] = {}  # id(connection) -> tables batched now


def _temp_triggers(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """(name, sql) of the program's own INSERT triggers on `table` (chain link, change watch)."""
    wanted = (f"chain_link_{table}", f"mufakat_watch_insert_{table}")
    return [
        (str(r[0]), str(r[1]))
        for r in conn.execute(
            "SELECT name, sql FROM sqlite_temp_master WHERE type = 'trigger' AND tbl_name = ?",
            (table,),
        )
        if r[0] in wanted
    ]


def _exists(conn: sqlite3.Connection, kind: str, name: str) -> bool:
    return bool(
        conn.execute(
            "SELECT 1 FROM sqlite_temp_master WHERE type = ? AND name = ?", (kind, name)
        ).fetchone()
    )


def _as_temp(sql: str) -> str:
    """sqlite_temp_master keeps a TEMP trigger's text without TEMP: put it back, or the
    trigger would be created in the file itself."""
    head = "CREATE TRIGGER "
    if not sql.upper().startswith(head):
        raise ValueError(f"unexpected trigger text: {sql[:40]}")
    return "CREATE TEMP TRIGGER " + sql[len(head) :]


def _key_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """What the pending table keeps of a row: its rowid, or its primary-key columns."""
    if chain.key_expression(conn, table) == "rowid":
        return ["rowid"]
    keys = chain.primary_key(conn, table)
    if len(keys) > MAX_KEY:
        raise ValueError(f"{table}: primary key wider than {MAX_KEY} columns")
    return [f'"{k}"' for k in keys]


@contextlib.contextmanager
def batched_links(db: Database, tables: Sequence[str]) -> Iterator[None]:
    """Rows inserted into `tables` inside this block are linked in one pass when it ends (see
    the module's text). Inside a write transaction only; nests (an inner block on a table
    already batched leaves it to the outer one)."""
    conn = db.sql.conn
    if not conn.in_transaction:
        raise RuntimeError("batched_links: only inside a write transaction (db.atomic())")
    bad = [t for t in tables if t in chain.SEALED_TABLES or t in chain.NOT_CHAINED]
    if bad:
        raise ValueError(f"batched_links: {', '.join(bad)} cannot be batched")
    active = _active.setdefault(id(conn), set())
    mine = [t for t in dict.fromkeys(tables) if t not in active]
    if not mine or not chain.has_chains(conn) or not chain.has_blocks(conn):
        yield
        return
    chained = set(chain.chained_tables(conn))
    conn.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {PENDING} (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, "
        + ", ".join(f"k{n}" for n in range(1, MAX_KEY + 1))
        + ")"
    )
    conn.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {MARKS} (tbl TEXT PRIMARY KEY, mark INTEGER NOT NULL, "
        "count INTEGER NOT NULL, dense INTEGER NOT NULL)"
    )
    saved: dict[str, list[tuple[str, str]]] = {}
    active.update(mine)
    try:
        for table in mine:
            saved[table] = _temp_triggers(conn, table)
            for name, _sql in saved[table]:
                conn.execute(f'DROP TRIGGER temp."{name}"')
            if table in chained and any(n.startswith("chain_link_") for n, _ in saved[table]):
                _start_noting(conn, table)
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):  # the first failure is the one to report
            _restore(conn, mine, saved, chained)
        raise
    else:
        _restore(conn, mine, saved, chained)
    finally:
        active.difference_update(mine)
        if not active:
            _active.pop(id(conn), None)


def _start_noting(conn: sqlite3.Connection, table: str) -> None:
    """Note the rows inserted into `table` from now on: those of a table without a rowid by a
    trigger; those of a rowid table past its mark without one (the linking reads them back by
    rowid), and those below the mark by a trigger — unless the table's rowids are exactly
    1..its chain's count (every program-written table: nothing below the mark is free)."""
    keys = _key_columns(conn, table)
    when = ""
    if keys == ["rowid"]:
        low, high = (
            conn.execute(f'SELECT {f}(rowid) FROM main."{table}"').fetchone()[0]
            for f in ("min", "max")
        )
        count = conn.execute("SELECT count FROM chain_heads WHERE tbl = ?", (table,)).fetchone()[0]
        dense = (high is None and not count) or (low == 1 and high == count)
        conn.execute(
            f"INSERT INTO temp.{MARKS} (tbl, mark, count, dense) VALUES (?, ?, ?, ?)",
            (table, high or 0, count, dense),
        )
        if dense:
            return
        when = f"WHEN NEW.rowid <= {int(high or 0)} "
    slots = ", ".join(f"k{n}" for n in range(1, len(keys) + 1))
    conn.execute(
        f'CREATE TEMP TRIGGER "chain_pending_{table}" AFTER INSERT ON main."{table}" {when}'
        f"BEGIN INSERT INTO {PENDING} (tbl, {slots}) VALUES ('{table}', "
        + ", ".join(f"NEW.{k}" for k in keys)
        + "); END"
    )


def _restore(
    conn: sqlite3.Connection,
    tables: Sequence[str],
    saved: dict[str, list[tuple[str, str]]],
    chained: set[str],
) -> None:
    """Put everything back, whatever happened: a rollback has already undone the block
    (nothing is pending, the triggers are back); a transaction ended inside the block (which
    callers must not do) still gets its rows linked and its triggers back."""
    pending = _exists(conn, "table", PENDING)
    for table in tables:
        conn.execute(f'DROP TRIGGER IF EXISTS temp."chain_pending_{table}"')
        if pending and table in chained:
            _link_pending(conn, table)
        for name, sql in saved.get(table, []):
            if not _exists(conn, "trigger", name):
                conn.execute(_as_temp(sql))
            if name.startswith("mufakat_watch_"):
                conn.execute(f"SELECT {WATCH_FUNCTION}(?)", (table,))


def _link_pending(conn: sqlite3.Connection, table: str) -> None:
    """Link the noted rows of `table` in the order they were inserted, then the rows past its
    mark in rowid order, then forget them."""
    names = chain.sorted_columns(conn, table)
    keys = _key_columns(conn, table)
    key = chain.key_expression(conn, table, "t.")
    match = " AND ".join(f"t.{k} = p.k{n}" for n, k in enumerate(keys, 1))
    quoted = ", ".join(f't."{n}"' for n in names)
    expected = conn.execute(f"SELECT count(*) FROM {PENDING} WHERE tbl = ?", (table,)).fetchone()
    marked = conn.execute(
        f"SELECT mark, count, dense FROM temp.{MARKS} WHERE tbl = ?", (table,)
    ).fetchone()
    blocks = chain_codec.Blocks(conn, table)
    if marked is not None and marked[1] != blocks.count:  # cannot happen: nothing links rows
        raise RuntimeError(f"batched_links: {table} was linked row by row while batched")
    if marked is not None and marked[2]:
        low = conn.execute(f'SELECT min(rowid) FROM main."{table}"').fetchone()[0]
        if low is not None and low < 1:  # a rowid the program never gives: loud, not unlinked
            raise RuntimeError(f"batched_links: {table} got rowid {low}")
    joined = (
        f'FROM temp.{PENDING} p CROSS JOIN main."{table}" t ON {match} WHERE p.tbl = ? '
        "ORDER BY p.seq"
    )
    past = f'FROM main."{table}" t WHERE t.rowid > ? ORDER BY t.rowid'
    coder: chain_codec.Hasher | chain_text.Shape = (
        chain_codec.Hasher(table, names)  # encoding 1: a file before step 0033
        if chain.v2_from(conn, table) is None
        else chain_text.Shape(conn, table)
    )
    what = quoted if isinstance(coder, chain_codec.Hasher) else coder.sql("t.")
    _add(conn, blocks, coder, conn.execute(f"SELECT {key}, {what} {joined}", (table,)))
    if blocks.added != expected[0]:  # a noted row is gone: cannot happen (append-only)
        raise RuntimeError(f"batched_links: {table} lost {expected[0] - blocks.added} rows")
    if marked is not None:
        _add(conn, blocks, coder, conn.execute(f"SELECT {key}, {what} {past}", (marked[0],)))
    blocks.finish()
    conn.execute(f"DELETE FROM temp.{PENDING} WHERE tbl = ?", (table,))
    conn.execute(f"DELETE FROM temp.{MARKS} WHERE tbl = ?", (table,))


def _add(
    conn: sqlite3.Connection,
    blocks: chain_codec.Blocks,
    coder: chain_codec.Hasher | chain_text.Shape,
    rows: Iterable[Any],
) -> None:
    if isinstance(coder, chain_codec.Hasher):
        digest = coder.digest
        blocks.add_all((row[0], digest(row[0], row[1:])) for row in rows)
    else:
        blocks.add_texts(rows, lambda key: coder.required_text(conn, key))
