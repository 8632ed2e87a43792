# ruff: noqa: F811 - pytest fixtures are imported by name and used as arguments
"""The problem-loan dialogs: the restructuring wizard's pages and proposal, the settlement
calculator and its limits, set-off consent, who may approve (and why not), printing an SP
letter through the register and recording its delivery, opening a case by hand."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.collection.decision_models import DecisionKind, DecisionStatus, RestructuringKind
from app.collection.models import Channel, ContactDraft, MetRole, PromiseStatus, QueueKind
from app.documents.register import DocumentService, Issued
from app.members.models import Member
from app.savings.models import SavingsKind
from app.services import Services
from app.users.models import User
from tests.app.collection.conftest import People, make_loan, member, people  # noqa: F401
from tests.conftest import make_member
from tests.ui.loans_fixtures import answered  # noqa: F401
from ui.dialogs.case_edit_dialogs import DeliveryDialog
from ui.dialogs.case_open_dialog import OpenCaseDialog
from ui.dialogs.promise_dialog import CancelPromiseDialog, PromiseDialog
from ui.dialogs.restructuring_wizard import (
    COMPARE_PAGE,
    KIND_PAGE,
    SUMMARY_PAGE,
    TERMS_PAGE,
    RestructuringWizard,
)
from ui.dialogs.setoff_dialog import SetoffDialog
from ui.dialogs.settlement_dialog import SettlementDialog
from ui.dialogs.writeoff_dialog import WriteoffDialog
from ui.views.cases_view import CasesView
from ui.views.document_issuer import DocumentIssuer

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform

D = date(2026, 6, 10)  # five instalments (Feb–Jun) unpaid on a loan of 6 juta


@pytest.fixture
def case_id(services: Services, people: People, member: Member) -> int:
    make_loan(services, people, member)
    [case] = services.cases.open_due_cases(D)
    return case.id


def view_for(qtbot: QtBot, services: Services, user: User, case_id: int) -> CasesView:
    view = CasesView(services, user)
    view.today = lambda: D
    qtbot.addWidget(view)
    view.show()
    assert view.show_case(case_id)
    return view


def test_restructuring_wizard_shows_new_beside_old_and_proposes(
    qtbot: QtBot, services: Services, people: People, case_id: int
) -> None:
    view = view_for(qtbot, services, people.manajer, case_id)
    qtbot.mouseClick(view.detail.restructure_button, Qt.MouseButton.LeftButton)
    wizard = view.dialog
    assert isinstance(wizard, RestructuringWizard)
    wizard.kind_page.radios[RestructuringKind.PERSYARATAN].setChecked(True)
    wizard.next()  # refused: no reason typed
    assert wizard.currentId() == KIND_PAGE and wizard.errors.message("reason")
    qtbot.keyClicks(wizard.kind_page.reason, "Omzet turun karena pasar sepi")
    wizard.next()
    assert wizard.position_page.values["pokok"].text() == "Rp2.500.000"
    wizard.next()
    combos = wizard.treatment_page.combos
    assert (
        combos["jasa"].currentData() == "kapitalisasi" and combos["denda"].currentData() == "hapus"
    )
    wizard.next()
    assert wizard.currentId() == TERMS_PAGE
    wizard.terms_page.rate.setText("1,5")  # reconditioning may lower the rate
    wizard.terms_page.months.setValue(18)
    wizard.next()
    assert wizard.currentId() == COMPARE_PAGE
    compare = wizard.compare_page
    assert compare.old_model.rowCount() == 12 and compare.new_model.rowCount() == 18
    assert "18 angsuran" in compare.new_total.text()
    assert compare.warnings.isVisibleTo(compare) and "sisa pokok naik" in compare.warnings.text()
    wizard.next()
    assert wizard.currentId() == SUMMARY_PAGE
    assert "Persyaratan Kembali (restrukturisasi ke-1)" in wizard.summary_page.summary.text()
    wizard.accept()
    decision = wizard.saved
    assert decision is not None and decision.kind == DecisionKind.RESTRUKTURISASI
    assert decision.status == DecisionStatus.DIUSULKAN and decision.payload["terms"]["months"] == 18
    assert view.detail.decisions.selected() == decision


def test_rescheduling_keeps_the_rate_and_its_choices(
    qtbot: QtBot, services: Services, people: People, case_id: int
) -> None:
    case = services.cases.get(case_id)
    wizard = RestructuringWizard(services, people.manajer, case, D)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.kind_page.reason.setPlainText("Anggota minta jangka lebih panjang")
    wizard.next()
    wizard.next()
    jasa = wizard.treatment_page.combos["jasa"]
    assert [jasa.itemData(i) for i in range(jasa.count())] == ["angsuran_pertama", "tetap"]
    wizard.next()
    assert wizard.terms_page.rate.isReadOnly()
    wizard.terms_page.months.setValue(400)  # the spin box stops at 360
    assert wizard.terms_page.months.value() == 360


def test_settlement_calculator_limits_and_who_proposes(
    qtbot: QtBot, services: Services, people: People, case_id: int
) -> None:
    case = services.cases.get(case_id)
    clerk = SettlementDialog(services, people.staf, case, D)
    qtbot.addWidget(clerk)
    assert not clerk.save_button.isEnabled() and "Manajer" in clerk.save_button.toolTip()
    dialog = SettlementDialog(services, people.manajer, case, D)
    qtbot.addWidget(dialog)
    dialog.waiver["pokok"].setText("500.000")
    dialog.recalculate()
    assert "melampaui batas" in dialog.board.text() and "pokok" in dialog.board.text()
    dialog.waiver["jasa"].setText("99.999.999")
    dialog.recalculate()
    assert "paling banyak" in dialog.errors.message("jasa")
    assert dialog.waiver["jasa"].text() == "99.999.999"  # what was typed stays
    dialog.clear_waivers()
    dialog.fill_max()
    assert dialog.quote is not None and not dialog.quote.needs_board and dialog.quote.waived > 0
    assert "cukup disetujui satu Pengurus" in dialog.board.text()
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.required_approvals == 1


def test_setoff_needs_the_consent_statement(
    qtbot: QtBot, services: Services, people: People, case_id: int
) -> None:
    case = services.cases.get(case_id)
    services.savings.deposit(people.staf, case.member_id, SavingsKind.SUKARELA, 300_000, D, today=D)
    dialog = SetoffDialog(services, people.manajer, case, D)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.amounts["sukarela"], "250000")
    dialog.accept()
    assert "surat pernyataan" in dialog.errors.message("statement_no")
    qtbot.keyClicks(dialog.statement_no, "SP-07/2026")
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.payload["amounts"] == {"sukarela": 250_000}


def test_the_proposer_cannot_approve_and_is_told_why(
    qtbot: QtBot, services: Services, people: People, case_id: int
) -> None:
    services.settlement.propose(
        people.ketua, case_id, D, {"denda": 10_000}, date(2026, 7, 10), "Tawaran", D
    )
    own = view_for(qtbot, services, people.ketua, case_id)
    panel = own.detail.decisions
    assert panel.selected() is not None
    assert not panel.approve_button.isEnabled() and not panel.reject_button.isEnabled()
    assert "Anda sendiri yang mengusulkan" in panel.why.text()
    assert panel.withdraw_button.isVisibleTo(panel)  # but may take it back
    other = view_for(qtbot, services, people.bendahara, case_id)
    assert other.detail.decisions.approve_button.isEnabled()
    assert other.detail.tabs.tabText(1) == "Keputusan (1 menunggu)"


def test_writeoff_refused_while_preconditions_fail(
    qtbot: QtBot, services: Services, people: People, case_id: int
) -> None:
    case = services.cases.get(case_id)
    dialog = WriteoffDialog(services, people.manajer, case, D)
    qtbot.addWidget(dialog)
    assert dialog.check is not None and not dialog.check.ok
    assert not dialog.save_button.isEnabled()
    assert "Belum bisa diusulkan" in dialog.verdict.text()
    assert "SP1, SP2 dan SP3 sudah dikirim" in dialog.verdict.text()
    mark = dialog.findChild(object, "check_letters")
    assert mark is not None and mark.text() == "✘"  # type: ignore[attr-defined]


def test_sp1_printed_through_the_register_then_delivered(
    qtbot: QtBot,
    services: Services,
    people: People,
    case_id: int,
    monkeypatch: pytest.MonkeyPatch,
    answered: list[tuple[str, str]],
) -> None:
    shown: list[Issued] = []
    monkeypatch.setattr(DocumentIssuer, "show", lambda self, issued: shown.append(issued))
    view = view_for(qtbot, services, people.staf, case_id)
    printer = view.actions_.printer
    assert printer.summary_action.isEnabled()  # Ringkasan Kasus from app.documents.sources
    assert not printer.ba_action.isEnabled()  # nothing agreed yet
    assert "Belum ada kesepakatan" in printer.ba_action.toolTip()
    assert printer.sp_actions[1].isEnabled()
    assert any(i.kind == QueueKind.SURAT for i in services.work_queue.build(D).items)
    printer.sp_actions[1].trigger()
    [issued] = shown
    row = DocumentService(services.db, services.audit, services.settings).get(issued.row.id)
    assert row.kind == "sp1" and row.case_id == case_id and issued.pdf.startswith(b"%PDF")
    [letter] = services.contacts.letters(case_id)
    assert (letter.number, letter.sent_on) == (row.number, None)
    # SP1 is done; SP2 waits for its interval, SP3 for SP2 (DOMAIN §4a)
    assert not printer.sp_actions[1].isEnabled()
    assert "SP1 sudah dibuat" in printer.sp_actions[1].toolTip()
    assert not printer.sp_actions[2].isEnabled()
    assert "SP2 baru boleh mulai" in printer.sp_actions[2].toolTip()
    assert "izin Pengurus" in printer.sp_actions[2].toolTip()
    assert "SP2 belum dibuat" in printer.sp_actions[3].toolTip()

    case = services.cases.get(case_id)
    delivery = DeliveryDialog(services, people.staf, case, letter, D, view)
    qtbot.addWidget(delivery)
    qtbot.keyClicks(delivery.received_by, "Istri anggota")
    delivery.accept()
    assert delivery.saved is not None, delivery.general.text()
    assert delivery.saved.sent_on == D
    assert not any(i.kind == QueueKind.SURAT for i in services.work_queue.build(D).items)


def test_open_a_case_by_hand(
    qtbot: QtBot, services: Services, people: People, member: Member
) -> None:
    loan = make_loan(services, people, member)
    joko = make_member(services, people.manajer, name="Joko Susilo", sex="L", serial=2)
    make_loan(services, people, joko)
    dialog = OpenCaseDialog(services, people.staf, date(2026, 2, 20))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search_edit, "Siti")
    dialog.search()
    assert dialog.model.rowCount() == 1 and dialog.loan_id() == loan.id
    dialog.accept()  # no reason yet
    assert dialog.saved is None and dialog.errors.message("reason")
    qtbot.keyClicks(dialog.reason_edit, "Anggota datang minta keringanan")
    dialog.causes.boxes["sakit"].setChecked(True)
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.loan_id == loan.id
    assert dialog.saved.opened_how == "manual" and dialog.saved.causes == ("sakit",)


def test_promise_at_a_recorded_contact_then_cancelled_with_a_reason(
    qtbot: QtBot,
    services: Services,
    people: People,
    case_id: int,
    answered: list[tuple[str, str]],
) -> None:
    case = services.cases.get(case_id)
    empty = PromiseDialog(services, people.staf, case, D)
    qtbot.addWidget(empty)
    assert not empty.save_button.isEnabled() and "Catat Kontak" in empty.errors.general.text()
    services.contacts.record(
        people.staf,
        ContactDraft(
            case_id=case_id,
            contact_at=datetime(2026, 6, 9, 14, 0),
            channel=Channel.DI_KANTOR,
            met_role=MetRole.ANGGOTA,
        ),
        today=D,
    )
    dialog = PromiseDialog(services, people.staf, case, D)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.amount_edit, "300000")
    qtbot.keyClicks(dialog.due_edit, "01-06-2026")  # before the contact
    dialog.accept()
    assert "sebelum tanggal kontak" in dialog.errors.message("due_date")
    dialog.due_edit.set_value(date(2026, 6, 30))
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.status == PromiseStatus.MENUNGGU
    cancel = CancelPromiseDialog(services, people.staf, dialog.saved, D)
    qtbot.addWidget(cancel)
    cancel.accept()
    assert cancel.saved is None and cancel.errors.message("reason")
    qtbot.keyClicks(cancel.reason_edit, "Diganti kesepakatan baru")
    cancel.accept()
    assert cancel.saved is not None and cancel.saved.status == PromiseStatus.DIBATALKAN
    assert any("Dibatalkan untuk seterusnya" in text for _t, text in answered)
