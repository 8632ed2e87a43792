"""Receipts on A4, half A4 and 9½ × 5½ inch continuous forms, the paper remembered per
printer (and audited); the receipt's content always fits the paper."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.documents import kuitansi
from app.documents.context import DocContext
from app.errors import ValidationError
from app.loans.models import EventKind, Payment, PaymentLine
from app.passbook.paper import A4, PAPERS, content_height, placement
from app.services import Services
from app.settings.profile import CoopProfile
from app.users.models import User
from tests.app.documents import docdata
from ui.dialogs.passbook_receipt import ReceiptPreviewDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@given(paper=st.sampled_from(sorted(PAPERS)), content=st.floats(1, 297))
def test_the_content_always_fits_and_is_never_enlarged(paper: str, content: float) -> None:
    _, width, height = PAPERS[paper]
    where = placement(paper, content)
    assert 0 < where.scale <= 1
    assert where.x >= -1e-9 and where.x + A4[0] * where.scale <= width + 1e-6
    assert min(content, A4[1]) * where.scale <= height + 1e-6  # nothing of it cut off
    if paper != "a4" and content * 1.0 <= height and width >= A4[0]:
        assert where.scale == 1  # fits as laid out: printed at its own size


def test_paper_is_remembered_per_printer_and_audited(services: Services, ketua: User) -> None:
    passbooks = services.passbooks
    assert passbooks.receipt_paper("Epson LX-310") == "a4"
    passbooks.set_receipt_paper(ketua, "Epson LX-310", "kontinu")
    passbooks.set_receipt_paper(ketua, "HP LaserJet", "setengah_a4")
    passbooks.set_receipt_paper(ketua, "HP LaserJet", "setengah_a4")  # unchanged: no record
    assert passbooks.receipt_paper("Epson LX-310") == "kontinu"
    assert passbooks.receipt_paper("HP LaserJet") == "setengah_a4"
    assert services.db.scalar("SELECT count(*) FROM audit_log WHERE action='kertas_kuitansi'") == 2
    with pytest.raises(ValidationError):
        passbooks.set_receipt_paper(ketua, "HP LaserJet", "folio")


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_a_receipt_prints_on_each_paper(
    qtbot: QtBot, services: Services, ketua: User, tmp_path: Path, paper: str
) -> None:
    pdf = _sample_receipt(tmp_path)
    assert 40 < content_height(pdf) < 297
    dialog = ReceiptPreviewDialog(pdf, "Kuitansi", "k.pdf", services, ketua)
    qtbot.addWidget(dialog)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData(paper))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / f"{paper}.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == 1
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    found = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert found
    _, width, height = PAPERS[paper]
    assert float(found[1]) == pytest.approx(width * 72 / 25.4, abs=1.5)
    assert float(found[2]) == pytest.approx(height * 72 / 25.4, abs=1.5)


def _sample_receipt(tmp_path: Path) -> bytes:
    """A kuitansi pinjaman as the register renders it (A4)."""
    on = date(2025, 9, 7)
    payment = Payment(
        1, 1, EventKind.PEMBAYARAN, on, "KA-2025-000001", 500_000, "tunai", 400_000, 100_000,
        0, 0, lines=(PaymentLine(3, on, "pokok", 1), PaymentLine(4, on, "jasa", 1)),
    )  # fmt: skip
    receipt = kuitansi.kuitansi_pinjaman(payment, docdata.member(), docdata.loan(), "K")
    profile = CoopProfile(
        name="KSP Uji Coba", code="KSP-UJ", city="Kota Mojokerto", address="Jl. Majapahit 1"
    )
    return kuitansi.render(receipt, DocContext(profile, is_demo=True))[0]
