"""A refusal never writes: every bad file × every entry point leaves the main file, its -wal
and -shm byte-identical and no new side file behind."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.errors import AppError, StorageError
from app.services import Services
from app.storage.backup import verify_copy
from app.storage.db import AlreadyOpen, open_database
from app.storage.inspection import ForeignWal
from app.storage.restore import plan_restore, restore_file, restore_from
from tests.storage.bad_files import BAD_FILES, folder_state, make_good

pytestmark = pytest.mark.sqlite_only(
    "refusing bad SQLite files leaves the file, -wal and -shm untouched"
)

ENGLISH = ("database disk image", "malformed", "not a database", "unable to open", "Error")


def _open(path: Path, _tmp: Path, _capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(StorageError):
        open_database(path)


def _services_open(path: Path, _tmp: Path, _capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(StorageError):
        Services.open(path)


def _cli_backup(path: Path, tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp / "usb"
    assert main(["backup", "--db", str(path), "--to", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("GAGAL: ") and not any(word in err for word in ENGLISH)
    assert not target.exists() or list(target.iterdir()) == []


def _cli_check(path: Path, _tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "BAIK" not in out and "MASALAH" in out
    assert not any(word in out for word in ENGLISH)


def _restore_source(path: Path, tmp: Path, _capsys: pytest.CaptureFixture[str]) -> None:
    live = tmp / "hidup" / "koperasi.db"
    services = Services.open(live, create=True)
    try:
        before = services.db.scalar("SELECT count(*) FROM settings")
        with pytest.raises(AppError):
            plan = plan_restore(live, path, datetime.now(), services.db)
            restore_from(services.db, plan, actor="admin", now=datetime.now())
        assert services.db.scalar("SELECT count(*) FROM settings") == before
    finally:
        services.close()


def _verify(path: Path, _tmp: Path, _capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(StorageError):
        verify_copy(path)


ENTRY_POINTS: dict[str, Callable[[Path, Path, pytest.CaptureFixture[str]], None]] = {
    "open_database": _open,
    "Services.open (layar awal, --db)": _services_open,
    "mufakat backup": _cli_backup,
    "mufakat check": _cli_check,
    "pulihkan (sumber)": _restore_source,
    "periksa cadangan": _verify,
}


@pytest.mark.parametrize("entry", list(ENTRY_POINTS))
@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_refusal_leaves_every_file_as_it_was(
    kind: str, entry: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "berkas"
    folder.mkdir()
    path = folder / "koperasi.db"
    BAD_FILES[kind](path)
    before = folder_state(folder)
    ENTRY_POINTS[entry](path, tmp_path, capsys)
    assert folder_state(folder) == before


def test_foreign_wal_is_named_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "koperasi.db"
    BAD_FILES["wal-asing"](path)
    wal = Path(f"{path}-wal").read_bytes()
    with pytest.raises(ForeignWal, match="-wal"):
        open_database(path)
    assert Path(f"{path}-wal").read_bytes() == wal
    # Moving the WAL aside (as the message says) lets the sound main file open.
    shutil.move(f"{path}-wal", tmp_path / "disimpan-wal")
    open_database(path).close()


@pytest.mark.parametrize(
    "entry", ["open_database", "mufakat backup", "mufakat check", "pulihkan ke file"]
)
def test_a_file_open_elsewhere_is_refused_without_writing(
    entry: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "berkas"
    folder.mkdir()
    path = folder / "koperasi.db"
    make_good(path)
    holder = open_database(path)
    try:
        holder.execute("INSERT INTO settings (key, value) VALUES ('dipegang', '1')")
        before = folder_state(folder)
        if entry == "open_database":
            with pytest.raises(AlreadyOpen):
                open_database(path)
        elif entry == "mufakat backup":
            assert main(["backup", "--db", str(path), "--to", str(tmp_path / "usb")]) == 1
            assert "sedang dibuka" in capsys.readouterr().err
        elif entry == "mufakat check":
            assert main(["check", "--db", str(path)]) == 0  # read-only, allowed
            assert "sedang dibuka oleh program Mufakat lain" in capsys.readouterr().out
        else:
            # A backup of this file, made while it is held, offered to the start screen.
            backup = tmp_path / "cadangan.db"
            shutil.copyfile(path, backup)
            plan = plan_restore(path, backup, datetime.now())
            with pytest.raises(AlreadyOpen):
                restore_file(path, plan, "admin", datetime.now())
        assert folder_state(folder) == before
    finally:
        holder.close()


def test_check_of_a_good_file_leaves_no_side_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "berkas"
    folder.mkdir()
    path = folder / "koperasi.db"
    make_good(path)
    before = folder_state(folder)
    assert sorted(before) == ["koperasi.db", "koperasi.db.lock"]
    assert main(["check", "--db", str(path)]) == 0
    assert "BAIK" in capsys.readouterr().out
    assert folder_state(folder) == before


def test_clean_close_leaves_the_main_file_complete(tmp_path: Path) -> None:
    path = tmp_path / "koperasi.db"
    db = open_database(path, create=True)
    db.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
    db.close()
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    copy = tmp_path / "hanya-utama.db"
    shutil.copyfile(path, copy)  # the main file alone, as a careless copy would take it
    again = open_database(copy)
    try:
        assert again.scalar("SELECT value FROM settings WHERE key = 'x'") == "1"
    finally:
        again.close()
