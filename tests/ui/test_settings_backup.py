"""Pengaturan → Cadangan: back up to a USB folder, see it listed, restore it with confirmation."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.errors import PermissionDenied
from app.members.models import MemberStatus
from app.services import Services
from app.storage.backup import recent_backups, verify_copy
from app.users.models import Role, User
from tests.conftest import make_member, make_user
from ui.main_window import SETTINGS, MainWindow
from ui.models.backups_model import BackupColumn, BackupsModel
from ui.views.settings.backup_actions import restore
from ui.views.settings.backup_tab import BackupTab
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


def _folder_answer(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))


def _file_answer(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def test_backup_to_a_usb_folder_is_verified_and_listed(
    qtbot: QtBot,
    services: Services,
    ketua: User,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    make_member(services, ketua)
    tab = BackupTab(services, ketua)
    qtbot.addWidget(tab)
    assert tab.empty.isVisibleTo(tab) and not tab.table.isVisibleTo(tab)
    usb = tmp_path / "FLASHDISK"
    _folder_answer(monkeypatch, usb)
    with qtbot.waitSignal(tab.backup_made) as made:
        qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)

    files = list(usb.glob("*.db"))
    assert len(files) == 1
    verify_copy(files[0])  # the copy opens and passes the integrity check
    assert made.args is not None and made.args[0].path == files[0]
    assert messages and messages[-1][0] == "Cadangan tersimpan"
    assert "sudah diperiksa utuh" in messages[-1][1] and str(files[0]) in messages[-1][1]
    assert str(files[0]) in tab.result.text()
    assert tab.model.rowCount() == 1 and tab.table.isVisibleTo(tab)
    assert tab.model.index(0, BackupColumn.PATH).data() == str(files[0])
    assert tab.model.index(0, BackupColumn.VERIFIED).data() == "Ya, utuh"


def test_backup_to_an_unusable_folder_says_why(
    qtbot: QtBot,
    services: Services,
    ketua: User,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("file biasa", encoding="utf-8")
    tab = BackupTab(services, ketua)
    qtbot.addWidget(tab)
    _folder_answer(monkeypatch, blocker / "cadangan")
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    assert messages and messages[-1][0] == "Cadangan gagal"
    assert "tidak bisa dibuat" in messages[-1][1]
    assert recent_backups(services.db) == []


def test_backups_model_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services, ketua: User, tmp_path: Path
) -> None:
    from app.storage.backup import backup_to

    backup_to(services.db, tmp_path / "a", user_id=ketua.id)
    backup_to(services.db, tmp_path / "b", kind="otomatis", user_id=ketua.id)
    model = BackupsModel()
    model.set_rows(recent_backups(services.db))
    assert model.rowCount() == 2
    assert model.index(0, BackupColumn.KIND).data() == "Otomatis saat menutup"
    qtmodeltester.check(model)


def test_restore_asks_for_the_typed_word_and_brings_the_data_back(
    qtbot: QtBot,
    services: Services,
    ketua: User,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    services.settings.set(ketua, "backup.auto_on_close", False)
    make_member(services, ketua, name="Siti Aminah")
    window = MainWindow(services, ketua)
    qtbot.addWidget(window)
    window.show_section(SETTINGS)
    tab = window.settings_view.backup_tab
    _folder_answer(monkeypatch, tmp_path / "usb")
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    backup_file = next((tmp_path / "usb").glob("*.db"))

    make_member(services, ketua, name="Bambang Hariyanto", serial=2, sex="L")  # after the backup
    window.home_view.refresh()
    assert window.home_view.members_card.value.text() == "2"

    _file_answer(monkeypatch, backup_file)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    consequence = dialog.findChild(type(tab.result), "consequence")
    assert consequence is not None
    assert "akan diganti" in consequence.text() and str(backup_file) in consequence.text()
    assert ".sebelum-pulih-" in consequence.text()
    assert not dialog.restore_button.isEnabled()
    qtbot.keyClicks(dialog.word, "pulihkan")
    assert not dialog.restore_button.isEnabled(), "the word must be typed exactly"
    dialog.word.clear()
    qtbot.keyClicks(dialog.word, "PULIHKAN")
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(window.logout_requested):  # the session ends: everyone logs in again
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    titles = [title for title, _text in messages]
    assert titles[-2:] == ["Data dipulihkan", "Masuk lagi"]
    names = [row.name for row in services.members.search("", MemberStatus.AKTIF)]
    assert names == ["Siti Aminah"]
    aside = list(services.db.path.parent.glob("koperasi.sebelum-pulih-*.db"))
    assert len(aside) == 1 and str(aside[0]) in messages[-2][1]


def test_restore_of_another_cooperatives_backup_is_refused(
    qtbot: QtBot,
    services: Services,
    ketua: User,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    from app.storage.backup import backup_to

    other = Services.open(tmp_path / "lain.db", create=True)
    foreign = backup_to(other.db, tmp_path / "bk").path
    other.close()
    make_member(services, ketua)
    tab = BackupTab(services, ketua)
    qtbot.addWidget(tab)
    _file_answer(monkeypatch, foreign)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None
    assert messages[-1][0] == "Cadangan tidak bisa dipakai"
    assert "milik koperasi lain" in messages[-1][1]
    assert services.members.count() == 1


def test_restore_dialog_names_how_old_the_backup_is(
    qtbot: QtBot,
    services: Services,
    ketua: User,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    from app.storage.backup import backup_to

    old = backup_to(services.db, tmp_path / "bk").path
    make_member(services, ketua)
    make_member(services, ketua, name="Bambang Hariyanto", serial=2, sex="L")
    tab = BackupTab(services, ketua)
    qtbot.addWidget(tab)
    _file_answer(monkeypatch, old)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is not None
    text = tab.dialog.age.text()
    assert "Cadangan ini lebih lama" in text and "catatan yang lebih baru" in text
    assert services.members.count() == 2  # nothing restored without the typed word


def test_restore_refuses_a_file_that_is_not_a_backup(
    qtbot: QtBot,
    services: Services,
    ketua: User,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    junk = tmp_path / "foto.db"
    junk.write_bytes(b"\x89PNG" + b"0" * 200)
    tab = BackupTab(services, ketua)
    qtbot.addWidget(tab)
    _file_answer(monkeypatch, junk)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None
    assert messages[-1][0] == "Cadangan tidak bisa dipakai"
    assert "bukan cadangan database Mufakat" in messages[-1][1]


def test_restore_is_disabled_with_a_reason_for_staff(
    qtbot: QtBot, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    kasir = make_user(services, Role.STAF, "kasir")
    tab = BackupTab(services, kasir)
    qtbot.addWidget(tab)
    assert not tab.restore_button.isEnabled()
    assert "Admin atau Pengurus" in tab.restore_button.toolTip()
    assert tab.backup_button.isEnabled(), "every role may save a backup"
    with pytest.raises(PermissionDenied):  # refused below the button too
        restore(None, services, kasir, None, datetime.now())  # type: ignore[arg-type]
