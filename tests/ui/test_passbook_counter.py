"""The counter: a deposit, then "Cetak Buku" prints the waiting lines, asks to turn the page,
goes on after Lanjut, and the PDFs hold exactly the lines of each page."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.members.models import Member
from app.passbook.layout import Layout
from app.savings.models import SavingsKind
from app.services import Services
from app.users.models import Role, User
from tests.app.passbook.helpers import use_small_model
from tests.conftest import make_member, make_user
from ui.dialogs import passbook_dialog
from ui.dialogs.passbook_dialog import PassbookDialog
from ui.dialogs.passbook_paint import make_printer
from ui.dialogs.savings_dialog import SavingsDialog
from ui.views.members_view import MembersView
from ui.widgets import messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class PdfPrinters:
    """Every page job goes to its own PDF file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: list[Path] = []

    def __call__(self, layout: Layout) -> QPrinter:
        self.files.append(self.folder / f"page{len(self.files) + 1}.pdf")
        return make_printer(layout, self.files[-1])

    def texts(self) -> list[str]:
        return [
            subprocess.run(
                ["pdftotext", "-layout", str(f), "-"], capture_output=True, text=True, check=True
            ).stdout
            for f in self.files
        ]


@pytest.fixture
def staf(services: Services) -> User:
    return make_user(services, Role.STAF, "kasir", "Rina Kasir")


def test_deposit_then_cetak_buku_with_a_page_turn(
    qtbot: QtBot,
    services: Services,
    ketua: User,
    staf: User,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printers = PdfPrinters(tmp_path)
    said: list[str] = []
    for name in ("warn", "inform", "confirm"):
        monkeypatch.setattr(messages, name, lambda _p, title, text, *_a: said.append(text))
    monkeypatch.setattr(passbook_dialog, "default_printer", printers)
    use_small_model(services, ketua)  # 4 lines a page (fold after line 2), 2 pages
    member: Member = make_member(services, ketua)
    for amount in (10_000, 20_000, 30_000, 40_000):
        services.savings.deposit(
            staf, member.id, SavingsKind.SUKARELA, amount, date(2026, 1, 5), today=date.today()
        )
    view = MembersView(services, staf)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitUntil(lambda: view.detail.member is not None)

    # The deposit at the counter.
    qtbot.mouseClick(view.detail.deposit_button, Qt.MouseButton.LeftButton)
    deposit = view.dialog
    assert isinstance(deposit, SavingsDialog)
    deposit.set_kind(SavingsKind.SUKARELA)
    deposit.amount_edit.clear()
    qtbot.keyClicks(deposit.amount_edit, "50000")
    qtbot.keyClick(deposit.amount_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.dialog is None, timeout=3000)
    assert said and "KW-" in said[-1]

    # Cetak Buku: no book yet, so first a new one.
    qtbot.mouseClick(view.detail.passbook_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, PassbookDialog)
    assert dialog.main_button.text() == "Buku Baru"
    qtbot.mouseClick(dialog.main_button, Qt.MouseButton.LeftButton)
    assert "5 baris belum tercetak" in dialog.info_label.text()
    assert "halaman 1 baris 1" in dialog.info_label.text()
    assert not dialog.preview.pixmap().isNull()

    qtbot.mouseClick(dialog.main_button, Qt.MouseButton.LeftButton)  # Cetak: page 1
    assert dialog.prompt_label.text() == "Balik halaman buku, lalu tekan Lanjut"
    assert dialog.main_button.text() == "Lanjut"
    assert "halaman 2 baris 1" in dialog.info_label.text()
    qtbot.mouseClick(dialog.main_button, Qt.MouseButton.LeftButton)  # Lanjut: page 2
    assert dialog.prompt_label.text() == "Selesai: 5 baris tercetak."
    assert not dialog.main_button.isEnabled()

    first, second = printers.texts()
    balances = [re.findall(r"\d+\.000", t) for t in (first, second)]
    assert balances[0] == ["10.000", "10.000", "20.000", "30.000", "30.000", "60.000",
                           "40.000", "100.000"]  # fmt: skip
    assert balances[1] == ["50.000", "150.000"]
    assert "RK" in second
    dialog.accept()
    qtbot.waitUntil(lambda: view.dialog is None)

    # The next visit: one more deposit, printed on line 2 of page 2, nothing else again.
    services.savings.deposit(
        staf, member.id, SavingsKind.SUKARELA, 5_000, date(2026, 2, 5), today=date.today()
    )
    again = PassbookDialog(services, staf, member, printers)
    qtbot.addWidget(again)
    assert "halaman 2 baris 2" in again.info_label.text()
    qtbot.mouseClick(again.main_button, Qt.MouseButton.LeftButton)
    assert re.findall(r"\d+\.000", printers.texts()[-1]) == ["5.000", "155.000"]
    assert len(printers.files) == 3
