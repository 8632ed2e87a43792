"""Backups as the rest of the program sees them.

`BackupService` makes, lists and restores the backups of one open database (built by
app/services.py); `BackupInfo` (what a backup file is: path, time, size, kind, verified) and
`RestorePlan` (what a restore would do) are the storage layer's types, re-exported so `ui/`
need not reach into `app.storage`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.paths import backup_dir_for
from app.storage.backup import BackupInfo, backup_to, last_backup, prune_backups, recent_backups
from app.storage.db import Database
from app.storage.engine import Engine
from app.storage.file_only import file_only
from app.storage.restore import RestorePlan, plan_restore, restore_from

__all__ = ["AUTO_KIND", "BackupInfo", "BackupService", "RestorePlan"]

AUTO_KIND = "otomatis"


class BackupService:
    """The backups of one open database file."""

    def __init__(self, db: Engine) -> None:
        self._engine = db

    @property
    def _db(self) -> Database:
        """Backups of a file on this PC; the office server's are made on the server PC
        (`mufakat backup --db URL`, issue 15)."""
        return file_only(self._engine, "Cadangan dari jendela ini")

    @property
    def folder(self) -> Path:
        """The per-user folder of this file's automatic backups."""
        return backup_dir_for(self._db.path)

    def recent(self, limit: int = 20) -> list[BackupInfo]:
        return recent_backups(self._db, limit)

    def last(self) -> BackupInfo | None:
        return last_backup(self._db)

    def make(self, folder: Path, *, kind: str = "manual", user_id: int | None) -> BackupInfo:
        """A verified backup into `folder` (StorageError when it cannot be made)."""
        return backup_to(self._db, folder, kind=kind, user_id=user_id)

    def make_automatic(self, *, keep: int, user_id: int | None) -> BackupInfo:
        """The automatic backup into `folder`, keeping the last `keep` of them."""
        info = backup_to(self._db, self.folder, kind=AUTO_KIND, user_id=user_id)
        prune_backups(self.folder, self._db.path.stem, keep)
        return info

    def plan_restore(self, backup_file: Path, now: datetime) -> RestorePlan:
        """What restoring `backup_file` over the open file would do (AppError when it cannot)."""
        return plan_restore(self._db.path, backup_file, now, self._db)

    def restore(self, plan: RestorePlan, *, actor: str, now: datetime) -> Path:
        """Replace the data with the planned backup; returns where the old data was kept."""
        return restore_from(self._db, plan, actor=actor, now=now)
