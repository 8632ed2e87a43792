"""Pembukuan → Tutup Bulan in the window: the checklist names the missing cash count; after the
count the month closes and the lock date shows; reopening needs a second Pengurus's password."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.ledger.models import Line
from app.services import Services
from app.storage.closing_repo import ClosingRepository
from app.users.models import Role
from tests.app.closing.conftest import year  # noqa: F401  (the fixture)
from tests.conftest import PASSWORD, admin_user, make_user
from ui.views.books_close import CloseMonthTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def test_close_and_reopen_from_the_tab(qtbot: QtBot, services: Services) -> None:
    admin = admin_user(services)
    services.manual_journals.submit(
        admin, date(2026, 1, 5), "Hibah", [Line("1101", 100_000), Line("3105", 0, 100_000)]
    )
    tab = CloseMonthTab(services, admin, date(2026, 2, 10))
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.month.text() == "2026-01"
    qtbot.mouseClick(
        tab.findChild(type(tab.close_button), "close_check"), Qt.MouseButton.LeftButton
    )
    texts = [tab.items.item(i).text() for i in range(tab.items.count())]
    assert any(t.startswith("✗ Kas opname") for t in texts)
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    assert services.closing.lock_date() is None
    services.cashbook.count(admin, date(2026, 1, 31), 100_000)
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    assert services.closing.lock_date() == date(2026, 1, 31)
    assert "31-01-2026" in tab.lock.text() and tab.month.text() == "2026-02"

    ketua = make_user(services, Role.KETUA, "ketua1", "Budi Ketua")
    make_user(services, Role.PENGURUS, "pengurus1", "Sari Pengurus")
    tab.user = ketua
    tab.reason.setText("kas opname salah hitung")
    qtbot.mouseClick(tab.findChild(type(tab.close_button), "reopen"), Qt.MouseButton.LeftButton)
    assert services.closing.lock_date() == date(2026, 1, 31)  # alone: refused
    assert "Ketua dan satu Pengurus lain" in tab.message.text()
    tab.second.setText("pengurus1")
    tab.password.setText(PASSWORD)
    qtbot.mouseClick(tab.findChild(type(tab.close_button), "reopen"), Qt.MouseButton.LeftButton)
    assert services.closing.lock_date() is None
    assert tab.password.text() == ""


def test_year_end_from_the_tab(qtbot: QtBot, services: Services) -> None:
    admin = admin_user(services)
    services.manual_journals.submit(
        admin, date(2025, 5, 5), "Giro", [Line("1101", 70_000), Line("4201", 0, 70_000)]
    )
    tab = CloseMonthTab(services, admin, date(2026, 1, 10))
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.mouseClick(tab.year_button, Qt.MouseButton.LeftButton)
    assert "Desember 2025" in tab.message.text()
    services.cashbook.count(admin, date(2025, 12, 31), 70_000)
    assert tab.month.text() == "2025-12"
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.year_button, Qt.MouseButton.LeftButton)
    assert "jurnal penutup J2025-" in tab.message.text()
    assert services.closing.closed_year(2025) is not None


def test_rat_pack_button_writes_the_pack(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = admin_user(services)
    services.manual_journals.submit(
        admin, date(2025, 5, 5), "Giro", [Line("1101", 70_000), Line("4201", 0, 70_000)]
    )
    tab = CloseMonthTab(services, admin, date(2026, 1, 10))
    qtbot.addWidget(tab)
    assert tab.pack_year.value() == 2025
    monkeypatch.setattr(tab, "choose_folder", lambda: tmp_path)
    qtbot.mouseClick(tab.findChild(QPushButton, "rat_pack"), Qt.MouseButton.LeftButton)
    assert (tmp_path / "RAT_2025" / "rat_pack.pdf").is_file()
    assert "rat_pack.pdf" in tab.message.text()
    tab.pack_year.setValue(2026)  # not ended yet: refused before any folder is asked
    monkeypatch.setattr(tab, "choose_folder", lambda: pytest.fail("asked for a folder"))
    qtbot.mouseClick(tab.findChild(QPushButton, "rat_pack"), Qt.MouseButton.LeftButton)
    assert "belum berakhir" in tab.message.text()


@pytest.mark.usefixtures("year")
def test_allocate_and_pay_shu_from_the_tab(qtbot: QtBot, services: Services) -> None:
    admin, pengurus = admin_user(services), make_user(services)
    with services.db.atomic():
        ClosingRepository(services.db).add_lock("tutup", "2025-12", date(2025, 12, 31), admin.id)
    services.closing.close_year(admin, 2025)
    tab = CloseMonthTab(services, admin, date(2026, 3, 20))
    qtbot.addWidget(tab)
    tab.pack_year.setValue(2025)
    tab.rat_date.setDate(date(2026, 3, 14))
    tab.decision.setText("05/RAT/2026")
    qtbot.mouseClick(tab.findChild(QPushButton, "shu_allocate"), Qt.MouseButton.LeftButton)
    assert services.shu_books.ratification(2025) is None  # the Admin may not approve
    tab.user = pengurus
    qtbot.mouseClick(tab.findChild(QPushButton, "shu_allocate"), Qt.MouseButton.LeftButton)
    assert "05/RAT/2026" in tab.message.text()
    tab.user = admin
    qtbot.mouseClick(tab.findChild(QPushButton, "shu_pay"), Qt.MouseButton.LeftButton)
    assert "anggota menerima SHU 2025" in tab.message.text()
    assert "Citra" in tab.message.text()  # left in March: her share stays in 2109
    assert [s.paid_on is None for s in services.shu_books.shares(2025)].count(True) == 1
