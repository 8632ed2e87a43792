"""Where Mufakat keeps its files: the per-user data folder, never next to the executable."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DB_SUFFIX = ".db"


def data_dir() -> Path:
    """The per-user data folder (`%APPDATA%\\Mufakat` on Windows); MUFAKAT_HOME overrides it."""
    override = os.environ.get("MUFAKAT_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "Mufakat"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "Mufakat"
    else:
        xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        base = Path(xdg) / "Mufakat"
    return base


def ensure_data_dir() -> Path:
    """Create the data folder if needed and return it."""
    path = data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """Where a new cooperative database goes unless the user picks another place."""
    return data_dir() / "mufakat.db"


def demo_db_path() -> Path:
    """The demo cooperative's database (created on first use of `mufakat --demo`)."""
    return data_dir() / "demo" / "ksp-guyub-rukun.db"


def backup_dir_for(db_path: Path) -> Path:
    """Folder for the automatic backups of one database file."""
    return data_dir() / "cadangan" / db_path.stem


def attachments_dir() -> Path:
    """Folder where attached photos and scans are copied."""
    return data_dir() / "lampiran"


def log_path() -> Path:
    """The program's log file (shown to the user when something unexpected happens)."""
    return data_dir() / "mufakat.log"
