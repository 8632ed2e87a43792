"""Surat & Dokumen: a document opened in the preview from a real case, printed through the
print path to a PDF file and found in the register; the batch of the day's SP letters from the
work queue (one PDF, each letter noted in its case) with progress and Batal; the Notulen from
the decisions between two dates; the wording tab."""

from __future__ import annotations

import time
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from app.documents import sp_letters
from app.documents.register import BatchItem
from app.documents.sources import letters
from app.documents.sources.letters import DueLetters
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan
from tests.app.collection.conftest import member as member
from tests.app.collection.conftest import people as people
from tests.app.documents import scenario
from tests.conftest import make_member
from ui.dialogs.document_forms import NotulenDialog
from ui.dialogs.pdf_preview import a4_printer
from ui.models.documents_model import DocColumn
from ui.views.case_documents import CaseDocuments, case_document_actions
from ui.views.documents_view import DocumentsView
from ui.views.settings.templates_tab import TemplatesTab

# The offscreen platform cannot resize windows to their size hints; showing a dialog says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
D = scenario.D


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes answered (confirmations with yes), recording (title, text)."""
    seen: list[tuple[str, str]] = []

    def record(_parent: object, title: str, text: str, *_args: object) -> bool:
        seen.append((title, text))
        return True

    for name in ("inform", "warn", "confirm"):
        monkeypatch.setattr(f"ui.widgets.messages.{name}", record)
    return seen


def _view(qtbot: QtBot, services: Services, people: People, **kw: object) -> DocumentsView:
    view = DocumentsView(services, people.staf, today=lambda: D, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    return view


def test_preview_from_a_case_prints_to_pdf_and_is_in_the_register(
    qtbot: QtBot,
    services: Services,
    people: People,
    member: Member,
    tmp_path: Path,
    qtmodeltester: object,
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    screen = QWidget()
    qtbot.addWidget(screen)
    actions = case_document_actions(services, people.staf, case_id, screen, lambda: D)
    by_text = {a.text(): a for a in actions}
    assert by_text["Ringkasan Kasus"].isEnabled()
    berita = by_text["Berita Acara Kesepakatan…"]
    assert not berita.isEnabled() and "Belum ada kesepakatan" in berita.toolTip()
    by_text["Surat Peringatan 1 (SP1)"].trigger()
    [logged] = services.contacts.letters(case_id)
    issuer = screen.findChild(CaseDocuments)
    assert isinstance(issuer, CaseDocuments) and issuer.preview is not None
    dialog = issuer.preview
    assert dialog.document.pageCount() == 1
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "cetak.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == 1
    assert len(PdfReader(out).pages) == 1
    dialog.accept()

    view = _view(qtbot, services, people)
    assert view.model.rowCount() == 1
    assert view.model.data(view.model.index(0, DocColumn.NUMBER)) == logged.number
    row = view.docs.get(view.model.row_at(0).id)
    assert (row.case_id, row.status, row.number) == (case_id, "selesai", logged.document_ref)
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    view.search.setText("SP-1")
    assert view.model.rowCount() == 1
    view.search.setText("tidak ada")
    assert view.model.rowCount() == 0
    view.search.clear()
    view.table.selectRow(0)
    with qtbot.waitSignal(view.document_opened) as opened:
        view.open_selected()
    assert opened.args == [row.id]
    assert view.preview is not None and view.preview.pdf == dialog.pdf
    view.preview.accept()


def _three_cases_due(services: Services, people: People, member: Member) -> list[int]:
    make_loan(services, people, member)
    for serial in (2, 3):
        other = make_member(services, people.manajer, name=f"Anggota {serial}", serial=serial)
        make_loan(services, people, other, amount=2_000_000)
    return [c.id for c in services.cases.open_due_cases(D)]


def test_batch_of_due_letters_from_the_work_queue(
    qtbot: QtBot,
    services: Services,
    people: People,
    member: Member,
    answered: list[tuple[str, str]],
) -> None:
    case_ids = _three_cases_due(services, people, member)
    view = _view(qtbot, services, people)
    assert view.batch_button.isEnabled()
    issued = view.print_due_letters()
    assert "3 surat akan dibuat" in answered[0][1]
    assert len(issued) == 3 and view.model.rowCount() == 3
    assert view.preview is not None and view.preview.document.pageCount() == 3
    view.preview.accept()
    for case_id in case_ids:
        [logged] = services.contacts.letters(case_id)
        assert logged.kind.value == "SP1" and logged.document_ref in {x.row.number for x in issued}
    # The same day again: printed already, waiting for their delivery to be recorded.
    assert view.print_due_letters() == []
    assert "3 surat sudah dicetak" in answered[-1][1]


def test_batch_can_be_cancelled_between_letters(
    qtbot: QtBot,
    services: Services,
    people: People,
    member: Member,
    answered: list[tuple[str, str]],
) -> None:
    _three_cases_due(services, people, member)
    for serial in (4, 5, 6):
        other = make_member(services, people.manajer, name=f"Anggota {serial}", serial=serial)
        make_loan(services, people, other, amount=2_000_000)
    services.cases.open_due_cases(D)
    real = letters.due_letters(services, D)
    assert len(real.items) == 6

    def slow(data: sp_letters.SpLetter, ctx: object) -> tuple[bytes, int]:
        time.sleep(0.3)
        return sp_letters.render(data, ctx)  # type: ignore[arg-type]

    due = DueLetters(D, tuple(BatchItem(i.kind, i.data, slow) for i in real.items))

    state = {"tries": 0, "done": False}

    def press_batal() -> None:
        if state["done"]:
            return
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                widget.canceled.emit()  # what pressing Batal does
                return
        state["tries"] += 1
        if state["tries"] < 100:
            QTimer.singleShot(20, press_batal)

    QTimer.singleShot(150, press_batal)
    view = _view(qtbot, services, people, due_letters=lambda _d: due)
    issued = view.print_due_letters()
    state["done"] = True
    assert len(issued) < 6
    rows = view.docs.search()
    assert sum(r.status == "selesai" for r in rows) == len(issued)
    assert all(r.status in ("selesai", "gagal") for r in rows)  # none left unfinished
    coll = services
    logged = [x for c in coll.case_list.open_cases() for x in coll.contacts.letters(c.id)]
    assert sorted(x.document_ref for x in logged) == sorted(x.row.number for x in issued)
    if view.preview is not None:
        view.preview.accept()


def test_notulen_from_the_decisions_between_two_dates(
    qtbot: QtBot, services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    decision = scenario.restructure(services, people, case_id)
    view = _view(qtbot, services, people)
    dialog = view.ask_notulen()
    assert isinstance(dialog, NotulenDialog)
    dialog.start.set_value(date(2026, 1, 1))
    dialog.end.set_value(date(2026, 5, 31))
    dialog.submit()
    assert dialog.isVisible() and "Tidak ada usulan" in dialog.errors.message("start")
    dialog.end.set_value(date(2026, 6, 30))
    dialog.submit()  # nobody ticked as present: no chair
    assert dialog.isVisible() and dialog.errors.message("chair")
    assert not services.db.rows("SELECT 1 FROM board_meetings")  # nothing stored
    assert [c.text().split(" — ")[0] for c in dialog.present] == [
        "Budi Santoso",
        "Hj. Siti Maimunah",
    ]
    dialog.present[1].setChecked(True)
    assert dialog.chair.currentText() == "Hj. Siti Maimunah"
    assert "1 dari 2 pengurus hadir" in dialog.quorum.text()
    assert "belum tercapai" in dialog.quorum.text()
    dialog.submit()  # no minute-taker yet (the profile names no Sekretaris)
    assert dialog.errors.message("secretary")
    qtbot.keyClicks(dialog.secretary, "Sri Wahyuningsih")
    dialog.submit()
    assert not dialog.isVisible()
    assert view.preview is not None and view.model.rowCount() == 1
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(view.preview.pdf)).pages)
    assert decision.number in text
    assert "1 dari 2 pengurus hadir (kuorum TIDAK tercapai" in text
    assert "Pimpinan rapat" in text and "Hj. Siti Maimunah" in text
    view.preview.accept()
    writeoff = view.ask_writeoff_list()
    writeoff.submit()  # type: ignore[attr-defined]
    assert view.model.rowCount() == 2


def test_wording_tab_refuses_unknown_placeholder_and_restores_default(
    qtbot: QtBot, services: Services, people: People
) -> None:
    tab = TemplatesTab(services, people.ketua)
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
