"""A backup that cannot be written says why in Indonesian, leaves nothing half-written, and
what a killed backup left behind is cleaned at the next start."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.errors import StorageError
from app.services import Services
from app.storage.backup import _load_pending, backup_name, backup_to
from tests.storage.bad_files import make_good

pytestmark = pytest.mark.sqlite_only(
    "the SQLite file backup (the server's pg_dump backup: tests/server/test_pg_backup.py)"
)

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = ("unable to open", "disk I/O", "Traceback", "Error", "SQLITE")


def _indonesian(text: str) -> None:
    assert "Cadangan tidak bisa disimpan" in text
    assert not any(word in text for word in ENGLISH), text


def test_a_target_sqlite_cannot_open_is_explained(tmp_path: Path) -> None:
    """The partial file's name taken by a folder: SQLite's "unable to open" underneath."""
    services = Services.open(tmp_path / "koperasi.db", create=True)
    try:
        when = datetime(2026, 12, 7, 17, 0)
        usb = tmp_path / "usb"
        usb.mkdir()
        name = backup_name(services.db.path, when)
        (usb / name.replace(".db", ".db.sebagian")).mkdir()
        with pytest.raises(StorageError) as caught:
            backup_to(services.db, usb, now=when)
        _indonesian(caught.value.message)
        assert [p.name for p in usb.iterdir()] == [name.replace(".db", ".db.sebagian")]
        assert _load_pending() == []
    finally:
        services.close()


@pytest.mark.parametrize("target", ["/proc/self", "/proc/self/tidak/ada"])
def test_cli_backup_to_a_read_only_or_impossible_folder(
    target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not Path("/proc/self").is_dir():
        pytest.skip("needs Linux /proc (a folder nobody can write to, root included)")
    path = tmp_path / "koperasi.db"
    make_good(path)
    assert main(["backup", "--db", str(path), "--to", target]) == 1
    err = capsys.readouterr().err
    assert err.startswith("GAGAL: ") and "Traceback" not in err
    assert not any(word in err for word in ("unable to open", "OperationalError"))


FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), int(sys.argv[3])))
from app.cli import main
sys.exit(main(["backup", "--db", sys.argv[1], "--to", sys.argv[2]]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_cli_backup_onto_a_full_disk(tmp_path: Path) -> None:
    """A file-size limit makes every write past 1 MB fail, as a full flashdisk would."""
    path = tmp_path / "koperasi.db"
    make_good(path, rows=4000)  # about 2.5 MB
    assert path.stat().st_size > 2_000_000
    usb = tmp_path / "usb"
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(path), str(usb), str(1_000_000)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("GAGAL: Cadangan tidak bisa disimpan")
    _indonesian(result.stderr)  # (a file-size limit reads as a write error, not "full")
    assert list(usb.iterdir()) == []  # neither .sebagian nor -journal left


KILLED = """
import os, sqlite3, sys
from pathlib import Path
from app.services import Services
from app.storage import backup

def dying_copy(db, target):
    dest = sqlite3.connect(str(target))
    dest.execute("CREATE TABLE t (x)")
    dest.execute("BEGIN")
    dest.execute("INSERT INTO t VALUES (zeroblob(100000))")
    os._exit(9)  # killed in the middle: the partial file and its journal stay

backup.copy_database = dying_copy
services = Services.open(Path(sys.argv[1]))
backup.backup_to(services.db, Path(sys.argv[2]))
"""


def test_leftovers_of_a_killed_backup_are_cleaned_at_next_start(tmp_path: Path) -> None:
    path = tmp_path / "koperasi.db"
    make_good(path)
    usb = tmp_path / "usb"
    result = subprocess.run(
        [sys.executable, "-c", KILLED, str(path), str(usb)], cwd=ROOT, check=False
    )
    assert result.returncode == 9
    left = sorted(p.name for p in usb.iterdir())
    assert any(n.endswith(".sebagian") for n in left)
    assert any(n.endswith(".sebagian-journal") for n in left)
    assert len(_load_pending()) == 1
    Services.open(path).close()
    assert list(usb.iterdir()) == []
    assert _load_pending() == []


def test_cli_backup_of_an_older_copy_warns_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "koperasi.db"
    services = Services.open(path, create=True)
    old = backup_to(services.db, tmp_path / "bk").path
    services.audit.record(None, "uji", "uji", None)
    services.close()
    stale = tmp_path / "lama.db"
    stale.write_bytes(old.read_bytes())
    assert main(["backup", "--db", str(stale), "--to", str(tmp_path / "usb")]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("PERINGATAN: ") and "lebih lama" in captured.err
    assert "Cadangan tersimpan" in captured.out


def test_sqlite_full_reads_as_a_full_disk() -> None:
    import sqlite3

    from app.storage.backup import _backup_failure
    from app.storage.db import translate_sqlite_error

    exc = sqlite3.OperationalError("database or disk is full")
    exc.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
    failure = _backup_failure(Path("E:/"), translate_sqlite_error(exc, Path("x.db.sebagian")))
    _indonesian(failure.message)
    assert "penuh" in failure.message
