"""Pinjaman Baru through the wizard, as a Pengurus (approve and pay out at once) and as a clerk
(the application waits for a Pengurus, then the clerk pays it out), then found in the list."""

# Fixtures are imported from tests/ui/loans_fixtures.py, which ruff sees as redefinitions.
# ruff: noqa: F811

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.errors import StorageError
from app.formats import add_months
from app.loans.models import LoanFilter, LoanStatus
from app.services import Services
from app.users.models import User
from tests.conftest import PASSWORD, make_member, other_pengurus
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
    click_next(qtbot, wizard)  # nobody named to approve: stays, says so at the field
    assert wizard.currentId() == APPROVAL_PAGE
    assert wizard.approval_page.errors.message("auth_password")
    wizard.approval_page.approver_edit.setText("ketua")  # oneself: refused
    wizard.approval_page.approver_password.setText(PASSWORD)
    click_next(qtbot, wizard)
    assert wizard.currentId() == APPROVAL_PAGE
    assert "orang lain" in wizard.approval_page.errors.message("approver")
    approve_now(services, wizard)
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


def stored_rows(services: Services) -> dict[str, int]:
    return {
        table: int(services.db.scalar(f"SELECT count(*) FROM {table}"))
        for table in ("loans", "loan_collateral", "loan_guarantors", "loan_events", "audit_log",
                      "sequences")
    }  # fmt: skip


def approve_now(services: Services, wizard: LoanWizard) -> None:
    """'Setujui sekarang' with another Pengurus typing their name and password (nobody approves
    an application they record)."""
    other_pengurus(services, wizard.user)
    page = wizard.approval_page
    page.approve_radio.setChecked(True)
    page.approver_edit.setText(other_pengurus(services, wizard.user).username)
    page.approver_password.setText(PASSWORD)


def to_summary_approved_and_paid_out(qtbot: QtBot, wizard: LoanWizard) -> None:
    """From the preview page: collateral and a guarantor, approve now, pay out today."""
    click_next(qtbot, wizard)
    assert wizard.currentId() == COLLATERAL_PAGE
    coll = wizard.collateral_page
    coll.kind_combo.setCurrentIndex(coll.kind_combo.findData("vehicle_fiducia"))
    qtbot.keyClicks(coll.description_edit, "BPKB Honda Beat 2019")
    qtbot.keyClicks(coll.value_edit, "9000000")
    qtbot.keyClicks(coll.guarantor_name, "Slamet Riyadi")
    click_next(qtbot, wizard)
    approve_now(wizard.services, wizard)
    click_next(qtbot, wizard)
    wizard.disburse_page.disburse_check.setChecked(True)
    click_next(qtbot, wizard)
    assert wizard.currentId() == SUMMARY_PAGE


def test_disk_error_at_save_stores_nothing_and_keeps_what_was_typed(
    qtbot: QtBot, services: Services, ketua: User, member_id: int, answered: list
) -> None:
    view = open_view(qtbot, services, ketua)
    view.new_item()
    wizard = view.dialog
    assert isinstance(wizard, LoanWizard)
    fill_first_steps(qtbot, wizard, "Siti", "5000000")
    to_summary_approved_and_paid_out(qtbot, wizard)
    before = stored_rows(services)

    def disk_full(*_args: object, **_kw: object) -> None:
        raise StorageError("Disk penuh: data tidak bisa disimpan. Kosongkan ruang disk lalu "
                           "coba lagi. Data yang sudah tersimpan aman.")  # fmt: skip

    # The pay-out is the last step: application, collateral, guarantor and approval are
    # already written inside the transaction when the disk gives up.
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services.loans.events, "insert", disk_full)
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    assert wizard.isVisible() and wizard.currentId() == SUMMARY_PAGE and wizard.saved is None
    message = wizard.summary_page.error_label.text()
    assert message.startswith("Disk penuh: data tidak bisa disimpan.")
    assert "belum tersimpan sama sekali" in message
    assert answered == []  # no 'saved' box, no 'partly saved' box
    assert stored_rows(services) == before
    assert services.loans.count_rows(TODAY, LoanFilter(statuses=tuple(LoanStatus))) == 0
    # Everything typed is still there.
    assert [c.description for c in wizard.collateral] == ["BPKB Honda Beat 2019"]
    assert wizard.collateral_page.guarantor_name.text() == "Slamet Riyadi"
    assert wizard.amount_page.amount_edit.text() == "5.000.000"
    assert wizard.approve_now and wizard.disburse_on == TODAY

    # The disk has room again: the same click saves the whole loan.
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    loan = wizard.saved
    assert loan is not None and loan.status == LoanStatus.AKTIF
    assert loan.application_no == "PM-2026-00001"  # the failed try used up no number
    assert loan.number == "001/KSP-UJ/PK/XI/2026"
    assert len(services.loans.collateral(loan.id)) == 1
    assert services.loans.guarantors(loan.id)[0].name == "Slamet Riyadi"
    assert answered[-1][0] == "Pinjaman tersimpan"


def test_pay_out_too_small_for_the_old_loan_is_named_at_save_nothing_stored(
    qtbot: QtBot, services: Services, ketua: User, answered: list
) -> None:
    member = make_member(services, ketua, name="Joko Susilo", sex="L", serial=7)
    old = disbursed_loan(services, ketua, member.id, add_months(TODAY, -1))
    view = open_view(qtbot, services, ketua)
    view.new_item(member.id)
    wizard = view.dialog
    assert isinstance(wizard, LoanWizard)
    click_next(qtbot, wizard)
    choose_pinjaman_umum(qtbot, wizard)
    amount_page = wizard.amount_page
    qtbot.keyClicks(amount_page.amount_edit, "2000000")
    qtbot.keyClicks(amount_page.purpose_edit, "biaya sekolah")
    amount_page.replaces_combo.setCurrentIndex(amount_page.replaces_combo.findData(old.id))
    click_next(qtbot, wizard)
    assert wizard.currentId() == PREVIEW_PAGE
    wizard.preview_page.confirm_check.setChecked(True)
    to_summary_approved_and_paid_out(qtbot, wizard)
    before = stored_rows(services)

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    assert wizard.currentId() == SUMMARY_PAGE and wizard.saved is None
    message = wizard.summary_page.error_label.text()
    assert f"tidak cukup untuk melunasi {old.number}" in message
    assert "Langkah 3 dari 8" in message  # the page of the field at fault
    assert stored_rows(services) == before
    assert services.loans.get(old.id).status == LoanStatus.AKTIF
    # Back on the amount page the message waits at the field, the amount as typed.
    while wizard.currentId() != AMOUNT_PAGE:
        wizard.back()
    assert "tidak cukup" in amount_page.errors.message("amount")
    assert amount_page.amount_edit.text() == "2.000.000"


def test_collateral_without_a_value_is_refused_where_it_is_typed(
    qtbot: QtBot, services: Services, kasir: User, member_id: int, answered: list
) -> None:
    view = open_view(qtbot, services, kasir)
    view.new_item()
    wizard = view.dialog
    assert isinstance(wizard, LoanWizard)
    fill_first_steps(qtbot, wizard, "Siti", "3000000")
    click_next(qtbot, wizard)
    coll = wizard.collateral_page
    coll.kind_combo.setCurrentIndex(coll.kind_combo.findData("land"))
    qtbot.keyClicks(coll.description_edit, "Tanah di Sooko")
    click_next(qtbot, wizard)
    assert wizard.currentId() == COLLATERAL_PAGE
    assert coll.errors.message("estimated_value") == "Isi taksiran nilai agunan."
    assert coll.description_edit.text() == "Tanah di Sooko" and wizard.collateral == []


def test_land_without_hak_tanggungan_asks_for_its_njop_at_the_field(
    qtbot: QtBot, services: Services, kasir: User, member_id: int, answered: list
) -> None:
    view = open_view(qtbot, services, kasir)
    view.new_item()
    wizard = view.dialog
    assert isinstance(wizard, LoanWizard)
    fill_first_steps(qtbot, wizard, "Siti", "3000000")
    click_next(qtbot, wizard)
    coll = wizard.collateral_page
    coll.kind_combo.setCurrentIndex(coll.kind_combo.findData("land"))
    qtbot.keyClicks(coll.description_edit, "Tanah di Sooko")
    qtbot.keyClicks(coll.value_edit, "100000000")
    click_next(qtbot, wizard)
    assert wizard.currentId() == COLLATERAL_PAGE
    assert "NJOP" in coll.errors.message("tax_value") and wizard.collateral == []
    qtbot.keyClicks(coll.tax_value_edit, "40000000")
    assert coll.add_collateral()
    assert [c.tax_value for c in wizard.collateral] == [40_000_000]


def test_pay_out_before_the_approval_is_refused_on_its_page(
    qtbot: QtBot, services: Services, ketua: User, member_id: int, answered: list
) -> None:
    view = open_view(qtbot, services, ketua)
    view.new_item()
    wizard = view.dialog
    assert isinstance(wizard, LoanWizard)
    fill_first_steps(qtbot, wizard, "Siti", "3000000")
    click_next(qtbot, wizard)  # preview
    click_next(qtbot, wizard)  # no collateral
    approve_now(services, wizard)
    click_next(qtbot, wizard)
    page = wizard.disburse_page
    page.disburse_check.setChecked(True)
    page.date_edit.set_value(date(2026, 11, 25))  # approved today, paid out yesterday
    click_next(qtbot, wizard)
    assert wizard.currentId() == DISBURSE_PAGE
    assert "sebelum tanggal persetujuan" in page.errors.message("on")
    assert services.db.scalar("SELECT count(*) FROM loans") == 0
