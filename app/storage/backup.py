"""Backups with the SQLite online backup API, each verified by opening the copy, and restore."""

from __future__ import annotations

import contextlib
import errno
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.clock import now_text
from app.errors import StorageError
from app.paths import data_dir
from app.storage import migrations
from app.storage.db import (
    DamagedFile,
    Database,
    NewerVersion,
    NotAMufakatFile,
    ReadOnlyFile,
    copy_database,
)
from app.storage.inspection import FileFacts, inspect_file, readonly_view

BACKUP_MARK = "-cadangan-"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    at: str
    size: int
    kind: str
    verified: bool


def backup_name(db_path: Path, when: datetime) -> str:
    return f"{db_path.stem}{BACKUP_MARK}{when:%Y%m%d-%H%M%S}.db"


def verify_copy(path: Path) -> FileFacts:
    """Check, without writing to it, that a copy is a whole Mufakat database; raise if not.

    The same refusals as opening a file, then SQLite's full integrity_check."""
    path = Path(path)
    try:
        facts = inspect_file(path, migrations.schema_version(), migrations.known_names())
    except NotAMufakatFile:
        raise NotAMufakatFile(f"File '{path.name}' bukan cadangan database Mufakat.") from None
    except NewerVersion:
        raise NewerVersion(
            f"Cadangan '{path.name}' dibuat dengan Mufakat versi lebih baru. Perbarui program dulu."
        ) from None
    except DamagedFile:
        raise DamagedFile(f"File cadangan '{path.name}' rusak dan tidak bisa dipakai.") from None
    except OSError as exc:
        raise StorageError(
            f"File cadangan '{path.name}' tidak bisa dibaca: {exc.strerror}."
        ) from exc
    if facts.empty:
        raise NotAMufakatFile(f"File '{path.name}' bukan cadangan database Mufakat.")
    try:
        with readonly_view(path) as conn:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        raise DamagedFile(f"File cadangan '{path.name}' rusak dan tidak bisa dipakai.") from exc
    if result != ["ok"]:
        raise DamagedFile(
            f"File cadangan '{path.name}' rusak (pemeriksaan menemukan {len(result)} masalah)."
        )
    return facts


def backup_to(
    db: Database,
    folder: Path,
    kind: str = "manual",
    user_id: int | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Write a verified backup of `db` into `folder` and record it; the copy's path is returned."""
    now = now or datetime.now()
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Folder cadangan '{folder}' tidak bisa dibuat: {exc.strerror}. Pilih folder lain."
        ) from exc
    target = folder / backup_name(db.path, now)
    counter = 1
    while target.exists():
        target = folder / f"{target.stem}-{counter}.db"
        counter += 1
    partial = target.with_suffix(".db.sebagian")
    _note_pending(db.path, partial, add=True)
    try:
        copy_database(db, partial)
        verify_copy(partial)
        partial.replace(target)
    except (StorageError, OSError) as exc:
        _remove_partial(partial)
        raise _backup_failure(folder, exc) from exc
    finally:
        _note_pending(db.path, partial, add=False)
    size = target.stat().st_size
    with db.atomic():
        record_backup(db, target, kind, user_id, now)
    return BackupInfo(path=target, at=now_text(now), size=size, kind=kind, verified=True)


def _backup_failure(folder: Path, exc: Exception) -> StorageError:
    """An Indonesian reason a backup could not be written into `folder`."""
    if isinstance(exc, DamagedFile):
        reason = "salinan yang ditulis ternyata tidak utuh (flashdisk atau disk bermasalah)"
    elif isinstance(exc, ReadOnlyFile) or (
        isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
    ):
        reason = "folder itu tidak boleh ditulisi (hanya bisa dibaca)"
    elif "penuh" in getattr(exc, "message", "") or (
        isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG)
    ):
        reason = "ruang kosong di tujuan tidak cukup (disk atau flashdisk penuh)"
    else:
        reason = "folder itu tidak bisa ditulisi (mungkin flashdisk dicabut atau jaringan putus)"
    return StorageError(
        f"Cadangan tidak bisa disimpan ke '{folder}': {reason}. Tidak ada file setengah jadi "
        "yang tertinggal, dan data di database tidak berubah. Pilih folder lain atau periksa "
        "flashdisk, lalu coba lagi."
    )


def _remove_partial(partial: Path) -> None:
    for leftover in _leftovers(partial):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _pending_store() -> Path:
    return data_dir() / "cadangan-belum-selesai.json"


def _load_pending() -> list[dict[str, str]]:
    try:
        data = json.loads(_pending_store().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else []


def _save_pending(entries: list[dict[str, str]]) -> None:
    store = _pending_store()
    with contextlib.suppress(OSError):
        store.parent.mkdir(parents=True, exist_ok=True)
        store.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")


def _note_pending(db_path: Path, partial: Path, *, add: bool) -> None:
    """Remember a backup in progress, so a killed one's leftovers are found at next start."""
    entry = {"db": str(Path(db_path).resolve()), "partial": str(partial)}
    entries = [e for e in _load_pending() if e != entry]
    _save_pending([*entries, entry] if add else entries)


def clean_leftovers(db: Database) -> list[Path]:
    """Remove what killed backups of the open (so locked) `db` left half-written."""
    mine = str(db.path.resolve())
    entries = _load_pending()
    removed: list[Path] = []
    for entry in entries:
        if entry.get("db") == mine:
            partial = Path(entry.get("partial", ""))
            if partial.name.endswith(".sebagian"):
                removed.extend(p for p in _leftovers(partial) if p.exists())
                _remove_partial(partial)
    rest = [e for e in entries if e.get("db") != mine]
    if len(rest) != len(entries):
        _save_pending(rest)
    return removed


def _leftovers(partial: Path) -> list[Path]:
    return [partial, *(Path(f"{partial}{s}") for s in ("-journal", "-wal", "-shm"))]


def record_backup(db: Database, path: Path, kind: str, user_id: int | None, now: datetime) -> None:
    db.execute(
        "INSERT INTO backups (at, path, size, kind, verified, user_id) VALUES (?, ?, ?, ?, 1, ?)",
        (now_text(now), str(path), path.stat().st_size, kind, user_id),
    )


def prune_backups(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete the oldest automatic backups of `stem` in `folder` beyond `keep`; return them."""
    found = sorted(folder.glob(f"{stem}{BACKUP_MARK}*.db"))
    removed = found[: max(0, len(found) - keep)]
    for path in removed:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed


def last_backup(db: Database) -> BackupInfo | None:
    row = db.one("SELECT * FROM backups ORDER BY id DESC LIMIT 1")
    if row is None:
        return None
    return BackupInfo(
        path=Path(row["path"]),
        at=row["at"],
        size=row["size"],
        kind=row["kind"],
        verified=bool(row["verified"]),
    )


def recent_backups(db: Database, limit: int = 20) -> list[BackupInfo]:
    """The latest `limit` backups recorded in this database, newest first."""
    rows = db.rows("SELECT * FROM backups ORDER BY id DESC LIMIT ?", (limit,))
    return [
        BackupInfo(
            path=Path(r["path"]),
            at=r["at"],
            size=r["size"],
            kind=r["kind"],
            verified=bool(r["verified"]),
        )
        for r in rows
    ]
