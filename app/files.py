"""A database file before it is open, as `ui/` sees it: why it would not open, restoring a
backup over it, and the files that belong to it (re-exported from app.storage so `ui/` never
imports the storage layer)."""

from __future__ import annotations

from pathlib import Path

from app.storage.db import DamagedFile, OlderThanLastSeen
from app.storage.lock import lock_path_for
from app.storage.restore import plan_restore, restore_file

__all__ = ["DamagedFile", "OlderThanLastSeen", "database_files", "plan_restore", "restore_file"]


def database_files(path: Path) -> tuple[Path, ...]:
    """The database file and what SQLite and Mufakat keep beside it (WAL, shared memory,
    lock note) — for removing a file that was just created and could not be finished."""
    return (path, Path(f"{path}-wal"), Path(f"{path}-shm"), lock_path_for(path))
