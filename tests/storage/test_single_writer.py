"""One writer per file, whatever name reaches it: real processes through a symlink, a hard
link and other spellings of the same folder, and many processes racing for the lock."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.storage.db import AlreadyOpen, open_database
from tests.storage.bad_files import make_good

pytestmark = pytest.mark.sqlite_only("the SQLite file lock: one writing process per file")

ROOT = Path(__file__).resolve().parents[2]

HOLDER = """
import sys
from pathlib import Path
from app.storage.db import open_database
db = open_database(Path(sys.argv[1]))
print("terbuka", flush=True)
sys.stdin.readline()
db.close()
"""

TRY = """
import sys
from pathlib import Path
from app.storage.db import AlreadyOpen, open_database
try:
    open_database(Path(sys.argv[1])).close()
except AlreadyOpen as exc:
    print("DITOLAK", exc.message)
    sys.exit(7)
print("TERBUKA")
"""


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Callable[[Path], None]]:
    """Start a process holding the file open through the given name."""
    procs: list[subprocess.Popen[str]] = []

    def hold(name: Path) -> None:
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(name)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        procs.append(proc)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "terbuka"

    yield hold
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(timeout=30)


def _other_process_opens(name: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", TRY, str(name)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _spellings(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    real = folder / "koperasi.db"
    make_good(real)
    (tmp_path / "tautan-folder").symlink_to(folder, target_is_directory=True)
    (tmp_path / "tautan.db").symlink_to(real)
    os.link(real, tmp_path / "taut-keras.db")
    return {
        "asli": real,
        "symlink ke file": tmp_path / "tautan.db",
        "symlink ke folder": tmp_path / "tautan-folder" / "koperasi.db",
        "hard link": tmp_path / "taut-keras.db",
        "ejaan lain folder": tmp_path / "data" / ".." / "data" / "." / "koperasi.db",
        "ejaan relatif": Path(os.path.relpath(real, ROOT)),
    }


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need admin rights on Windows")
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("asli", "symlink ke file"),
        ("symlink ke file", "asli"),
        ("asli", "symlink ke folder"),
        ("asli", "hard link"),
        ("hard link", "asli"),
        ("asli", "ejaan lain folder"),
        ("ejaan relatif", "hard link"),
    ],
)
def test_a_second_process_is_refused_through_any_name(
    first: str, second: str, tmp_path: Path, held: Callable[[Path], None]
) -> None:
    names = _spellings(tmp_path)
    held(names[first])
    result = _other_process_opens(names[second])
    assert result.returncode == 7, result.stdout + result.stderr
    assert "sedang dibuka oleh program Mufakat lain" in result.stdout


def test_same_process_second_open_through_hard_link_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "koperasi.db"
    make_good(real)
    os.link(real, tmp_path / "kembar.db")
    first = open_database(real)
    try:
        with pytest.raises(AlreadyOpen):
            open_database(tmp_path / "kembar.db")
    finally:
        first.close()
    open_database(tmp_path / "kembar.db").close()  # free once the first one closed


RACER = """
import os, sys, time
from pathlib import Path
from app.storage.lock import FileLock, LockHeld
db, marker, until = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
entered = overlaps = 0
while time.time() < until:
    lock = FileLock(db)
    try:
        lock.acquire()
    except LockHeld:
        continue
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        overlaps += 1
    else:
        entered += 1
        os.close(fd)
        os.unlink(marker)
    finally:
        lock.release()
print(entered, overlaps)
"""


def test_racing_processes_are_never_inside_together(tmp_path: Path) -> None:
    """The old lock file was unlinked after unlocking, so a late opener of the old file and
    an opener of a new one could both hold "the" lock. Four processes race for 2 seconds."""
    import time

    db = tmp_path / "koperasi.db"
    make_good(db)
    marker = tmp_path / "di-dalam"
    until = time.time() + 4
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(db), str(marker), str(until)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [proc.communicate(timeout=60)[0].split() for proc in procs]
    entered = sum(int(r[0]) for r in results)
    overlaps = sum(int(r[1]) for r in results)
    assert overlaps == 0
    assert entered > 100  # the race really ran
