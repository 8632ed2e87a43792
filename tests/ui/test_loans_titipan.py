"""Titipan from the loan panel (issue 10 item 6): the refund and the move to simpanan
sukarela are buttons next to each other, shown only while a titipan is held; the move gives
a savings receipt."""

# Fixtures are imported from tests/ui/loans_fixtures.py, which ruff sees as redefinitions.
# ruff: noqa: F811

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.loans.models import LoanStatus
from app.services import Services
from app.users.models import User
from tests.ui.loans_fixtures import answered, disbursed_loan, kasir, member_id  # noqa: F401
from ui.dialogs.titipan_dialog import TitipanDialog
from ui.views.loans_view import LoansView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform

START = date(2026, 1, 10)  # Rp6.000.000 flat 1,5 % over 12 months: Rp590.000 a month
TODAY = date(2026, 3, 5)


@pytest.fixture
def view(qtbot: QtBot, services: Services, ketua: User, kasir: User, member_id: int) -> LoansView:
    loan = disbursed_loan(services, ketua, member_id, START)
    services.loans.payments.record_payment(
        ketua, loan.id, 12 * 590_000 + 300_000, date(2026, 2, 1), "tunai", today=TODAY
    )
    assert services.loans.get(loan.id).status == LoanStatus.LUNAS
    view = LoansView(services, kasir)
    qtbot.addWidget(view)
    view.today = lambda: TODAY
    view.set_status_filter(tuple(LoanStatus))
    view.run_search()
    view.show()
    assert view.select_loan(loan.id)
    return view


def test_titipan_moved_to_sukarela_from_the_loan_panel(
    qtbot: QtBot, view: LoansView, services: Services, answered: list
) -> None:
    d = view.detail
    assert d.refund_button.isVisible() and d.refund_button.isEnabled()
    assert d.sukarela_button.isVisible() and d.sukarela_button.isEnabled()
    qtbot.mouseClick(d.sukarela_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, TitipanDialog) and dialog.sukarela_radio.isChecked()
    assert dialog.amount_edit.value() == 300_000
    dialog.amount_edit.set_value(300_001)
    dialog.accept()
    assert "300.000" in dialog.errors.message("amount")  # more than is held, at the field
    dialog.amount_edit.set_value(200_000)
    dialog.accept()
    loan = view.current_loan_id()
    assert loan is not None
    member = services.loans.get(loan).member_id
    assert services.savings.balances(member).sukarela == 200_000
    [(_title, text)] = answered
    assert "kuitansi" in text and services.titipan.held(loan) == 100_000
    # The refund pays the rest back; then both buttons go away.
    qtbot.mouseClick(view.detail.refund_button, Qt.MouseButton.LeftButton)
    refund = view.dialog
    assert isinstance(refund, TitipanDialog) and refund.refund_radio.isChecked()
    refund.accept()
    assert services.titipan.held(loan) == 0
    assert not view.detail.refund_button.isVisible()
    assert not view.detail.sukarela_button.isVisible()
