"""Backups as the rest of the program sees them: the storage layer's `BackupInfo` (what a
backup file is: path, time, size, kind, verified) and `RestorePlan` (what a restore would do),
re-exported so `ui/` need not reach into
`app.storage` for it."""

from __future__ import annotations

from app.storage.backup import BackupInfo
from app.storage.restore import RestorePlan

__all__ = ["BackupInfo", "RestorePlan"]
