"""Restoring a backup: only one of the same cooperative, its age named before the typed
confirmation, the current data copied aside first (kept even when damaged), and the restore
written into the restored file's own audit trail with the person named as text."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.clock import now_text
from app.errors import ValidationError
from app.storage import loans_arrears_cache, migrations, watermarks
from app.storage.backup import record_backup, verify_copy
from app.storage.db import Database, acquire_lock, copy_database, open_database, sqlite_errors
from app.storage.inspection import Watermark, read_identity, read_watermark, readonly_view
from app.storage.schema.m0010_file_identity import create_identity


class OtherCooperative(ValidationError):
    """The backup belongs to a different cooperative's file."""


@dataclass(frozen=True)
class RestorePlan:
    """What a restore of `backup_file` would do, shown to the user before they confirm."""

    backup_file: Path
    aside: Path
    backup_mark: Watermark
    newest_mark: Watermark
    same_cooperative: bool | None  # None: the backup (or the damaged file) has no identity
    identity: str | None  # the identity the restored file will carry

    @property
    def missing(self) -> int:
        """Records in the newest data known that the backup lacks."""
        return self.backup_mark.behind(self.newest_mark)


def restore_aside_path(db_path: Path, now: datetime, label: str = "sebelum-pulih") -> Path:
    """Where a restore at `now` keeps the current data (shown to the user beforehand)."""
    return db_path.with_name(f"{db_path.stem}.{label}-{now:%Y%m%d-%H%M%S}{db_path.suffix}")


def _newest(*marks: Watermark | None) -> Watermark:
    known = [m for m in marks if m is not None]
    if not known:
        return Watermark()
    return Watermark(
        max(m.audit_id for m in known),
        max(m.savings_id for m in known),
        max(m.loan_event_id for m in known),
        max(m.last_at for m in known),
    )


def _coop_name(conn: sqlite3.Connection) -> str:
    with contextlib.suppress(sqlite3.Error):
        row = conn.execute("SELECT value FROM settings WHERE key = 'coop.name'").fetchone()
        if row and row[0]:
            return str(row[0]).strip('"')
    return ""


def _read_current(path: Path, db: Database | None) -> tuple[str | None, Watermark | None]:
    """The current file's identity and watermark; (None, None) when it cannot be read."""
    try:
        if db is not None:
            return read_identity(db.sql.conn), read_watermark(db.sql.conn)
        with readonly_view(path) as conn:
            return read_identity(conn), read_watermark(conn)
    except (sqlite3.Error, OSError):
        return None, None


def plan_restore(
    target: Path, backup_file: Path, now: datetime, db: Database | None = None
) -> RestorePlan:
    """Check `backup_file` (read-only) and compare it with the file at `target`.

    Raises OtherCooperative for another cooperative's backup and the backup's own refusal
    (damaged, not ours, newer) as an AppError."""
    backup_file = Path(backup_file)
    if backup_file.resolve() == Path(target).resolve():
        raise ValidationError(
            "Pilih file cadangan, bukan database yang sedang dibuka.", field="file"
        )
    facts = verify_copy(backup_file)
    identity, current = _read_current(Path(target), db)
    if facts.identity and identity and facts.identity != identity:
        with readonly_view(backup_file) as conn:
            name = _coop_name(conn)
        whose = f" ({name})" if name else ""
        raise OtherCooperative(
            f"Cadangan '{backup_file.name}' milik koperasi lain{whose}, bukan cadangan file "
            "koperasi ini. Pemulihan dibatalkan; tidak ada yang diubah. Pilih cadangan file "
            "koperasi ini (biasanya di folder cadangan yang ditunjukkan).",
            field="file",
        )
    seen = watermarks.last_seen(identity) if identity else None
    return RestorePlan(
        backup_file=backup_file,
        aside=restore_aside_path(Path(target), now),
        backup_mark=facts.watermark or Watermark(),
        newest_mark=_newest(current, seen),
        same_cooperative=None if not (facts.identity and identity) else True,
        identity=identity or facts.identity,
    )


def _copy_in(backup_file: Path, dest: sqlite3.Connection, identity: str | None) -> None:
    """Replace the content behind `dest` with the backup's (read without touching it)."""
    with readonly_view(backup_file) as source:
        source.backup(dest)
    had_identity = read_identity(dest) is not None
    if identity and not had_identity:
        # A backup from before file identities: it keeps the identity of this file.
        import sqlite_utils

        with dest:
            create_identity(sqlite_utils.Database(dest), identity)


def _record_restore(db: Database, plan: RestorePlan, actor: str, now: datetime) -> None:
    from app.storage.audit_repo import AuditRepository

    with db.atomic():
        record_backup(db, plan.aside, "sebelum-pulih", None, now)
        AuditRepository(db).record(
            None,
            "pulihkan",
            "database",
            None,
            after={
                "oleh": actor,
                "cadangan": str(plan.backup_file),
                "salinan_data_sebelumnya": str(plan.aside),
                "catatan_tidak_ada_di_cadangan": plan.missing,
                "waktu": now_text(now),
            },
            note=(
                f"Dipulihkan oleh {actor} dari {plan.backup_file}; data sebelum pemulihan "
                f"disimpan di {plan.aside}"
            ),
        )


def restore_from(db: Database, plan: RestorePlan, actor: str, now: datetime) -> Path:
    """Replace the open database's content with the planned backup; the current content is
    first copied aside (not verified: it may be the damaged data). The file stays locked."""
    copy_database(db, plan.aside)
    with sqlite_errors(db.path):
        _copy_in(plan.backup_file, db.sql.conn, plan.identity)
    loans_arrears_cache.forget(db)
    migrations.apply(db)
    _record_restore(db, plan, actor, now)
    with contextlib.suppress(sqlite3.Error, OSError):
        watermarks.remember(db)
    return plan.aside


def restore_file(path: Path, plan: RestorePlan, actor: str, now: datetime) -> Path:
    """Restore into a file that will not open (damaged): its main file, -wal and -shm are
    copied aside byte for byte, then the backup takes its place. Returns the aside copy."""
    path = Path(path)
    lock = acquire_lock(path)
    try:
        partial = path.with_name(path.name + ".sebagian")
        for suffix in ("", "-wal", "-shm"):
            source = path.with_name(path.name + suffix)
            if source.exists():
                shutil.copyfile(source, plan.aside.with_name(plan.aside.name + suffix))
        with sqlite_errors(partial):
            dest = sqlite3.connect(str(partial))
            try:
                _copy_in(plan.backup_file, dest, plan.identity)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                path.with_name(path.name + suffix).unlink()
        shutil.copyfile(partial, path)  # in place: the locked file keeps its identity
        partial.unlink()
    finally:
        lock.release()
    db = open_database(path, accept_older=True)
    try:
        _record_restore(db, plan, actor, now)
    finally:
        db.close()
    return plan.aside
