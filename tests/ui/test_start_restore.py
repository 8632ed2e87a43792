"""The start screen and `--db`: refusals leave every file as it was, a damaged file can be
restored from a backup there, and an older copy is named before it is opened."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.services import Services
from app.storage.backup import backup_to
from app.storage.db import open_database
from tests.storage.bad_files import BAD_FILES, damaged, folder_state
from ui.app_context import AppController
from ui.main_window import MainWindow

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


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_start_with_a_bad_file_writes_nothing(
    kind: str, controller: AppController, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    folder = tmp_path / "berkas"
    folder.mkdir()
    path = folder / "koperasi.db"
    BAD_FILES[kind](path)
    before = folder_state(folder)
    controller.start(db=path)  # `mufakat --db`, and the start screen's open dialog
    screen = controller.start_screen
    assert screen is not None and screen.message_box.isVisible()
    assert controller.services is None
    assert folder_state(folder) == before
    restorable = kind in {"rusak", "rusak-dengan-wal", "wal-asing"}
    assert screen.restore_button.isVisibleTo(screen) is restorable


def test_a_damaged_file_is_restored_from_the_start_screen(
    qtbot: QtBot,
    controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    path = tmp_path / "koperasi.db"
    services = Services.open(path, create=True)
    good = backup_to(services.db, tmp_path / "bk").path
    services.close()
    damaged(tmp_path / "contoh-rusak.db")  # a damaged file of the same size and shape
    path.write_bytes((tmp_path / "contoh-rusak.db").read_bytes())
    broken = path.read_bytes()
    controller.start(db=path)
    screen = controller.start_screen
    assert screen is not None and screen.restore_button.isVisibleTo(screen)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(good), ""))
    qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    dialog = controller.restore_dialog
    assert dialog is not None and not dialog.restore_button.isEnabled()
    qtbot.keyClicks(dialog.word, "PULIHKAN")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert messages[-1][0] == "Data dipulihkan"
    assert controller.services is not None and controller.login_dialog is not None
    kept = list(tmp_path.glob("koperasi.sebelum-pulih-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == broken


def test_an_older_copy_is_named_and_the_user_decides(
    controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    path = tmp_path / "koperasi.db"
    services = Services.open(path, create=True)
    old = backup_to(services.db, tmp_path / "bk").path
    services.audit.record(None, "uji", "uji", None)
    services.close()
    stale = tmp_path / "salinan.db"
    stale.write_bytes(old.read_bytes())
    before = folder_state(tmp_path)
    asked: list[str] = []

    def no(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    assert controller.open_path(stale) is False
    assert "lebih lama" in asked[-1] and folder_state(tmp_path) == before
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    assert controller.open_path(stale) is True


def test_a_bug_in_the_closing_backup_still_closes_the_file(
    qtbot: QtBot, tmp_path: Path, messages: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.users.models import Role
    from tests.conftest import PASSWORD

    services = Services.open(tmp_path / "koperasi.db", create=True)
    user = services.users.create_first_user("siti", "Siti", Role.ADMIN, PASSWORD, PASSWORD)
    window = MainWindow(services, user)
    qtbot.addWidget(window)
    window.show()

    def bug(*_a: object, **_k: object) -> None:
        raise RuntimeError("kesalahan program")

    monkeypatch.setattr(services.backups, "make_automatic", bug)
    # From the event loop the bug goes to the global hook; called directly it is raised.
    with pytest.raises(RuntimeError, match="kesalahan program"):
        window.close()
    assert not window.isVisible()
    open_database(services.db.path).close()  # the lock was released
