"""The main window builds Beranda only; every other section is built the first time it is
opened. Beranda is on screen before its numbers are read, and fills them as they come
(issue 16: never a frozen window)."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.services import Services
from tests.conftest import admin_user, make_draft
from ui.main_window import BOOKS, CASES, HOME, LOANS, MEMBERS, REPORTS, SETTINGS, MainWindow
from ui.views.home_view import HomeView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform

DAY = date(2026, 11, 26)


def _window(qtbot: QtBot, services: Services) -> MainWindow:
    window = MainWindow(services, admin_user(services))
    qtbot.addWidget(window)
    return window


def test_only_beranda_is_built_at_start(qtbot: QtBot, services: Services) -> None:
    window = _window(qtbot, services)
    assert window.built_sections() == [HOME]
    assert window.stack.count() == len(window.section_names())
    window.show()
    qtbot.waitUntil(lambda: not window.home_view.loading())
    assert window.built_sections() == [HOME]  # showing and filling Beranda built nothing else


@pytest.mark.parametrize("order", [[LOANS, MEMBERS, SETTINGS], [SETTINGS, CASES, BOOKS, REPORTS]])
def test_a_section_is_built_when_first_opened_and_kept(
    qtbot: QtBot, services: Services, order: list[int]
) -> None:
    window = _window(qtbot, services)
    window.show()
    built: list[QtBot | object] = []
    for index in order:
        window.show_section(index)
        view = window.current_view()
        assert window.stack.currentIndex() == index
        assert window.stack.indexOf(view) == index and view is window.view(index)
        assert type(view).__name__.endswith("View"), type(view)
        built.append(view)
        assert window.built_sections() == sorted({HOME, *order[: len(built)]})
    for index, view in zip(order, built, strict=True):
        window.show_section(HOME)
        window.show_section(index)
        assert window.current_view() is view  # built once
    assert window.built_sections() == sorted({HOME, *order})


def test_every_section_in_sidebar_order(qtbot: QtBot, services: Services) -> None:
    window = _window(qtbot, services)
    views = window.views
    assert len(views) == window.stack.count() == len(window.section_names())
    assert [window.stack.indexOf(v) for v in views] == list(range(len(views)))
    assert len({id(v) for v in views}) == len(views)


def test_beranda_shows_first_and_fills_its_numbers_as_they_come(
    qtbot: QtBot, services: Services
) -> None:
    admin = admin_user(services)
    for serial in range(1, 4):
        services.members.create(admin, make_draft(serial=serial), today=DAY)
    window = _window(qtbot, services)
    home = window.view(HOME)
    assert isinstance(home, HomeView)
    # Built but not read yet: the window can be shown (and painted) before any query.
    assert home.loading()
    assert home.members_card.value.text() == "…"
    assert home.welcome.text() == "Selamat datang, Uji Admin"  # the header comes at once
    qtbot.wait(20)
    assert home.loading()  # nothing is read before the window is shown
    window.show()
    with qtbot.waitSignal(home.filled, timeout=10_000):
        pass
    assert not home.loading()
    assert home.members_card.value.text() == "3"
    assert home.savings_card.value.text().startswith("Rp")


def test_the_accessor_reads_what_is_left_at_once(qtbot: QtBot, services: Services) -> None:
    window = _window(qtbot, services)
    assert window.view(HOME).loading()  # type: ignore[attr-defined]
    assert window.home_view.members_card.value.text() == "0"  # read on the spot
    assert not window.home_view.loading()


def test_a_file_closed_before_beranda_was_read_stops_the_reading(
    qtbot: QtBot, services: Services
) -> None:
    services.settings.set(admin_user(services), "backup.auto_on_close", False)
    window = _window(qtbot, services)
    home = window.view(HOME)
    assert isinstance(home, HomeView) and home.loading()
    window.show()  # the reading starts on the next turn of the event loop
    window.close()  # but the file is closed first
    qtbot.wait(50)  # the remaining steps find the file closed and stop, raising nothing
    assert not home.loading()
