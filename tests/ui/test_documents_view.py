"""Surat & Dokumen: preview of a letter issued for a case, printed through the print path to a
PDF file, found in the register; the batch of due letters; the wording tab."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.documents import sp_letters
from app.documents.kinds import DocKind
from app.documents.register import BatchItem
from app.services import Services
from app.users.models import User
from tests.app.documents import docdata
from ui.dialogs.pdf_preview import a4_printer
from ui.models.documents_model import DocColumn
from ui.views.documents_view import DocumentsView
from ui.views.settings.templates_tab import TemplatesTab

# The offscreen platform cannot resize windows to their size hints; showing a dialog says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_preview_from_a_case_prints_to_pdf_and_is_in_the_register(
    qtbot: QtBot, services: Services, ketua: User, tmp_path: Path, qtmodeltester: object
) -> None:
    view = DocumentsView(services, ketua)
    qtbot.addWidget(view)
    assert view.empty_label.isVisibleTo(view)
    from dataclasses import replace

    letter = replace(docdata.sp(1), case_id=7)
    issued = view.docs.issue(ketua, DocKind.SP1, letter, sp_letters.render)
    dialog = view.show_issued(issued)
    assert dialog.document.pageCount() == 1
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "cetak.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == 1
    assert len(PdfReader(out).pages) == 1
    saved = dialog.save_to(tmp_path / "salinan")
    assert saved.read_bytes() == issued.pdf
    dialog.accept()

    assert view.model.rowCount() == 1
    assert view.model.data(view.model.index(0, DocColumn.NUMBER)) == issued.row.number
    assert view.docs.get(issued.row.id).case_id == 7
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    view.search.setText("SP-1")
    assert view.model.rowCount() == 1
    view.search.setText("tidak ada")
    assert view.model.rowCount() == 0
    view.search.clear()
    view.table.selectRow(0)
    with qtbot.waitSignal(view.document_opened) as opened:
        view.open_selected()
    assert opened.args == [issued.row.id]
    assert view.preview is not None and view.preview.pdf == issued.pdf
    view.preview.accept()


def test_batch_of_due_letters_is_registered_and_shown_as_one_pdf(
    qtbot: QtBot, services: Services, ketua: User
) -> None:
    def due(_today: date) -> list[BatchItem]:
        return [
            BatchItem(DocKind.SP1, docdata.sp(1, name=f"Anggota {n}"), sp_letters.render)
            for n in range(3)
        ]

    view = DocumentsView(services, ketua, due_letters=due, today=lambda: date(2026, 11, 26))
    qtbot.addWidget(view)
    view.print_due_letters()
    assert view.model.rowCount() == 3
    assert view.preview is not None and view.preview.document.pageCount() == 3
    view.preview.accept()


def test_wording_tab_refuses_unknown_placeholder_and_restores_default(
    qtbot: QtBot, services: Services, ketua: User
) -> None:
    tab = TemplatesTab(services, ketua)
    qtbot.addWidget(tab)
    tab.part.setCurrentIndex(tab.part.findData("sp.kontak"))
    tab.text.setPlainText("Hubungi {petugs} segera.")
    tab.save()
    assert "{petugs}" in tab.error.text()
    tab.text.setPlainText("Hubungi {petugas} di {telepon_petugas}, {sapaan}.")
    with qtbot.waitSignal(tab.saved):
        tab.save()
    assert tab.error.text() == "" and tab.default_button.isEnabled()
    tab.restore_default()
    assert "{petugas}" in tab.text.toPlainText() and not tab.default_button.isEnabled()
