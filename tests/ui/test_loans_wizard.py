"""Pinjaman Baru through the wizard, as a Pengurus (approve and pay out at once) and as a clerk
(the application waits for a Pengurus, then the clerk pays it out), then found in the list."""

# Fixtures are imported from tests/ui/loans_fixtures.py, which ruff sees as redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.formats import add_months
from app.loans.models import LoanStatus
from app.services import Services
from app.users.models import User
from tests.conftest import make_member
from tests.ui.loans_fixtures import (  # noqa: F401
    TODAY,
    answered,
    disbursed_loan,
    kasir,
    member_id,
)
from ui.dialogs.loan_decision_dialog import DecisionDialog, DisburseDialog
from ui.dialogs.loan_wizard import (
    AMOUNT_PAGE,
    APPROVAL_PAGE,
    COLLATERAL_PAGE,
    DISBURSE_PAGE,
    MEMBER_PAGE,
    PREVIEW_PAGE,
    PRODUCT_PAGE,
    SUMMARY_PAGE,
    LoanWizard,
)
from ui.models.loans_model import LoanColumn
from ui.views.loans_view import LoansView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def open_view(qtbot: QtBot, services: Services, user: User) -> LoansView:
    view = LoansView(services, user)
    qtbot.addWidget(view)
    view.today = lambda: TODAY
    view.run_search()
    view.show()
    return view


def click_next(qtbot: QtBot, wizard: LoanWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def choose_pinjaman_umum(qtbot: QtBot, wizard: LoanWizard) -> None:
    assert wizard.currentId() == PRODUCT_PAGE
    products = wizard.product_page.list
    row = next(r for r in range(products.count())
               if products.item(r).text().startswith("Pinjaman Umum"))  # fmt: skip
    products.setCurrentRow(row)
    assert "Flat" in wizard.product_page.description.text()
    click_next(qtbot, wizard)


def fill_first_steps(qtbot: QtBot, wizard: LoanWizard, name: str, amount: str) -> None:
    """Member → product → amount and term, as a clerk types them."""
    assert wizard.currentId() == MEMBER_PAGE
    page = wizard.member_page
    qtbot.keyClicks(page.search_edit, name)
    qtbot.waitUntil(lambda: not page._timer.isActive())  # the search ran
    assert page.model is not None and page.model.rowCount() == 1
    qtbot.waitUntil(lambda: wizard.member is not None)
    click_next(qtbot, wizard)
    choose_pinjaman_umum(qtbot, wizard)
    assert wizard.currentId() == AMOUNT_PAGE
    amount_page = wizard.amount_page
    qtbot.keyClicks(amount_page.amount_edit, amount)
    amount_page.months_spin.setValue(10)
    qtbot.keyClicks(amount_page.purpose_edit, "tambahan modal warung")
    click_next(qtbot, wizard)


def test_pengurus_creates_approves_and_pays_out_a_loan(
    qtbot: QtBot, services: Services, ketua: User, member_id: int, answered: list
) -> None:
    view = open_view(qtbot, services, ketua)
    assert view.empty_label.text().startswith("Belum ada pinjaman. Klik Pinjaman Baru")
    view.new_item()
    wizard = view.dialog
    assert isinstance(wizard, LoanWizard)
    fill_first_steps(qtbot, wizard, "Siti", "5000000")

    assert wizard.currentId() == PREVIEW_PAGE
    preview = wizard.preview_page
    assert preview.model.rowCount() == 10
    assert "Rp5.000.000" in preview.heading.text()
    # flat 1,5 %: 500.000 pokok + 75.000 jasa a month; admin fee 1 % deducted at pay-out
    assert "Rp575.000" in preview.totals.text() and "Rp4.950.000" in preview.totals.text()
    assert not preview.warning_label.isVisible()
    click_next(qtbot, wizard)

    assert wizard.currentId() == COLLATERAL_PAGE
    coll = wizard.collateral_page
    coll.kind_combo.setCurrentIndex(coll.kind_combo.findData("vehicle_fiducia"))
    qtbot.keyClicks(coll.description_edit, "BPKB Honda Beat 2019")
    qtbot.keyClicks(coll.value_edit, "9000000")
    qtbot.keyClicks(coll.guarantor_name, "Slamet Riyadi")
    click_next(qtbot, wizard)  # the typed collateral is added, not dropped

    assert wizard.currentId() == APPROVAL_PAGE
    assert wizard.approval_page.approve_radio.isVisible()
    wizard.approval_page.approve_radio.setChecked(True)
    click_next(qtbot, wizard)
    assert wizard.currentId() == DISBURSE_PAGE
    page = wizard.disburse_page
    assert "Rp4.950.000" in page.figures.text()
    page.disburse_check.setChecked(True)
    click_next(qtbot, wizard)

    assert wizard.currentId() == SUMMARY_PAGE
    summary = wizard.summary_page.summary.text()
    assert "Siti Aminah" in summary and "BPKB Honda Beat 2019" in summary
    assert "Slamet Riyadi" in summary and "disetujui sekarang" in summary
    assert services.loans.count_rows(TODAY) == 0  # nothing saved before the last click
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    loan = wizard.saved
    assert loan is not None and loan.status == LoanStatus.AKTIF and loan.number
    assert loan.net_disbursed == 4_950_000
    assert answered[-1][0] == "Pinjaman tersimpan" and loan.number in answered[-1][1]
    assert len(services.loans.collateral(loan.id)) == 1
    assert services.loans.guarantors(loan.id)[0].name == "Slamet Riyadi"
    # The new loan is found in the list and shown below it.
    assert view.current_loan_id() == loan.id
    row = view.model.row_of(loan.id)
    assert row is not None
    assert view.model.data(view.model.index(row, LoanColumn.NUMBER)) == loan.number
    assert view.model.data(view.model.index(row, LoanColumn.QUALITY)) == "Lancar"
    assert loan.number in view.detail.title_label.text()
    view.search_edit.clear()
    view.set_status_filter((LoanStatus.AKTIF,))
    view.run_search()
    assert view.model.total == 1 and view.model.row_at(0).loan_id == loan.id


def test_clerk_application_waits_for_pengurus_then_clerk_pays_out(
    qtbot: QtBot, services: Services, ketua: User, kasir: User, member_id: int, answered: list
) -> None:
    view = open_view(qtbot, services, kasir)
    view.new_item()
    wizard = view.dialog
    assert isinstance(wizard, LoanWizard)
    fill_first_steps(qtbot, wizard, "Siti", "3000000")
    click_next(qtbot, wizard)  # preview
    click_next(qtbot, wizard)  # no collateral
    assert wizard.currentId() == APPROVAL_PAGE
    assert not wizard.approval_page.approve_radio.isVisible()
    assert "menunggu keputusan Ketua/Pengurus" in wizard.approval_page.explain.text()
    click_next(qtbot, wizard)
    assert not wizard.disburse_page.disburse_check.isVisible()
    click_next(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    loan = wizard.saved
    assert loan is not None and loan.status == LoanStatus.DIAJUKAN and loan.number is None
    assert view.current_loan_id() == loan.id
    # The clerk cannot decide; the buttons say who can.
    assert not view.detail.approve_button.isEnabled()
    assert "Ketua/Pengurus" in view.detail.approve_button.toolTip()

    boss = open_view(qtbot, services, ketua)
    boss.set_status_filter((LoanStatus.DIAJUKAN,))
    boss.run_search()
    assert boss.current_loan_id() == loan.id
    assert boss.detail.approve_button.isEnabled()
    qtbot.mouseClick(boss.detail.approve_button, Qt.MouseButton.LeftButton)
    decision = boss.dialog
    assert isinstance(decision, DecisionDialog)
    qtbot.keyClicks(decision.note_edit, "disetujui rapat pengurus")
    decision.accept()
    assert services.loans.get(loan.id).status == LoanStatus.DISETUJUI

    view.reload()
    assert view.detail.disburse_button.isVisible() and view.detail.disburse_button.isEnabled()
    qtbot.mouseClick(view.detail.disburse_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, DisburseDialog)
    assert "Rp2.970.000" in dialog.figures.text()
    dialog.accept()
    paid_out = services.loans.get(loan.id)
    assert paid_out.status == LoanStatus.AKTIF and paid_out.number
    assert paid_out.number in answered[-1][1]
    assert paid_out.number in view.detail.title_label.text()


def test_amount_outside_the_product_limits_is_shown_at_the_field(
    qtbot: QtBot, services: Services, kasir: User, member_id: int, answered: list
) -> None:
    view = open_view(qtbot, services, kasir)
    view.new_item()
    wizard = view.dialog
    assert isinstance(wizard, LoanWizard)
    fill_first_steps(qtbot, wizard, "Siti", "75000000")  # Pinjaman Umum: at most Rp50 juta
    assert wizard.currentId() == AMOUNT_PAGE
    message = wizard.amount_page.errors.message("amount")
    assert "Rp50.000.000" in message
    assert wizard.amount_page.amount_edit.text() == "75.000.000"  # kept as typed


def test_warnings_need_confirming_before_going_on(
    qtbot: QtBot, services: Services, ketua: User, kasir: User, answered: list
) -> None:
    member = make_member(services, ketua, name="Joko Susilo", sex="L", serial=7)
    old = disbursed_loan(services, ketua, member.id, add_months(TODAY, -3))
    view = open_view(qtbot, services, kasir)
    view.new_item(member.id)
    wizard = view.dialog
    assert isinstance(wizard, LoanWizard)
    assert wizard.member is not None and wizard.member.id == member.id
    assert old.number in wizard.member_page.warning_label.text()
    click_next(qtbot, wizard)
    choose_pinjaman_umum(qtbot, wizard)
    qtbot.keyClicks(wizard.amount_page.amount_edit, "2000000")
    qtbot.keyClicks(wizard.amount_page.purpose_edit, "biaya sekolah")
    click_next(qtbot, wizard)
    assert wizard.currentId() == PREVIEW_PAGE
    preview = wizard.preview_page
    assert old.number in preview.warning_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    preview.confirm_check.setChecked(True)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
