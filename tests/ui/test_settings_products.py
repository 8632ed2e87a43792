"""Pengaturan → Produk Pinjaman: the list model, the add/edit dialog, (de)activation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services import Services
from app.users.models import Role, User
from tests.conftest import make_user
from ui.dialogs.product_dialog import ProductDialog
from ui.models.products_model import ProductColumn, ProductsModel
from ui.views.settings.products_tab import ProductsTab
from ui.widgets import messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def _tab(qtbot: QtBot, services: Services, user: User) -> ProductsTab:
    tab = ProductsTab(services, user)
    qtbot.addWidget(tab)
    return tab


def _names(services: Services) -> set[str]:
    return {p.name for p in services.loans.products.all(include_inactive=True)}


def _click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_the_model_passes_the_model_tester(qtmodeltester: object, services: Services) -> None:
    model = ProductsModel()
    model.set_rows(services.loans.products.all(include_inactive=True))
    assert model.rowCount() == 3
    umum = model.row_of(next(p.id for p in services.loans.products.all() if p.method == "flat"))
    assert model.index(umum, ProductColumn.RATE).data() == "1,5%"
    assert model.index(umum, ProductColumn.METHOD).data() == "Flat"
    assert model.index(umum, ProductColumn.STATUS).data() == "Aktif"
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_a_new_product_with_a_bad_rate_is_refused_then_saved(
    qtbot: QtBot, services: Services, ketua: User
) -> None:
    tab = _tab(qtbot, services, ketua)
    _click(qtbot, tab.add_button)
    dialog = tab.dialog
    assert isinstance(dialog, ProductDialog)
    dialog.name.setText("Pinjaman Musiman Tani")
    dialog.method.setCurrentIndex(dialog.method.findData("declining"))
    dialog.rate.setText("12")
    assert dialog.rate_year.text() == "12% per bulan = 144% per tahun"
    dialog.min_months.setValue(4)
    dialog.max_months.setValue(10)
    dialog.min_amount.setText("2.000.000")
    dialog.max_amount.setText("20.000.000")
    dialog.denda_basis.setCurrentIndex(dialog.denda_basis.findData("fixed"))
    assert dialog.denda_fixed.isVisibleTo(dialog) and not dialog.denda_rate.isVisibleTo(dialog)
    dialog.denda_fixed.setText("5.000")
    dialog.cap_rate.setText("")
    dialog.cap.setText("50.000")
    assert "Rp5.000 per hari" in dialog.denda_text.text()
    dialog.alloc_order.setCurrentIndex(dialog.alloc_order.findText("Jasa → Pokok → Denda"))

    _click(qtbot, dialog.save_button)
    assert "antara 0% dan 10%" in dialog.errors.message("monthly_rate")
    assert dialog.isVisible(), "the dialog stays open"
    assert (dialog.name.text(), dialog.rate.text()) == ("Pinjaman Musiman Tani", "12")
    assert dialog.max_amount.text() == "20.000.000", "what was typed is kept"
    assert "Pinjaman Musiman Tani" not in _names(services)

    dialog.rate.setText("1,5x")
    _click(qtbot, dialog.save_button)
    assert "bukan angka persen" in dialog.errors.message("monthly_rate")

    dialog.rate.setText("1,75")
    with qtbot.waitSignal(dialog.accepted):
        _click(qtbot, dialog.save_button)
    saved = next(p for p in services.loans.products.all() if p.name == "Pinjaman Musiman Tani")
    assert (saved.method, saved.monthly_rate) == ("declining", Decimal("1.75"))
    assert (saved.min_months, saved.max_months) == (4, 10)
    assert (saved.min_amount, saved.max_amount) == (2_000_000, 20_000_000)
    rule = saved.denda_rule
    assert (rule.basis, rule.fixed_amount, rule.cap, rule.cap_rate) == ("fixed", 5000, 50_000, None)
    assert saved.alloc_order == ("jasa", "pokok", "denda")
    assert services.audit.entries("produk_pinjaman", saved.id)[0].action == "tambah"

    selected = tab.selected_product()
    assert selected is not None and selected.id == saved.id, "the new product is selected"
    assert tab.model.row_of(saved.id) >= 0
    assert "1,75% per bulan = 21% per tahun" in tab.detail.text()
    assert "tersimpan" in tab.message.text()


def test_limits_and_names_are_checked_at_their_fields(
    qtbot: QtBot, services: Services, ketua: User
) -> None:
    tab = _tab(qtbot, services, ketua)
    umum = next(p for p in services.loans.products.all() if p.name == "Pinjaman Umum")
    assert tab.select_product(umum.id)
    _click(qtbot, tab.edit_button)
    dialog = tab.dialog
    assert isinstance(dialog, ProductDialog)
    assert dialog.rate.text() == "1,5" and dialog.name.text() == "Pinjaman Umum"
    dialog.min_months.setValue(24)
    dialog.max_months.setValue(12)
    _click(qtbot, dialog.save_button)
    assert "batas bawah" in dialog.errors.message("max_months")
    dialog.max_months.setValue(36)
    other = next(p.name for p in services.loans.products.all() if p.id != umum.id)
    dialog.name.setText(other)
    _click(qtbot, dialog.save_button)
    assert "sudah ada" in dialog.errors.message("name")
    dialog.name.setText("Pinjaman Umum Anggota")
    dialog.denda_rate.setText("0,2")
    with qtbot.waitSignal(dialog.accepted):
        _click(qtbot, dialog.save_button)
    changed = services.loans.products.get(umum.id)
    assert changed.name == "Pinjaman Umum Anggota"
    assert changed.denda_rule.rate == Decimal("0.2")
    assert changed.denda_rule.cap_rate == Decimal(10), "fields not touched are kept"
    assert services.audit.entries("produk_pinjaman", umum.id)[0].action == "ubah"


def test_deactivate_and_activate_again(
    qtbot: QtBot, services: Services, ketua: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _tab(qtbot, services, ketua)
    product = services.loans.products.all()[0]
    tab.select_product(product.id)
    assert tab.active_button.text() == "Nonaktifkan"
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, **_k: asked.append(text))
    _click(qtbot, tab.active_button)
    assert "tidak bisa dipilih lagi untuk pinjaman baru" in asked[0]
    assert services.loans.products.get(product.id).active, "not confirmed: still active"

    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)
    _click(qtbot, tab.active_button)
    assert not services.loans.products.get(product.id).active
    assert product.id not in {p.id for p in services.loans.products.all()}
    row = tab.model.row_of(product.id)
    assert tab.model.index(row, ProductColumn.STATUS).data() == "Nonaktif", "still listed"
    assert tab.active_button.text() == "Aktifkan Lagi"
    assert "dinonaktifkan" in tab.message.text()

    _click(qtbot, tab.active_button)
    assert services.loans.products.get(product.id).active
    assert tab.active_button.text() == "Nonaktifkan"


def test_staff_see_the_products_read_only(qtbot: QtBot, services: Services) -> None:
    kasir = make_user(services, Role.STAF, "kasir")
    tab = _tab(qtbot, services, kasir)
    assert tab.model.rowCount() == 3
    assert tab.selected_product() is not None
    for button in (tab.add_button, tab.edit_button, tab.active_button):
        assert not button.isEnabled()
        assert "Admin atau Pengurus" in button.toolTip()
    tab.edit_product()
    assert tab.dialog is None
