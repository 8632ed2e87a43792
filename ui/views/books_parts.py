"""Pieces the Pembukuan tabs share: a sortable read-only table, a row of controls, the
statements figures of this file, and how a PDF is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QTableView,
    QWidget,
)

from app.ledger.statements import Statements
from app.services import Services
from ui.export import install_export
from ui.models.base import SORT_ROLE, RowsModel


def table(model: RowsModel, name: str, parent: QWidget, stretch: int | None = None) -> QTableView:
    """A sortable read-only table; `stretch` takes the spare width (else the last column)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(objectName=name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Sized from the rows on screen and the next 100, not from 1,000 (Qt's default): a journal
    # of 20,000 lines opens at once (issue 16).
    view.horizontalHeader().setResizeContentsPrecision(100)
    if stretch is None:
        view.horizontalHeader().setStretchLastSection(True)
    else:
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return install_export(view)


def selected_source_row(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    return proxy.mapToSource(rows[0]).row()


def statements_of(services: Services) -> Statements:
    return services.statements()


def account_combo(services: Services, name: str, postable_only: bool = True) -> QComboBox:
    combo = QComboBox(objectName=name)
    combo.setEditable(False)
    for account in services.ledger.accounts.chart():
        if postable_only and (account.is_group or not account.active):
            continue
        combo.addItem(f"{account.code}  {account.name}", account.code)
    return combo


# How a dialog is shown; tests replace it to look at the dialog instead of waiting on it.
ShowDialog = Callable[[QDialog], object]


def exec_dialog(dialog: QDialog) -> object:
    return dialog.exec()
