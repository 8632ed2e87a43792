"""Lists read again when what they show changes anywhere in the program: a letter issued from
a case screen appears in Surat & Dokumen, a payment in the loans list, a deposit on Beranda —
at once when the list is visible, otherwise when it is shown next."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.members.models import Member
from app.savings.models import SavingsKind
from app.services import Services
from tests.app.collection.conftest import People, pay
from tests.app.collection.conftest import member as member
from tests.app.collection.conftest import people as people
from tests.app.documents import scenario
from ui.models.loans_model import LoanColumn
from ui.views.cases_view import CasesView
from ui.views.documents_view import DocumentsView
from ui.views.home_view import HomeView
from ui.views.loans_view import LoansView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
D = scenario.D


def _case_view(qtbot: QtBot, services: Services, people: People, case_id: int) -> CasesView:
    view = CasesView(services, people.manajer)
    view.today = lambda: D
    qtbot.addWidget(view)
    view.show()
    assert view.show_case(case_id)
    return view


def _issue_summary(view: CasesView) -> str:
    printer = view.actions_.printer
    printer.summary_action.trigger()
    preview = printer.documents.preview
    assert preview is not None
    title = preview.windowTitle()
    preview.accept()
    return title


def test_letter_from_a_case_screen_shows_in_a_visible_register(
    qtbot: QtBot, services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    register = DocumentsView(services, people.manajer)
    qtbot.addWidget(register)
    register.show()
    before = register.model.rowCount()
    cases = _case_view(qtbot, services, people, case_id)
    _issue_summary(cases)
    qtbot.waitUntil(lambda: register.model.rowCount() == before + 1, timeout=2000)
    assert "Ringkasan Kasus" in register.model.row_at(0).title
    assert register.count_label.text().startswith(f"{before + 1} ")
    # A second one, with the first selected: the selection stays on the same document.
    register.table.selectRow(0)
    chosen = register.selected_id()
    _issue_summary(cases)
    qtbot.waitUntil(lambda: register.model.rowCount() == before + 2, timeout=2000)
    assert register.selected_id() == chosen


def test_hidden_register_reads_again_when_shown(
    qtbot: QtBot, services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    register = DocumentsView(services, people.manajer)
    qtbot.addWidget(register)
    before = register.model.rowCount()
    cases = _case_view(qtbot, services, people, case_id)
    _issue_summary(cases)
    _issue_summary(cases)
    qtbot.wait(20)
    assert register.model.rowCount() == before  # hidden: no work for a list nobody sees
    register.show()
    qtbot.waitUntil(lambda: register.model.rowCount() == before + 2, timeout=2000)


def test_payment_updates_the_visible_loans_list(
    qtbot: QtBot, services: Services, people: People, member: Member
) -> None:
    loan, _case_id = scenario.loan_with_case(services, people, member)
    view = LoansView(services, people.staf)
    qtbot.addWidget(view)
    view.today = lambda: D
    view.show()
    view.run_search()
    assert view.select_loan(loan.id)

    def arrears() -> str:
        row = view.model.row_of(loan.id)
        assert row is not None
        return str(view.model.index(row, LoanColumn.ARREARS).data())

    shown = arrears()
    pay(services, people, loan, 590_000, D)  # as the kasir's payment dialog elsewhere does
    qtbot.waitUntil(lambda: arrears() != shown, timeout=2000)
    assert view.current_loan_id() == loan.id  # the selection stays


def test_deposit_and_new_member_update_a_visible_home(
    qtbot: QtBot, services: Services, people: People, member: Member
) -> None:
    home = HomeView(services, people.manajer)
    qtbot.addWidget(home)
    home.show()
    savings = home.savings_card.value.text()
    services.savings.deposit(
        people.staf, member.id, SavingsKind.SUKARELA, 250_000, date(2026, 1, 5),
        today=date(2026, 1, 5),
    )  # fmt: skip
    qtbot.waitUntil(lambda: home.savings_card.value.text() != savings, timeout=2000)
    assert home.savings_card.value.text() == "Rp250.000"


def test_beranda_reading_again_does_not_feed_itself(
    qtbot: QtBot, services: Services, people: People, member: Member
) -> None:
    """Beranda opens the cases due when it reads (a write): that must not start another read
    for ever."""
    loan, _case_id = scenario.loan_with_case(services, people, member)
    home = HomeView(services, people.manajer)
    home.today = lambda: D
    qtbot.addWidget(home)
    home.show()
    reads: list[int] = []
    original = home.refresh

    def counted() -> None:
        reads.append(1)
        original()

    home.refresh = counted  # type: ignore[method-assign]
    pay(services, people, loan, 100_000, D)
    qtbot.wait(400)
    assert 1 <= len(reads) <= 2


def test_on_the_office_server_the_window_looks_for_other_pcs_writes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hub with a `remote` poll (the office server, app/storage/pg_changes.py) is polled by
    the window's timer; what another PC wrote is announced like this PC's own writes."""
    import ui.changes as ui_changes
    from app.changes import ChangeHub

    monkeypatch.setattr(ui_changes, "POLL_MS", 20)
    hub = ChangeHub()
    polls: list[int] = []

    def remote() -> None:
        polls.append(1)
        if len(polls) == 2:
            hub.note_table("savings_transactions")  # another PC's deposit arrived

    hub.remote = remote
    bridge = ui_changes.ChangeSignals(hub)
    with qtbot.waitSignal(bridge.savings, timeout=2000):
        pass
    assert len(polls) >= 2
    hub.close()
    qtbot.wait(60)
    stopped = len(polls)
    qtbot.wait(60)
    assert len(polls) == stopped  # a closed database is polled no more
    bridge.detach()
