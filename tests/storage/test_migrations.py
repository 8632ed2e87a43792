"""Schema upgrades: a frozen file from an earlier release migrates, with a copy kept aside."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from app.services import Services
from app.storage import migrations
from app.storage.db import open_database
from app.storage.schema import SEQUENCE

pytestmark = pytest.mark.sqlite_only(
    "the SQLite schema steps on files of earlier releases (PostgreSQL's steps: test_pg_schema.py)"
)

FIXTURE = Path(__file__).parents[1] / "fixtures" / "mufakat-0.1.0-schema1.db"


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    target = tmp_path / "lama.db"
    shutil.copy(FIXTURE, target)
    return target


def _applied(db_path: Path) -> list[str]:
    with sqlite_utils.Database(db_path) as raw:
        return [r["name"] for r in raw.query("SELECT name FROM _sqlite_migrations ORDER BY id")]


def test_fixture_is_frozen_at_schema_one(old_file: Path) -> None:
    assert _applied(old_file) == ["0001_foundation"]


def test_old_release_file_migrates_and_keeps_data(old_file: Path) -> None:
    svc = Services.open(old_file)
    try:
        names = [m.name for m in migrations.MIGRATIONS.applied(svc.db.sql)]
        assert set(names) == migrations.known_names()
        assert svc.db.scalar("PRAGMA user_version") == migrations.schema_version()
        member = svc.members.search("Sri")[0]
        assert member.number == "00001"
        assert svc.savings.balances(member.id).total == 125_000
        assert svc.settings.profile().name == "KSP Lama"
        assert svc.users.login("ketua", "rahasia123").full_name == "Ketua Lama"
        if migrations.schema_version() > 1:
            copy = svc.db.migrated_from_copy
            assert copy is not None and copy.exists()
            assert _applied(copy) == ["0001_foundation"]
    finally:
        svc.close()


@pytest.fixture
def extra_migration() -> Iterator[list[str]]:
    """Register a further migration for one test (as a later release would), then remove it."""
    calls: list[str] = []
    before = list(migrations.MIGRATIONS._migrations)

    @migrations.MIGRATIONS(name="9000_test_extra")
    def _extra(db: sqlite_utils.Database) -> None:
        calls.append("ran")
        db.execute("CREATE TABLE test_extra (id INTEGER PRIMARY KEY) STRICT")

    yield calls
    migrations.MIGRATIONS._migrations[:] = before


def test_pending_migration_copies_file_aside_first(
    old_file: Path, extra_migration: list[str]
) -> None:
    db = open_database(old_file)
    try:
        assert extra_migration == ["ran"]
        assert db.migrated_from_copy is not None
        assert "sebelum-migrasi" in db.migrated_from_copy.name
        assert "test_extra" not in sqlite_utils.Database(db.migrated_from_copy).table_names()
        assert "test_extra" in db.sql.table_names()
    finally:
        db.close()


def test_failing_migration_leaves_file_as_it_was(old_file: Path) -> None:
    before = list(migrations.MIGRATIONS._migrations)

    @migrations.MIGRATIONS(name="9001_test_fails")
    def _fails(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE half_done (id INTEGER) STRICT")
        raise RuntimeError("boom")

    try:
        with pytest.raises(RuntimeError):
            open_database(old_file)
    finally:
        migrations.MIGRATIONS._migrations[:] = before
    with sqlite_utils.Database(old_file) as raw:
        assert "half_done" not in raw.table_names()
    # The file still opens normally with the real migrations, and was not left locked.
    open_database(old_file).close()


SHIPPED = sorted((Path(__file__).parents[1] / "fixtures").glob("mufakat-*.db"))
"""Files frozen at the schema of an earlier release (0.1.0; the release landed before the
schema steps became one ordered list)."""


def _schema(path: Path) -> set[tuple[str, str, str]]:
    """Every table, index and trigger with its SQL, whitespace normalised."""
    with sqlite_utils.Database(path) as raw:
        return {
            (r["type"], r["name"], " ".join((r["sql"] or "").split()))
            for r in raw.query(
                "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            )
        }


@pytest.mark.parametrize("fixture", SHIPPED, ids=[p.name for p in SHIPPED])
def test_every_shipped_schema_migrates_to_the_fresh_schema(fixture: Path, tmp_path: Path) -> None:
    assert len(SHIPPED) >= 2
    fresh = tmp_path / "baru.db"
    Services.open(fresh, create=True).close()
    old = tmp_path / fixture.name
    shutil.copy(fixture, old)
    with sqlite_utils.Database(old) as raw:
        members_before = raw.execute("SELECT count(*) FROM members").fetchone()[0]
    svc = Services.open(old)
    try:
        assert svc.db.scalar("SELECT count(*) FROM members") == members_before
        assert [m.name for m in migrations.MIGRATIONS.applied(svc.db.sql)] == [
            step.NAME for step in SEQUENCE
        ]
    finally:
        svc.close()
    assert _schema(old) == _schema(fresh)


def test_the_steps_are_one_ordered_list() -> None:
    """The order of SEQUENCE is the order of application; names are unique and numbered."""
    names = [step.NAME for step in SEQUENCE]
    assert [m.name for m in migrations.MIGRATIONS._migrations] == names
    assert len(set(names)) == len(names)
    numbers = [int(name[:4]) for name in names]
    assert numbers == sorted(numbers)
    assert all(step.__name__.rsplit(".", 1)[1] == f"m{step.NAME}" for step in SEQUENCE)
