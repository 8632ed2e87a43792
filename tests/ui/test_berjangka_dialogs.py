"""Simpanan Berjangka on the member's panel, by keyboard: open a placement (amount typed, term
chosen, Enter saves), the wrong amount explained at its field, the bilyet issued, an early
withdrawal refused without the other Pengurus' password and done with it, and a payout at
maturity."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.savings.berjangka import EventKind
from app.services import Services
from app.users.models import Role
from tests.conftest import PASSWORD, make_member, make_user
from ui.dialogs.berjangka_dialog import CloseBerjangkaDialog, OpenBerjangkaDialog
from ui.views.member_berjangka import MemberBerjangkaWidget
from ui.widgets import messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

TODAY = date(2026, 11, 26)


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def note(_parent: QWidget | None, title: str, text: str) -> None:
        texts.append(f"{title}: {text}")

    monkeypatch.setattr(messages, "inform", note)
    return texts


def error(dialog: QWidget, field: str) -> str:
    label = dialog.findChild(QLabel, f"error_{field}")
    assert label is not None, field
    return label.text() if label.isVisible() else ""


def _active_dialog(kind: type) -> object:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1
    return found[0]


def test_open_print_and_withdraw_early_by_keyboard(
    qtbot: QtBot, services: Services, said: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    staf = make_user(services, Role.MANAJER, "manajer", "Rina Manajer")
    member = make_member(services, ketua)
    widget = MemberBerjangkaWidget(services, staf, member.id)
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.show()
    assert "Belum ada simpanan berjangka" in widget.summary.text()
    assert not widget.early_button.isEnabled()

    widget.open_button.click()
    dialog = _active_dialog(OpenBerjangkaDialog)
    assert isinstance(dialog, OpenBerjangkaDialog)
    qtbot.keyClicks(dialog.amount_edit, "50000")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert dialog.saved is None and "paling sedikit Rp100.000" in error(dialog, "amount")
    dialog.amount_edit.clear()
    qtbot.keyClicks(dialog.amount_edit, "12500000")
    dialog.term_combo.setFocus()
    qtbot.keyClick(dialog.term_combo, Qt.Key.Key_Down)  # 1 → 3 months
    assert dialog.rate_edit.text() == "5"
    assert "Jatuh tempo 26 Februari 2027" in dialog.summary.text()
    assert "Rp156.250" in dialog.summary.text()  # 12,5 jt × 5 % × 3/12
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert dialog.saved is not None and dialog.saved.term_months == 3
    assert said[-1].startswith("Simpanan berjangka tersimpan: Simpanan berjangka SB-2026-00001")
    assert "1 simpanan berjangka berjalan, pokok Rp12.500.000" in widget.summary.text()
    assert widget.early_button.isEnabled() and not widget.payout_button.isEnabled()

    shown: list[str] = []
    monkeypatch.setattr(widget.issuer, "show", lambda done: shown.append(done.row.number))
    widget.bilyet_button.click()
    assert shown == ["001/KSP-UJ/BSB/XI/2026"]

    widget.early_button.click()
    close = _active_dialog(CloseBerjangkaDialog)
    assert isinstance(close, CloseBerjangkaDialog) and close.auth_box is not None
    assert "penalti Rp125.000" in close.consequence.text()
    close.accept()
    assert close.saved is None and "izin Ketua/Pengurus" in error(close, "authoriser")
    qtbot.keyClicks(close.auth_box.username_edit, "ketua")
    qtbot.keyClicks(close.auth_box.password_edit, PASSWORD)
    qtbot.keyClicks(close.auth_box.reason_edit, "Biaya berobat")
    qtbot.keyClick(close.auth_box.reason_edit, Qt.Key.Key_Return)
    assert close.saved is not None and close.saved.kind == EventKind.CAIR_AWAL
    assert close.saved.authorised_by == ketua.id
    assert "0 simpanan berjangka berjalan" in widget.summary.text()
    assert not widget.early_button.isEnabled()


def test_payout_at_maturity_from_the_panel(
    qtbot: QtBot, services: Services, said: list[str]
) -> None:
    staf = make_user(services, Role.MANAJER, "manajer", "Rina Manajer")
    member = make_member(services, staf)
    d = services.berjangka.open(staf, member.id, 1_000_000, 1, date(2026, 10, 1), today=TODAY)
    widget = MemberBerjangkaWidget(services, staf, member.id)
    widget.today = lambda: TODAY
    widget.refresh()
    qtbot.addWidget(widget)
    assert widget.payout_button.isEnabled() and not widget.early_button.isEnabled()
    widget.payout_button.click()
    close = _active_dialog(CloseBerjangkaDialog)
    assert isinstance(close, CloseBerjangkaDialog) and close.auth_box is None
    close.method_combo.setCurrentIndex(close.method_combo.findData("sukarela"))
    qtbot.keyClick(close.method_combo, Qt.Key.Key_Return)
    assert close.saved is not None
    assert services.berjangka.get(d.id).closed_kind == EventKind.CAIR
    assert services.savings.balances(member.id).sukarela == 1_000_000 + d.total_jasa


def test_month_end_dialog_pays_the_months_berjangka_jasa(
    qtbot: QtBot, services: Services, said: list[str]
) -> None:
    from ui.dialogs.month_end_dialog import MonthEndDialog

    staf = make_user(services, Role.MANAJER, "manajer", "Rina Manajer")
    member = make_member(services, staf)
    d = services.berjangka.open(staf, member.id, 10_000_000, 6, date(2026, 10, 1), today=TODAY)
    dialog = MonthEndDialog(services, staf, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.date_edit.value() == date(2026, 10, 31)
    dialog.accept()
    [event] = services.berjangka.events(d.id)
    assert event.month == "2026-10" and event.jasa > 0
    assert "Simpanan berjangka: jasa 1 rekening" in said[-1]


def test_settings_rates_per_term_and_penalty(qtbot: QtBot, services: Services) -> None:
    from ui.views.settings.general_tab import GeneralTab

    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    tab = GeneralTab(services, ketua)
    qtbot.addWidget(tab)
    group = tab.berjangka
    assert group.rates["berjangka.rate_6"].text() == "5,5"
    group.rates["berjangka.rate_12"].setText("6,75x")
    tab.save()
    assert tab.errors.message("berjangka.rate_12")
    assert services.settings.get("berjangka.rate_12") == "6", "nothing saved"
    group.rates["berjangka.rate_12"].setText("6,75")
    group.penalty.setText("2")
    group.mode.setCurrentIndex(group.mode.findData("jatuh_tempo"))
    tab.save()
    assert tab.done_label.text() == "Pengaturan tersimpan."
    assert str(services.berjangka.rate_for(12)) == "6.75"
    assert str(services.berjangka.penalty_percent()) == "2"
    assert services.berjangka.default_jasa_mode().value == "jatuh_tempo"
