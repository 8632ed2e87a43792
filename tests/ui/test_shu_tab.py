"""Pengaturan → SHU: the total shows while typing; 100,01 % is refused with the sum shown and
nothing saved; exactly 100 % saves; the Daftar SHU of a year is written as a PDF."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services import Services
from tests.conftest import admin_user
from ui.views.settings.shu_tab import ShuTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def test_allocation_saved_only_at_exactly_100(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    tab = ShuTab(services, admin_user(services))
    qtbot.addWidget(tab)
    assert tab.total.text() == "100%"
    tab.percent["cadangan"].setText("40,01")
    assert "100,01%" in tab.total.text() and "harus tepat" in tab.total.text()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "harus tepat 100%" in tab.message.text()
    assert services.shu.settings().percent["cadangan"] == Decimal(40)
    tab.percent["cadangan"].setText("35")
    tab.percent["jma"].setText("25")
    tab.jma_base.setCurrentIndex(tab.jma_base.findData("akhir_tahun"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    saved = services.shu.settings()
    assert saved.percent["jma"] == Decimal(25) and saved.jma_base == "akhir_tahun"
    tab.year.setText("2025")
    out = tmp_path / "daftar.pdf"
    tab.save_pdf(out)
    assert out.read_bytes().startswith(b"%PDF")


def test_tax_regime_saved_with_its_start_year(qtbot: QtBot, services: Services) -> None:
    tab = ShuTab(services, admin_user(services))
    qtbot.addWidget(tab)
    assert tab.regime.currentData() == "manual"
    tab.regime.setCurrentIndex(tab.regime.findData("final"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "Tahun mulai" in tab.message.text()
    assert services.tax.settings().regime == "manual"  # nothing half-saved
    tab.final_start.setText("2024")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    saved = services.tax.settings()
    assert (saved.regime, saved.final_start) == ("final", 2024)
    again = ShuTab(services, admin_user(services))
    qtbot.addWidget(again)
    assert again.regime.currentData() == "final" and again.final_start.text() == "2024"
