"""Pengaturan → Pengguna and Kata Sandi Saya: Admin manages users, everyone changes their own
password."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.errors import ValidationError
from app.services import Services
from app.users.models import Role
from tests.conftest import PASSWORD, admin_user, make_user
from ui.dialogs.reset_password_dialog import ResetPasswordDialog
from ui.dialogs.user_dialog import UserDialog
from ui.models.users_model import UserColumn, UsersModel
from ui.views.settings.password_tab import PasswordTab
from ui.views.settings.users_tab import UsersTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def test_admin_adds_a_user_with_errors_shown_at_the_field(qtbot: QtBot, services: Services) -> None:
    admin = admin_user(services)
    tab = UsersTab(services, admin)
    qtbot.addWidget(tab)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, UserDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.username, "rina")
    qtbot.keyClicks(dialog.full_name, "Rina Marlina")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.STAF))
    qtbot.keyClicks(dialog.position, "Kasir")
    qtbot.keyClicks(dialog.password, "kasirku1")
    qtbot.keyClicks(dialog.confirm, "kasirku2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "sama persis" in dialog.errors.message("confirm")
    assert dialog.isVisible() and dialog.full_name.text() == "Rina Marlina"
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "kasirku1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert tab.select_username("rina")
    chosen = tab.selected_user()
    assert chosen is not None and chosen.role == Role.STAF and chosen.must_change_password
    row = tab.table.selectionModel().selectedRows()[0].row()
    status = tab.proxy.index(row, UserColumn.STATUS).data()
    assert status == "Aktif (harus ganti kata sandi)"


def test_admin_resets_a_password_and_unlocks_the_account(qtbot: QtBot, services: Services) -> None:
    admin = admin_user(services)
    manajer = make_user(services, Role.MANAJER, "siti", "Siti Aminah")
    for _ in range(5):
        with pytest.raises(ValidationError):
            services.users.login("siti", "keliru")
    tab = UsersTab(services, admin)
    qtbot.addWidget(tab)
    assert tab.select_username("siti")
    row = tab.table.selectionModel().selectedRows()[0].row()
    assert tab.proxy.index(row, UserColumn.STATUS).data().startswith("Terkunci sampai")
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ResetPasswordDialog)
    qtbot.keyClicks(dialog.password, "baru")
    qtbot.keyClicks(dialog.confirm, "baru")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "minimal" in dialog.errors.message("password")
    for edit in (dialog.password, dialog.confirm):
        edit.clear()
        qtbot.keyClicks(edit, "sementara9")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    user = services.users.login("siti", "sementara9")
    assert user.id == manajer.id and user.must_change_password


def test_admin_edits_role_and_deactivates(qtbot: QtBot, services: Services) -> None:
    admin = admin_user(services)
    make_user(services, Role.STAF, "budi", "Budi Santoso")
    tab = UsersTab(services, admin)
    qtbot.addWidget(tab)
    assert tab.select_username("budi")
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, UserDialog) and dialog.username.isReadOnly()
    dialog.role.setCurrentIndex(dialog.role.findData(Role.MANAJER))
    dialog.position.setText("Manajer")
    dialog.active.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert tab.select_username("budi")
    budi = tab.selected_user()
    assert budi is not None and budi.role == Role.MANAJER and not budi.active
    row = tab.table.selectionModel().selectedRows()[0].row()
    assert tab.proxy.index(row, UserColumn.STATUS).data() == "Nonaktif"


def test_admin_cannot_demote_themself(qtbot: QtBot, services: Services) -> None:
    admin = admin_user(services)
    dialog = UserDialog(services, admin, admin)
    qtbot.addWidget(dialog)
    dialog.role.setCurrentIndex(dialog.role.findData(Role.STAF))
    dialog.submit()
    assert "akun Anda sendiri" in dialog.errors.message("role")


def test_others_see_the_list_read_only_with_the_reason(qtbot: QtBot, services: Services) -> None:
    ketua = make_user(services, Role.PENGURUS, "ketua", "H. Suparman")
    tab = UsersTab(services, ketua)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 2
    assert tab.select_username("ketua")
    for button in (tab.add_button, tab.edit_button, tab.reset_button):
        assert not button.isEnabled()
        assert button.toolTip() == "Hanya Admin yang boleh mengatur pengguna."
    tab.edit_user()  # a double click does not open the dialog either
    assert tab.dialog is None


def test_users_model_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services
) -> None:
    make_user(services, Role.MANAJER, "siti", "Siti Aminah")
    make_user(services, Role.PENGAWAS, "bambang", "Bambang Sutrisno")
    model = UsersModel(now=datetime.now() + timedelta(days=1))
    model.set_rows(services.users.all())
    assert model.rowCount() == 3
    assert {model.index(r, UserColumn.ROLE).data() for r in range(3)} == {
        "Admin",
        "Manajer",
        "Pengawas",
    }
    qtmodeltester.check(model)


def test_change_my_password(qtbot: QtBot, services: Services) -> None:
    siti = make_user(services, Role.MANAJER, "siti", "Siti Aminah")
    tab = PasswordTab(services, siti)
    qtbot.addWidget(tab)
    form = tab.form
    assert form.save_button is not None
    qtbot.keyClicks(form.old, "bukan-ini")
    qtbot.keyClicks(form.new, "sitibaru1")
    qtbot.keyClicks(form.confirm, "sitibaru1")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.errors.message("old_password") == "Kata sandi lama salah. Sisa percobaan: 4."
    assert form.new.text() == "sitibaru1", "what was typed is kept"
    form.old.clear()
    qtbot.keyClicks(form.old, PASSWORD)
    with qtbot.waitSignal(form.changed):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "sudah diganti" in form.done_label.text()
    assert form.old.text() == "" and form.new.text() == ""
    assert services.users.login("siti", "sitibaru1").id == siti.id
    with pytest.raises(ValidationError):
        services.users.login("siti", PASSWORD)
