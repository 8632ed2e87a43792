"""Backups as the rest of the program sees them: the storage layer's `BackupInfo` (what a
backup file is: path, time, size, kind, verified), re-exported so `ui/` need not reach into
`app.storage` for it."""

from __future__ import annotations

from app.storage.backup import BackupInfo

__all__ = ["BackupInfo"]
