"""One writer per database file, by the file itself rather than by its name.

The lock is an OS lock on the database file's own open file: `flock` on Linux (independent of
the POSIX record locks SQLite uses), and on Windows a byte-range lock on a byte of the
"lock-byte page" at 1 GiB, a page SQLite reserves and never reads or writes (its own locks use
the first 512 bytes of that page). So a symlink, a hard link or another spelling of the folder
reaches the same lock, and the OS drops it when the process dies. Elsewhere (macOS, where
`flock` and SQLite's locks interact) a lock file named after the file's device and inode in the
temporary folder is locked instead. Nothing is ever unlinked after unlocking: removing a lock
file another process has just opened would let two holders in at once.

Beside the database a small `.lock` text file names the holder for whoever finds the file
busy; it is information only, not the lock.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import socket
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import IO

from app.formats import format_date_time

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

# Byte 1024 of SQLite's lock-byte page (PENDING_BYTE = 0x40000000): never read, written or
# locked by SQLite itself.
WINDOWS_LOCK_OFFSET = 0x40000000 + 1024


class LockHeld(Exception):
    """Another process holds the lock; `holder` describes it (may be empty)."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


def lock_path_for(db_path: Path) -> Path:
    """The holder note beside the database (information only)."""
    return db_path.with_name(db_path.name + ".lock")


def _identity_lock_path(handle: IO[bytes]) -> Path:
    info = os.fstat(handle.fileno())
    folder = Path(tempfile.gettempdir()) / "mufakat-kunci"
    folder.mkdir(exist_ok=True)
    return folder / f"{info.st_dev}-{info.st_ino}.lock"


def _try_lock(handle: IO[bytes]) -> None:
    """Lock `handle` exclusively without waiting; OSError when another holder has it."""
    if sys.platform == "win32":  # pragma: no cover
        handle.seek(WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        handle.seek(WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class FileLock:
    """An exclusive, non-blocking lock on one database file, held while it is open."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path_for(self.db_path)
        self._handle: IO[bytes] | None = None
        self._extra: IO[bytes] | None = None

    def acquire(self) -> None:
        """Take the lock (the database file must exist); LockHeld when another has it."""
        handle = open(self.db_path, "rb")  # noqa: SIM115 - kept open while held
        target = handle
        try:
            if sys.platform == "darwin":  # pragma: no cover - macOS only
                target = open(_identity_lock_path(handle), "a+b")  # noqa: SIM115
            _try_lock(target)
        except OSError:
            if target is not handle:  # pragma: no cover
                target.close()
            handle.close()
            raise LockHeld(self._read_holder()) from None
        self._handle = handle
        self._extra = target if target is not handle else None

    def _read_holder(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return ""

    def announce(self) -> None:
        """Write the holder note (after the file was accepted: a refusal writes nothing)."""
        with contextlib.suppress(OSError):  # the note is a courtesy; the lock is held
            self.path.write_text(
                f"{getpass.getuser()} di komputer {socket.gethostname()} "
                f"sejak {format_date_time(datetime.now())} (proses {os.getpid()})\n",
                encoding="utf-8",
            )

    def release(self) -> None:
        if self._handle is None:
            return
        locked = self._extra or self._handle
        try:
            _unlock(locked)
        finally:
            if self._extra is not None:  # pragma: no cover - macOS only
                self._extra.close()
            self._handle.close()
            self._handle = None
            self._extra = None

    @property
    def held(self) -> bool:
        return self._handle is not None
