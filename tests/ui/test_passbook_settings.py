"""Pengaturan → Buku Simpanan: editing a model (checked, audited), the preview to scale, the
calibration page; the screenshots of the tab and of a rendered passbook page at 1366×768."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.passbook.layout import Layout
from app.services import Services
from app.users.models import Role, User
from tests.conftest import make_user
from ui.dialogs.passbook_paint import make_printer, render_preview
from ui.views.settings.passbook_tab import PassbookTab, sample_lines
from ui.widgets import messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    for name in ("warn", "inform"):
        monkeypatch.setattr(messages, name, lambda _p, title, text: texts.append(text))
    return texts


def open_tab(qtbot: QtBot, services: Services, user: User, tmp_path: Path) -> PassbookTab:
    tab = PassbookTab(
        services, user, printer_factory=lambda layout: make_printer(layout, tmp_path / "k.pdf")
    )
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    return tab


def test_a_model_is_edited_checked_and_audited(
    qtbot: QtBot, services: Services, ketua: User, tmp_path: Path, said: list[str]
) -> None:
    tab = open_tab(qtbot, services, ketua, tmp_path)
    assert tab.model_combo.count() == 2  # the passbook and the loan card
    tab.decimals["top"].setValue(22.5)
    tab.ints["fold_after"].setValue(12)
    tab.column_spins["balance"][1].setValue(30)
    tab.save()
    assert said[-1] == "Model buku disimpan."
    model_id, layout = services.passbooks.models("buku")[0]
    assert (str(layout.top), layout.fold_after, str(layout.column("balance").width)) == (
        "22.5",
        12,
        "30.0",
    )
    assert (
        services.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'ubah_model_buku'") == 1
    )
    tab.ints["lines_per_page"].setValue(60)  # off the page: refused, nothing saved
    tab.save()
    assert "di luar halaman" in said[-1]
    assert services.passbooks.layout(model_id).lines_per_page == layout.lines_per_page


def test_only_admin_or_pengurus_may_save(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    staf = make_user(services, Role.STAF, "kasir", "Rina Kasir")
    tab = open_tab(qtbot, services, staf, tmp_path)
    assert not tab.save_button.isEnabled()


def test_calibration_page_prints(
    qtbot: QtBot, services: Services, ketua: User, tmp_path: Path, said: list[str]
) -> None:
    tab = open_tab(qtbot, services, ketua, tmp_path)
    tab.calibrate()
    assert not said
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "k.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Saldo" in text and "100" in text


def _ink(image: QImage, colour: QColor) -> int:
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y) == colour
    )


def test_the_preview_is_to_scale_with_grey_and_black_lines(qapp: object) -> None:
    layout: Layout = services_free_layout()
    image = render_preview(layout, sample_lines(layout, "buku"), dpi=96)
    assert image.width() == round(float(layout.page_width) / 25.4 * 96)
    grey_only = render_preview(layout, [(n, t, True) for n, t, _ in sample_lines(layout, "buku")])
    assert _ink(image, QColor(0, 0, 0)) > 0 and _ink(grey_only, QColor(0, 0, 0)) == 0


def services_free_layout() -> Layout:
    from app.passbook.layout import DEFAULT_PASSBOOK

    return DEFAULT_PASSBOOK


def test_screenshots_at_1366x768(
    qtbot: QtBot, services: Services, ketua: User, tmp_path: Path
) -> None:
    from ui.views.settings.settings_view import SettingsView

    # The suite writes into tmp_path; MUFAKAT_WRITE_SCREENSHOTS=1 refreshes docs/screenshots.
    shots = SHOTS if os.environ.get("MUFAKAT_WRITE_SCREENSHOTS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    view = SettingsView(services, ketua)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.show_tab(view.passbook_tab)  # the tab scrolls: its page is a scroll area
    qtbot.wait(50)
    assert view.grab().save(str(shots / "settings_buku_simpanan.png"))
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(1366, 768)
    layout = services_free_layout()  # the whole page in 768 pixels, lines over the fold
    image = render_preview(layout, sample_lines(layout, "buku", 20, 15), dpi=106)
    canvas = QImage(1366, 768, QImage.Format.Format_RGB32)
    canvas.fill(QColor(90, 90, 90))
    from PySide6.QtGui import QPainter

    painter = QPainter(canvas)
    painter.drawImage((1366 - image.width()) // 2, max(0, (768 - image.height()) // 2), image)
    painter.end()
    assert canvas.save(str(shots / "buku_simpanan_halaman.png"))
