"""The Anggota view driven as a clerk would: add, find, deposit, be refused, withdraw."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.members.models import MemberStatus
from app.savings.models import SavingsKind
from app.services import Services
from app.users.models import Role, User
from tests.conftest import make_member, make_user
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.savings_dialog import ReverseDialog, SavingsDialog
from ui.dialogs.status_dialog import StatusDialog
from ui.views.members_view import SEARCH_DELAY_MS, MembersView
from ui.widgets import messages

# The offscreen platform cannot resize native windows to their size hints; harmless here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

T = TypeVar("T")
NIK = "3576025407900003"  # a woman born 14-07-1990


class Said:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: list[str] = []
        monkeypatch.setattr(messages, "confirm", self._confirm)
        monkeypatch.setattr(messages, "inform", self._note)
        monkeypatch.setattr(messages, "warn", self._note)

    def _confirm(self, _parent: QWidget | None, title: str, text: str, *_: str, **__: str) -> bool:
        self.texts.append(f"{title}: {text}")
        return True

    def _note(self, _parent: QWidget | None, title: str, text: str) -> None:
        self.texts.append(f"{title}: {text}")


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Said:
    return Said(monkeypatch)


@pytest.fixture
def staf(services: Services) -> User:
    return make_user(services, Role.STAF, "kasir", "Rina Kasir")


def open_view(qtbot: QtBot, services: Services, user: User) -> MembersView:
    view = MembersView(services, user)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def label(widget: QWidget, name: str) -> str:
    found = widget.findChild(QLabel, name)
    assert found is not None, name
    return found.text() if found.isVisible() else ""


def dialog_of(view: MembersView, kind: type[T]) -> T:
    assert isinstance(view.dialog, kind), view.dialog
    return view.dialog


def test_a_clerk_adds_finds_deposits_is_refused_and_withdraws(
    qtbot: QtBot, services: Services, ketua: User, staf: User, said: Said
) -> None:
    make_member(services, ketua, name="Ahmad Fauzi", sex="L", serial=7)
    view = open_view(qtbot, services, staf)
    assert label(view, "member_count") == "1 anggota"

    # Add a member: first with a NIK one digit short.
    view.new_item()
    dialog = dialog_of(view, MemberDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.name_edit, "Sri Rahayu Ningsih")
    dialog.nik_edit.setFocus()
    qtbot.keyClicks(dialog.nik_edit, NIK[:-1])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    nik_error = label(dialog, "error_nik")
    assert "NIK harus 16 angka, yang ditulis 15 angka" in nik_error
    assert dialog.nik_edit.text() == NIK[:-1] and dialog.name_edit.text() == "Sri Rahayu Ningsih"
    assert dialog.isVisible() and services.members.count() == 1
    dialog.nik_edit.end(False)
    qtbot.keyClicks(dialog.nik_edit, NIK[-1])
    dialog.sex_combo.setCurrentIndex(dialog.sex_combo.findData("P"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    assert services.members.count() == 2
    added = services.members.search("Sri Rahayu")[0]
    assert view.detail.member is not None and view.detail.member.id == added.id

    # Find her by typing part of the name.
    view.search_edit.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    qtbot.keyClicks(view.search_edit, "rahayu")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.model.row_at(0).id == added.id)
    assert label(view, "member_count") == "1 anggota cocok"
    qtbot.waitUntil(lambda: view.detail.member is not None and view.detail.member.id == added.id)
    assert label(view, "detail_nik") == NIK
    assert label(view, "balance_total") == "Rp0"

    # Deposit simpanan wajib and see the balance in the panel.
    qtbot.mouseClick(view.detail.deposit_button, Qt.MouseButton.LeftButton)
    deposit = dialog_of(view, SavingsDialog)
    assert deposit.kind() == SavingsKind.WAJIB
    deposit.amount_edit.clear()
    qtbot.keyClicks(deposit.amount_edit, "250000")
    assert deposit.amount_edit.text() == "250.000"
    qtbot.keyClick(deposit.amount_edit, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: view.dialog is None)
    assert "No. Kuitansi: KW-2026-000001" in said.texts[-1]
    assert label(view, "balance_wajib") == "Rp250.000"
    assert label(view, "balance_total") == "Rp250.000"
    assert view.model.row_at(0).savings_total == 250_000

    # A forbidden withdrawal of simpanan wajib: the clerk cannot authorise it.
    qtbot.mouseClick(view.detail.withdraw_button, Qt.MouseButton.LeftButton)
    withdraw = dialog_of(view, SavingsDialog)
    withdraw.set_kind(SavingsKind.WAJIB)
    qtbot.keyClicks(withdraw.amount_edit, "50000")
    qtbot.mouseClick(withdraw_button(withdraw), Qt.MouseButton.LeftButton)
    refusal = label(withdraw, "error_authoriser")
    assert "Simpanan Wajib tidak bisa ditarik selama masih menjadi anggota aktif" in refusal
    assert "izin Ketua/Pengurus" in refusal
    assert withdraw.isVisible() and services.savings.balances(added.id).wajib == 250_000

    # Sukarela is hers to take: deposit some, then withdraw part of it.
    withdraw.reject()
    qtbot.waitUntil(lambda: view.dialog is None)
    services.savings.deposit(staf, added.id, SavingsKind.SUKARELA, 100_000, date.today())
    qtbot.mouseClick(view.detail.withdraw_button, Qt.MouseButton.LeftButton)
    withdraw = dialog_of(view, SavingsDialog)
    assert withdraw.kind() == SavingsKind.SUKARELA
    assert withdraw.auth_box is not None and not withdraw.auth_box.isVisible()
    qtbot.keyClicks(withdraw.amount_edit, "30000")
    qtbot.mouseClick(withdraw_button(withdraw), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    assert label(view, "balance_sukarela") == "Rp70.000"
    assert label(view, "balance_total") == "Rp320.000"
    assert view.detail.history_model.rowCount() == 3


def withdraw_button(dialog: SavingsDialog) -> QWidget:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == "Simpan Penarikan")


def test_empty_lists_say_what_to_do(qtbot: QtBot, services: Services, ketua: User) -> None:
    view = open_view(qtbot, services, ketua)
    assert "Belum ada anggota" in label(view, "member_empty")
    assert "+ Anggota Baru" in label(view, "member_empty")
    assert label(view, "member_count") == "0 anggota"
    make_member(services, ketua)
    view.run_search()
    assert label(view, "member_empty") == ""
    qtbot.keyClicks(view.search_edit, "zulkifli")
    qtbot.waitUntil(lambda: "Tidak ada anggota yang cocok" in label(view, "member_empty"))
    assert "“zulkifli”" in label(view, "member_empty")
    assert view.detail.member is None


def test_status_filter_and_enter_opens_the_member(
    qtbot: QtBot, services: Services, ketua: User, said: Said
) -> None:
    siti = make_member(services, ketua)
    make_member(services, ketua, name="Ahmad Fauzi", sex="L", serial=2)
    services.members.change_status(
        ketua, siti.id, MemberStatus.MENINGGAL, date(2026, 5, 1), "Meninggal dunia"
    )
    view = open_view(qtbot, services, ketua)
    view.status_combo.setCurrentIndex(view.status_combo.findData(MemberStatus.MENINGGAL))
    assert view.model.rowCount() == 1 and view.model.row_at(0).id == siti.id
    assert label(view, "member_count") == "1 anggota cocok"
    assert "Meninggal sejak 1 Mei 2026 — Meninggal dunia" in label(view, "detail_status")
    assert not view.detail.deposit_button.isEnabled()
    assert "tidak bisa menerima setoran" in view.detail.deposit_button.toolTip()

    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 1))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    edit = dialog_of(view, MemberDialog)
    assert edit.name_edit.text() == "Siti Aminah"
    qtbot.waitUntil(edit.isActiveWindow)
    qtbot.keyClick(edit, Qt.Key.Key_Escape)  # nothing changed: closes at once
    qtbot.waitUntil(lambda: view.dialog is None)
    assert said.texts == []


def test_buttons_a_role_may_not_use_are_disabled_and_say_why(
    qtbot: QtBot, services: Services, ketua: User, staf: User, said: Said
) -> None:
    make_member(services, ketua)
    pengawas = make_user(services, Role.PENGAWAS)
    view = open_view(qtbot, services, pengawas)
    assert view.detail.member is not None  # reading is allowed
    for button in (
        view.new_button, view.detail.edit_button, view.detail.status_button,
        view.detail.deposit_button, view.detail.withdraw_button, view.detail.reverse_button,
    ):  # fmt: skip
        assert not button.isEnabled()
        assert "Peran Anda (Pengawas) tidak boleh" in button.toolTip()
    assert view.detail.statement_button.isEnabled()
    view.new_item()  # Ctrl+N from the main window
    assert view.dialog is None
    assert "tidak boleh mengubah data anggota" in said.texts[-1]

    clerk = open_view(qtbot, services, staf)
    assert clerk.detail.deposit_button.isEnabled() and clerk.new_button.isEnabled()
    assert not clerk.detail.reverse_button.isEnabled()
    assert "hanya Manajer atau Pengurus" in clerk.detail.reverse_button.toolTip()


def test_a_manajer_cancels_a_deposit_from_the_history(
    qtbot: QtBot, services: Services, ketua: User, said: Said
) -> None:
    member = make_member(services, ketua)
    tx = services.savings.deposit(ketua, member.id, SavingsKind.SUKARELA, 40_000, date.today())
    manajer = make_user(services, Role.MANAJER, "manajer", "Sri Manajer")
    view = open_view(qtbot, services, manajer)
    assert label(view, "balance_sukarela") == "Rp40.000"
    assert not view.detail.reverse_button.isEnabled()  # nothing selected yet
    view.detail.select_transaction(tx.id)
    assert view.detail.reverse_button.isEnabled()
    qtbot.mouseClick(view.detail.reverse_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(view, ReverseDialog)
    dialog.reason_edit.setText("Uang belum diterima kasir")
    dialog.accept()
    qtbot.waitUntil(lambda: view.dialog is None)
    assert "Batalkan transaksi?" in said.texts[-1]
    assert label(view, "balance_sukarela") == "Rp0"
    notes = [
        str(view.detail.history_model.data(view.detail.history_model.index(r, 5)))
        for r in range(view.detail.history_model.rowCount())
    ]
    assert any(n.startswith("dibatalkan") for n in notes)
    # The cancelled deposit cannot be cancelled twice.
    row = view.detail.history_model.row_of(tx.id)
    assert row is not None
    view.detail.history.selectRow(row)
    assert not view.detail.reverse_button.isEnabled()


def test_status_change_from_the_panel(
    qtbot: QtBot, services: Services, ketua: User, said: Said
) -> None:
    member = make_member(services, ketua)
    view = open_view(qtbot, services, ketua)
    qtbot.mouseClick(view.detail.status_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(view, StatusDialog)
    dialog.set_status(MemberStatus.KELUAR)
    dialog.note_edit.setText("Pindah ke Surabaya")
    dialog.accept()
    qtbot.waitUntil(lambda: view.dialog is None)
    assert services.members.get(member.id).status == MemberStatus.KELUAR
    assert "Keluar sejak" in label(view, "detail_status")
    assert label(view, "member_status").strip() == "Keluar"
    assert not view.detail.deposit_button.isEnabled()


def test_focus_search_selects_the_text(qtbot: QtBot, services: Services, ketua: User) -> None:
    view = open_view(qtbot, services, ketua)
    view.search_edit.setText("siti")
    view.table.setFocus()
    view.focus_search()
    assert view.search_edit.hasFocus() and view.search_edit.selectedText() == "siti"


def test_a_search_typed_just_before_hiding_waits_until_shown(
    qtbot: QtBot, services: Services, ketua: User
) -> None:
    make_member(services, ketua)
    view = open_view(qtbot, services, ketua)
    qtbot.keyClicks(view.search_edit, "zul")
    view.hide()  # e.g. another section chosen, or the file being closed
    qtbot.wait(SEARCH_DELAY_MS + 150)
    assert view.model.search_text == "" and view.model.rowCount() == 1
    view.show()
    qtbot.waitUntil(lambda: view.model.search_text == "zul")
    assert view.model.rowCount() == 0


def test_sorting_by_a_header_keeps_the_member_selected(
    qtbot: QtBot, services: Services, ketua: User
) -> None:
    siti = make_member(services, ketua)
    ahmad = make_member(services, ketua, name="Ahmad Fauzi", sex="L", serial=2)
    services.savings.deposit(ketua, siti.id, SavingsKind.SUKARELA, 90_000, date.today())
    view = open_view(qtbot, services, ketua)
    assert view.current_member_id() == ahmad.id  # first by name
    view.table.selectRow(1)
    assert view.detail.member is not None and view.detail.member.id == siti.id
    view.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)  # Total Simpanan
    assert view.model.row_at(0).id == siti.id
    assert view.current_member_id() == siti.id and view.detail.member.id == siti.id
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert view.model.row_at(0).id == ahmad.id and view.current_member_id() == siti.id
