"""Pengaturan → Profil Koperasi and Umum: saved through the service, errors at the field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.services import Services
from app.users.models import Role, User
from tests.conftest import make_user
from ui.main_window import MainWindow
from ui.views.settings.general_tab import GeneralTab
from ui.views.settings.profile_tab import ProfileTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def _png(path: Path) -> Path:
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f6690"))
    assert image.save(str(path), "PNG")
    return path


def test_profile_is_saved_and_the_window_title_follows(
    qtbot: QtBot,
    services: Services,
    ketua: User,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.settings.set(ketua, "backup.auto_on_close", False)
    window = MainWindow(services, ketua)
    qtbot.addWidget(window)
    tab = window.settings_view.profile_tab
    form = tab.form
    assert form.edits["name"].text() == "KSP Uji Coba"

    form.edits["email"].setText("koperasi-at-gmail")
    form.edits["badan_hukum_date"].setText("31-02-2019")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "tidak ada" in form.errors.message("badan_hukum_date")
    form.edits["badan_hukum_date"].setText("24-08-2019")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "e-mail tidak sah" in form.errors.message("email")
    assert services.settings.profile().badan_hukum_date is None, "nothing saved yet"

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(tmp_path / "x.png"), "")
    )
    (tmp_path / "x.png").write_text("bukan gambar", encoding="utf-8")
    qtbot.mouseClick(form.logo_button, Qt.MouseButton.LeftButton)
    assert "bukan gambar PNG" in form.errors.message("logo_png")
    logo = _png(tmp_path / "logo.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(logo), ""))
    qtbot.mouseClick(form.logo_button, Qt.MouseButton.LeftButton)
    assert not form.logo_preview.pixmap().isNull()

    form.edits["email"].setText("kspujicoba@gmail.com")
    form.edits["name"].setText("KSP Uji Coba Sejahtera")
    form.edits["ketua"].setText("H. Suparman")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    profile = services.settings.profile()
    assert profile.name == "KSP Uji Coba Sejahtera" and profile.ketua == "H. Suparman"
    assert profile.badan_hukum_date == date(2019, 8, 24)
    assert profile.logo_png == logo.read_bytes()
    assert profile.city == "Kota Mojokerto", "fields not touched are kept"
    assert tab.done_label.text() == "Profil koperasi tersimpan."
    assert window.windowTitle() == "Mufakat — KSP Uji Coba Sejahtera"
    assert window.home_view.coop.text() == "KSP Uji Coba Sejahtera"


def test_profile_is_read_only_for_staff(qtbot: QtBot, services: Services) -> None:
    kasir = make_user(services, Role.STAF, "kasir")
    tab = ProfileTab(services, kasir)
    qtbot.addWidget(tab)
    assert not tab.save_button.isEnabled()
    assert "Admin atau Pengurus" in tab.save_button.toolTip()
    assert tab.form.edits["name"].isReadOnly()


def test_general_settings_errors_at_the_field_and_nothing_half_saved(
    qtbot: QtBot, services: Services, ketua: User
) -> None:
    tab = GeneralTab(services, ketua)
    qtbot.addWidget(tab)
    pattern = tab.patterns["members.number_pattern"]
    assert pattern.text() == "{seq:05}"
    assert tab.previews["members.number_pattern"].text() == "Contoh: 00001"
    tab.money["savings.wajib_monthly"].setText("30.000")
    pattern.setText("AGT-{nomor}")
    assert "belum benar" in tab.previews["members.number_pattern"].text()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "{nomor}" in tab.errors.message("members.number_pattern")
    assert services.settings.get("savings.wajib_monthly") == 25_000, "nothing saved"

    pattern.setText("{coop_code}/{seq:04}")
    assert tab.previews["members.number_pattern"].text() == "Contoh: KSP-UJ/0001"
    tab.money["savings.pokok_amount"].setText("seratus ribu")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.errors.message("savings.pokok_amount")
    tab.money["savings.pokok_amount"].setText("Rp150.000")
    tab.auto_backup.setChecked(False)
    tab.keep.setValue(7)
    tab.max_failed.setValue(3)
    tab.rupiah_style.setCurrentIndex(tab.rupiah_style.findData("spasi"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    get = services.settings.get
    assert get("members.number_pattern") == "{coop_code}/{seq:04}"
    assert (get("savings.pokok_amount"), get("savings.wajib_monthly")) == (150_000, 30_000)
    assert (get("backup.auto_on_close"), get("backup.keep")) == (False, 7)
    assert get("format.rupiah_style") == "spasi"
    assert services.users.max_failed == 3, "the lock-out rule applies at once"
    assert tab.done_label.text() == "Pengaturan tersimpan."


def test_general_settings_disabled_for_the_supervisor(qtbot: QtBot, services: Services) -> None:
    pengawas = make_user(services, Role.PENGAWAS, "pengawas")
    tab = GeneralTab(services, pengawas)
    qtbot.addWidget(tab)
    assert not tab.save_button.isEnabled() and not tab.keep.isEnabled()
    assert "Admin atau Pengurus" in tab.save_button.toolTip()
