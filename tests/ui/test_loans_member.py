"""The member's detail panel lists the member's loans (ui/views/member_loans.py)."""

# Fixtures are imported from tests/ui/loans_fixtures.py, which ruff sees as redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.formats import add_months
from app.services import Services
from app.users.models import User
from tests.conftest import make_member
from tests.ui.loans_fixtures import TODAY, disbursed_loan, kasir, member_id  # noqa: F401
from ui.dialogs.loan_wizard import LoanWizard
from ui.models.loans_model import LoanColumn
from ui.views.member_loans import member_loans_widget
from ui.views.members_view import MembersView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def test_member_panel_lists_the_members_loans(
    qtbot: QtBot, services: Services, ketua: User, kasir: User, member_id: int
) -> None:
    loan = disbursed_loan(services, ketua, member_id, add_months(TODAY, -4))
    other = make_member(services, ketua, name="Bambang Wijaya", sex="L", serial=2)
    view = MembersView(services, kasir)
    qtbot.addWidget(view)
    view.today = lambda: TODAY
    view.run_search()
    view.show_member(member_id)
    widget = view.loans_widget
    assert widget is not None and widget.isVisibleTo(view.detail)
    assert not view.detail.loans_placeholder.isVisibleTo(view.detail)
    assert widget.model.rowCount() == 1
    assert widget.model.data(widget.model.index(0, LoanColumn.NUMBER)) == loan.number
    assert widget.summary.text().startswith("1 pinjaman aktif, sisa pokok Rp")
    assert "Menunggak" in widget.summary.text()
    view.show_member(other.id)
    assert view.loans_widget is widget  # one widget, reused for the next member
    assert widget.model.rowCount() == 0
    assert widget.summary.text() == "Anggota ini belum pernah meminjam."


def test_new_loan_from_the_member_panel_starts_with_the_member(
    qtbot: QtBot, services: Services, kasir: User, member_id: int
) -> None:
    widget = member_loans_widget(services, kasir, member_id)
    qtbot.addWidget(widget)
    widget.today = lambda: TODAY
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    wizard = widget.dialog
    assert isinstance(wizard, LoanWizard)
    assert wizard.member is not None and wizard.member.id == member_id
    wizard.reject()
