"""Every table exports what it shows to Excel: `install_export(view, title)`.

The rows are read in view order (the proxy's filter and sort applied), the visible columns
in their visual order with their captions as shown; each cell as `EXPORT_ROLE` gives it
(rupiah, counts, dates, text; ui/models/base.py) or else the text on screen. The writing
itself is `app.exports.xlsx_table`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from app.exports.xlsx_table import Cell, TableExport, write_table
from app.formats import format_date_long
from ui.models.base import EXPORT_ROLE
from ui.widgets import messages

EXPORT_PROPERTY = "mufakat_export_title"
INSTALLED_PROPERTY = "mufakat_export"

Notes = Callable[[], list[str]]
V = TypeVar("V", bound=QTableView)


def title_of(view: QTableView) -> str:
    """The title given to `install_export`, else what the screen calls the table: its group
    box, its tab, its window."""
    given = str(view.property(EXPORT_PROPERTY) or "")
    if given:
        return given
    child: QWidget = view
    parent = view.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and parent.title():
            return parent.title()
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            at = tabs.indexOf(child)
            if at >= 0 and tabs.tabText(at):
                return tabs.tabText(at).replace("&", "")
        child, parent = parent, parent.parentWidget()
    return view.window().windowTitle() or QCoreApplication.translate("export", "Data")


def table_of(view: QTableView, title: str, notes: list[str] | None = None) -> TableExport:
    """What `view` shows now, as a table to write: every matching row, also those a paged
    model has not loaded yet."""
    model = view.model()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    header = view.horizontalHeader()
    columns = [
        header.logicalIndex(visual)
        for visual in range(header.count())
        if not view.isColumnHidden(header.logicalIndex(visual))
    ]
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal) or "").replace("\n", " ")
        for c in columns
    ]
    rows: list[list[Cell]] = []
    for r in range(model.rowCount()):
        if view.isRowHidden(r):
            continue
        line: list[Cell] = []
        for c in columns:
            index = model.index(r, c)
            value = model.data(index, EXPORT_ROLE)
            if value is None:
                shown = model.data(index, Qt.ItemDataRole.DisplayRole)
                value = None if shown is None or shown == "" else str(shown)
            line.append(value)
        rows.append(line)
    return TableExport(title=title, headers=headers, rows=rows, notes=notes or [])


def export_view(view: QTableView, path: Path) -> Path:
    """Writes what `view` shows to `path` (.xlsx added when missing)."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    title = title_of(view)
    notes_of: Notes | None = getattr(view, "_export_notes", None)
    notes = list(notes_of()) if notes_of is not None else []
    notes.append(
        QCoreApplication.translate("export", "Diekspor {when}").format(
            when=format_date_long(date.today())
        )
    )
    write_table(table_of(view, title, notes), path)
    return path


def _file_name(title: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_ " else "-" for c in title).strip()
    stamp = datetime.now().strftime("%Y-%m-%d")
    return f"{cleaned or 'data'} {stamp}.xlsx"


def export_with_dialog(view: QTableView) -> Path | None:
    title = title_of(view)
    name, _filter = QFileDialog.getSaveFileName(
        view.window(),
        QCoreApplication.translate("export", "Ekspor ke Excel"),
        str(Path.home() / _file_name(title)),
        QCoreApplication.translate("export", "Buku kerja Excel (*.xlsx)"),
    )
    if not name:
        return None
    try:
        return export_view(view, Path(name))
    except OSError as exc:
        messages.warn(
            view.window(),
            QCoreApplication.translate("export", "Tidak bisa menyimpan"),
            QCoreApplication.translate("export", "File tidak bisa disimpan: {reason}").format(
                reason=exc.strerror or str(exc)
            ),
        )
        return None


def export_action(view: QTableView, parent: QWidget | None = None) -> QAction:
    action = QAction(QCoreApplication.translate("export", "Ekspor ke Excel…"), parent or view)
    action.triggered.connect(lambda _=False: export_with_dialog(view))
    return action


def _menu(view: QTableView, at: QPoint) -> None:
    menu = QMenu(view)
    menu.addAction(export_action(view, menu))
    menu.exec(view.viewport().mapToGlobal(at))


def install_export(view: V, title: str = "", notes: Notes | None = None) -> V:
    """Right-click on `view` offers "Ekspor ke Excel…"; `title` (else the group box, tab or
    window the table is in) heads the sheet, `notes` names the filters shown."""
    view.setProperty(EXPORT_PROPERTY, title)
    view.setProperty(INSTALLED_PROPERTY, True)
    if notes is not None:
        view._export_notes = notes  # type: ignore[attr-defined]
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(lambda at: _menu(view, at))
    return view


def export_button(view: QTableView, parent: QWidget | None = None) -> QPushButton:
    """The toolbar button of a list: the same export as the right-click."""
    button = QPushButton(QCoreApplication.translate("export", "Ekspor Excel…"), parent)
    button.setObjectName("export_button")
    button.setToolTip(
        QCoreApplication.translate(
            "export", "Simpan daftar yang tampil (dengan saringan dan urutannya) ke Excel"
        )
    )
    button.clicked.connect(lambda _=False: export_with_dialog(view))
    return button


def has_export(view: QTableView) -> bool:
    return bool(view.property(INSTALLED_PROPERTY))
