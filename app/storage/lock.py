"""One writer per database file: an OS-level lock on a `<file>.lock` beside it.

The lock is released by the operating system when the process ends, even after a crash, so a
stale lock file never blocks anyone; its text only tells the next user who holds it.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import socket
import sys
from datetime import datetime
from pathlib import Path
from typing import IO

from app.formats import format_date_time

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl


class LockHeld(Exception):
    """Another process holds the lock; `holder` describes it (may be empty)."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class FileLock:
    """An exclusive, non-blocking lock held for the life of an open database."""

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path_for(db_path)
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while held
        try:
            if sys.platform == "win32":  # pragma: no cover
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            try:
                handle.seek(0)
                holder = handle.read().strip()
            except OSError:  # Windows refuses to read a locked region
                holder = ""
            handle.close()
            raise LockHeld(holder) from None
        # Describe ourselves for whoever finds the file locked next.
        handle.seek(0)
        handle.truncate()
        handle.write(
            f"{getpass.getuser()} di komputer {socket.gethostname()} "
            f"sejak {format_date_time(datetime.now())} (proses {os.getpid()})\n"
        )
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            if sys.platform == "win32":  # pragma: no cover
                self._handle.seek(0)
                msvcrt.locking(self._handle.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
        finally:
            self._handle.close()
            self._handle = None
        # Another process may have just taken it; leaving the file is fine.
        with contextlib.suppress(OSError):
            self.path.unlink()

    @property
    def held(self) -> bool:
        return self._handle is not None
