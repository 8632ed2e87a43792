"""Item 17's dialog rules: validate first, then confirm; markup is shown as markup; a payoff's
receipt says pelunasan, whichever instalments the money happened to be allocated to."""

# ruff: noqa: F811 - pytest fixtures are imported by name and used as arguments
from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.collection.decision_models import DecisionStatus
from app.documents.sources import loans as loan_docs
from app.loans.models import EventKind, LoanStatus
from app.members.models import Member
from app.savings.models import SavingsKind
from app.services import Services
from tests.app.collection.conftest import People, make_loan, member, people  # noqa: F401
from tests.ui.loans_fixtures import answered  # noqa: F401
from ui.dialogs.decision_dialog import DecisionDialog, Mode
from ui.dialogs.settlement_dialog import SettlementPayDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
D = date(2026, 6, 10)


@pytest.fixture
def case_id(services: Services, people: People, member: Member) -> int:
    services.savings.deposit(
        people.staf, member.id, SavingsKind.POKOK, 100_000, date(2026, 1, 5),
        today=date(2026, 1, 5),
    )  # fmt: skip
    make_loan(services, people, member)
    [case] = services.cases.open_due_cases(D)
    return case.id


def test_missing_notulen_number_is_reported_before_any_confirmation(
    qtbot: QtBot, services: Services, people: People, case_id: int,
    answered: list[tuple[str, str]],
) -> None:  # fmt: skip
    coll = services
    decision = coll.settlement.propose(
        people.manajer, case_id, D, {"pokok": 500_000}, date(2026, 7, 10), "Usaha bangkrut", D
    )
    coll.decisions.approve(people.ketua, decision.id, "Setuju", D, D)
    decision = coll.decisions.get(decision.id)
    dialog = DecisionDialog(services, people.bendahara, decision, Mode.SETUJUI, D)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.note_edit, "Setuju sesuai rapat")
    dialog.accept()
    assert answered == []  # nothing asked: the refusal comes first
    assert "notulen" in dialog.errors.message("meeting_ref")
    assert coll.decisions.get(decision.id).status == DecisionStatus.DIUSULKAN
    qtbot.keyClicks(dialog.meeting_edit, "03/NOT-PGR/VI/2026")
    dialog.accept()
    assert [title for title, _text in answered] == ["Setujui Pelunasan dengan Keringanan?"]
    assert coll.decisions.get(decision.id).status == DecisionStatus.DISETUJUI


def _approved_offer(services: Services, people: People, case_id: int) -> int:
    coll = services
    loan_id = coll.cases.get(case_id).loan_id
    denda = coll.settlement.max_within_limits(loan_id, D).line("denda").owed
    decision = coll.settlement.propose(
        people.manajer, case_id, D, {"denda": denda}, date(2026, 7, 10), "Menjual motor", D
    )
    coll.decisions.approve(people.ketua, decision.id, "Setuju", D, D)
    return decision.id


def test_settlement_payment_dialog_shows_markup_as_markup(
    qtbot: QtBot, services: Services, people: People, case_id: int
) -> None:
    decision = services.decisions.get(_approved_offer(services, people, case_id))
    dialog = SettlementPayDialog(services, people.staf, decision, D)
    qtbot.addWidget(dialog)
    for label in dialog.findChildren(QLabel):
        text = label.text()
        if "<b>" in text:
            rich = label.textFormat() == Qt.TextFormat.RichText or (
                label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
            )
            assert rich, text


def test_receipt_of_a_discounted_payoff_says_pelunasan(
    services: Services, people: People, case_id: int
) -> None:
    decision_id = _approved_offer(services, people, case_id)
    pay_day = date(2026, 6, 25)
    payment = services.settlement.pay(people.staf, decision_id, pay_day, "tunai", pay_day)
    loan = services.loans.get(payment.loan_id)
    assert loan.status == LoanStatus.LUNAS_KERINGANAN
    receipt = loan_docs.kuitansi_pembayaran(services, loan.id, payment.id)
    assert receipt.purpose == f"Pelunasan Pinjaman No. {loan.number}"
    assert "s.d." not in receipt.purpose


def test_receipt_of_ordinary_instalments_still_names_them(
    services: Services, people: People, case_id: int
) -> None:
    loan_id = services.cases.get(case_id).loan_id
    payment = services.loans.payments.record_payment(
        people.staf, loan_id, 1_180_000, D, "tunai", today=D
    )
    assert payment.kind == EventKind.PEMBAYARAN
    receipt = loan_docs.kuitansi_pembayaran(services, loan_id, payment.id)
    assert "angsuran ke-1 s.d. ke-2" in receipt.purpose


def test_restructuring_position_names_the_class_and_groups_the_days(
    qtbot: QtBot, services: Services, people: People, case_id: int
) -> None:
    from ui.dialogs.restructuring_wizard import RestructuringWizard

    case = services.cases.get(case_id)
    wizard = RestructuringWizard(services, people.manajer, case, D)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.kind_page.reason, "Usaha anggota pulih pelan-pelan")
    wizard.next()
    assert wizard.currentPage() is wizard.position_page
    late = wizard.position_page.values["late"].text()
    quality, days = late.split(" · ")
    assert quality in ("Lancar", "Dalam Perhatian Khusus", "Kurang Lancar", "Diragukan", "Macet")
    assert re.fullmatch(r"\d{1,3}(\.\d{3})* hari", days)
