"""Every section of the main window and every dialog fits a 1366×768 laptop with its taskbar
(1366×728 available) with a demo cooperative of 300 members in it: see tests/ui/screen_fit.py
for what is checked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView, QTableView
from pytestqt.qtbot import QtBot

from app.demo.generate import generate_demo
from app.members.models import MemberDraft
from app.services import Services
from app.users.models import User
from tests.ui.screen_fit import WINDOW, every_tab, problems, settle

TODAY = date(2026, 11, 20)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    path = tmp_path_factory.mktemp("fit") / "demo.db"
    generate_demo(path, members=300, seed=1, today=TODAY)
    services = Services.open(path)
    _long_names(services)
    yield services
    services.close()


LONG = " binti Raden Mas Kusumawardhani Prawiranegara Hadiningrat"  # names run to 100


def _long_names(services: Services) -> None:
    """Long names, as some members have: a title or a label with a name must give way
    (elided, whole in its tooltip) instead of pushing the window wider than the screen."""
    ketua = _user(services)
    for row in services.members.search("", limit=400):
        member = services.members.get(row.id)
        draft = MemberDraft(**{f.name: getattr(member, f.name) for f in fields(MemberDraft)})
        services.members.update(ketua, member.id, replace(draft, name=member.name + LONG), TODAY)


def _user(services: Services, name: str = "ketua") -> User:
    return next(u for u in services.users.all() if u.username == name)


def _select_first_rows(widget: object) -> None:
    """Fill the detail panels: the first row of each list that has nothing selected."""
    for table in widget.findChildren(QTableView):  # type: ignore[attr-defined]
        model = table.model()
        selection = table.selectionModel()
        if model is None or selection is None or not table.isVisible():
            continue
        if table.selectionMode() == QAbstractItemView.SelectionMode.NoSelection:
            continue
        if model.rowCount() and not selection.hasSelection():
            table.selectRow(0)


def test_every_section_fits(qtbot: QtBot, demo: Services) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(demo, _user(demo))
    qtbot.addWidget(window)
    window.resize(WINDOW)
    window.show()
    found: list[str] = []
    for index, name in enumerate(window.section_names()):
        window.show_section(index)
        view = window.current_view()
        settle()
        _select_first_rows(view)
        found += problems(window, name)
        for tabs, tab in every_tab(view):
            if not tabs.isVisible():
                continue
            tabs.setCurrentIndex(tab)
            settle()
            _select_first_rows(tabs.widget(tab))
            found += problems(window, f"{name}/{tabs.tabText(tab)}")
    assert not found, "\n".join(found)
