"""Kartu angsuran: one line per payment (date, receipt, pokok, jasa, denda, remaining pokok),
printed continuing from the last printed line, each once, the card's sides in turn."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.passbook.layout import DEFAULT_CARD, Layout
from app.services import Services
from app.users.models import User
from tests.ui.loans_fixtures import disbursed_loan, kasir, member_id, pay_installments
from ui.dialogs.passbook_card_dialog import CardDialog
from ui.dialogs.passbook_paint import make_printer

__all__ = ["kasir", "member_id"]
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def small_card(services: Services, actor: User) -> None:
    model_id = services.passbooks.models("kartu")[0][0]
    small = DEFAULT_CARD.with_(name="Kartu kecil", lines_per_page=3, pages=2)
    services.passbooks.save_model(actor, model_id, "kartu", small)


def test_card_lines_continue_from_the_last_printed_line(
    qtbot: QtBot, services: Services, ketua: User, kasir: User, member_id: int, tmp_path: Path
) -> None:
    small_card(services, ketua)
    loan = disbursed_loan(services, kasir, member_id, date(2025, 1, 10), months=12)
    pay_installments(services, kasir, loan, 4)
    files: list[Path] = []

    def printer(layout: Layout) -> QPrinter:
        files.append(tmp_path / f"k{len(files)}.pdf")
        return make_printer(layout, files[-1])

    dialog = CardDialog(services, kasir, loan.id, "PK", printer)
    qtbot.addWidget(dialog)
    assert "Kartu 1 sisi 1, mulai baris 1" in dialog.info_label.text()
    dialog.print_next()
    assert dialog.prompt_label.text() == "Balik kartu, lalu tekan Lanjut"
    dialog.print_next()
    assert dialog.prompt_label.text() == "Selesai: 4 baris tercetak."
    pay_installments(services, kasir, loan, 0)
    schedule = services.loans.schedule(loan.id, loan.first_due)
    for line in schedule[4:7]:
        services.loans.payments.record_payment(
            kasir, loan.id, line.total, line.due_date, "tunai", today=line.due_date
        )
    dialog.refresh()
    assert "Kartu 1 sisi 2, mulai baris 2" in dialog.info_label.text()
    dialog.print_next()
    assert dialog.prompt_label.text() == "Kartu penuh: pasang kartu baru, lalu tekan Lanjut"
    dialog.print_next()
    printed = services.passbooks.cards().lines(loan.id)
    assert [(p.page, p.line) for p, _ in printed] == [
        (1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (3, 1),
    ]  # fmt: skip
    pokok = [e.pokok for _, e in printed]
    assert [e.remaining for _, e in printed] == [6_000_000 - sum(pokok[: i + 1]) for i in range(7)]
    assert len({e.event_id for _, e in printed}) == 7
    assert all(e.receipt.startswith("KA-") for _, e in printed)
    text = subprocess.run(
        ["pdftotext", "-layout", str(files[0]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert len(re.findall(r"KA-\d{4}-\d+", text)) == 3
    assert services.passbooks.cards().job(loan.id) is None
