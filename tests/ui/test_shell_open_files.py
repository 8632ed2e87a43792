"""Opening files from the start screen: every bad file is explained and the clerk stays there."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.config import remember_database
from app.services import Services
from app.settings.profile import CoopProfile
from app.storage import migrations
from app.storage.db import open_database
from app.users.models import Role
from tests.conftest import PASSWORD
from ui.app_context import AppController

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
    return seen


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[AppController]:
    ctl = AppController()
    yield ctl
    if ctl.window is not None:
        ctl.window.close()
    for widget in (ctl.login_dialog, ctl.wizard, ctl.password_dialog, ctl.start_screen):
        if widget is not None:
            widget.close()
    ctl.close_file()


def make_cooperative(path: Path, name: str = "KSP Sumber Rejeki") -> None:
    services = Services.open(path, create=True)
    services.settings.save_profile(None, CoopProfile(name=name, code="KSP-SR"))
    services.users.create_first_user("admin", "Dewi Kartika", Role.ADMIN, PASSWORD, PASSWORD)
    services.close()


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_args, **_kw: (str(path), "Database Mufakat (*.db)")
    )


def _text_file(path: Path) -> None:
    path.write_text("Daftar belanja koperasi\n" * 20, encoding="utf-8")


def _other_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE pelanggan (id INTEGER)")
    conn.commit()
    conn.close()


def _damaged(path: Path) -> None:
    make_cooperative(path)
    db = open_database(path)
    db.execute("CREATE TABLE isian (x TEXT)")
    for i in range(300):
        db.execute("INSERT INTO isian VALUES (?)", ("x" * 500 + str(i),))
    db.close()
    data = bytearray(path.read_bytes())
    data[8192 : 8192 + 4096 * 8] = b"\xa5" * (4096 * 8)
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    make_cooperative(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.schema_version() + 3}")
    conn.close()


BAD_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "bukan-database": (_text_file, "bukan database Mufakat"),
    "database-lain": (_other_sqlite, "bukan database Mufakat"),
    "rusak": (_damaged, "rusak"),
    "versi-baru": (_newer, "versi yang lebih baru"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_is_explained_on_the_start_screen(
    kind: str,
    qtbot: QtBot,
    controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    make, words = BAD_FILES[kind]
    bad = tmp_path / f"{kind}.db"
    make(bad)
    before = bad.read_bytes()
    controller.start()
    screen = controller.start_screen
    assert screen is not None
    choose_file(monkeypatch, bad)
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)

    assert screen.isVisible() and screen.message_box.isVisible()
    assert words in screen.message.text()
    assert "Traceback" not in screen.message.text()
    assert controller.services is None and controller.login_dialog is None
    assert bad.read_bytes() == before, "a refused file is never changed"

    good = tmp_path / "benar.db"  # the clerk can pick another file at once
    make_cooperative(good)
    choose_file(monkeypatch, good)
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    assert controller.login_dialog is not None
    assert not screen.message_box.isVisible()


def test_read_only_file_is_explained(
    qtbot: QtBot,
    controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    path = tmp_path / "cd-rom.db"
    make_cooperative(path)
    real_access = os.access
    # Running as root ignores file modes, so the operating system's answer is simulated.
    monkeypatch.setattr(os, "access", lambda p, m: False if m == os.W_OK else real_access(p, m))
    controller.start(db=path)
    screen = controller.start_screen
    assert screen is not None and screen.isVisible()
    assert "hanya bisa dibaca" in screen.message.text()
    assert controller.services is None


def test_file_open_in_another_mufakat_is_explained(
    qtbot: QtBot,
    controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    path = tmp_path / "bersama.db"
    make_cooperative(path)
    other = open_database(path)  # "another program" holding the file
    try:
        controller.start()
        assert controller.start_screen is not None
        choose_file(monkeypatch, path)
        qtbot.mouseClick(controller.start_screen.open_button, Qt.MouseButton.LeftButton)
        text = controller.start_screen.message.text()
        assert "sedang dibuka oleh program Mufakat lain" in text
        assert "Hanya satu program" in text
        assert controller.services is None
    finally:
        other.close()


def test_missing_file_from_command_line(
    qtbot: QtBot, controller: AppController, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    controller.start(db=tmp_path / "tidak-ada.db")
    assert controller.start_screen is not None
    assert "tidak ditemukan" in controller.start_screen.message.text()
    assert not (tmp_path / "tidak-ada.db").exists()


def test_last_database_is_opened_and_remembered(
    qtbot: QtBot, controller: AppController, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    path = tmp_path / "kemarin.db"
    make_cooperative(path)
    remember_database(path)
    controller.start()
    assert controller.start_screen is None, "no start screen when the last file is there"
    assert controller.login_dialog is not None


def test_cloud_folder_warning_is_shown_once_then_login(
    qtbot: QtBot, controller: AppController, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    folder = tmp_path / "OneDrive" / "Dokumen"
    folder.mkdir(parents=True)
    path = folder / "koperasi.db"
    make_cooperative(path)
    controller.start(db=path)
    assert len(messages) == 1
    assert "OneDrive" in messages[0][1]
    assert controller.login_dialog is not None


def test_cancelled_login_returns_to_the_start_screen_and_frees_the_file(
    qtbot: QtBot, controller: AppController, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    path = tmp_path / "koperasi.db"
    make_cooperative(path)
    controller.start(db=path)
    assert controller.login_dialog is not None
    controller.login_dialog.reject()
    assert controller.start_screen is not None and controller.start_screen.isVisible()
    assert controller.services is None
    open_database(path).close()  # not locked any more


def test_reset_password_forces_a_new_one_before_entering(
    qtbot: QtBot, controller: AppController, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    path = tmp_path / "koperasi.db"
    make_cooperative(path)
    services = Services.open(path)
    admin = services.users.login("admin", PASSWORD)
    kasir = services.users.create_user(
        admin, "rina", "Rina Marlina", Role.STAF, "sementara1", "sementara1"
    )
    assert kasir.must_change_password
    services.close()

    controller.start(db=path)
    login = controller.login_dialog
    assert login is not None
    login.fill("rina", "sementara1")
    qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
    assert controller.window is None
    dialog = controller.password_dialog
    assert dialog is not None and dialog.isVisible()
    form = dialog.form
    qtbot.keyClicks(form.old, "sementara1")
    qtbot.keyClicks(form.new, "rinabaru1")
    qtbot.keyClicks(form.confirm, "rinabaru2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "sama persis" in form.errors.message("confirm")
    assert controller.window is None
    form.confirm.clear()
    qtbot.keyClicks(form.confirm, "rinabaru1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert controller.window is not None
    assert controller.window.user_status.text() == "Pengguna: Rina Marlina (Staf/Kasir)"
    assert controller.services is not None
    assert not controller.services.users.get(kasir.id).must_change_password
