"""The Cetak menus of the loan panel (Dokumen Lain) and of the case panel: what applies is
enabled (the reason shown otherwise), each choice opens the issued document's preview."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.loans.models import EventKind
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, pay
from tests.app.collection.conftest import member as member
from tests.app.collection.conftest import people as people
from tests.app.documents import scenario
from ui.views.cases_view import CasesView
from ui.views.loans_view import LoansView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
D = scenario.D


def test_loan_documents_menu(
    qtbot: QtBot, services: Services, people: People, member: Member
) -> None:
    loan, _case = scenario.loan_with_case(services, people, member)
    pay(services, people, loan, 590_000, date(2026, 2, 5))
    view = LoansView(services, people.staf)
    qtbot.addWidget(view)
    view.today = lambda: D
    view.run_search()
    view.show()
    assert view.select_loan(loan.id)
    button = view.detail.documents_button
    docs = view.loan_actions.documents
    assert button.isVisible() and button.isEnabled() and button.menu() is docs.menu
    assert not docs.jadwal_action.isVisible()  # the panel's own Cetak Jadwal button does that
    assert docs.kartu_action.isEnabled() and docs.agunan_action.isEnabled()
    assert not docs.kembali_action.isEnabled()
    assert not docs.lunas_action.isEnabled() and "belum lunas" in docs.lunas_action.toolTip()
    assert not docs.kuitansi_action.isEnabled()

    docs.kartu_action.trigger()
    assert docs.preview is not None and docs.preview.document.pageCount() >= 1
    assert "Kartu Pinjaman" in docs.preview.windowTitle()
    docs.preview.accept()

    [payment] = [e for e in services.loans.payments.events(loan.id)
                 if e.kind == EventKind.PEMBAYARAN]  # fmt: skip
    view.detail.select_event(payment.id)
    assert docs.kuitansi_action.isEnabled(), docs.kuitansi_action.toolTip()
    docs.kuitansi_action.trigger()
    assert docs.last is not None and docs.last.row.number == payment.receipt_no
    assert docs.preview is not None
    docs.preview.accept()


def test_case_print_menu_makes_the_brief_and_the_agreement(
    qtbot: QtBot, services: Services, people: People, member: Member
) -> None:
    scenario.savings(services, people, member)
    loan, case_id = scenario.loan_with_case(services, people, member)
    scenario.history(services, people, case_id, loan)
    view = CasesView(services, people.manajer)
    view.today = lambda: D
    qtbot.addWidget(view)
    view.show()
    assert view.show_case(case_id)
    printer = view.actions_.printer
    assert printer.summary_action.isEnabled(), printer.summary_action.toolTip()
    assert not printer.perjanjian_action.isEnabled()
    assert printer.ba_action.isEnabled()  # the promises at the contacts are agreements

    printer.summary_action.trigger()
    preview = printer.documents.preview
    assert preview is not None and preview.document.pageCount() == 1
    assert "Ringkasan Kasus" in preview.windowTitle()
    preview.accept()

    scenario.restructure(services, people, case_id)
    view.show_case(case_id)
    assert printer.perjanjian_action.isEnabled(), printer.perjanjian_action.toolTip()
    printer.perjanjian_action.trigger()
    assert printer.documents.last is not None
    assert printer.documents.last.row.title.startswith("Addendum")
    printer.documents.preview.accept()  # type: ignore[union-attr]
    # Several agreements now (the decision and two promises): the user picks one.
    printer.ba_action.trigger()
    choice = printer.documents.dialog
    assert choice is not None and choice.choice.count() == 3  # type: ignore[attr-defined]
    choice.submit()  # type: ignore[attr-defined]
    done = printer.documents.last
    assert done is not None and done.row.kind == "berita_acara"
    logged = services.contacts.letters(case_id)
    assert [x.document_ref for x in logged if x.kind.value == "berita_acara"] == [done.row.number]
    printer.documents.preview.accept()  # type: ignore[union-attr]
