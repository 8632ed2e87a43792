"""The screenshots script renders the Anggota view and its dialogs to PNG files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.savings.models import SavingsKind
from app.services import Services
from app.users.models import Role, User
from scripts.screenshots_members import members_screenshots
from tests.conftest import make_member, make_user

# The offscreen platform cannot resize native windows to their size hints; harmless here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_members_screenshots_are_written(
    qtbot: QtBot, services: Services, ketua: User, tmp_path: Path
) -> None:
    make_user(services, Role.STAF, "kasir", "Rina Kasir")
    member = make_member(services, ketua)
    services.savings.deposit(ketua, member.id, SavingsKind.WAJIB, 75_000, date(2026, 1, 5))
    paths = members_screenshots(services, ketua, tmp_path / "shots")
    assert [p.name for p in paths] == ["anggota.png", "anggota-baru.png", "anggota-penarikan.png"]
    view = QImage(str(paths[0]))
    assert (view.width(), view.height()) == (1366, 768)
    for path in paths[1:]:
        image = QImage(str(path))
        assert image.width() > 300 and image.height() > 200
