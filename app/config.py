"""Small per-user preferences kept outside any database (the last file opened)."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from app.paths import data_dir


def _config_file() -> Path:
    return data_dir() / "config.json"


def load_config() -> dict[str, Any]:
    """The stored preferences, or an empty dict when there are none or the file is unreadable."""
    try:
        value = json.loads(_config_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def save_config(values: dict[str, Any]) -> None:
    """Write the preferences atomically (temp file + replace)."""
    target = _config_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(values, indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(target)


def last_database() -> Path | None:
    """The database file opened last, if it still exists."""
    value = load_config().get("last_database")
    if isinstance(value, str) and Path(value).exists():
        return Path(value)
    return None


def remember_database(path: Path) -> None:
    """Remember `path` as the file to open next time."""
    values = load_config()
    values["last_database"] = str(Path(path).resolve())
    recent = [p for p in values.get("recent", []) if p != values["last_database"]]
    values["recent"] = [values["last_database"], *recent][:8]
    save_config(values)


def ui_state(key: str) -> str | None:
    """A remembered piece of window layout (a splitter's state), or None."""
    value = load_config().get("ui_state", {})
    found = value.get(key) if isinstance(value, dict) else None
    return found if isinstance(found, str) else None


def remember_ui_state(key: str, state: str) -> None:
    """Keep a piece of window layout for the next time; a file that cannot be written loses
    only the layout, never anything else."""
    values = load_config()
    states = values.get("ui_state")
    states = dict(states) if isinstance(states, dict) else {}
    states[key] = state
    values["ui_state"] = states
    with contextlib.suppress(OSError):
        save_config(values)
