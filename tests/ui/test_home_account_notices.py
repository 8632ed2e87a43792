"""Beranda shows every Pengurus the requests for a privileged role and the latest privileged
account changes (issue 9 §6); others do not see it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.services import Services
from app.users.models import Role
from tests.conftest import PASSWORD, admin_user, make_user
from ui.views.home_view import HomeView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_pengurus_sees_and_approves_a_pending_role(qtbot: QtBot, services: Services) -> None:
    admin = admin_user(services)
    ketua = make_user(services, Role.KETUA, "ketua", "Budi Santoso")
    kasir = make_user(services, Role.STAF, "kasir", "Rina Marlina")
    pengawas = services.users.create_user(
        admin, "bambang", "Drs. Bambang", Role.PENGAWAS, PASSWORD, PASSWORD
    )
    services.users.reset_password(admin, ketua.id, "sementara9", "sementara9")
    services.users.repo.update_fields(ketua.id, must_change_password=0)
    view = HomeView(services, services.users.get(ketua.id))
    qtbot.addWidget(view)
    view.show()
    notices = view.account_notices
    assert notices.isVisible()
    [row] = notices.findChildren(QLabel, "role_request")
    assert "Pengawas" in row.text() and "Drs. Bambang" in row.text() and "Uji Admin" in row.text()
    texts = [label.text() for label in notices.findChildren(QLabel, "account_notice")]
    assert any("kata sandinya diatur ulang" in t and "'ketua'" in t for t in texts)
    [request] = services.users.roles.pending()
    qtbot.mouseClick(notices.approve_buttons[request.id], Qt.MouseButton.LeftButton)
    assert services.users.get(pengawas.id).role_active
    assert not services.users.roles.pending()

    other = HomeView(services, kasir)
    qtbot.addWidget(other)
    other.show()
    assert not other.account_notices.isVisible()
