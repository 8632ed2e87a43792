"""Tambah Aset Tetap: a purchase is registered with its journal; a bad field shows its
Indonesian message at that field and nothing is written; an opening asset needs its month;
the Aset Tetap tab lists cost, accumulated depreciation and book value."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.services import Services
from app.users.models import Role, User
from tests.conftest import make_user
from ui.dialogs.asset_dialog import AssetDialog
from ui.views.books_assets import AssetsTab

TODAY = date(2026, 11, 20)


@pytest.fixture
def staff(services: Services) -> User:
    return make_user(services, Role.MANAJER, "manajer", "Rina Manajer")


def _fill(dialog: AssetDialog, name: str = "Laptop kasir", cost: int = 9_000_000) -> None:
    dialog.name_edit.setText(name)
    dialog.account_combo.setCurrentIndex(dialog.account_combo.findData("1304"))
    dialog.acquired_edit.set_value(date(2026, 5, 4))
    dialog.cost_edit.set_value(cost)
    dialog.life_spin.setValue(36)


def test_a_purchase_is_saved_and_listed(qtbot: QtBot, services: Services, staff: User) -> None:
    dialog = AssetDialog(services, staff, TODAY)
    qtbot.addWidget(dialog)
    _fill(dialog)
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.method == "tunai"
    assert services.ledger.repo.find("aset_tetap", dialog.saved.id, "perolehan") is not None
    services.assets.run(staff, 2026, 10)
    tab = AssetsTab(services, staff, TODAY)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.model.rowCount() == 1
    assert "akumulasi penyusutan Rp1.250.000" in tab.summary.text()  # June..October: 5 × 250.000
    assert "nilai buku Rp7.750.000" in tab.summary.text()


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda d: d.name_edit.setText(" "), "name", "Nama aset wajib diisi"),
        (lambda d: d.cost_edit.set_value(0), "cost", "Harga perolehan"),
        (lambda d: d.residual_edit.set_value(9_000_001), "residual", "Nilai sisa"),
        (lambda d: d.origin_combo.setCurrentIndex(1), "opening_month", "bulan saldo awal"),
    ],
)
def test_bad_input_shows_at_the_field(
    qtbot: QtBot, services: Services, staff: User, change: object, field: str, words: str
) -> None:
    dialog = AssetDialog(services, staff, TODAY)
    qtbot.addWidget(dialog)
    _fill(dialog)
    change(dialog)  # type: ignore[operator]
    dialog.accept()
    assert dialog.saved is None
    assert words in dialog.errors.message(field)
    assert services.db.scalar("SELECT count(*) FROM fixed_assets") == 0


def test_an_opening_asset_posts_no_journal(qtbot: QtBot, services: Services, staff: User) -> None:
    dialog = AssetDialog(services, staff, TODAY)
    qtbot.addWidget(dialog)
    _fill(dialog)
    dialog.acquired_edit.set_value(date(2024, 1, 10))
    dialog.origin_combo.setCurrentIndex(1)
    assert not dialog.method_combo.isEnabled()
    dialog.opening_edit.setText("2025-12")
    count = services.db.scalar("SELECT count(*) FROM journals")
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.opening_accumulated == 23 * 250_000
    assert services.db.scalar("SELECT count(*) FROM journals") == count


def test_month_end_dialog_posts_the_depreciation(
    qtbot: QtBot, services: Services, staff: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.month_end_dialog import MonthEndDialog
    from ui.widgets import messages

    said: list[str] = []
    monkeypatch.setattr(messages, "inform", lambda _p, title, text: said.append(text))
    dialog = AssetDialog(services, staff, TODAY)
    qtbot.addWidget(dialog)
    _fill(dialog)
    dialog.accept()
    month_end = MonthEndDialog(services, staff, TODAY)
    qtbot.addWidget(month_end)
    assert month_end.date_edit.value() == date(2026, 10, 31)
    month_end.accept()
    assert "Penyusutan aset tetap: 5 baris, Rp1.250.000." in said[-1]
    assert {i.key: i for i in services.closing.checklist(2026, 10)}["penyusutan"].ok
