"""Pembukuan in the window: a Jurnal Umum refused until it balances, then approved by a second
person; the Neraca printed from the window with its totals read back; the Jurnal tab opening
the member behind a line; the Buku Besar and Neraca Saldo tabs."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.ledger import events as ev
from app.ledger.manual import ManualJournals
from app.ledger.models import Line
from app.services import Services
from app.users.models import Role
from tests.conftest import admin_user, make_member, make_user
from ui.dialogs.manual_journal_dialog import ManualJournalDialog
from ui.dialogs.pdf_preview import PdfPreviewDialog, a4_printer
from ui.main_window import BOOKS, MEMBERS, MainWindow
from ui.views.books_manual import ManualJournalsTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform

TODAY = date.today()
JAN = date(TODAY.year, 1, 2)


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_manual_journal_refused_until_balanced_then_approved_by_another_user(
    qtbot: QtBot, services: Services
) -> None:
    admin = admin_user(services)
    other = make_user(services, Role.PENGURUS)
    tab = ManualJournalsTab(services, admin)
    qtbot.addWidget(tab)
    seen: list[str] = []

    def fill(dialog: object) -> None:
        assert isinstance(dialog, ManualJournalDialog)
        dialog.on.set_value(JAN)
        dialog.description.setText("Sewa kantor setahun")
        dialog.set_line(0, "5401", debit=6_000_000)
        dialog.set_line(1, "1101", credit=5_000_000)
        assert "selisih Rp1.000.000" in dialog.balance.text()
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
        seen.append(dialog.error.text())
        assert dialog.result_ is None and not services.ledger.search(JAN, JAN)
        dialog.set_line(1, "1101", credit=6_000_000)
        assert "seimbang" in dialog.balance.text()
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    tab.show_dialog = fill
    tab.new_journal(JAN)
    assert "belum seimbang" in seen[0] and "selisih Rp1.000.000" in seen[0]
    assert "menunggu persetujuan" in tab.note.text()
    assert not services.ledger.search(JAN, JAN)  # above the approval amount: not yet booked
    tab.refresh()
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    assert not tab.approve_button.isEnabled()  # not by the one who entered it

    second = ManualJournalsTab(services, other)
    qtbot.addWidget(second)
    second.refresh()
    second.table.selectRow(0)
    assert second.approve_button.isEnabled()
    qtbot.mouseClick(second.approve_button, Qt.MouseButton.LeftButton)
    assert "dibukukan" in second.note.text()
    assert second.model.rowCount() == 0
    lines = services.ledger.search(JAN, JAN)
    assert [(x.account, x.debit, x.credit) for x in lines] == [
        ("5401", 6_000_000, 0),
        ("1101", 0, 6_000_000),
    ]


def _fill_books(services: Services) -> int:
    admin = admin_user(services)
    member = make_member(services, admin)
    with services.db.atomic():
        services.ledger.post(
            ev.SavingsDeposit(
                source_id=1, on=JAN, member_id=member.id, kind="pokok", amount=100_000
            )
        )
    ManualJournals(services.ledger).submit(
        admin, JAN, "Hibah", [Line("1101", 2_500_000), Line("3105", 0, 2_500_000)]
    )
    ManualJournals(services.ledger).submit(
        admin, JAN, "ATK", [Line("5203", 40_000), Line("1101", 0, 40_000)]
    )
    return member.id


def test_neraca_printed_from_the_window(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    _fill_books(services)
    window = MainWindow(services, admin_user(services))
    qtbot.addWidget(window)
    window.show()
    window.show_section(BOOKS)
    books = window.books_view
    books.setCurrentWidget(books.statements_tab)
    tab = books.statements_tab
    assert "2.560.000" in tab.summary.text()  # jumlah aset
    shown: list[object] = []
    tab.show_dialog = shown.append
    qtbot.mouseClick(tab.buttons["neraca.pdf"], Qt.MouseButton.LeftButton)
    [dialog] = shown
    assert isinstance(dialog, PdfPreviewDialog)
    saved = dialog.save_to(tmp_path / "neraca")
    text = _text(saved.read_bytes())
    assert "JUMLAH ASET 2.560.000" in text
    assert "JUMLAH KEWAJIBAN DAN EKUITAS 2.560.000" in text
    assert "SHU tahun berjalan 4, 5 (40.000)" in text
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cetak.pdf"))
    assert dialog.print_to(printer) == 1
    dialog.accept()


def test_journal_search_opens_the_member_behind_a_line(qtbot: QtBot, services: Services) -> None:
    member_id = _fill_books(services)
    window = MainWindow(services, admin_user(services))
    qtbot.addWidget(window)
    window.show()
    window.show_section(BOOKS)
    books = window.books_view
    books.j_from.set_value(JAN)
    books.j_to.set_value(TODAY)
    books.refresh_journal()
    assert books.journal_model.rowCount() == 6
    assert "debet 2.640.000 · kredit 2.640.000" in books.journal_tab.note.text()
    first = [r for r in books.journal_model.rows() if r.member_id == member_id]
    assert first
    books.j_account.setText("3101")
    books.refresh_journal()
    assert [r.account for r in books.journal_model.rows()] == ["3101"]
    books.journal_table.selectRow(0)
    assert books.open_member.isEnabled() and not books.open_loan.isEnabled()
    qtbot.mouseClick(books.open_member, Qt.MouseButton.LeftButton)
    assert window.sidebar.currentRow() == MEMBERS

    window.show_section(BOOKS)
    books.setCurrentWidget(books.ledger_tab)
    books.l_account.setCurrentIndex(books.l_account.findData("1101"))
    books.l_from.set_value(JAN)
    books.refresh_ledger()
    assert [r.balance for r in books.ledger_model.rows()] == [100_000, 2_600_000, 2_560_000]
    books.setCurrentWidget(books.trial_tab)
    books.refresh_trial()
    assert "Jumlah debet 2.600.000 · jumlah kredit 2.600.000" in books.trial_tab.note.text()
    shown: list[object] = []
    books.statements_tab.show_dialog = shown.append
    books.t_on.set_value(JAN)
    qtbot.mouseClick(books.t_print, Qt.MouseButton.LeftButton)
    [dialog] = shown
    assert isinstance(dialog, PdfPreviewDialog)
    assert "JUMLAH 2.600.000 2.600.000" in _text(dialog.pdf)
    assert f"per 2 Januari {TODAY.year}" in _text(dialog.pdf)
    books.setCurrentWidget(books.member_tab)
    books.m_number.setText(services.members.get(member_id).number)
    books.refresh_member()
    assert [(r.code, r.balance) for r in books.member_model.rows()] == [("3101", 100_000)]


def test_accounts_tab_adds_renames_and_deactivates(qtbot: QtBot, services: Services) -> None:
    from ui.views.settings.accounts_tab import AccountsTab

    tab = AccountsTab(services, admin_user(services))
    qtbot.addWidget(tab)
    tab.select("1103")
    tab.suffix.setText("02")
    tab.sub_name.setText("Bank BRI")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert "ditambahkan" in tab.message.text(), tab.message.text()
    added = services.ledger.accounts.get("1103.02")
    assert (added.name, added.parent, added.is_group) == ("Bank BRI", "1103", False)
    assert tab.current_code() == "1103.02"
    tab.select("5101")
    tab.suffix.setText("x")
    tab.sub_name.setText("Salah")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert "2 atau 3 angka" in tab.message.text()
    tab.select("1101")
    tab.name.setText("Kas besar")
    qtbot.mouseClick(tab.rename_button, Qt.MouseButton.LeftButton)
    assert services.ledger.accounts.get("1101").name == "Kas besar"
    tab.select("1102")
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    assert not services.ledger.accounts.get("1102").active
    assert tab.current_code() == "1102" and tab.active_button.text() == "Aktifkan lagi"
    tab.select("11")
    assert "induk" in tab.info.text()
    tab.shares.setCurrentIndex(tab.shares.findData("liabilitas"))
    qtbot.mouseClick(tab.shares_button, Qt.MouseButton.LeftButton)
    assert services.settings.get("books.simpanan_as") == "liabilitas"


def test_kas_harian_and_kas_opname(qtbot: QtBot, services: Services) -> None:
    from ui.views.books_cash import CashDayTab

    _fill_books(services)
    tab = CashDayTab(services, admin_user(services), JAN)
    qtbot.addWidget(tab)
    tab.refresh()
    assert [r.balance for r in tab.model.rows()] == [100_000, 2_600_000, 2_560_000]
    assert "Saldo akhir hari Rp2.560.000" in tab.totals.text()
    tab.counted.setText("2.555.000")
    assert tab.difference.text() == "Kurang Rp5.000"
    qtbot.mouseClick(tab.count_button, Qt.MouseButton.LeftButton)
    assert "kurang Rp5.000" in tab.message.text()
    assert not tab.count_button.isEnabled()  # one count a day
    assert tab.model.rows()[-1].balance == 2_555_000
    [line] = services.ledger.search(JAN, JAN, account="5401")
    assert line.debit == 5_000


def test_bank_reconciliation_tab(qtbot: QtBot, services: Services) -> None:
    from ui.views.books_bank import BankReconTab

    admin = admin_user(services)
    journals = ManualJournals(services.ledger)
    journals.submit(admin, JAN, "Setor", [Line("1103.01", 300_000), Line("1101", 0, 300_000)])
    journals.submit(admin, JAN, "Adm", [Line("5208", 2_000), Line("1103.01", 0, 2_000)])
    tab = BankReconTab(services, admin, JAN)
    qtbot.addWidget(tab)
    tab.balance.setText("300.000")
    tab.refresh()
    assert tab.model.rowCount() == 2 and "selisih Rp300.000" in tab.summary.text()
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    assert "Pilih baris" in tab.message.text()
    tab.table.selectRow([r.description for r in tab.model.rows()].index("Setor"))
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    assert "1 baris ditandai cocok" in tab.message.text()
    assert [r.description for r in tab.model.rows()] == ["Adm"]
    assert "COCOK" in tab.summary.text()
    assert "Saldo buku Rp298.000" in tab.summary.text()


def test_reject_needs_a_typed_reason_and_the_right_role(qtbot: QtBot, services: Services) -> None:
    admin = admin_user(services)
    staf = make_user(services, Role.STAF)
    pengurus = make_user(services, Role.PENGURUS)
    big = [Line("1304", 7_000_000), Line("1101", 0, 7_000_000)]
    request = ManualJournals(services.ledger).submit(admin, JAN, "Beli motor", big).request_id
    clerk = ManualJournalsTab(services, staf)
    qtbot.addWidget(clerk)
    clerk.refresh()
    clerk.table.selectRow(0)
    assert not clerk.approve_button.isEnabled() and "Ketua/Pengurus" in clerk.lines_label.text()
    tab = ManualJournalsTab(services, pengurus)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.reject_button, Qt.MouseButton.LeftButton)
    assert "alasan" in tab.note.text() and tab.model.rowCount() == 1
    tab.reason.setText("Belum ada anggaran")
    qtbot.mouseClick(tab.reject_button, Qt.MouseButton.LeftButton)
    assert f"Pengajuan {request} ditolak." == tab.note.text()
    assert tab.model.rowCount() == 0 and not services.ledger.search(JAN, JAN)


def test_a_journal_written_is_announced_to_the_views(qtbot: QtBot, services: Services) -> None:
    """Every kind has its signal (the books had none: announcing them raised)."""
    from app.changes import Kind
    from ui.changes import change_signals

    bridge = change_signals(services)
    with qtbot.waitSignal(bridge.books, timeout=2000):
        ManualJournals(services.ledger).submit(
            admin_user(services), JAN, "ATK", [Line("5203", 1_000), Line("1101", 0, 1_000)]
        )
    for kind in Kind:
        assert callable(getattr(bridge, kind.value).emit)
