"""Setoran, Penarikan (with the Pengurus authorisation), cancelling, and the statement PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.members.models import Member, MemberStatus
from app.savings.models import SavingsKind, TxType
from app.services import Services
from app.users.models import Role, User
from tests.conftest import PASSWORD, make_member, make_user
from ui.dialogs.savings_dialog import ReverseDialog, SavingsDialog, StatementDialog
from ui.widgets import messages

# The offscreen platform cannot resize native windows to their size hints; harmless here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

TODAY = date(2026, 11, 26)


class Said:
    """Answers every message box and remembers what it said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: list[str] = []
        self.answers: list[bool] = []
        monkeypatch.setattr(messages, "confirm", self._confirm)
        monkeypatch.setattr(messages, "inform", self._note)
        monkeypatch.setattr(messages, "warn", self._note)

    def _confirm(self, _parent: QWidget | None, title: str, text: str, *_: str, **__: str) -> bool:
        self.texts.append(f"{title}: {text}")
        return self.answers.pop(0) if self.answers else True

    def _note(self, _parent: QWidget | None, title: str, text: str) -> None:
        self.texts.append(f"{title}: {text}")


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Said:
    return Said(monkeypatch)


@pytest.fixture
def staf(services: Services) -> User:
    return make_user(services, Role.STAF, "kasir", "Rina Kasir")


@pytest.fixture
def member(services: Services, ketua: User) -> Member:
    return make_member(services, ketua)


@pytest.fixture
def savings_dialog(
    qtbot: QtBot, services: Services, member: Member
) -> Callable[..., SavingsDialog]:
    def opener(user: User, withdrawal: bool, who: Member | None = None) -> SavingsDialog:
        dialog = SavingsDialog(services, user, who or member, withdrawal, TODAY)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return opener


def error(dialog: QWidget, field: str) -> str:
    label = dialog.findChild(QLabel, f"error_{field}")
    assert label is not None, field
    return label.text() if label.isVisible() else ""


def test_deposit_groups_thousands_while_typing_and_shows_the_receipt(
    qtbot: QtBot,
    services: Services,
    staf: User,
    member: Member,
    said: Said,
    savings_dialog: Callable[..., SavingsDialog],
) -> None:
    dialog = savings_dialog(staf, withdrawal=False)
    assert dialog.kind() == SavingsKind.WAJIB
    # Joined January 2020, nothing paid: the monthly amount times the months unpaid is offered.
    assert "belum dibayar 83 bulan" in dialog.balance_label.text()
    assert dialog.amount_edit.text() == "2.075.000"
    dialog.set_kind(SavingsKind.SUKARELA)
    assert dialog.amount_edit.text() == ""  # the suggestion goes, nothing typed is overwritten
    qtbot.keyClicks(dialog.amount_edit, "1500000")
    assert dialog.amount_edit.text() == "1.500.000"
    dialog.set_kind(SavingsKind.POKOK)
    assert dialog.amount_edit.text() == "1.500.000"
    dialog.set_kind(SavingsKind.SUKARELA)
    dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("transfer"))
    dialog.note_edit.setText("titipan anak")
    dialog.accept()
    assert dialog.saved is not None and dialog.result() == 1
    assert said.texts == [
        "Setoran tersimpan: Setoran Simpanan Sukarela Rp1.500.000 untuk Siti Aminah tersimpan."
        "\n\nNo. Kuitansi: KW-2026-000001"
    ]
    tx = services.savings.get(dialog.saved.id)
    assert (tx.amount, tx.method, tx.note, tx.created_by) == (
        1_500_000, "transfer", "titipan anak", staf.id
    )  # fmt: skip


def test_bad_amount_and_date_are_explained_at_their_fields(
    services: Services, staf: User, member: Member, said: Said,
    savings_dialog: Callable[..., SavingsDialog],
) -> None:  # fmt: skip
    dialog = savings_dialog(staf, withdrawal=False)
    dialog.set_kind(SavingsKind.SUKARELA)
    dialog.amount_edit.setText("12,5")
    dialog.accept()
    assert "memakai sen" in error(dialog, "amount")
    dialog.amount_edit.setText("50.000")
    dialog.date_edit.setText("27-11-2026")
    dialog.accept()
    assert "tidak boleh setelah hari ini" in error(dialog, "tx_date")
    assert error(dialog, "amount") == ""
    assert dialog.amount_edit.text() == "50.000" and dialog.saved is None
    assert services.savings.history(member.id) == [] and said.texts == []


def test_withdrawal_above_the_balance_is_refused_at_the_amount(
    services: Services, staf: User, member: Member, said: Said,
    savings_dialog: Callable[..., SavingsDialog],
) -> None:  # fmt: skip
    services.savings.deposit(staf, member.id, SavingsKind.SUKARELA, 100_000, TODAY, today=TODAY)
    dialog = savings_dialog(staf, withdrawal=True)
    assert dialog.kind() == SavingsKind.SUKARELA and not dialog.needs_authorisation()
    assert dialog.auth_box is not None and not dialog.auth_box.isVisible()
    assert "Rp100.000" in dialog.balance_label.text()
    dialog.amount_edit.setText("150.000")
    dialog.accept()
    assert "hanya Rp100.000" in error(dialog, "amount")
    dialog.amount_edit.setText("40.000")
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.amount == -40_000
    assert said.texts[-1].startswith("Penarikan tersimpan: Penarikan Simpanan Sukarela Rp40.000")


def test_staf_needs_a_pengurus_to_authorise_a_wajib_withdrawal(
    services: Services, ketua: User, staf: User, member: Member, said: Said,
    savings_dialog: Callable[..., SavingsDialog],
) -> None:  # fmt: skip
    services.savings.deposit(staf, member.id, SavingsKind.WAJIB, 300_000, TODAY, today=TODAY)
    dialog = savings_dialog(staf, withdrawal=True)
    dialog.set_kind(SavingsKind.WAJIB)
    assert dialog.needs_authorisation() and dialog.auth_box is not None
    assert dialog.auth_box.isVisible()
    dialog.amount_edit.setText("100.000")

    dialog.accept()  # nobody authorised
    assert "tidak bisa ditarik selama masih menjadi anggota aktif" in error(dialog, "authoriser")
    dialog.auth_box.username_edit.setText("kasir")  # the clerk's own account
    dialog.auth_box.password_edit.setText(PASSWORD)
    dialog.auth_box.reason_edit.setText("Biaya sekolah anak")
    dialog.accept()
    assert "tidak berwenang" in error(dialog, "authoriser")
    dialog.auth_box.username_edit.setText("ketua")
    dialog.auth_box.password_edit.setText("salah")
    dialog.accept()
    assert "kata sandi yang memberi izin salah" in error(dialog, "auth_password")
    assert services.savings.balances(member.id).wajib == 300_000
    assert dialog.amount_edit.text() == "100.000"
    assert dialog.auth_box.reason_edit.text() == "Biaya sekolah anak"

    dialog.auth_box.password_edit.setText(PASSWORD)
    dialog.accept()
    assert dialog.saved is not None
    tx = services.savings.get(dialog.saved.id)
    assert (tx.authorised_by, tx.created_by, tx.reason) == (ketua.id, staf.id, "Biaya sekolah anak")
    assert services.savings.balances(member.id).wajib == 200_000


def test_a_pengurus_at_the_desk_needs_another_pengurus(
    services: Services, ketua: User, member: Member, said: Said,
    savings_dialog: Callable[..., SavingsDialog],
) -> None:  # fmt: skip
    bendahara = make_user(services, Role.PENGURUS, "bendahara", "Hj. Siti Maimunah")
    services.savings.deposit(ketua, member.id, SavingsKind.POKOK, 100_000, TODAY, today=TODAY)
    dialog = savings_dialog(ketua, withdrawal=True)
    dialog.set_kind(SavingsKind.POKOK)
    assert dialog.auth_box is not None
    assert dialog.findChild(QLabel, "authoriser_self") is None  # no authorising oneself
    dialog.amount_edit.setText("100.000")
    dialog.auth_box.reason_edit.setText("Keputusan rapat pengurus 20-11-2026")
    dialog.auth_box.username_edit.setText("ketua")
    dialog.auth_box.password_edit.setText(PASSWORD)
    dialog.accept()
    assert dialog.saved is None and services.savings.balances(member.id).pokok == 100_000
    dialog.auth_box.username_edit.setText("bendahara")
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.authorised_by == bendahara.id


def test_after_leaving_no_authorisation_is_asked(
    services: Services, ketua: User, staf: User, member: Member, said: Said,
    savings_dialog: Callable[..., SavingsDialog],
) -> None:  # fmt: skip
    services.savings.deposit(staf, member.id, SavingsKind.WAJIB, 75_000, TODAY, today=TODAY)
    left = services.members.change_status(
        ketua, member.id, MemberStatus.KELUAR, TODAY, "Pindah", today=TODAY
    )
    dialog = savings_dialog(staf, withdrawal=True, who=left)
    dialog.set_kind(SavingsKind.WAJIB)
    assert not dialog.needs_authorisation()
    dialog.amount_edit.setText("75.000")
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.authorised_by is None


def test_reverse_needs_a_typed_reason_and_a_confirmation(
    qtbot: QtBot, services: Services, ketua: User, member: Member, said: Said
) -> None:
    tx = services.savings.deposit(ketua, member.id, SavingsKind.WAJIB, 50_000, TODAY, today=TODAY)
    dialog = ReverseDialog(services, ketua, member, tx, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    consequence = dialog.findChild(QLabel, "consequence")
    assert consequence is not None
    assert "saldo Simpanan Wajib berkurang Rp50.000 (dari Rp50.000 menjadi Rp0)" in (
        consequence.text()
    )
    dialog.accept()
    assert error(dialog, "reason") == "Tulis alasan pembatalan dengan jelas."
    assert said.texts == []
    dialog.reason_edit.setText("Salah anggota, seharusnya 00002")
    said.answers = [False]
    dialog.accept()
    assert dialog.saved is None and "Lanjutkan pembatalan KW-2026-000001?" in said.texts[0]
    assert services.savings.balances(member.id).wajib == 50_000
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.tx_type == TxType.PEMBALIKAN
    assert services.savings.get(tx.id).is_reversed
    assert services.savings.balances(member.id).wajib == 0


def test_statement_pdf_is_written_where_chosen_and_opened(
    qtbot: QtBot,
    services: Services,
    ketua: User,
    member: Member,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.savings.deposit(
        ketua, member.id, SavingsKind.WAJIB, 150_000, date(2026, 3, 2), today=TODAY
    )
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    target = tmp_path / "rekening.pdf"
    dialog = StatementDialog(services, member, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(dialog, "choose_path", lambda: target)
    dialog.start_edit.setText("01-12-2026")
    dialog.accept()
    assert "sebelum tanggal awal" in error(dialog, "end") and not target.exists()
    dialog.start_edit.setText("01-01-2026")
    dialog.accept()
    assert dialog.written == target and opened == [str(target)]
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Siti Aminah" in text and "150.000" in text
