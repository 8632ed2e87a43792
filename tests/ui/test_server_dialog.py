"""Hubungkan ke Server…: typed, tried against a real PostgreSQL (tests/pg.py), each failure at
its field, usable from the keyboard alone, remembered per PC (issue 15 §3)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

import ui.dialogs.server_dialog as server_dialog
from app.errors import ValidationError
from app.server.connection import remembered
from app.server_url import parse_server_url
from tests.pg import free_port
from ui.dialogs.server_dialog import ServerDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform

SECRET = "sandi-Rahasia#9"


@pytest.fixture
def dialog(qtbot: QtBot) -> Iterator[ServerDialog]:
    widget = ServerDialog()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    yield widget
    widget.close()


def _type(qtbot: QtBot, dialog: ServerDialog, url: str, password: str = SECRET) -> None:
    parts = urlsplit(url)
    for edit, text in (
        (dialog.host, parts.hostname or ""),
        (dialog.port, str(parts.port)),
        (dialog.dbname, parts.path.lstrip("/")),
        (dialog.user, parts.username or ""),
        (dialog.password, password),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_the_defaults_are_the_set_up_s_port_database_and_user(dialog: ServerDialog) -> None:
    assert (dialog.host.text(), dialog.port.text()) == ("", "5439")
    assert (dialog.dbname.text(), dialog.user.text(), dialog.password.text()) == (
        "mufakat", "mufakat", "",
    )  # fmt: skip
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    assert not dialog.keep_password.isChecked()


def test_testing_a_working_server_says_so_honestly(
    qtbot: QtBot, dialog: ServerDialog, pg_url: str
) -> None:
    _type(qtbot, dialog, pg_url)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    text = dialog.result_label.text()
    assert text.startswith("Koneksi berhasil") and "Klik Hubungkan" in text
    assert SECRET not in text
    assert all(dialog.errors.message(f) == "" for f in server_dialog.FIELDS)
    assert dialog.isVisible()  # a test never closes the dialog


def test_a_closed_port_says_the_server_cannot_be_reached_at_the_address(
    qtbot: QtBot, dialog: ServerDialog
) -> None:
    _type(qtbot, dialog, f"postgresql://mufakat@127.0.0.1:{free_port()}/mufakat")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    message = dialog.errors.message("host")
    assert message.startswith(
        "Server kantor tidak bisa dihubungi — pastikan PC server menyala dan tersambung"
    )
    assert dialog.result_label.text() == "" and SECRET not in message
    assert QApplication.focusWidget() is dialog.host
    assert dialog.host.text() == "127.0.0.1"  # what was typed stays


@pytest.mark.parametrize(
    ("field", "message"),
    [("password", "Nama pengguna atau kata sandi salah."), ("dbname", "Database 'x' tidak ada")],
)
def test_each_refusal_is_shown_at_its_field(
    qtbot: QtBot, dialog: ServerDialog, monkeypatch: pytest.MonkeyPatch, field: str, message: str
) -> None:
    def refuse(_form: object) -> str:
        raise ValidationError(message, field)

    monkeypatch.setattr(server_dialog, "try_connection", refuse)
    _type(qtbot, dialog, "postgresql://mufakat@192.168.1.10:5439/mufakat")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.message(field) == message
    assert QApplication.focusWidget() is getattr(dialog, field)


def test_a_bad_port_is_named_before_connecting(qtbot: QtBot, dialog: ServerDialog) -> None:
    _type(qtbot, dialog, "postgresql://mufakat@server-kantor:5439/mufakat")
    dialog.port.clear()
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "Port harus angka" in dialog.errors.message("port")


def test_keyboard_only_tab_order_and_enter(qtbot: QtBot, dialog: ServerDialog, pg_url: str) -> None:
    dialog.host.setFocus()
    seen: list[QWidget | None] = [QApplication.focusWidget()]
    for _ in range(7):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [
        dialog.host, dialog.port, dialog.dbname, dialog.user, dialog.password,
        dialog.keep_password, dialog.test_button, dialog.ok_button,
    ]  # fmt: skip
    _type(qtbot, dialog, pg_url)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter = Hubungkan, tried first
    assert dialog.result() == 1  # accepted
    url = parse_server_url(dialog.url)
    expected = urlsplit(pg_url)
    assert (url.host, url.port, url.dbname, url.password) == (
        expected.hostname, expected.port, expected.path.lstrip("/"), SECRET,
    )  # fmt: skip


def test_the_address_is_remembered_the_password_only_when_ticked(
    qtbot: QtBot, dialog: ServerDialog, pg_url: str
) -> None:
    _type(qtbot, dialog, pg_url)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    kept, has_password = remembered()
    assert (kept.host, kept.port) == ("127.0.0.1", str(urlsplit(pg_url).port))
    assert not has_password and kept.password == ""
    again = ServerDialog()
    qtbot.addWidget(again)
    assert again.host.text() == "127.0.0.1" and again.password.text() == ""
    again.password.setText(SECRET)
    again.keep_password.setChecked(True)
    again.submit()
    assert remembered()[1] is True and remembered()[0].password == SECRET
    third = ServerDialog()
    qtbot.addWidget(third)
    assert third.password.text() == SECRET and third.keep_password.isChecked()
    third.keep_password.setChecked(False)
    third.submit()
    assert remembered()[1] is False  # unticking forgets it


def _choose_server(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, address: str) -> Any:
    from ui.app_context import AppController

    controller = AppController()
    screen = controller.show_start()
    qtbot.addWidget(screen)
    assert screen.server_button.accessibleName() == "Hubungkan ke Server…"

    def accepted(self: ServerDialog) -> int:
        self.url = address
        return 1

    monkeypatch.setattr(ServerDialog, "exec", accepted)
    with qtbot.waitSignal(screen.server_chosen):
        qtbot.mouseClick(screen.server_button, Qt.MouseButton.LeftButton)
    return controller


def _close(controller: Any) -> None:
    if controller.window is not None:
        controller.window.close()
    for widget in (controller.login_dialog, controller.start_screen):
        if widget is not None:
            widget.close()
    controller.close_file()


def test_the_start_screen_opens_the_cooperative_on_the_server(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, pg_demo_url: str
) -> None:
    """Hubungkan → log in against the server's users → the main window on the server's data."""
    address = pg_demo_url.replace("@", f":{quote(SECRET, safe='')}@", 1)
    controller = _choose_server(qtbot, monkeypatch, address)
    try:
        login = controller.login_dialog
        assert login is not None and controller.services.on_server
        qtbot.keyClicks(login.username, "manajer")
        qtbot.keyClicks(login.password, "manajer123")
        qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
        window = controller.window
        assert window is not None
        assert window.windowTitle() == "Mufakat — KSP Guyub Rukun (CONTOH)"
        assert window.user_status.text() == "Pengguna: Sri Wahyuningsih (Manajer)"
        db = parse_server_url(pg_demo_url).dbname
        assert window.file_status.text() == f"Server kantor: {db}"
        assert SECRET not in window.file_status.toolTip()
        active = int(window.home_view.members_card.value.text().replace(".", ""))
        on_server = controller.services.db.scalar(
            "SELECT count(*) FROM members WHERE status = 'aktif'"
        )
        assert active == on_server > 0  # the demo's members, read from the server
    finally:
        _close(controller)


def test_a_server_that_does_not_answer_is_said_plainly_on_the_start_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = f"postgresql://mufakat:{quote(SECRET, safe='')}@127.0.0.1:{free_port()}/mufakat"
    controller = _choose_server(qtbot, monkeypatch, address)
    try:
        screen = controller.start_screen
        assert controller.services is None and controller.login_dialog is None
        assert screen.message_box.isVisible()
        assert screen.message.text().startswith(
            "Server kantor tidak bisa dihubungi — pastikan PC server menyala dan tersambung"
        )
        assert SECRET not in screen.message.text()
    finally:
        _close(controller)


def test_a_server_database_behind_this_program_names_the_command_for_the_server_pc(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, pg_url: str
) -> None:
    import psycopg

    from tests.pg import APP_ROLE, SUPERUSER

    with psycopg.connect(pg_url.replace(APP_ROLE, SUPERUSER, 1)) as conn:
        conn.execute("DELETE FROM _migrations WHERE name = (SELECT max(name) FROM _migrations)")
    controller = _choose_server(
        qtbot, monkeypatch, pg_url.replace("@", f":{quote(SECRET, safe='')}@", 1)
    )
    try:
        screen = controller.start_screen
        assert controller.services is None and controller.login_dialog is None
        text = screen.message.text()
        assert screen.message_box.isVisible()
        assert "perlu diperbarui ke versi program ini" in text
        assert "Di PC server jalankan: Mufakat.exe server upgrade --db" in text
        assert SECRET not in text
    finally:
        _close(controller)
