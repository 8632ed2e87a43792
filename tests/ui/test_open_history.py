"""Opening a file from before the books: its history is posted once behind a progress dialog
that counts the records; Batal leaves nothing posted, closes the file and says so on the start
screen; the next open posts it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

import app.ledger.history as history
from app.services import Services
from ui.app_context import AppController

LANDED = Path(__file__).parents[1] / "fixtures" / "mufakat-landed-schema0009.db"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "lama.db"
    shutil.copy(LANDED, path)
    return path


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[AppController]:
    ctl = AppController()
    yield ctl
    for widget in (ctl.login_dialog, ctl.start_screen):
        if widget is not None:
            widget.close()
    ctl.close_file()


def _dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]


def test_the_history_is_posted_behind_a_progress_dialog(
    controller: AppController, old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history, "PROGRESS_EVERY", 100)
    texts: list[str] = []

    def watch() -> None:
        texts.extend(d.labelText() for d in _dialogs() if d.isVisible())

    timer = QTimer()
    timer.timeout.connect(watch)
    timer.start(5)
    assert controller.open_path(old_file)
    timer.stop()
    assert controller.services is not None and not controller.services.history_pending()
    assert controller.login_dialog is not None
    assert any("Membukukan riwayat" in t for t in texts)


def test_cancel_leaves_nothing_and_the_next_open_posts_it(
    qtbot: QtBot, controller: AppController, old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history, "PROGRESS_EVERY", 1)

    def cancel() -> None:
        for dialog in _dialogs():
            if dialog.isVisible():
                dialog.findChild(QPushButton).click()  # Batal
                return
        QTimer.singleShot(5, cancel)

    QTimer.singleShot(5, cancel)
    controller.start()
    assert not controller.open_path(old_file)
    assert controller.services is None
    screen = controller.start_screen
    assert screen is not None and "dibatalkan" in screen.message.text()
    services = Services.open(old_file, history=False)
    try:
        assert services.history_pending()
        assert services.db.scalar("SELECT count(*) FROM journals") == 0
    finally:
        services.close()
    monkeypatch.setattr(history, "PROGRESS_EVERY", 2_000)
    assert controller.open_path(old_file)
    assert controller.services is not None and not controller.services.history_pending()
