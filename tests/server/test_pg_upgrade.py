"""Later schema steps on a server database (issue 15): a verified dump first, then every step
the database lacks in one transaction; nothing when it is up to date; a failing step leaves it
as it was (the dump besides)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from app.errors import StorageError
from app.server_url import parse_server_url
from app.storage import pg_schema
from app.storage.pg_tools import open_connection
from app.storage.pg_upgrade import BACKUP_KIND, pending, upgrade_server
from tests.pg import APP_ROLE, SUPERUSER

STEPS = {
    "9998_uji_tabel": "CREATE TABLE uji_baru (id bigint PRIMARY KEY, isi text NOT NULL)",
    "9999_uji_kolom": "ALTER TABLE members ADD COLUMN uji text",
}


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Two steps after the baseline (none exist yet in the program)."""
    steps = dict(STEPS)
    names = [*pg_schema.later_steps(), *steps]
    monkeypatch.setattr(pg_schema, "later_steps", lambda: names)
    monkeypatch.setattr(pg_schema, "step_sql", lambda name: steps[name])
    return steps


def _one(url: str, query: str) -> object:
    with psycopg.connect(url) as conn:
        row = conn.execute(query).fetchone()
        return None if row is None else row[0]


def test_an_up_to_date_database_is_left_alone(pg_url: str, tmp_path: Path) -> None:
    owner = parse_server_url(pg_url.replace(APP_ROLE, SUPERUSER, 1))
    done = upgrade_server(owner, tmp_path, APP_ROLE)
    assert done.steps == [] and done.backup is None and list(tmp_path.iterdir()) == []


def test_the_steps_run_after_a_dump_of_the_database_before_them(
    pg_url: str, tmp_path: Path, later: dict[str, str]
) -> None:
    owner_text = pg_url.replace(APP_ROLE, SUPERUSER, 1)
    owner = parse_server_url(owner_text)
    steps_before = _one(owner_text, "SELECT count(*) FROM _migrations")
    with open_connection(owner) as conn:
        assert pending(conn) == list(STEPS)
    done = upgrade_server(owner, tmp_path, APP_ROLE)
    assert done.steps == list(STEPS) and done.backup is not None
    assert done.backup.path.exists() and done.backup.steps == steps_before  # taken before
    assert _one(owner_text, "SELECT kind FROM backups") == BACKUP_KIND
    assert _one(owner_text, "SELECT count(*) FROM _migrations") == steps_before + 2
    assert _one(pg_url, "SELECT count(uji) FROM members") == 0  # the column is there
    assert _one(pg_url, "SELECT count(*) FROM uji_baru") == 0  # the program's role reads it
    again = upgrade_server(owner, tmp_path, APP_ROLE)
    assert again.steps == [] and again.backup is None and len(list(tmp_path.iterdir())) == 1


def test_a_failing_step_changes_nothing(pg_url: str, tmp_path: Path, later: dict[str, str]) -> None:
    later["9999_uji_kolom"] = "ALTER TABLE tidak_ada ADD COLUMN uji text"
    owner_text = pg_url.replace(APP_ROLE, SUPERUSER, 1)
    steps_before = _one(owner_text, "SELECT count(*) FROM _migrations")
    with pytest.raises(StorageError, match=r"gagal dan dibatalkan.*cadangan sebelum pembaruan"):
        upgrade_server(parse_server_url(owner_text), tmp_path, APP_ROLE)
    assert _one(owner_text, "SELECT count(*) FROM _migrations") == steps_before
    assert _one(owner_text, "SELECT to_regclass('uji_baru') IS NULL") is True
    assert len(list(tmp_path.glob("*.dump"))) == 1
