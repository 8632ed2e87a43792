"""The main window: quick buttons, shortcuts to the view's own actions, and closing with a
backup that never blocks closing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.errors import StorageError
from app.paths import backup_dir_for
from app.services import Services
from app.settings.profile import CoopProfile
from app.storage.backup import backup_name, last_backup
from app.storage.db import open_database
from app.users.models import Role, User
from tests.conftest import PASSWORD
from ui.main_window import MEMBERS, SETTINGS, MainWindow
from ui.widgets import messages as ui_messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []

    def answer(
        _parent: object, title: str, text: str, *_args: object
    ) -> QMessageBox.StandardButton:
        seen.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, answer)
    monkeypatch.setattr(ui_messages, "warn", answer)  # where ui.errors.show_error goes
    return seen


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[tuple[Services, User]]:
    services = Services.open(tmp_path / "koperasi.db", create=True)
    services.settings.save_profile(None, CoopProfile(name="KSP Tunas Harapan", code="KSP-TH"))
    user = services.users.create_first_user("siti", "Siti Aminah", Role.ADMIN, PASSWORD, PASSWORD)
    yield services, user
    services.close()  # a second close (after the window's) does nothing


@pytest.fixture
def window(qtbot: QtBot, opened: tuple[Services, User]) -> MainWindow:
    services, user = opened
    win = MainWindow(services, user)
    qtbot.addWidget(win)
    win.show()
    return win


def _unlocked(path: Path) -> bool:
    open_database(path).close()
    return True


def test_close_makes_a_verified_backup_keeps_the_last_n_and_closes_the_file(
    window: MainWindow, opened: tuple[Services, User], messages: list[tuple[str, str]]
) -> None:
    services, user = opened
    services.settings.set(user, "backup.keep", 2)
    folder = backup_dir_for(services.db.path)
    folder.mkdir(parents=True)
    old = [folder / backup_name(services.db.path, datetime(2026, 1, d, 17, 0)) for d in (1, 2, 3)]
    for path in old:
        path.write_bytes(b"lama")
    db_path = services.db.path
    threads_before = threading.active_count()

    window.close()

    left = sorted(folder.glob("*.db"))
    assert len(left) == 2 and old[2] in left, "the newest old one and the new one are kept"
    new = next(p for p in left if p not in old)
    assert new.read_bytes().startswith(b"SQLite format 3")
    assert messages == []
    assert _unlocked(db_path)
    assert threading.active_count() <= threads_before


def test_failed_backup_is_shown_but_the_program_still_closes(
    window: MainWindow,
    opened: tuple[Services, User],
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    services, _user = opened

    def full_disk(*_args: object, **_kw: object) -> None:
        raise StorageError("Disk penuh: data tidak bisa disimpan.")

    monkeypatch.setattr(services.backups, "make_automatic", full_disk)
    assert window.close() is True
    assert not window.isVisible()
    assert len(messages) == 1
    title, text = messages[0]
    assert title == "Cadangan otomatis gagal" and "Disk penuh" in text
    assert _unlocked(services.db.path)


def test_no_backup_when_switched_off(
    window: MainWindow, opened: tuple[Services, User], messages: list[tuple[str, str]]
) -> None:
    services, user = opened
    services.settings.set(user, "backup.auto_on_close", False)
    folder = backup_dir_for(services.db.path)
    window.close()
    assert not folder.exists() or not list(folder.glob("*.db"))


def test_status_bar_shows_the_last_backup(
    qtbot: QtBot,
    window: MainWindow,
    opened: tuple[Services, User],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    services, _user = opened
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getExistingDirectory",
        lambda *_a, **_k: str(tmp_path / "usb"),
    )
    qtbot.mouseClick(window.home_view.backup_button, Qt.MouseButton.LeftButton)
    info = last_backup(services.db)
    assert info is not None and info.path.parent == tmp_path / "usb"
    expected = datetime.fromisoformat(info.at).strftime("%d-%m-%Y %H.%M")  # the time with a dot
    assert window.backup_status.text() == f"Cadangan terakhir: {expected}"
    services.settings.set(_user, "backup.auto_on_close", False)


def test_ctrl_n_and_ctrl_f_reach_the_current_view(
    qtbot: QtBot,
    window: MainWindow,
    opened: tuple[Services, User],
    messages: list[tuple[str, str]],
) -> None:
    services, user = opened
    services.settings.set(user, "backup.auto_on_close", False)
    calls: list[str] = []
    window.members_view.new_item = lambda: calls.append("baru")  # type: ignore[attr-defined]
    window.members_view.focus_search = lambda: calls.append("cari")  # type: ignore[attr-defined]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Beranda: nothing
    assert calls == []
    qtbot.mouseClick(window.home_view.new_member_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == MEMBERS and calls == ["baru"]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert calls == ["baru", "cari", "baru"]
    window.show_section(SETTINGS)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # no search there
    assert calls == ["baru", "cari", "baru"]


def test_main_window_fits_a_small_laptop_screen(
    window: MainWindow, opened: tuple[Services, User], messages: list[tuple[str, str]]
) -> None:
    services, user = opened
    services.settings.set(user, "backup.auto_on_close", False)
    window.resize(1366, 768)
    for index in range(window.stack.count()):
        window.show_section(index)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= 1366, window.section_names()[index]
        assert window.width() <= 1366
