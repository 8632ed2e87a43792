"""Opening a file after a power cut: the whole file is checked first, and for a large file
that happens in a worker thread behind a progress window saying why the clerk waits (issue
16). The file is a real one left by a program killed while it had the file open (SIGKILL on
Linux, TerminateProcess on Windows: as in tests/storage/test_crash_safety.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import ui.app_context as app_context
from app.files import long_check_ahead
from app.services import Services
from tests.ui.test_shell_open_files import make_cooperative
from ui.app_context import AppController

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform

ROOT = Path(__file__).resolve().parents[2]
LABEL = "Memeriksa keutuhan data setelah komputer mati mendadak…"

CHILD = """
import sys, time
from pathlib import Path
from app.services import Services
from app.settings.profile import CoopProfile

services = Services.open(Path(sys.argv[1]))
for n in range(20):
    services.settings.save_profile(None, CoopProfile(name=f"KSP Sumber Rejeki {n}", code="KSP-SR"))
print("DITULIS", flush=True)
time.sleep(120)
"""


def kill_while_open(path: Path) -> None:
    """A program opens `path`, writes, and is killed with the file open (no close runs)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
    finally:
        proc.kill()
        _, err = proc.communicate(timeout=30)
    assert line.strip() == "DITULIS", err
    assert proc.returncode != 0


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Each progress window the controller shows: its words, and whether its work ran off the
    GUI thread."""
    seen: list[tuple[str, bool]] = []
    real = app_context.run_with_progress

    def spy(parent: Any, title: str, label: str, work: Callable[[Any], Any], **kw: Any) -> Any:
        def watched(progress: Any) -> Any:
            seen.append((label, threading.current_thread() is not threading.main_thread()))
            return work(progress)

        return real(parent, title, label, watched, **kw)

    monkeypatch.setattr(app_context, "run_with_progress", spy)
    return seen


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[AppController]:
    ctl = AppController()
    yield ctl
    if ctl.login_dialog is not None:
        ctl.login_dialog.close()
    if ctl.start_screen is not None:
        ctl.start_screen.close()
    ctl.close_file()


@pytest.fixture
def killed(tmp_path: Path) -> Path:
    path = tmp_path / "koperasi.db"
    make_cooperative(path)
    kill_while_open(path)
    assert Path(f"{path}-wal").stat().st_size > 0  # what the next open sees: not closed
    return path


def test_a_file_left_by_a_killed_program_is_checked_behind_a_progress_window(
    killed: Path, controller: AppController, shown: list[tuple[str, bool]]
) -> None:
    controller.long_check_bytes = 0  # the test file is small; the rule is the same
    assert controller.open_path(killed)
    assert shown == [(LABEL, True)]
    assert controller.login_dialog is not None and controller.login_dialog.isVisible()
    assert controller.services is not None
    assert controller.services.settings.profile().name == "KSP Sumber Rejeki 19"  # nothing lost


@pytest.mark.parametrize("above", [-1, 0, 1])
def test_only_a_file_of_the_threshold_size_or_more_gets_the_window(
    killed: Path, controller: AppController, shown: list[tuple[str, bool]], above: int
) -> None:
    size = killed.stat().st_size
    controller.long_check_bytes = size + above
    assert long_check_ahead(killed, size + above) == (above <= 0)
    assert controller.open_path(killed)
    assert shown == ([(LABEL, True)] if above <= 0 else [])
    assert controller.login_dialog is not None


def test_a_cleanly_closed_file_opens_without_it(
    tmp_path: Path, controller: AppController, shown: list[tuple[str, bool]]
) -> None:
    path = tmp_path / "koperasi.db"
    make_cooperative(path)
    Services.open(path).close()
    controller.long_check_bytes = 0
    assert not long_check_ahead(path, 0)
    assert controller.open_path(path)
    assert shown == [] and controller.login_dialog is not None


def test_a_damaged_file_after_a_power_cut_is_still_explained(
    killed: Path, controller: AppController, shown: list[tuple[str, bool]]
) -> None:
    """The check in the worker refuses as the check in the GUI thread does: the start screen
    says why, offering a restore."""
    data = bytearray(killed.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)  # every page but the header's
    killed.write_bytes(bytes(data))
    controller.long_check_bytes = 0
    assert not controller.open_path(killed)
    assert shown == [(LABEL, True)]
    assert controller.start_screen is not None and controller.start_screen.isVisible()
    assert controller.services is None
