# ruff: noqa: F811 - pytest fixtures are imported by name and used as arguments
"""Issue 10 #9 and #12 on the case screen: a written-off loan still gets its letters and a
recovery gets its kuitansi; an SP out of order is printed only on a Pengurus' reason."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.documents.register import Issued
from app.loans.models import LoanStatus
from app.services import Services
from app.users.models import User
from tests.app.collection.conftest import People, member, people  # noqa: F401
from tests.app.collection.test_writeoff import W, _written_off, case_id  # noqa: F401
from ui.dialogs.case_edit_dialogs import RecoveryDialog
from ui.views.cases_view import CasesView
from ui.views.document_issuer import DocumentIssuer

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def _view(qtbot: QtBot, services: Services, user: User, case_id: int, on: date) -> CasesView:
    view = CasesView(services, user)
    view.today = lambda: on
    qtbot.addWidget(view)
    view.show()
    assert view.show_case(case_id)
    return view


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[Issued]:
    found: list[Issued] = []
    monkeypatch.setattr(DocumentIssuer, "show", lambda self, issued: found.append(issued))
    return found


def test_written_off_loan_gets_letters_and_recovery_kuitansi(
    qtbot: QtBot, services: Services, people: People, case_id: int, shown: list[Issued]
) -> None:
    loan_id = _written_off(services, people, case_id)
    assert services.loans.get(loan_id).status == LoanStatus.HAPUS_BUKU
    later = date(2027, 5, 3)
    view = _view(qtbot, services, people.manajer, case_id, later)
    printer = view.actions_.printer
    assert printer.panggilan_action.isEnabled(), printer.panggilan_action.toolTip()
    # SP1–SP3 were sent before the write-off: each is "sudah dibuat", none "belum tersedia"
    for action in printer.sp_actions.values():
        assert "belum tersedia" not in action.toolTip()
    assert "sudah dibuat" in printer.sp_actions[3].toolTip()
    printer.print_panggilan()
    form = printer.documents.dialog
    assert form is not None
    form.submit()  # type: ignore[attr-defined]
    assert shown and shown[-1].row.kind == "panggilan", [s.row.kind for s in shown]

    view.actions_.pay()
    dialog = view.dialog
    assert isinstance(dialog, RecoveryDialog)
    dialog.amount.set_value(250_000)
    dialog.accept()
    assert dialog.saved is not None, dialog.general.text() if hasattr(dialog, "general") else ""
    receipt = shown[-1]
    assert receipt.row.kind == "kuitansi_pinjaman"
    assert receipt.row.number == dialog.saved.receipt_no
    assert receipt.pdf.startswith(b"%PDF")


def test_out_of_order_sp_asks_a_pengurus_for_the_reason(
    qtbot: QtBot, services: Services, people: People, case_id: int, shown: list[Issued]
) -> None:
    on = date(2026, 4, 1)
    staff = _view(qtbot, services, people.staf, case_id, on)
    sp = staff.actions_.printer.sp_actions
    assert sp[1].isEnabled() and "jatuh tempo" in sp[1].text()
    assert not sp[2].isEnabled() and "SP1 belum dibuat" in sp[2].toolTip()
    assert not sp[3].isEnabled()
    ketua = _view(qtbot, services, people.ketua, case_id, on)
    printer = ketua.actions_.printer
    assert printer.sp_actions[3].isEnabled() and "izin Pengurus" in printer.sp_actions[3].text()
    printer.sp_actions[3].trigger()
    assert not shown and printer.dialog is not None  # the reason is asked first
    printer.dialog.setTextValue("Anggota pindah ke luar pulau")
    printer.dialog.accept()
    assert shown and shown[-1].row.kind == "sp3"
    [letter] = services.contacts.letters(case_id)
    assert "Anggota pindah ke luar pulau" in letter.note
