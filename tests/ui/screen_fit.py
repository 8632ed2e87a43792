"""What "fits the screen" means, for tests/ui/test_screen_fit.py: a window of the available size
of a 1366×768 laptop with its taskbar (1366×728, less the title bar) shows everything in it.

`problems(window)` lists, in words, each thing that does not fit:
- the window's minimum size is larger than the available area (it would grow past the screen);
- a visible child reaches past the window's edge;
- a label showing an amount ("Rp…") or a date is cut off (its text needs more room than it has);
- a scroll area or a table scrolls sideways, or a scroll area that cannot scroll sideways has
  content wider than itself (cut off at the right). A table whose columns do not all matter
  names the ones that do in its `fit_columns` property (a list of column numbers); those must
  fit."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QWidget,
)

AVAILABLE = QSize(1366, 728)  # 1366×768 less a 40 px taskbar
TITLE_BAR = 32  # the window frame's title bar at 100 %
WINDOW = QSize(AVAILABLE.width(), AVAILABLE.height() - TITLE_BAR)

MONTHS = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
# A cell that is only an amount or a date must show whole; longer texts may be elided.
AMOUNT_OR_DATE_CELL = re.compile(r"-?Rp-?[\d.]+|\d{2}-\d{2}-\d{4}( \d{2}[.:]\d{2})?|[\d.]+ hari")
AMOUNT_OR_DATE = re.compile(rf"Rp|\b\d{{2}}-\d{{2}}-\d{{4}}\b|\b\d{{1,2}} ({MONTHS}) \d{{4}}\b")


def settle() -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or '-'})"


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    """Inside the viewport of a scroll area (below `window`): it may lie beyond the window."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def label_cut_off(label: QLabel) -> bool:
    """The label's text needs more room than the label has."""
    if label.wordWrap():
        return label.heightForWidth(label.width()) > label.height() + 1
    return label.sizeHint().width() > label.width() + 1


def cut_button(button: QPushButton) -> bool:
    """The button's words need more room than the button has."""
    return button.sizeHint().width() > button.width() + 1


def table_scrolls_sideways(table: QTableView) -> list[int]:
    """The columns that matter (all shown ones unless `fit_columns` names them) lying beyond
    the visible width; empty when they fit."""
    header = table.horizontalHeader()
    wanted = table.property("fit_columns")
    columns = list(wanted) if wanted else range(header.count())
    width = table.viewport().width()
    out = []
    for column in columns:
        if header.isSectionHidden(column):
            continue
        right = header.sectionPosition(column) + header.sectionSize(column)
        if right > width + 1:
            out.append(column)
    return out


def cut_sideways(area: QScrollArea) -> int:
    """How many pixels of a scroll area's content lie beyond its right edge when it cannot
    scroll sideways (its horizontal scroll bar always off): the content is wider than it."""
    content = area.widget()
    policy = area.horizontalScrollBarPolicy()
    if content is None or policy != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return 0
    return max(0, content.width() - area.viewport().width())


def cut_off_cells(table: QTableView, rows: int = 40) -> list[str]:
    """Amounts and dates among the first `rows` rows shown narrower than they need, and any
    cell of a column the table names in its `whole_columns` property (short labels)."""
    model = table.model()
    header = table.horizontalHeader()
    whole = set(table.property("whole_columns") or ())
    out = []
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        for row in range(min(rows, model.rowCount())):
            index = model.index(row, column)
            text = str(model.data(index) or "")
            must_show = column in whole or AMOUNT_OR_DATE_CELL.fullmatch(text.strip())
            if must_show and (
                table.sizeHintForIndex(index).width() > header.sectionSize(column) + 1
            ):
                out.append(text)
                break
    return out


def problems(window: QWidget, where: str = "", size: QSize = WINDOW) -> list[str]:
    settle()
    found: list[str] = []
    prefix = f"{where}: " if where else ""
    hint = window.minimumSizeHint()
    if hint.width() > size.width() or hint.height() > size.height():
        found.append(f"{prefix}minimum size {hint.width()}×{hint.height()} is over {size}")
    if window.width() > size.width() or window.height() > size.height():
        found.append(f"{prefix}window grew to {window.width()}×{window.height()}")
    bounds = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow():
            continue
        scrolled = _scrolled(widget, window)
        if not scrolled:
            rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            if not bounds.contains(rect):
                found.append(f"{prefix}{_name(widget)} reaches past the window: {rect}")
        amount_or_date = isinstance(widget, QLabel) and AMOUNT_OR_DATE.search(widget.text())
        if amount_or_date and label_cut_off(widget):  # type: ignore[arg-type]
            found.append(
                f"{prefix}label {widget.text()!r} cut off: needs "  # type: ignore[attr-defined]
                f"{widget.sizeHint().width()} px, has {widget.width()}"
            )
        if isinstance(widget, QPushButton) and widget.text() and cut_button(widget):
            found.append(f"{prefix}button {widget.text()!r} cut off")
        if isinstance(widget, QTableView) and widget.model() is not None:
            beyond = table_scrolls_sideways(widget)
            if beyond:
                model = widget.model()
                names = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in beyond]
                found.append(f"{prefix}{_name(widget)} scrolls sideways for columns {names}")
            for text in cut_off_cells(widget):
                found.append(f"{prefix}{_name(widget)} cuts off {text!r}")
        elif isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QTableView):
            bar = widget.horizontalScrollBar()
            if bar.isVisible() and bar.maximum() > 0:
                found.append(f"{prefix}{_name(widget)} scrolls sideways by {bar.maximum()} px")
            if isinstance(widget, QScrollArea) and (cut := cut_sideways(widget)):
                found.append(f"{prefix}{_name(widget)} cuts its content off by {cut} px")
    return found


def every_tab(widget: QWidget) -> list[tuple[QTabWidget, int]]:
    """Every (tab widget, index) below and including `widget`, outermost first."""
    tabs = [widget] if isinstance(widget, QTabWidget) else []
    tabs += widget.findChildren(QTabWidget)
    return [(tab, i) for tab in tabs for i in range(tab.count())]


def select_first_rows(widget: QWidget) -> None:
    """Fill the detail panels: the first row of each list that has nothing selected."""
    for table in widget.findChildren(QTableView):
        model = table.model()
        selection = table.selectionModel()
        if model is None or selection is None or not table.isVisible():
            continue
        if table.selectionMode() == QAbstractItemView.SelectionMode.NoSelection:
            continue
        if model.rowCount() and not selection.hasSelection():
            table.selectRow(0)


def section_problems(window: Any, size: QSize = WINDOW) -> list[str]:
    """Every section of a shown MainWindow and every tab in it, at `size`."""
    window.resize(size)
    found: list[str] = []
    for index, name in enumerate(window.section_names()):
        window.show_section(index)
        view = window.current_view()
        settle()
        select_first_rows(view)
        found += problems(window, name, size)
        for tabs, tab in every_tab(view):
            if not tabs.isVisible():
                continue
            tabs.setCurrentIndex(tab)
            settle()
            select_first_rows(tabs.widget(tab))
            found += problems(window, f"{name}/{tabs.tabText(tab)}", size)
    return found


def main(path: str, width: int, height: int) -> int:
    """For a subprocess started with QT_SCALE_FACTOR set: the sections of the demo at `path`
    in a window of width×height logical pixels; prints what does not fit."""
    from app.services import Services
    from ui.main import configure_application
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    configure_application(app)  # type: ignore[arg-type]
    services = Services.open(Path(path))
    try:
        ketua = next(u for u in services.users.all() if u.username == "ketua")
        window = MainWindow(services, ketua)
        window.show()
        found = section_problems(window, QSize(width, height))
        window.close_for_logout()
    finally:
        services.close()
    print("\n".join(found) or "OK", flush=True)
    del app
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
