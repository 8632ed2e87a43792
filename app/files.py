"""A database file before it is open, as `ui/` sees it: why it would not open, restoring a
backup over it, and the files that belong to it (re-exported from app.storage so `ui/` never
imports the storage layer)."""

from __future__ import annotations

from pathlib import Path

from app.storage.db import DamagedFile, OlderThanLastSeen
from app.storage.inspection import has_wal_content
from app.storage.lock import lock_path_for
from app.storage.restore import plan_restore, restore_file

__all__ = [
    "DamagedFile",
    "OlderThanLastSeen",
    "database_files",
    "long_check_ahead",
    "plan_restore",
    "restore_file",
]

# Opening a file the last session did not close checks all of it (about a second per 50 MB on
# an office PC, app/storage/inspection.py): from this size on the user is told why it waits.
LONG_CHECK_BYTES = 16 * 1024 * 1024


def long_check_ahead(path: Path, min_bytes: int = LONG_CHECK_BYTES) -> bool:
    """Opening `path` will check the whole file because its last session ended without
    closing it (a power cut, a killed program: its `-wal` is left with content), and the file
    is big enough (`min_bytes` or more) for that check to take a while."""
    try:
        return has_wal_content(path) and path.stat().st_size >= min_bytes
    except OSError:
        return False


def database_files(path: Path) -> tuple[Path, ...]:
    """The database file and what SQLite and Mufakat keep beside it (WAL, shared memory,
    lock note) — for removing a file that was just created and could not be finished."""
    return (path, Path(f"{path}-wal"), Path(f"{path}-shm"), lock_path_for(path))
