"""The arrears of every aktif loan at a date, computed once and shared (issue 16).

Beranda, its work queue, the loans list, the case list and the reports all read CTE `res` of
app/storage/loans_quality_repo.py for every loan at the same date; at 20,000 members one
computation costs about half a second. This keeps its rows, per (date, policy), in a TEMP
table of the connection (nothing is stored in the file) and hands readers `res` over it.

Kept exact, never stale:
- every write to a table the computation reads (`WATCHED`, checked by a test against the SQL)
  marks the written loan through TEMP triggers; before the next read the marked loans' rows
  are computed again by the same statement restricted to them (a loan's row depends on its
  own rows only), or everything when more than `PATCH_LIMIT` loans or a loan-less row changed;
- a commit by another connection (`PRAGMA data_version`) drops everything;
- inside an open write transaction the cache is neither read nor filled (what it would hold
  could still be rolled back): readers compute directly.

SQLite only (the triggers call a Python function); other engines compute directly.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

import sqlite_utils

from app.loans.quality import QualityPolicy
from app.storage.db import Database, sqlite_errors
from app.storage.engine import Engine

WATCHED: dict[str, str] = {
    "loans": "id",
    "loan_events": "loan_id",
    "loan_denda_charges": "loan_id",
    "loan_schedules": "loan_id",
    "loan_schedule_lines": "loan_id",
    "loan_balances": "loan_id",
    "loan_collateral": "loan_id",
}
"""Every table the arrears statement reads, with the column naming the loan of a row (but
`arrears_positions`: a row written there is what the statement computes without it, and its
rows are dropped only by writes to the tables above)."""

COLUMNS = (
    ("loan_id", "BIGINT PRIMARY KEY"),
    ("outstanding", "BIGINT"),
    ("ap", "BIGINT"),
    ("aj", "BIGINT"),
    ("ad", "BIGINT"),
    ("opd", "TEXT"),
    ("ojd", "TEXT"),
    ("oldest", "TEXT"),
    ("dpd", "BIGINT"),
    ("missed", "BIGINT"),
    ("titipan", "BIGINT"),
    ("coll", "BIGINT"),
    ("quality", "TEXT"),
)
NAMES = ", ".join(name for name, _ in COLUMNS)

KEEP = 4
"""Dates (or policies) kept at once; the least recently read is dropped."""

PATCH_LIMIT = 500
"""More changed loans than this: the whole table is computed again."""

_FUNCTION = "mufakat_arrears_changed"

Key = tuple[date, QualityPolicy]
Filler = Callable[[str, Sequence[int] | None], None]
"""fill(table, loan_ids): INSERT the rows of `res` (all loans, or those) into `table`."""


@dataclass
class Entry:
    table: str
    dirty: set[int] = field(default_factory=set)
    stale: bool = False
    objects: dict[int, Any] | None = None
    """What a reader built from the rows (LoanArrears) by loan, kept with the rows: `rebuild`
    names the loans whose rows were computed again since (their objects are out of date)."""
    rebuild: set[int] = field(default_factory=set)


@dataclass
class _Pending:
    """A computation started ahead on a connection of its own (`prefetch`)."""

    key: Key
    version: int
    writes: int
    thread: threading.Thread
    rows: list[tuple[Any, ...]] | None = None


class _Cache:
    """One connection's tables and what changed since each was computed."""

    def __init__(self) -> None:
        self.entries: OrderedDict[Key, Entry] = OrderedDict()
        self.version: int | None = None
        self.serial = 0
        self.fills = 0
        self.patches = 0
        self.writes = 0
        self.pending: _Pending | None = None
        self.prefetched = 0

    def changed(self, loan_id: object) -> None:
        """From the triggers: a row of `loan_id` (None: of no one loan) was written."""
        self.writes += 1
        for entry in self.entries.values():
            if entry.stale:
                continue
            if isinstance(loan_id, int):
                entry.dirty.add(loan_id)
                if len(entry.dirty) <= PATCH_LIMIT:
                    continue
            entry.stale, entry.objects = True, None
            entry.dirty.clear()


_caches: weakref.WeakKeyDictionary[sqlite_utils.Database, _Cache] = weakref.WeakKeyDictionary()


def _install(conn: sqlite3.Connection, cache: _Cache) -> None:
    conn.create_function(_FUNCTION, 1, cache.changed, deterministic=False)
    tables = {
        str(r[0]) for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")
    }
    for table, column in WATCHED.items():
        if table not in tables:
            continue
        for op, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            calls = " ".join(f"SELECT {_FUNCTION}({r}.{column});" for r in rows)
            conn.execute(
                f'CREATE TEMP TRIGGER IF NOT EXISTS "arrears_cache_{op.lower()}_{table}"'
                f' AFTER {op} ON main."{table}" BEGIN {calls} END'
            )


def _cache(db: Database) -> _Cache:
    cache = _caches.get(db.sql)
    if cache is None:
        cache = _caches[db.sql] = _Cache()
        _install(db.sql.conn, cache)
    return cache


def stats(db: Engine) -> tuple[int, int]:
    """(full computations, patches) made on this connection so far: for tests and benches."""
    cache = _caches.get(db.sql) if isinstance(db, Database) else None
    return (0, 0) if cache is None else (cache.fills, cache.patches)


def prefetched(db: Engine) -> int:
    """How many tables this connection took from a `prefetch` (tests and benches)."""
    cache = _caches.get(db.sql) if isinstance(db, Database) else None
    return 0 if cache is None else cache.prefetched


def wait_prefetch(db: Engine) -> list[tuple[Any, ...]] | None:
    """The rows of the pending `prefetch`, once computed (tests: to write after them)."""
    cache = _caches.get(db.sql) if isinstance(db, Database) else None
    if cache is None or cache.pending is None:
        return None
    cache.pending.thread.join()
    return cache.pending.rows


def entry(
    db: Engine, as_of: date, policy: QualityPolicy, fill: Filler, *, create: bool = True
) -> Entry | None:
    """The up-to-date table of (as_of, policy), computed or patched first as needed; None
    where the cache is not used (another engine, an open write transaction, or not yet
    computed and `create` false)."""
    if not isinstance(db, Database):
        return None
    conn = db.sql.conn
    if conn.in_transaction:
        return None
    with sqlite_errors(db.path):
        cache = _cache(db)
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        key = (as_of, policy)
        if version != cache.version:
            for old in cache.entries.values():
                conn.execute(f"DROP TABLE IF EXISTS temp.{old.table}")
            cache.entries.clear()
            cache.version = version
        ahead = cache.pending if cache.pending is not None and cache.pending.key == key else None
        found = cache.entries.get(key)
        if found is None:
            if not create:
                return None
            while len(cache.entries) >= KEEP:
                _, old = cache.entries.popitem(last=False)
                conn.execute(f"DROP TABLE IF EXISTS temp.{old.table}")
            cache.serial += 1
            found = Entry(table=f"arrears_cache_{cache.serial}")
            columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS)
            conn.execute(f"CREATE TEMP TABLE {found.table} ({columns})")
            cache.entries[key] = found
            found.stale = True
        if found.stale and ahead is not None:
            cache.pending = None
            ahead.thread.join()
            if ahead.rows is not None and (ahead.version, ahead.writes) == (version, cache.writes):
                # nothing written here or by another connection since it was started: its rows
                # are what `fill` would compute now
                with db.atomic():
                    conn.execute(f"DELETE FROM temp.{found.table}")
                    marks = ", ".join("?" for _ in COLUMNS)
                    conn.executemany(
                        f"INSERT INTO temp.{found.table} ({NAMES}) VALUES ({marks})", ahead.rows
                    )
                found.stale, found.objects = False, None
                found.dirty.clear()
                found.rebuild.clear()
                cache.fills += 1
                cache.prefetched += 1
        if found.stale:
            with db.atomic():
                conn.execute(f"DELETE FROM temp.{found.table}")
                fill(found.table, None)
            found.stale, found.objects = False, None
            found.dirty.clear()
            found.rebuild.clear()
            cache.fills += 1
        elif found.dirty:
            ids = sorted(found.dirty)
            with db.atomic():
                conn.execute(
                    f"DELETE FROM temp.{found.table} WHERE loan_id IN ({','.join(map(str, ids))})"
                )
                fill(found.table, ids)
            found.dirty.clear()
            if found.objects is not None:
                found.rebuild.update(ids)
            cache.patches += 1
        cache.entries.move_to_end(key)
        for other in cache.entries.values():
            if other is not found:
                other.objects = None  # objects of the latest only (memory)
        return found


def prefetch(db: Engine, as_of: date, policy: QualityPolicy, sql: str, params: Any) -> bool:
    """Start computing the table of (as_of, policy) on a read-only connection of its own, in a
    thread: `sql` with `params` gives the rows of `res` (columns `NAMES`). The first `entry`
    for that key takes them when nothing was written since, on this connection (the triggers
    count every write to `WATCHED`) or by another (`data_version`); otherwise it computes as
    usual. For the log-in window: the arrears are ready when the user has typed. False when
    not started (another engine, an open transaction, already kept or started)."""
    if not isinstance(db, Database):
        return False
    conn = db.sql.conn
    if conn.in_transaction:
        return False
    with sqlite_errors(db.path):
        cache = _cache(db)
        key = (as_of, policy)
        found = cache.entries.get(key)
        if (found is not None and not found.stale) or cache.pending is not None:
            return False
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        pending = _Pending(key, version, cache.writes, threading.Thread(daemon=True))
        path = f"file:{quote(str(db.path))}?mode=ro"

        def work() -> None:
            try:
                other = sqlite3.connect(path, uri=True, check_same_thread=False)
                try:
                    other.execute("PRAGMA busy_timeout = 5000")
                    pending.rows = other.execute(sql, params).fetchall()
                finally:
                    other.close()
            except sqlite3.Error:
                pending.rows = None  # computed as usual

        pending.thread = threading.Thread(target=work, name="arrears-prefetch", daemon=True)
        cache.pending = pending
        pending.thread.start()
        return True


def forget(db: Engine) -> None:
    """Drop everything kept: the file's content was replaced behind the connection (a restore
    copies a backup into it, which neither the triggers nor data_version see). The next use
    starts afresh and installs the triggers again (migrations after a restore may have
    rebuilt a table, and its TEMP triggers with it)."""
    if not isinstance(db, Database):
        return
    cache = _caches.pop(db.sql, None)
    if cache is None:
        return
    if cache.pending is not None:
        cache.pending.thread.join()
    with sqlite_errors(db.path):
        for old in cache.entries.values():
            db.sql.conn.execute(f"DROP TABLE IF EXISTS temp.{old.table}")
    cache.entries.clear()
