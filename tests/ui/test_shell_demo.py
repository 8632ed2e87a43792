"""Buka Koperasi Contoh: made once with a progress dialog, demo users listed on the login."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from app.demo.generate import generate_demo
from app.paths import demo_db_path
from ui.app_context import AppController

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []

    def answer(
        _parent: object, title: str, text: str, *_args: object
    ) -> QMessageBox.StandardButton:
        seen.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, answer)
    return seen


def _small_demo(calls: list[Path]) -> Callable[[], Callable[..., object]]:
    """The real generator with few members (the program asks for 2000: too slow for a test)."""

    def generator(path: Path, members: int, seed: int, progress: Callable[[str], None]) -> str:
        assert members == 2000 and seed == 1
        calls.append(path)
        return generate_demo(path, members=30, seed=seed, progress=progress)

    return lambda: generator


def _close(ctl: AppController) -> None:
    if ctl.window is not None:
        ctl.window.close()
    for widget in (ctl.login_dialog, ctl.start_screen):
        if widget is not None:
            widget.close()
    ctl.close_file()


@pytest.fixture
def calls() -> list[Path]:
    return []


@pytest.fixture
def controller(qtbot: QtBot, calls: list[Path]) -> Iterator[AppController]:
    ctl = AppController(demo_generator=_small_demo(calls))
    yield ctl
    _close(ctl)


def test_demo_is_made_once_and_its_users_fill_the_login(
    qtbot: QtBot, controller: AppController, calls: list[Path]
) -> None:
    controller.start()
    assert controller.start_screen is not None
    qtbot.mouseClick(controller.start_screen.demo_button, Qt.MouseButton.LeftButton)
    assert calls == [demo_db_path()] and demo_db_path().exists()
    login = controller.login_dialog
    assert login is not None
    heading = login.findChild(type(controller.start_screen.message), "login_heading")
    assert heading is not None and "(CONTOH)" in heading.text()
    labels = [button.text() for button in login.demo_buttons]
    assert "Sri Wahyuningsih (Manajer)" in labels and "H. Suparman (Ketua)" in labels
    assert "Hj. Siti Maimunah (Pengurus)" in labels  # the Bendahara, the second Pengurus
    manajer = login.demo_buttons[labels.index("Sri Wahyuningsih (Manajer)")]
    qtbot.mouseClick(manajer, Qt.MouseButton.LeftButton)
    assert (login.username.text(), login.password.text()) == ("manajer", "manajer123")
    assert controller.window is None, "choosing a demo user fills the form, it does not log in"
    qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)

    window = controller.window
    assert window is not None
    assert window.windowTitle() == "Mufakat — KSP Guyub Rukun (CONTOH)"
    assert window.user_status.text() == "Pengguna: Sri Wahyuningsih (Manajer)"
    note = window.home_view.demo_note
    assert note.isVisibleTo(window.home_view) and "koperasi contoh" in note.text()
    active = int(window.home_view.members_card.value.text().replace(".", ""))
    assert 0 < active <= 30

    window.close()  # the auto backup runs, then the file is closed
    _close(controller)
    again = AppController(demo_generator=_small_demo(calls))
    try:
        again.open_demo()
        assert calls == [demo_db_path()], "an existing demo is opened, not made again"
        assert again.login_dialog is not None
    finally:
        _close(again)


def test_cancelling_demo_generation_leaves_no_file(qtbot: QtBot) -> None:
    def slow(path: Path, members: int, seed: int, progress: Callable[[str], None]) -> str:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")  # as a real generator would start
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            progress("Menyusun data anggota …")
            time.sleep(0.01)
        raise AssertionError("the cancel never reached the generator")

    def press_cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                button = widget.findChild(QPushButton)
                assert button is not None and button.text() == "Batal"
                button.click()
                return
        QTimer.singleShot(20, press_cancel)

    controller = AppController(demo_generator=lambda: slow)
    try:
        controller.start()
        QTimer.singleShot(50, press_cancel)
        assert controller.open_demo() is False
        assert not demo_db_path().exists()
        assert controller.start_screen is not None and controller.start_screen.isVisible()
        assert controller.login_dialog is None
    finally:
        _close(controller)
