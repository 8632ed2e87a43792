"""What this PC last saw of each cooperative's file, so an older copy is noticed before use.

Kept in the per-user data folder, keyed by the file's identity (see m0010_file_identity): the
highest ids of the append-only tables when the file was last opened or closed here. A main
file copied without its `-wal`, or an old copy put back, has lower ids and is named so before
anything is written to it."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.paths import data_dir
from app.storage.db import Database, OlderThanLastSeen
from app.storage.inspection import FileFacts, Watermark, read_identity, read_watermark


def _store() -> Path:
    return data_dir() / "riwayat-file.json"


def _load() -> dict[str, Any]:
    try:
        data = json.loads(_store().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def last_seen(identity: str) -> Watermark | None:
    """The watermark this PC recorded for `identity`, if any."""
    entry = _load().get(identity)
    if not isinstance(entry, dict):
        return None
    try:
        return Watermark(
            int(entry["audit_id"]),
            int(entry["savings_id"]),
            int(entry["loan_event_id"]),
            str(entry.get("last_at", "")),
        )
    except (KeyError, TypeError, ValueError):
        return None


def record(identity: str, mark: Watermark, path: Path) -> None:
    """Remember `mark` as the latest state of `identity` (written atomically)."""
    data = _load()
    data[identity] = {**asdict(mark), "path": str(path)}
    store = _store()
    store.parent.mkdir(parents=True, exist_ok=True)
    temporary = store.with_name(store.name + ".baru")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, store)


def remember(db: Database) -> None:
    """Record the open file's current state as the latest seen on this PC."""
    identity = read_identity(db.sql.conn)
    if identity:
        record(identity, read_watermark(db.sql.conn), db.path)


def older_message(path: Path, have: Watermark, seen: Watermark) -> str:
    missing = have.behind(seen)
    last = f" (data terakhir {seen.last_at})" if seen.last_at else ""
    mine = f"; file ini berhenti pada {have.last_at}" if have.last_at else ""
    return (
        f"File '{path.name}' lebih lama daripada data koperasi yang sama yang terakhir dibuka "
        f"di komputer ini{last}{mine}: {missing} catatan tidak ada di file ini. Mungkin ini "
        "salinan lama, atau file yang disalin tanpa file -wal pendampingnya. Belum ada yang "
        "diubah. Lanjutkan hanya bila Anda yakin memang ingin memakai file ini."
    )


def refuse_if_older(path: Path, facts: FileFacts) -> None:
    """Raise OlderThanLastSeen when the file lacks records this PC has seen."""
    if facts.identity is None or facts.watermark is None:
        return
    seen = last_seen(facts.identity)
    if seen is None:
        return
    missing = facts.watermark.behind(seen)
    if missing:
        raise OlderThanLastSeen(older_message(path, facts.watermark, seen), missing)
