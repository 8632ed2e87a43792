"""The tables a large file's open check leaves to the verified backups and `mufakat check`
(inspection.HISTORY_TABLES) are append-only: what is in them was checked in full when it was
backed up, and nothing in them is rewritten after."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services import Services
from app.storage.inspection import HISTORY_TABLES

pytestmark = pytest.mark.sqlite_only(
    "the open check of a large SQLite file (PRAGMA, sqlite_master)"
)


def test_every_history_table_exists_and_is_append_only(tmp_path: Path) -> None:
    services = Services.open(tmp_path / "koperasi.db", create=True)
    try:
        tables = {
            r[0] for r in services.db.rows("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        triggers = {
            r[0] for r in services.db.rows("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    finally:
        services.close()
    assert tables >= HISTORY_TABLES
    for table in sorted(HISTORY_TABLES):
        assert f"{table}_no_update" in triggers, table
        assert f"{table}_no_delete" in triggers, table
