"""Looking at a database file without changing it, before anything may write to it.

SQLite folds a `-wal` into the main file and deletes it when the last connection closes, even
after a read. So an inspection that may end in a refusal never opens the file itself for
writing: with no WAL content it reads through an `immutable=1` URI (no locks, no side files),
and with WAL content it works on a scratch copy of main file + WAL in a temporary folder. The
main file, its `-wal` and `-shm` stay byte-identical whatever the verdict.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from app.storage.db import (
    APPLICATION_ID,
    DamagedFile,
    NewerVersion,
    NotAMufakatFile,
    msg_damaged,
    msg_not_mufakat,
    read_header,
)

# A full check reads the whole file: about a second per 50 MB on an office PC. Files up to this
# size, files whose last session did not end cleanly (a WAL file left behind) and files about to
# be migrated get it at every open; larger files get the full check of every table except the
# long append-only history tables, which are checked in full on every verified backup (the
# automatic one at each close included) and by `mufakat check`.
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024
HISTORY_TABLES = frozenset(
    {
        "savings_transactions",
        "loan_events",
        "loan_event_lines",
        "loan_schedule_lines",
        "loan_quality_snapshots",
        "loan_denda_charges",
        "audit_log",
        "document_files",
        # The books: most of a demo file (issue 16). The tamper chain's blocks are not here:
        # the open block of each table grows in place (step 0029), and they are small now.
        "journals",
        "journal_lines",
    }
)
# Tables every Mufakat file has once its first migration ran: a file carrying our application
# id without them is some other program's schema.
CORE_TABLES = frozenset({"settings", "users", "members", "audit_log", "backups"})


class ForeignWal(DamagedFile):
    """The main file is sound but the `-wal` beside it does not fit it."""


def side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def has_wal_content(path: Path) -> bool:
    wal = side_file(path, "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


@dataclass(frozen=True)
class Watermark:
    """How far a file's history reaches: the highest ids of its append-only tables."""

    audit_id: int = 0
    savings_id: int = 0
    loan_event_id: int = 0
    last_at: str = ""

    def behind(self, newer: Watermark) -> int:
        """How many records `newer` has that this one lacks (0 when not behind)."""
        return (
            max(0, newer.audit_id - self.audit_id)
            + max(0, newer.savings_id - self.savings_id)
            + max(0, newer.loan_event_id - self.loan_event_id)
        )


@dataclass(frozen=True)
class FileFacts:
    """What a read-only look found in an acceptable file."""

    empty: bool
    identity: str | None = None
    watermark: Watermark | None = None
    pending_migration: bool = False


def _immutable(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)


@contextlib.contextmanager
def readonly_view(path: Path, *, with_wal: bool = True) -> Iterator[sqlite3.Connection]:
    """A connection showing `path` (and its WAL) that cannot change any of its files."""
    if not (with_wal and has_wal_content(path)):
        conn = _immutable(path)
        try:
            yield conn
        finally:
            conn.close()
        return
    with tempfile.TemporaryDirectory(prefix="mufakat-periksa-") as scratch:
        copy = Path(scratch) / "periksa.db"
        shutil.copyfile(path, copy)
        shutil.copyfile(side_file(path, "-wal"), side_file(copy, "-wal"))
        conn = sqlite3.connect(str(copy))
        try:
            conn.execute("PRAGMA query_only = ON")
            yield conn
        finally:
            conn.close()


def structure_ok(conn: sqlite3.Connection, *, full: bool) -> bool:
    """SQLite's quick_check, in full or of every table but the long history tables."""
    if full:
        checks = ["PRAGMA quick_check"]
    else:
        names = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if row[0] not in HISTORY_TABLES and not row[0].startswith("sqlite_")
        ]
        checks = [f'PRAGMA quick_check("{name}")' for name in names]
    for statement in checks:
        result = conn.execute(statement).fetchall()
        if [tuple(r) for r in result] != [("ok",)]:
            return False
    return True


def _table_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def read_watermark(conn: sqlite3.Connection, tables: set[str] | None = None) -> Watermark:
    tables = _table_names(conn) if tables is None else tables

    def top(table: str) -> int:
        if table not in tables:
            return 0
        return int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])

    last_at = ""
    if "audit_log" in tables:
        last_at = conn.execute("SELECT coalesce(max(at), '') FROM audit_log").fetchone()[0]
    return Watermark(top("audit_log"), top("savings_transactions"), top("loan_events"), last_at)


def read_identity(conn: sqlite3.Connection, tables: set[str] | None = None) -> str | None:
    tables = _table_names(conn) if tables is None else tables
    if "file_identity" not in tables:
        return None
    row = conn.execute("SELECT identity FROM file_identity WHERE id = 1").fetchone()
    return None if row is None else str(row[0])


def _examine(
    conn: sqlite3.Connection, path: Path, known: AbstractSet[str], full: bool
) -> FileFacts:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = _table_names(conn)
    ours = {t for t in tables if not t.startswith("sqlite_")}
    if app_id != APPLICATION_ID:
        if not ours:
            return FileFacts(empty=True)
        raise NotAMufakatFile(msg_not_mufakat(path))
    if not ours or ours == {"_sqlite_migrations"}:
        return FileFacts(empty=True)
    if "_sqlite_migrations" not in ours:
        raise NotAMufakatFile(msg_not_mufakat(path))
    applied = {
        r[0]
        for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'mufakat'")
    }
    if applied - known:
        raise NewerVersion(msg_newer(path))
    if applied and not ours >= CORE_TABLES:
        raise NotAMufakatFile(msg_not_mufakat(path))
    if not structure_ok(conn, full=full or applied != known):
        raise DamagedFile(msg_damaged(path))
    return FileFacts(
        empty=False,
        identity=read_identity(conn, tables),
        watermark=read_watermark(conn, tables),
        pending_migration=applied != known,
    )


def msg_newer(path: Path) -> str:
    return (
        f"File '{path.name}' dibuat dengan Mufakat versi yang lebih baru. Perbarui program "
        "Mufakat di komputer ini dulu, lalu buka file ini lagi. File tidak diubah."
    )


def msg_foreign_wal(path: Path) -> str:
    return (
        f"File database '{path.name}' sendiri utuh, tetapi file pendampingnya "
        f"'{path.name}-wal' tidak cocok dengannya (misalnya salinan lama yang dikembalikan "
        "setelah komputer mati mendadak). Tidak ada yang diubah: kedua file dibiarkan apa "
        "adanya. Pindahkan file -wal itu ke folder lain (jangan dihapus) lalu buka lagi, atau "
        "pulihkan dari cadangan; hubungi pendamping TI koperasi bila ragu."
    )


def inspect_file(path: Path, schema_version: int, known: AbstractSet[str]) -> FileFacts:
    """Refuse, without writing anything, a file that is not ours, damaged or too new."""
    size = path.stat().st_size
    if size == 0:
        return FileFacts(empty=True)
    is_sqlite, _, user_version = read_header(path)
    if not is_sqlite:
        raise NotAMufakatFile(msg_not_mufakat(path))
    if user_version > schema_version:
        raise NewerVersion(msg_newer(path))
    unclean = has_wal_content(path)
    full = size <= FULL_CHECK_MAX_BYTES or unclean or user_version < schema_version
    try:
        with readonly_view(path) as conn:
            return _examine(conn, path, known, full)
    except DamagedFile:
        if unclean and _main_alone_sound(path, known):
            raise ForeignWal(msg_foreign_wal(path)) from None
        raise
    except sqlite3.DatabaseError as exc:
        if unclean and _main_alone_sound(path, known):
            raise ForeignWal(msg_foreign_wal(path)) from exc
        raise DamagedFile(msg_damaged(path)) from exc


def _main_alone_sound(path: Path, known: AbstractSet[str]) -> bool:
    try:
        with readonly_view(path, with_wal=False) as conn:
            _examine(conn, path, known, True)
    except (sqlite3.DatabaseError, DamagedFile, NotAMufakatFile, NewerVersion):
        return False
    return True
