"""Restore knows its cooperative, names the age of the backup, records who restored as text,
and works on files that will not open or that fail only the full integrity check."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from app.services import Services
from app.settings.profile import CoopProfile
from app.storage import watermarks
from app.storage.backup import backup_to
from app.storage.db import DamagedFile, open_database
from app.storage.inspection import read_identity
from app.storage.restore import OtherCooperative, plan_restore, restore_file, restore_from
from app.users.models import Role, User
from tests.conftest import make_member, make_user
from tests.storage.bad_files import folder_state

pytestmark = pytest.mark.sqlite_only(
    "restoring a SQLite file (the server's pg_restore: tests/server/test_pg_backup.py)"
)

NOW = datetime(2026, 12, 7, 10, 0)


def _identity(services: Services) -> str:
    identity = read_identity(services.db.sql.conn)
    assert identity is not None and len(identity) == 32
    return identity


def test_every_new_file_gets_its_own_identity(tmp_path: Path) -> None:
    seen = set()
    for i in range(5):
        db = open_database(tmp_path / f"k{i}.db", create=True)
        seen.add(read_identity(db.sql.conn))
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("UPDATE file_identity SET identity = ?", ("0" * 32,))
        db.close()
    assert len(seen) == 5 and None not in seen


def test_backup_of_another_cooperative_is_refused_and_nothing_changes(
    services: Services, ketua: User, tmp_path: Path
) -> None:
    make_member(services, ketua)
    other = Services.open(tmp_path / "lain" / "koperasi-lain.db", create=True)
    other.settings.save_profile(
        None, CoopProfile(name="KSP Tetangga", code="KSP-T", city="Kota Lain", address="Jl. 2")
    )
    foreign = backup_to(other.db, tmp_path / "bk-lain").path
    other.close()
    before = folder_state(tmp_path / "bk-lain")
    with pytest.raises(OtherCooperative, match="milik koperasi lain \\(KSP Tetangga\\)"):
        plan_restore(services.db.path, foreign, NOW, services.db)
    assert services.members.count() == 1
    assert folder_state(tmp_path / "bk-lain") == before


def test_older_backup_names_what_it_lacks_and_the_restore_is_audited_as_text(
    services: Services, ketua: User, tmp_path: Path
) -> None:
    make_member(services, ketua, name="Anggota Lama")
    old = backup_to(services.db, tmp_path / "bk", now=datetime(2026, 12, 1, 8, 0)).path
    # Someone created after the backup does the restore: absent from the restored users.
    admin = make_user(services, Role.ADMIN, username="admin_baru")
    for serial in range(2, 5):
        make_member(services, ketua, name=f"Anggota Baru {serial}", serial=serial)
    identity = _identity(services)
    plan = plan_restore(services.db.path, old, NOW, services.db)
    assert plan.same_cooperative is True and plan.missing >= 3
    aside = restore_from(services.db, plan, actor=f"{admin.username} ({admin.full_name})", now=NOW)
    assert services.members.count() == 1 and _identity(services) == identity
    entry = [e for e in services.audit.entries("database") if e.action == "pulihkan"][-1]
    assert entry.user_id is None and entry.after is not None
    assert entry.after["oleh"] == "admin_baru (" + admin.full_name + ")"
    assert entry.after["cadangan"] == str(old) and entry.after["salinan_data_sebelumnya"] == str(
        aside
    )
    kept = Services.open(aside)
    try:
        assert kept.members.count() == 4
    finally:
        kept.close()


def _strip_identity(path: Path) -> None:
    """Make `path` look like a backup from before migration 0010."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE file_identity")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0010_file_identity'")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"PRAGMA user_version = {version - 1}")
    conn.commit()
    conn.close()


def test_backup_from_before_identities_takes_the_current_identity(
    services: Services, tmp_path: Path
) -> None:
    old = backup_to(services.db, tmp_path / "bk").path
    _strip_identity(old)
    identity = _identity(services)
    plan = plan_restore(services.db.path, old, NOW, services.db)
    assert plan.same_cooperative is None
    restore_from(services.db, plan, actor="admin", now=NOW)
    assert _identity(services) == identity


def _break_an_index(path: Path) -> None:
    """Passes quick_check, fails integrity_check (an index that no longer fits its table)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE filler (a INTEGER, b INTEGER)")
    conn.execute("CREATE INDEX filler_a ON filler (a)")
    conn.executemany("INSERT INTO filler VALUES (?, ?)", [(i, 1000 - i) for i in range(200)])
    conn.commit()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX filler_a ON filler (b)' "
        "WHERE name = 'filler_a'"
    )
    conn.commit()
    conn.close()


def test_restore_works_when_the_current_file_fails_only_integrity_check(
    tmp_path: Path,
) -> None:
    path = tmp_path / "koperasi.db"
    services = Services.open(path, create=True)
    good = backup_to(services.db, tmp_path / "bk").path
    services.close()
    _break_an_index(path)
    services = Services.open(path)  # quick_check passes: the program opens it
    try:
        assert services.db.scalar("PRAGMA integrity_check") != "ok"
        plan = plan_restore(path, good, NOW, services.db)
        aside = restore_from(services.db, plan, actor="admin", now=NOW)
        assert services.db.scalar("PRAGMA integrity_check") == "ok"
    finally:
        services.close()
    assert aside.exists()
    conn = sqlite3.connect(f"{aside.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"  # kept as it was
    conn.close()


def test_a_file_that_will_not_open_is_restored_and_its_damaged_bytes_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "koperasi.db"
    services = Services.open(path, create=True)
    identity = _identity(services)
    good = backup_to(services.db, tmp_path / "bk").path
    services.db.execute("CREATE TABLE filler (x TEXT)")
    for i in range(400):
        services.db.execute("INSERT INTO filler VALUES (?)", ("x" * 500 + str(i),))
    services.close()
    data = bytearray(path.read_bytes())
    data[8192 : 8192 + 4096 * 8] = b"\xa5" * (4096 * 8)
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedFile):
        open_database(path)
    plan = plan_restore(path, good, NOW)
    aside = restore_file(path, plan, actor="siti (di layar awal)", now=NOW)
    assert aside.read_bytes() == bytes(data)
    again = Services.open(path)
    try:
        assert _identity(again) == identity
        entry = [e for e in again.audit.entries("database") if e.action == "pulihkan"][-1]
        assert entry.after is not None and entry.after["oleh"] == "siti (di layar awal)"
    finally:
        again.close()


def test_an_older_copy_of_the_same_file_is_named_before_opening(tmp_path: Path) -> None:
    from app.storage.db import OlderThanLastSeen

    path = tmp_path / "koperasi.db"
    services = Services.open(path, create=True)
    copy = backup_to(services.db, tmp_path / "bk").path
    services.db.execute(
        "INSERT INTO audit_log (at, action, entity) VALUES ('2026-12-07 09:00:00', 'x', 'y')"
    )
    services.close()
    stale = tmp_path / "salinan-lama.db"
    stale.write_bytes(copy.read_bytes())
    before = folder_state(tmp_path)
    with pytest.raises(OlderThanLastSeen, match="1 catatan tidak ada") as caught:
        open_database(stale)
    assert caught.value.missing == 1
    assert folder_state(tmp_path) == before
    open_database(stale, accept_older=True).close()
    store = json.loads((watermarks._store()).read_text(encoding="utf-8"))
    assert len(store) == 1
