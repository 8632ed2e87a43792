"""Builders of the bad files a Mufakat program may be handed, and a fingerprint of a folder."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from app.storage import migrations
from app.storage.db import APPLICATION_ID, open_database


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in `folder` (recursively) with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_good(path: Path, rows: int = 0) -> None:
    db = open_database(path, create=True)
    if rows:
        db.execute("CREATE TABLE filler (x TEXT)")
        for i in range(rows):
            db.execute("INSERT INTO filler VALUES (?)", ("x" * 500 + str(i),))
    db.close()


def wal_of(path: Path, rows: int) -> bytes:
    """The WAL a writer of `path` leaves behind when it dies after `rows` inserts."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE IF NOT EXISTS wal_rows (x TEXT)")
    for i in range(rows):
        conn.execute("INSERT INTO wal_rows VALUES (?)", ("w" * 700 + str(i),))
    conn.commit()
    data = Path(f"{path}-wal").read_bytes()
    conn.close()
    return data


def not_sqlite(path: Path) -> None:
    path.write_text("ini bukan database" * 40, encoding="utf-8")


def other_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE pelanggan (id INTEGER)")
    conn.commit()
    conn.close()


def damaged(path: Path) -> None:
    make_good(path, rows=400)
    data = bytearray(path.read_bytes())
    data[8192 : 8192 + 4096 * 8] = b"\xa5" * (4096 * 8)
    path.write_bytes(bytes(data))


def newer_version(path: Path) -> None:
    make_good(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.schema_version() + 5}")
    conn.close()


def newer_migration(path: Path) -> None:
    make_good(path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('mufakat', '9999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()


def foreign_schema(path: Path) -> None:
    """Another program's tables behind our application id."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE pelanggan (id INTEGER, nama TEXT)")
    conn.execute("INSERT INTO pelanggan VALUES (1, 'x')")
    conn.commit()
    conn.close()


def foreign_wal(path: Path) -> None:
    """A healthy main file with the WAL of another Mufakat file beside it."""
    make_good(path)
    other = path.with_name("lain-" + path.name)
    make_good(other, rows=50)
    wal = wal_of(other, rows=60)
    for leftover in other.parent.glob(other.name + "*"):
        leftover.unlink()
    Path(f"{path}-wal").write_bytes(wal)


def damaged_with_wal(path: Path) -> None:
    """A damaged main file with a live-looking WAL and -shm beside it."""
    make_good(path, rows=400)
    scratch = path.with_name("salin-" + path.name)
    shutil.copyfile(path, scratch)
    wal = wal_of(scratch, rows=5)
    scratch.unlink()
    data = bytearray(path.read_bytes())
    data[8192 : 8192 + 4096 * 8] = b"\x5a" * (4096 * 8)
    path.write_bytes(bytes(data))
    Path(f"{path}-wal").write_bytes(wal)
    Path(f"{path}-shm").write_bytes(b"\x00" * 32768)


def empty(path: Path) -> None:
    path.write_bytes(b"")


BAD_FILES: dict[str, Callable[[Path], None]] = {
    "bukan-sqlite": not_sqlite,
    "program-lain": other_program,
    "rusak": damaged,
    "rusak-dengan-wal": damaged_with_wal,
    "versi-baru": newer_version,
    "migrasi-baru": newer_migration,
    "skema-asing": foreign_schema,
    "wal-asing": foreign_wal,
    "kosong": empty,
}
