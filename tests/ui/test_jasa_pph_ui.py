"""Jasa simpanan and PPh 4(2) in the window: Pembukuan → Jasa & PPh 4(2) credits the month's
jasa, lists the bukti potong and records the deposit; Beranda reminds the board until the
deposit is recorded; Pengaturan → Kebijakan sets the rate, the basis and per account."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.savings.models import SavingsKind
from app.services import Services
from app.users.models import Role, User
from tests.conftest import admin_user, make_member, make_user
from ui.views.books_pph import PphTab
from ui.views.home_view import HomeView
from ui.views.settings.policy_tab import PolicyTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

TODAY = date(2026, 2, 20)


@pytest.fixture
def rich(services: Services) -> User:
    admin = admin_user(services)
    services.settings.set(admin, "savings.jasa_sukarela_rate", "6")
    member = make_member(services, admin, name="Ani")
    services.savings.deposit(
        admin, member.id, SavingsKind.SUKARELA, 100_000_000, date(2025, 12, 1), today=TODAY
    )
    return admin


def _click(tab: PphTab, name: str, qtbot: QtBot) -> None:
    qtbot.mouseClick(tab.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_the_tab_credits_lists_and_deposits(qtbot: QtBot, services: Services, rich: User) -> None:
    ketua = make_user(services, Role.KETUA, "ketua", "Budi Ketua")
    tab = PphTab(services, ketua, TODAY)
    qtbot.addWidget(tab)
    assert tab.month.text() == "2026-01"
    _click(tab, "pph_jasa", qtbot)
    assert "1 anggota" in tab.message.text() and "Rp50.000" in tab.message.text()
    assert tab.model.rowCount() == 1
    assert "PPh 4(2) Rp50.000" in tab.summary.text() and "15-02-2026" in tab.summary.text()
    assert "belum disetor" in tab.summary.text() and tab.deposit_button.isEnabled()

    home = HomeView(services, ketua)
    home.today = lambda: TODAY
    qtbot.addWidget(home)
    home.show()
    home.refresh()
    assert home.pph_notice.isVisible() and "2026-01" in home.pph_notice.text()
    kasir = HomeView(services, make_user(services, Role.STAF, "kasir"))
    qtbot.addWidget(kasir)
    kasir.show()
    assert not kasir.pph_notice.isVisible()

    tab.paid_on.set_value(date(2026, 2, 10))
    tab.reference.setText("NTPN 0001")
    _click(tab, "pph_deposit", qtbot)
    assert "dicatat" in tab.message.text()
    assert "sudah disetor 10-02-2026" in tab.summary.text()
    assert not tab.deposit_button.isEnabled()
    home.refresh()
    assert not home.pph_notice.isVisible()


def test_the_pdf_preview(qtbot: QtBot, services: Services, rich: User) -> None:
    services.jasa.credit_month(rich, date(2026, 1, 31), today=TODAY)
    tab = PphTab(services, rich, TODAY)
    qtbot.addWidget(tab)
    shown = []
    tab.show_dialog = shown.append
    _click(tab, "pph_pdf", qtbot)
    assert shown and tab.last_preview.pdf.startswith(b"%PDF")


def test_policy_tab_sets_rate_basis_and_per_account(
    qtbot: QtBot, services: Services, ketua: User
) -> None:
    tab = PolicyTab(services, ketua)
    qtbot.addWidget(tab)
    fields = {f.key: f for f in tab.jasa.fields}
    fields["savings.jasa_sukarela_rate"].edit.setText("2,5")
    combo = fields["savings.jasa_sukarela_basis"].combo
    combo.setCurrentIndex(combo.findData("rata_harian"))
    fields["pph.per_account"].check.setChecked(True)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert services.settings.get("savings.jasa_sukarela_rate") == "2.5"
    assert services.settings.get("savings.jasa_sukarela_basis") == "rata_harian"
    assert services.settings.get("pph.per_account") is True
    fields["savings.jasa_sukarela_rate"].edit.setText("dua")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert services.settings.get("savings.jasa_sukarela_rate") == "2.5"
    assert "persen" in tab.errors.message("savings.jasa_sukarela_rate")


def test_the_bukti_potong_model_shows_terutang_dipotong_and_kurang_potong(qtbot: QtBot) -> None:
    from app.savings.pph_models import BuktiPotongRow
    from ui.models.pph_model import BuktiPotongModel, PphColumn

    model = BuktiPotongModel()
    model.set_rows([BuktiPotongRow(1, "00001", "Dedi", "", "", 252_222, 22_222, 25_222)])
    shown = [
        model.data(model.index(0, c))
        for c in (PphColumn.GROSS, PphColumn.DUE, PphColumn.TAX, PphColumn.SHORTFALL)
    ]
    assert shown == ["252.222", "25.222", "22.222", "3.000"]
    assert model.headerData(PphColumn.SHORTFALL, Qt.Orientation.Horizontal) == "Kurang Potong"
