"""Every table the main views show exports what it shows: the guard over every QTableView of
every section (with its tabs and detail panels) on demo data, and one filtered, sorted list
read back from the workbook: its rows in view order, rupiah as numbers, dates as dates, member
numbers as text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from app.demo.generate import generate_demo
from app.exports.xlsx_table import RUPIAH_FORMAT
from app.services import Services
from ui.export import export_view, has_export

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "demo.db"
    generate_demo(path, members=40, seed=1, today=TODAY)
    return path


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Services]:
    services = Services.open(demo_path)
    yield services
    services.close()


@pytest.fixture
def window(qtbot: QtBot, demo: Services, monkeypatch: pytest.MonkeyPatch) -> QWidget:
    for name in ("inform", "warn"):
        monkeypatch.setattr(f"ui.widgets.messages.{name}", lambda *_a, **_k: None)
    monkeypatch.setattr("ui.widgets.messages.confirm", lambda *_a, **_k: False)
    from ui.main_window import MainWindow

    manajer = next(u for u in demo.users.all() if u.username == "manajer")
    win = MainWindow(demo, manajer)
    qtbot.addWidget(win)
    win.show()
    return win


def _tables(root: QWidget) -> list[QTableView]:
    return [root] if isinstance(root, QTableView) else root.findChildren(QTableView)


def test_every_table_of_every_section_exports(qtbot: QtBot, window: QWidget) -> None:
    missing: list[str] = []
    seen = 0
    for index, name in enumerate(window.section_names()):  # type: ignore[attr-defined]
        window.show_section(index)  # type: ignore[attr-defined]
        view = window.current_view()  # type: ignore[attr-defined]
        qtbot.wait(10)
        tabs = [view, *view.findChildren(QTabWidget)]
        for tab_widget in tabs:
            if isinstance(tab_widget, QTabWidget):
                for i in range(tab_widget.count()):
                    tab_widget.setCurrentIndex(i)
        loans = window.loans_view  # type: ignore[attr-defined]
        if view is loans and loans.model.rowCount():
            loans.show_loan(loans.model.row_at(0).loan_id)
        members = window.members_view  # type: ignore[attr-defined]
        if view is members and members.model.rowCount():
            members.table.selectRow(0)
        cases = window.cases_view  # type: ignore[attr-defined]
        if view is cases and cases.model.rowCount():
            cases.show_selected(cases.model.row_at(0).case.id)
        for table in _tables(view):
            seen += 1
            if not has_export(table):
                missing.append(f"{name}: {type(table).__name__}#{table.objectName()}")
    assert seen >= 15
    assert not missing, missing


def test_a_filtered_sorted_list_exports_as_shown(
    qtbot: QtBot, window: QWidget, tmp_path: Path
) -> None:
    from ui.models.members_model import MemberColumn

    window.show_section(1)  # type: ignore[attr-defined]
    members = window.members_view  # type: ignore[attr-defined]
    table: QTableView = members.table
    table.sortByColumn(MemberColumn.SAVINGS, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: members.model.rowCount() > 5)
    model = table.model()
    shown = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    path = export_view(table, tmp_path / "anggota")
    assert path.suffix == ".xlsx"
    sheet = load_workbook(path).active
    assert sheet is not None and sheet["A1"].value == "Daftar Anggota"
    rows = list(sheet.iter_rows(values_only=False))
    first = model.headerData(0, Qt.Orientation.Horizontal)
    header_at = next(i for i, r in enumerate(rows) if r[0].value == first)
    visible = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    body = rows[header_at + 1 :]
    assert len(body) == len(shown)
    savings_at = visible.index(MemberColumn.SAVINGS)
    numbers = [r[savings_at].value for r in body]
    assert all(isinstance(v, int) for v in numbers) and numbers == sorted(numbers, reverse=True)
    assert {r[savings_at].number_format for r in body} == {RUPIAH_FORMAT}
    number_at = visible.index(MemberColumn.NUMBER)
    assert [r[number_at].value for r in body] == [s[MemberColumn.NUMBER] for s in shown]
    assert all(isinstance(r[number_at].value, str) for r in body)
    if MemberColumn.JOIN_DATE in visible:
        joined = [r[visible.index(MemberColumn.JOIN_DATE)].value for r in body]
        assert all(isinstance(v, datetime) for v in joined)
    # A filter: only what the search shows.
    members.search_edit.setText(shown[0][MemberColumn.NAME])
    members.run_search()
    qtbot.waitUntil(lambda: model.rowCount() < len(shown))
    path = export_view(table, tmp_path / "satu.xlsx")
    again = list(load_workbook(path).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert len(again) - (header_at + 1) == model.rowCount()
