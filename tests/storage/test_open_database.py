"""Opening files: every bad file gets a clear message and is left unchanged."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import StorageError
from app.storage import migrations
from app.storage.db import (
    AlreadyOpen,
    DamagedFile,
    FileMissing,
    NewerVersion,
    NotAMufakatFile,
    ReadOnlyFile,
    open_database,
    sync_warning,
)

pytestmark = pytest.mark.sqlite_only(
    "opening a SQLite file: the file lock, PRAGMA checks, damaged and foreign files"
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _make_db(path: Path) -> None:
    db = open_database(path, create=True)
    db.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
    db.close()


def test_new_file_is_created_with_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "baru.db", create=True)
    try:
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert db.scalar("PRAGMA synchronous") == 2  # FULL
        assert db.scalar("PRAGMA user_version") == migrations.schema_version()
        strict = db.rows("SELECT name, strict FROM pragma_table_list WHERE schema = 'main'")
        assert {r["name"] for r in strict if r["strict"] == 1} >= {"members", "users", "settings"}
    finally:
        db.close()


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(FileMissing, match="tidak ditemukan"):
        open_database(tmp_path / "tidak-ada.db")
    assert not (tmp_path / "tidak-ada.db").exists()


def test_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "catatan.db"
    path.write_text("ini bukan database" * 20, encoding="utf-8")
    before = _digest(path)
    with pytest.raises(NotAMufakatFile, match="bukan database Mufakat"):
        open_database(path)
    assert _digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lain.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE pelanggan (id INTEGER)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotAMufakatFile):
        open_database(path)
    assert _digest(path) == before


def test_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "rusak.db"
    db = open_database(path, create=True)
    db.execute("CREATE TABLE filler (x TEXT)")
    for i in range(400):
        db.execute("INSERT INTO filler VALUES (?)", ("x" * 500 + str(i),))
    db.close()
    data = bytearray(path.read_bytes())
    # Overwrite a stretch in the middle of the file (past the header page) with garbage.
    for i in range(8192, 8192 + 4096 * 8):
        data[i] = 0xA5
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(DamagedFile, match="rusak"):
        open_database(path)
    assert _digest(path) == before


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores file modes")
def test_read_only_file(tmp_path: Path) -> None:  # pragma: no cover - not as root
    path = tmp_path / "ro.db"
    _make_db(path)
    path.chmod(stat.S_IRUSR)
    with pytest.raises(ReadOnlyFile):
        open_database(path)


def test_read_only_file_as_reported_by_os(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root file modes are not enforced, so the OS answer is simulated at os.access."""
    path = tmp_path / "ro.db"
    _make_db(path)
    before = _digest(path)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    with pytest.raises(ReadOnlyFile, match="hanya bisa dibaca"):
        open_database(path)
    assert _digest(path) == before


def test_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ro.db"
    _make_db(path)
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: (
            False if (mode == os.W_OK and Path(p) == tmp_path) else real_access(p, mode)
        ),
    )
    with pytest.raises(ReadOnlyFile, match="Folder"):
        open_database(path)


def test_newer_version_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "baru.db"
    _make_db(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.schema_version() + 5}")
    conn.close()
    before = _digest(path)
    with pytest.raises(NewerVersion, match="versi yang lebih baru"):
        open_database(path)
    assert _digest(path) == before


def test_newer_migration_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "baru.db"
    _make_db(path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('mufakat', '9999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(NewerVersion):
        open_database(path)


def test_second_program_is_told_file_is_open(tmp_path: Path) -> None:
    path = tmp_path / "satu.db"
    first = open_database(path, create=True)
    try:
        with pytest.raises(AlreadyOpen, match="sedang dibuka oleh program Mufakat lain"):
            open_database(path)
    finally:
        first.close()
    open_database(path).close()  # free again once the first one closed


def test_lock_released_after_crash(tmp_path: Path) -> None:
    """A process that dies keeps no lock: the OS releases it."""
    import subprocess

    path = tmp_path / "crash.db"
    _make_db(path)
    code = (
        "import os; from pathlib import Path; from app.storage.db import open_database;"
        f"db = open_database(Path({str(path)!r})); os._exit(3)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=Path(__file__).parents[2], check=False
    )
    assert result.returncode == 3
    open_database(path).close()


@pytest.mark.parametrize(
    ("folder", "word"),
    [
        ("C:/Users/siti/OneDrive/Dokumen", "OneDrive"),
        ("/home/siti/Dropbox/koperasi", "Dropbox"),
        ("/home/siti/Google Drive/koperasi", "Google Drive"),
    ],
)
def test_cloud_folder_warning(folder: str, word: str) -> None:
    warning = sync_warning(Path(folder) / "koperasi.db")
    assert warning is not None and word in warning


def test_network_share_warning() -> None:
    warning = sync_warning(Path("//server/koperasi/koperasi.db"))
    assert warning is not None and "jaringan" in warning


def test_plain_folder_has_no_warning(tmp_path: Path) -> None:
    assert sync_warning(tmp_path / "koperasi.db") is None


def test_warning_is_attached_when_opened(tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive"
    folder.mkdir()
    db = open_database(folder / "k.db", create=True)
    try:
        assert any("OneDrive" in w for w in db.warnings)
    finally:
        db.close()


def test_errors_are_storage_errors() -> None:
    for cls in (NotAMufakatFile, DamagedFile, ReadOnlyFile, NewerVersion, AlreadyOpen, FileMissing):
        assert issubclass(cls, StorageError)


def _checks_run(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from app.storage import inspection

    seen: list[str] = []
    real = inspection.readonly_view

    @contextlib.contextmanager
    def traced(p: Path, **kw: bool) -> Iterator[sqlite3.Connection]:
        with real(p, **kw) as conn:
            conn.set_trace_callback(seen.append)
            yield conn

    monkeypatch.setattr(inspection, "readonly_view", traced)
    monkeypatch.setattr(inspection, "FULL_CHECK_MAX_BYTES", 0)
    inspection.inspect_file(path, migrations.schema_version(), migrations.known_names())
    return [s for s in seen if s.startswith("PRAGMA quick_check")]


def test_large_clean_file_checks_all_but_history_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "besar.db"
    _make_db(path)
    checked = _checks_run(path, monkeypatch)
    assert 'PRAGMA quick_check("members")' in checked
    assert not any("savings_transactions" in s or "audit_log" in s for s in checked)
    assert "PRAGMA quick_check" not in checked


def test_large_file_left_unclean_gets_the_full_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "besar.db"
    _make_db(path)
    Path(str(path) + "-wal").write_bytes(b"\x00" * 32)  # what a crash leaves behind
    assert "PRAGMA quick_check" in _checks_run(path, monkeypatch)
