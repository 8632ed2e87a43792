"""A clerk's first day: start screen → new cooperative wizard → log in → the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from app.paths import default_db_path
from ui.app_context import AppController
from ui.main_window import MainWindow

# The offscreen platform cannot resize native windows; Qt says so for every dialog shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Answer every message box with OK, recording (title, text)."""
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


def _create_cooperative(qtbot: QtBot, controller: AppController) -> None:
    controller.start()
    screen = controller.start_screen
    assert screen is not None and screen.isVisible()
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    wizard = controller.wizard
    assert wizard is not None
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    form = wizard.profile_page.form
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)  # nothing filled in yet
    assert wizard.currentId() == 0
    assert "Nama koperasi wajib diisi" in form.errors.message("name")
    qtbot.keyClicks(form.edits["name"], "KSP Maju Bersama")
    qtbot.keyClicks(form.edits["code"], "ksp-mb")
    qtbot.keyClicks(form.edits["city"], "Kota Mojokerto")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == 1

    page = wizard.user_page
    assert page.role.currentText() == "Ketua"
    qtbot.keyClicks(page.full_name, "Budi Santoso")
    qtbot.keyClicks(page.username, "budi")
    qtbot.keyClicks(page.password, "abc")
    qtbot.keyClicks(page.confirm, "abc")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == 1, "a too-short password must keep the clerk on the page"
    assert "minimal 8 karakter" in page.errors.message("password")
    assert page.full_name.text() == "Budi Santoso" and page.username.text() == "budi"

    page.password.clear()
    page.confirm.clear()
    qtbot.keyClicks(page.password, "rahasia1")
    qtbot.keyClicks(page.confirm, "rahasia1")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == 2
    summary = wizard.summary_page.summary.text()
    assert "KSP Maju Bersama" in summary and "KSP-MB" in summary and "Budi Santoso" in summary
    assert wizard.summary_page.path.text() == str(default_db_path())
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert default_db_path().exists()


def test_new_cooperative_then_login_then_main_window(
    qtbot: QtBot, controller: AppController, messages: list[tuple[str, str]]
) -> None:
    _create_cooperative(qtbot, controller)
    login = controller.login_dialog
    assert login is not None and login.isVisible()
    heading = login.findChild(QLabel, "login_heading")
    assert heading is not None and "KSP Maju Bersama" in heading.text()

    qtbot.keyClicks(login.username, "budi")
    qtbot.keyClicks(login.password, "salah")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)  # Enter submits
    assert "Sisa percobaan: 4" in login.errors.message("password")
    assert controller.window is None
    assert login.username.text() == "budi"

    login.password.clear()
    qtbot.keyClicks(login.password, "rahasia1")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    window = controller.window
    assert isinstance(window, MainWindow) and window.isVisible()
    assert controller.start_screen is not None and not controller.start_screen.isVisible()

    assert window.windowTitle() == "Mufakat — KSP Maju Bersama"
    sections = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert sections == [
        "Beranda",
        "Anggota",
        "Pinjaman",
        "Penanganan Pinjaman Bermasalah",
        "Surat & Dokumen",
        "Laporan",
        "Pembukuan",
        "Pengaturan",
    ]
    assert window.file_status.text() == "mufakat.db"
    assert window.user_status.text() == "Pengguna: Budi Santoso (Ketua)"
    assert window.backup_status.text() == "Cadangan terakhir: belum pernah"
    assert window.home_view.welcome.text() == "Selamat datang, Budi Santoso"
    assert not window.home_view.demo_note.isVisibleTo(window.home_view)
    assert window.home_view.members_card.value.text() == "0"
    assert window.home_view.savings_card.value.text() == "Rp0"
    assert messages == []


def test_five_wrong_passwords_lock_the_account(
    qtbot: QtBot, controller: AppController, messages: list[tuple[str, str]]
) -> None:
    _create_cooperative(qtbot, controller)
    login = controller.login_dialog
    assert login is not None
    qtbot.keyClicks(login.username, "budi")
    shown = []
    for _ in range(5):
        login.password.clear()
        qtbot.keyClicks(login.password, "keliru99")
        qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
        shown.append(login.errors.message("password"))
    for left, text in zip((4, 3, 2, 1), shown[:4], strict=True):
        assert f"Sisa percobaan: {left}." in text
    assert "dikunci" in shown[4]
    login.password.clear()
    qtbot.keyClicks(login.password, "rahasia1")  # even the right password is refused now
    qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
    assert "dikunci sementara" in login.errors.message("password")
    assert controller.window is None


def test_sections_switch_by_keyboard(
    qtbot: QtBot, controller: AppController, messages: list[tuple[str, str]]
) -> None:
    _create_cooperative(qtbot, controller)
    login = controller.login_dialog
    assert login is not None
    login.fill("budi", "rahasia1")
    qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
    window = controller.window
    assert window is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    for number in range(1, 8):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == number - 1
        assert window.sidebar.currentRow() == number - 1
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    title = window.current_view().findChild(QLabel, "view_title")
    assert title is not None and title.text() == "Surat & Dokumen"


def test_wizard_refuses_to_overwrite_an_existing_file(
    qtbot: QtBot, controller: AppController, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    existing = tmp_path / "ada.db"
    existing.write_bytes(b"jangan ditimpa")
    controller.start()
    controller.new_cooperative()
    wizard = controller.wizard
    assert wizard is not None
    wizard.profile_page.form.edits["name"].setText("KSP Baru")
    wizard.profile_page.form.edits["code"].setText("KSP-B")
    wizard.next()
    page = wizard.user_page
    page.full_name.setText("Ani")
    page.username.setText("ani")
    page.password.setText("rahasia1")
    page.confirm.setText("rahasia1")
    wizard.next()
    wizard.summary_page.path.setText(str(existing))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert "tertimpa" in wizard.summary_page.errors.message("path")
    assert existing.read_bytes() == b"jangan ditimpa"
    assert controller.services is None


def test_wizard_username_error_from_the_service_goes_back_to_its_field(
    qtbot: QtBot, controller: AppController, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    controller.start()
    controller.new_cooperative()
    wizard = controller.wizard
    assert wizard is not None
    wizard.profile_page.form.edits["name"].setText("KSP Baru")
    wizard.profile_page.form.edits["code"].setText("KSP-B")
    wizard.next()
    page = wizard.user_page
    page.full_name.setText("Ani Lestari")
    page.username.setText("Ani Lestari")  # spaces and capitals are not allowed
    page.password.setText("rahasia1")
    page.confirm.setText("rahasia1")
    wizard.next()
    target = tmp_path / "baru.db"
    wizard.summary_page.path.setText(str(target))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == 1
    assert "tanpa spasi" in page.errors.message("username")
    assert not target.exists(), "a cooperative that could not be finished leaves no file"
    page.username.setText("ani")
    wizard.next()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert target.exists() and controller.login_dialog is not None
