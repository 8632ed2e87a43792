"""Opening a Mufakat database file safely, and turning SQLite's failures into clear messages.

Every check that can refuse a file runs before anything is written to it: the header is read
as bytes, the schema through a read-only connection, and only then is the file opened for
writing, locked, checked for damage and migrated (after a copy is put aside).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from app.errors import StorageError
from app.storage.constraints import ConstraintFailed as ConstraintFailed  # re-exported
from app.storage.constraints import constraint_failed
from app.storage.dialect import SQLITE, Dialect
from app.storage.lock import FileLock, LockHeld

T = TypeVar("T")

APPLICATION_ID = 0x4D55464B  # "MUFK" in the SQLite header, marks a Mufakat file
SQLITE_MAGIC = b"SQLite format 3\x00"


class NotAMufakatFile(StorageError):
    """The file is not a SQLite database made by Mufakat."""


class DamagedFile(StorageError):
    """SQLite reports the file as damaged."""


class ReadOnlyFile(StorageError):
    """The file or its folder cannot be written."""


class NewerVersion(StorageError):
    """The file was made by a newer Mufakat than this one."""


class AlreadyOpen(StorageError):
    """Another running Mufakat has the file open."""


class FileMissing(StorageError):
    """The file does not exist."""


def msg_not_mufakat(path: Path) -> str:
    return (
        f"File '{path.name}' bukan database Mufakat. Pilih file database koperasi yang benar "
        "(biasanya berakhiran .db), atau buat database baru."
    )


def msg_damaged(path: Path) -> str:
    return (
        f"File database '{path.name}' rusak dan tidak bisa dibuka dengan aman. Tidak ada yang "
        "diubah pada file itu. Pulihkan dari cadangan terakhir (menu Pengaturan → Cadangan), "
        "atau hubungi pendamping TI koperasi."
    )


class OlderThanLastSeen(StorageError):
    """This PC has seen a newer state of the same cooperative's file than this one."""

    def __init__(self, message: str, missing: int) -> None:
        super().__init__(message)
        self.missing = missing


_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_CORRUPT = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_CANT_OPEN = {sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_PERM}
ENVIRONMENT_CODES = frozenset(
    {*_BUSY, *_CORRUPT, *_CANT_OPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_FULL}
)
"""Primary result codes that say something about the file, the disk or another program — the
user can act on them. Every other code met while working (SQLITE_ERROR for bad SQL, MISUSE,
RANGE, MISMATCH, …) is a bug in the program and is left to the bug handler."""


def primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translate_sqlite_error(exc: sqlite3.Error, path: Path | None = None) -> StorageError:
    """Map SQLite's environment failures to a StorageError with an Indonesian message.

    Classified by the primary result code; SQLite's own (English) text is never shown."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = primary_code(exc)
    text = str(exc).lower()
    name = path.name if path else "database"
    if primary in _BUSY or (primary is None and ("locked" in text or "busy" in text)):
        return StorageError(
            f"Database '{name}' sedang dipakai oleh program lain. Tunggu sebentar lalu coba lagi."
        )
    if primary == sqlite3.SQLITE_READONLY or (primary is None and "readonly" in text):
        return ReadOnlyFile(
            f"Database '{name}' hanya bisa dibaca. Periksa izin file atau pindahkan ke folder lain."
        )
    if primary == sqlite3.SQLITE_FULL or (primary is None and "disk is full" in text):
        return StorageError(
            "Disk penuh: data tidak bisa disimpan. Kosongkan ruang disk lalu coba lagi. "
            "Data yang sudah tersimpan aman."
        )
    damaged_text = "malformed" in text or "not a database" in text
    if primary in _CORRUPT or (primary is None and damaged_text):
        return DamagedFile(msg_damaged(path or Path(name)))
    if primary == sqlite3.SQLITE_CONSTRAINT:
        return constraint_failed(str(exc))  # the same text as on PostgreSQL (constraints.py)
    if primary in _CANT_OPEN or primary is None:
        return StorageError(
            f"File '{name}' tidak bisa dibaca atau ditulis (mungkin folder tidak ada atau tidak "
            "boleh ditulisi, flashdisk dicabut, atau jaringan terputus). Periksa lalu coba lagi."
        )
    return StorageError(
        f"File '{name}' tidak bisa dipakai saat ini (kode SQLite {code}). Coba lagi; bila tetap "
        "gagal, hubungi pendamping TI koperasi."
    )


@contextlib.contextmanager
def sqlite_errors(path: Path | None = None) -> Iterator[None]:
    """Re-raise SQLite environment errors (ENVIRONMENT_CODES: busy, locked, full, read-only,
    damaged, cannot open) as StorageError; anything else stays as it is, a bug for the bug
    handler to log — constraint failures included: every rule the schema keeps is checked by
    a service first, so one reaching SQLite is a rule the program missed."""
    try:
        yield
    except sqlite3.Error as exc:
        if primary_code(exc) not in ENVIRONMENT_CODES:
            raise
        raise translate_sqlite_error(exc, path) from exc


def read_header(path: Path) -> tuple[bool, int, int]:
    """(is_sqlite, application_id, user_version) read as bytes, without opening SQLite."""
    with open(path, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return False, 0, 0
    user_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    return True, application_id, user_version


def sync_warning(path: Path) -> str | None:
    """A warning when the file lives in a cloud-sync folder or on a network share."""
    resolved = str(path.resolve())
    lowered = resolved.lower().replace("\\", "/")
    for marker, label in (
        ("onedrive", "OneDrive"),
        ("dropbox", "Dropbox"),
        ("google drive", "Google Drive"),
        ("googledrive", "Google Drive"),
        ("icloud", "iCloud"),
    ):
        if marker in lowered:
            return (
                f"File database ini ada di folder {label}. Program sinkronisasi bisa menyalin "
                "file di tengah penyimpanan sehingga data rusak atau hilang, terutama bila dibuka "
                "di dua komputer. Sebaiknya simpan database di folder biasa (misalnya Dokumen) "
                "dan simpan cadangannya saja ke folder sinkronisasi."
            )
    raw = str(path)
    unc = any(text.startswith(("\\\\", "//")) for text in (raw, resolved))
    if unc or _is_network_drive(path):
        return (
            "File database ini ada di folder jaringan. Jika jaringan terputus saat menyimpan, "
            "data bisa rusak. Sebaiknya simpan database di komputer ini dan buat cadangan rutin."
        )
    return None


def _is_network_drive(path: Path) -> bool:
    if os.name != "nt":  # pragma: no cover - Windows only
        return False
    import ctypes  # pragma: no cover

    drive = os.path.splitdrive(str(path.resolve()))[0]  # pragma: no cover
    if not drive:  # pragma: no cover
        return False
    drive_remote = 4  # pragma: no cover
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)  # type: ignore[attr-defined]  # pragma: no cover


@dataclass
class Database:
    """An open, locked, migrated Mufakat database."""

    path: Path
    sql: sqlite_utils.Database
    lock: FileLock | None
    warnings: list[str] = field(default_factory=list)
    migrated_from_copy: Path | None = None

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        """One transaction: all of it is written, or none of it."""
        with sqlite_errors(self.path), self.sql.atomic() as inner:
            yield inner

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        with sqlite_errors(self.path):
            return self.sql.execute(sql, params)

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Run a query and return all rows (sqlite3.Row: index by name or position)."""
        with sqlite_errors(self.path):
            cursor = self.sql.conn.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            return list(cursor.fetchall())

    def one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Row | None:
        with sqlite_errors(self.path):
            cursor = self.sql.conn.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            row: sqlite3.Row | None = cursor.fetchone()
            return row

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    @property
    def dialect(self) -> Dialect:
        return SQLITE

    def retrying(self, fn: Callable[[], T]) -> T:
        """`fn()` in one transaction (SQLite has one writer: nothing to retry, see engine.py)."""
        with self.atomic():
            return fn()

    def in_transaction(self) -> bool:
        return bool(self.sql.conn.in_transaction)

    def run(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """Run a statement; the number of rows it changed."""
        with sqlite_errors(self.path):  # sqlite-utils commits a write made outside atomic()
            return self.sql.execute(sql, params).rowcount

    def insert_id(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """Run an `INSERT … RETURNING id`; the new row's id. The statement is stepped to its end
        (a RETURNING statement left open keeps a read transaction that stops the checkpoint)."""
        with sqlite_errors(self.path):
            was_open = self.sql.conn.in_transaction
            cursor = self.sql.conn.execute(sql, params)
            rows = cursor.fetchall()
            cursor.close()
            if not was_open and self.sql.conn.in_transaction:
                self.sql.conn.commit()  # outside atomic(): committed at once, as run() does
        if len(rows) != 1:
            raise AssertionError("INSERT … RETURNING id must return one row")
        return int(rows[0][0])

    def compact(self) -> None:
        """Rewrite the file without free pages and with full index pages (VACUUM): after a
        bulk write (the demo) that built indexes row by row. Outside a transaction only."""
        with sqlite_errors(self.path):
            self.sql.conn.execute("VACUUM")

    def close(self) -> None:
        """Close cleanly: the WAL is checkpointed in full, so the main file alone is complete;
        this PC remembers how far the cooperative's history reached (see watermarks) and the
        heads of the tamper-evident chains (see chain)."""
        from app.storage import chain, watermarks  # local import: they import this module

        with contextlib.suppress(sqlite3.Error, OSError):
            watermarks.remember(self)
        with contextlib.suppress(sqlite3.Error):
            self.sql.execute("PRAGMA optimize")
        with contextlib.suppress(sqlite3.Error, OSError):
            chain.remember_heads(self.sql.conn, self.path)
        with contextlib.suppress(sqlite3.Error):
            self.sql.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.sql.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _configure(conn_db: sqlite_utils.Database) -> None:
    conn = conn_db.conn
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn_db.enable_wal()
    conn.execute("PRAGMA synchronous = FULL")


def _check_writable(path: Path, exists: bool) -> None:
    folder = path.parent
    if exists and not os.access(path, os.W_OK):
        raise ReadOnlyFile(
            f"File '{path.name}' hanya bisa dibaca (read-only), jadi data tidak bisa disimpan. "
            "Salin file ke folder Dokumen atau hilangkan tanda read-only, lalu buka lagi."
        )
    if not os.access(folder, os.W_OK):
        raise ReadOnlyFile(
            f"Folder '{folder}' tidak bisa ditulisi, jadi database tidak bisa dipakai di sana "
            "(misalnya CD atau folder yang dikunci). Salin file ke folder Dokumen, lalu buka lagi."
        )


def acquire_lock(path: Path) -> FileLock:
    """The single-writer lock of `path`, or AlreadyOpen / ReadOnlyFile."""
    lock = FileLock(path)
    try:
        lock.acquire()
    except LockHeld as held:
        who = f" ({held.holder})" if held.holder else ""
        raise AlreadyOpen(
            f"File '{path.name}' sedang dibuka oleh program Mufakat lain{who}. Hanya satu program "
            "yang boleh menulis ke satu file pada satu waktu. Tutup program itu dulu, atau pilih "
            "file lain."
        ) from None
    except OSError as exc:
        raise ReadOnlyFile(
            f"File '{path.name}' tidak bisa dikunci untuk ditulis ({exc.strerror}). "
            "Salin file ke folder Dokumen, lalu buka lagi."
        ) from exc
    return lock


def open_database(path: Path, *, create: bool = False, accept_older: bool = False) -> Database:
    """Open (or create when `create`) a Mufakat database: locked, checked and migrated.

    The lock is taken first (it writes nothing), then the file is inspected read-only; only a
    file that passes is opened for writing. A file older than the one this PC last saw of the
    same cooperative raises OlderThanLastSeen unless `accept_older`."""
    from app.storage import chain, chain_verify, migrations, watermarks
    from app.storage.inspection import inspect_file

    path = Path(path)
    exists = path.exists()
    if not exists and not create:
        raise FileMissing(f"File '{path}' tidak ditemukan. Pilih file lain atau buat baru.")
    if not exists:
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ReadOnlyFile(
                    f"Folder '{path.parent}' tidak bisa dibuat: {exc.strerror}."
                ) from exc
        _check_writable(path, exists=False)
        try:
            path.touch(exist_ok=True)
        except OSError as exc:
            raise ReadOnlyFile(
                f"File '{path.name}' tidak bisa dibuat: {exc.strerror}. Pilih folder lain."
            ) from exc
    lock = acquire_lock(path)
    db: Database | None = None
    try:
        try:
            facts = inspect_file(path, migrations.schema_version(), migrations.known_names())
        except OSError as exc:
            raise StorageError(f"File '{path.name}' tidak bisa dibaca: {exc.strerror}.") from exc
        if exists and facts.empty and not create:
            raise NotAMufakatFile(msg_not_mufakat(path))
        if not accept_older:
            watermarks.refuse_if_older(path, facts)
        _check_writable(path, exists=True)
        try:
            conn = sqlite3.connect(str(path), timeout=5, check_same_thread=False)
            sdb = sqlite_utils.Database(conn)
            _configure(sdb)
        except sqlite3.DatabaseError as exc:
            raise translate_sqlite_error(exc, path) from exc
        db = Database(path=path, sql=sdb, lock=lock)
        warning = sync_warning(path)
        if warning:
            db.warnings.append(warning)
        if facts.pending_migration:
            db.migrated_from_copy = _copy_aside(db, "sebelum-migrasi")
        chain.install(db.sql.conn)  # rows added by later migrations are linked too
        db.warnings.extend(chain_verify.compare_with_pc(db.sql.conn))
        migrating = bool(migrations.pending(db))
        migrations.apply(db)
        chain.install(db.sql.conn)
        if migrating:  # a migration may re-chain a table: this PC knows the new heads
            with contextlib.suppress(sqlite3.Error, OSError):
                chain.remember_heads(db.sql.conn, db.path)
        lock.announce()
        with contextlib.suppress(sqlite3.Error, OSError):
            watermarks.remember(db)
        return db
    except BaseException:
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.sql.close()
        lock.release()
        raise


def _copy_aside(db: Database, label: str) -> Path:
    """Copy the open database next to itself with the SQLite backup API; return the copy."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db.path.with_name(f"{db.path.stem}.{label}-{stamp}{db.path.suffix}")
    copy_database(db, target)
    return target


def copy_database(db: Database, target: Path) -> None:
    """A consistent copy of the open database at `target` (SQLite online backup API)."""
    with sqlite_errors(target):
        dest = sqlite3.connect(str(target))
        try:
            db.sql.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
