"""Every section of the main window and every dialog fits a 1366×768 laptop with its taskbar
(1366×728 available) with a demo cooperative of 300 members in it: see tests/ui/screen_fit.py
for what is checked."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.demo.generate import generate_demo
from app.members.models import MemberDraft
from app.services import Services
from app.users.models import User
from tests.ui.screen_fit import TITLE_BAR, WINDOW, section_problems

ROOT = Path(__file__).resolve().parents[2]

TODAY = date(2026, 11, 20)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fit") / "demo.db"
    generate_demo(path, members=300, seed=1, today=TODAY)
    services = Services.open(path)
    try:
        _long_names(services)
    finally:
        services.close()
    return path


@pytest.fixture(scope="module")
def demo(demo_path: Path) -> Iterator[Services]:
    services = Services.open(demo_path)
    yield services
    services.close()


def test_sections_fit_1920x1080_at_125_percent(demo_path: Path, tmp_path: Path) -> None:
    """Qt's scale factor is read when the application starts: a process of its own. 1920×1080
    less the taskbar at 125 % is 1536×832 logical pixels, less the title bar."""
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_path, copy)
    env = {**os.environ, "QT_SCALE_FACTOR": "1.25", "QT_QPA_PLATFORM": "offscreen"}
    width, height = 1920 * 4 // 5, (1080 - 40) * 4 // 5 - TITLE_BAR
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_fit", str(copy), str(width), str(height)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]


LONG = " binti Raden Mas Kusumawardhani Prawiranegara Hadiningrat"  # names run to 100


def _long_names(services: Services) -> None:
    """Long names, as some members have: a title or a label with a name must give way
    (elided, whole in its tooltip) instead of pushing the window wider than the screen."""
    ketua = _user(services)
    for row in services.members.search("", limit=400):
        member = services.members.get(row.id)
        draft = MemberDraft(**{f.name: getattr(member, f.name) for f in fields(MemberDraft)})
        services.members.update(ketua, member.id, replace(draft, name=member.name + LONG), TODAY)


def _user(services: Services, name: str = "ketua") -> User:
    return next(u for u in services.users.all() if u.username == name)


def test_every_section_fits(qtbot: QtBot, demo: Services) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(demo, _user(demo))
    qtbot.addWidget(window)
    window.resize(WINDOW)
    window.show()
    found = section_problems(window)
    assert not found, "\n".join(found)
