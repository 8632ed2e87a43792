# ruff: noqa: F811 - pytest fixtures are imported by name and used as arguments
"""Beranda: the day's work queue for a given date, counts per kind on top, and a line that
opens its case in Penanganan Pinjaman Bermasalah."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.collection.models import Channel, ContactDraft, MetRole, PromiseDraft, QueueKind
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan, member, people  # noqa: F401
from tests.conftest import make_member
from ui.main_window import CASES, MainWindow
from ui.models.queue_model import QueueColumn
from ui.views.home_view import HomeView

# The offscreen platform cannot resize windows to their size hints; it says so as a warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

Q = date(2026, 6, 22)


def _broken_promise(services: Services, people: People, member: Member) -> int:
    """A case whose member promised Rp750.000 by 15 June and paid nothing."""
    make_loan(services, people, member)
    [case] = services.cases.open_due_cases(date(2026, 4, 1))
    services.contacts.record(
        people.staf,
        ContactDraft(
            case_id=case.id,
            contact_at=datetime(2026, 6, 1, 10, 0),
            channel=Channel.TELEPON,
            met_role=MetRole.ANGGOTA,
            member_said="Menunggu hasil panen",
        ),
        today=date(2026, 6, 1),
        promise=PromiseDraft(750_000, date(2026, 6, 15)),
    )
    return case.id


def test_queue_for_a_date_lists_the_broken_promise_and_opens_its_case(
    qtbot: QtBot, services: Services, people: People, member: Member
) -> None:
    case_id = _broken_promise(services, people, member)
    other = make_member(services, people.manajer, name="Joko Susilo", sex="L", serial=2)
    make_loan(services, people, other, disbursed=date(2026, 3, 5), first_due=date(2026, 4, 5))
    window = MainWindow(services, people.staf)
    qtbot.addWidget(window)
    window.shut_down = lambda: None  # type: ignore[method-assign]  # the fixture closes the file
    home, cases = window.home_view, window.cases_view
    home.today = cases.today = lambda: Q
    home.date_edit.set_value(Q)
    home.refresh_queue()
    window.show()

    queue = home.queue
    assert queue is not None and queue.as_of == Q
    broken = queue.of_kind(QueueKind.JANJI_INGKAR)
    assert [(i.case_id, i.amount) for i in broken] == [(case_id, 750_000)]
    assert "diingkari" in broken[0].text
    button = home.kind_buttons[QueueKind.JANJI_INGKAR]
    assert button.text().split("\n") == ["Janji diingkari", "1", "Rp750.000"]
    assert home.kind_buttons[None].text().startswith(f"Semua pekerjaan\n{queue.total_count}")

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # only the broken promises
    assert home.model.rowCount() == 1
    item = home.model.row_at(0)
    assert home.model.display(item, QueueColumn.KIND) == "Janji diingkari"
    assert home.model.display(item, QueueColumn.AMOUNT) == "Rp750.000"

    rect = home.table.visualRect(home.model.index(0, QueueColumn.MEMBER))
    qtbot.mouseClick(home.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(home.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.sidebar.currentRow() == CASES and window.current_view() is cases
    assert cases.current_case_id() == case_id
    assert cases.detail.file is not None and cases.detail.file.case.id == case_id
    titles = [r.title for r in cases.detail.timeline_model.rows() if r.source == "janji"]
    assert titles == ["Janji bayar Rp750.000 paling lambat 15-06-2026: Ingkar"]


def test_a_quiet_day_says_so_and_mine_only_filters(
    qtbot: QtBot, services: Services, people: People, member: Member
) -> None:
    case_id = _broken_promise(services, people, member)
    home = HomeView(services, people.staf)
    qtbot.addWidget(home)
    home.today = lambda: Q
    home.date_edit.set_value(date(2026, 3, 1))  # before anything was late
    home.refresh_queue()
    assert home.queue is not None and home.queue.total_count == 0
    assert home.empty.isVisibleTo(home) and not home.table.isVisibleTo(home)
    assert "Tidak ada pekerjaan penagihan" in home.empty.text()

    home.date_edit.set_value(Q)
    home.refresh_queue()
    assert home.queue is not None and home.queue.counts.get(QueueKind.JANJI_INGKAR) == 1
    home.mine_check.setChecked(True)  # the case has no officer yet: not the clerk's
    assert home.queue.counts.get(QueueKind.JANJI_INGKAR) is None
    services.cases.assign(people.manajer, case_id, people.staf.id, Q)
    home.refresh_queue()
    assert home.queue.counts.get(QueueKind.JANJI_INGKAR) == 1
    home.table.selectRow(0)
    with qtbot.waitSignal(home.task_opened) as opened:
        qtbot.keyClick(home.table, Qt.Key.Key_Return)
    assert opened.args[0].case_id == case_id  # type: ignore[index]


def test_a_decision_waiting_opens_on_the_case_s_decisions_tab(
    qtbot: QtBot, services: Services, people: People, member: Member
) -> None:
    case_id = _broken_promise(services, people, member)
    offer = services.settlement.propose(
        people.manajer, case_id, Q, {"denda": 10_000}, date(2026, 7, 20), "Tawaran", Q
    )
    window = MainWindow(services, people.ketua)
    qtbot.addWidget(window)
    window.shut_down = lambda: None  # type: ignore[method-assign]  # the fixture closes the file
    home, cases = window.home_view, window.cases_view
    home.today = cases.today = lambda: Q
    home.date_edit.set_value(Q)
    home.refresh_queue()
    window.show()
    home.show_kind(QueueKind.KEPUTUSAN)
    [item] = home.model.rows()
    assert item.ref_id == offer.id and "menunggu 1 persetujuan Pengurus" in item.text
    home.table.selectRow(0)
    qtbot.mouseClick(home.open_button, Qt.MouseButton.LeftButton)
    assert window.current_view() is cases and cases.current_case_id() == case_id
    assert cases.detail.tabs.currentWidget() is cases.detail.decisions
    assert cases.detail.decisions.selected() == offer
    assert cases.detail.decisions.approve_button.isEnabled()  # a Pengurus, not the proposer
