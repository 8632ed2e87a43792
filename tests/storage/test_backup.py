"""Backups are verified copies; restore keeps the current file aside first."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from app.errors import StorageError, ValidationError
from app.savings.models import SavingsKind
from app.services import Services
from app.storage.backup import backup_to, last_backup, prune_backups, verify_copy
from app.storage.db import DamagedFile, NotAMufakatFile, open_database
from app.storage.restore import plan_restore, restore_from
from app.users.models import User
from tests.conftest import make_member

pytestmark = pytest.mark.sqlite_only(
    "the SQLite file backup (the server's pg_dump backup: tests/server/test_pg_backup.py)"
)


def test_backup_is_verified_and_recorded(services: Services, ketua: User, tmp_path: Path) -> None:
    member = make_member(services, ketua)
    services.savings.deposit(
        ketua, member.id, SavingsKind.POKOK, 100_000, date(2021, 1, 4), today=date(2026, 11, 26)
    )
    usb = tmp_path / "usb"
    info = backup_to(services.db, usb, user_id=ketua.id, now=datetime(2026, 11, 26, 17, 5))
    assert info.path.name == "koperasi-cadangan-20261126-170500.db"
    assert info.verified and info.size == info.path.stat().st_size
    verify_copy(info.path)
    latest = last_backup(services.db)
    assert latest is not None and latest.path == info.path
    # The copy is a complete database that opens on its own.
    copy = Services.open(info.path)
    try:
        assert copy.members.search("Siti")[0].savings_total == 100_000
    finally:
        copy.close()
    assert list(usb.glob("*.sebagian")) == []


def test_two_backups_in_same_second_do_not_overwrite(services: Services, tmp_path: Path) -> None:
    when = datetime(2026, 11, 26, 17, 5)
    first = backup_to(services.db, tmp_path, now=when)
    second = backup_to(services.db, tmp_path, now=when)
    assert first.path != second.path and first.path.exists() and second.path.exists()


def test_backup_to_unwritable_place_is_clear(services: Services, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StorageError, match="tidak bisa dibuat"):
        backup_to(services.db, blocker / "sub")


def test_prune_keeps_newest(tmp_path: Path) -> None:
    for stamp in ("20260101-000000", "20260102-000000", "20260103-000000", "20260104-000000"):
        (tmp_path / f"k-cadangan-{stamp}.db").write_bytes(b"x")
    (tmp_path / "lain.db").write_bytes(b"x")
    removed = prune_backups(tmp_path, "k", keep=2)
    assert [p.name for p in removed] == [
        "k-cadangan-20260101-000000.db",
        "k-cadangan-20260102-000000.db",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "k-cadangan-20260103-000000.db",
        "k-cadangan-20260104-000000.db",
        "lain.db",
    ]


def test_verify_refuses_bad_copies(tmp_path: Path) -> None:
    text = tmp_path / "x.db"
    text.write_text("bukan" * 100, encoding="utf-8")
    with pytest.raises(NotAMufakatFile):
        verify_copy(text)
    db = open_database(tmp_path / "asli.db", create=True)
    db.execute("CREATE TABLE filler (x TEXT)")
    for i in range(300):
        db.execute("INSERT INTO filler VALUES (?)", ("y" * 400 + str(i),))
    db.close()
    data = bytearray((tmp_path / "asli.db").read_bytes())
    data[8192 : 8192 + 4096 * 6] = b"\xa5" * (4096 * 6)
    broken = tmp_path / "rusak.db"
    broken.write_bytes(bytes(data))
    with pytest.raises(DamagedFile):
        verify_copy(broken)


def test_restore_brings_old_data_back_and_keeps_current_aside(
    services: Services, ketua: User, tmp_path: Path
) -> None:
    first = make_member(services, ketua, name="Anggota Sebelum")
    info = backup_to(services.db, tmp_path / "bk")
    make_member(services, ketua, name="Anggota Sesudah", serial=2)
    assert services.members.count() == 2
    plan = plan_restore(services.db.path, info.path, datetime.now(), services.db)
    aside = restore_from(services.db, plan, actor=ketua.username, now=datetime.now())
    assert services.members.count() == 1
    assert services.members.get(first.id).name == "Anggota Sebelum"
    assert aside.exists() and "sebelum-pulih" in aside.name
    kept = Services.open(aside)
    try:
        assert kept.members.count() == 2
    finally:
        kept.close()
    assert any(e.action == "pulihkan" for e in services.audit.entries("database"))


def test_restore_refuses_a_non_backup(services: Services, tmp_path: Path) -> None:
    text = tmp_path / "foto.db"
    text.write_bytes(b"\x89PNG" * 100)
    with pytest.raises(NotAMufakatFile):
        plan_restore(services.db.path, text, datetime.now(), services.db)
    with pytest.raises(ValidationError):
        plan_restore(services.db.path, services.db.path, datetime.now(), services.db)
