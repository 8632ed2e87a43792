"""Pengaturan → Pengguna: the list for everyone; adding, editing and resets for Admin only."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.reset_password_dialog import ResetPasswordDialog
from ui.dialogs.user_dialog import UserDialog
from ui.export import install_export
from ui.models.base import SORT_ROLE
from ui.models.users_model import UserColumn, UsersModel


class UsersTab(QWidget):
    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        self.may_manage = can(user, Action.MANAGE_USERS)
        if not self.may_manage:
            note = QLabel(
                self.tr(
                    "Anda dapat melihat daftar pengguna. Hanya Admin yang boleh "
                    "menambah, mengubah atau mengatur ulang kata sandi."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        self.model = UsersModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = install_export(QTableView())
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(UserColumn.FULL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(UserColumn.STATUS, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah Pengguna…"))
        self.edit_button = QPushButton(self.tr("Ubah…"))
        self.reset_button = QPushButton(self.tr("Atur Ulang Kata Sandi…"))
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        for button in (self.add_button, self.edit_button, self.reset_button):
            row.addWidget(button)
            if not self.may_manage:
                button.setEnabled(False)
                button.setToolTip(self.tr("Hanya Admin yang boleh mengatur pengguna."))
        row.addStretch()
        layout.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.services.users.all())
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_user() is not None
        for button in (self.edit_button, self.reset_button):
            button.setEnabled(self.may_manage and chosen)

    def selected_user(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source: QModelIndex = self.proxy.mapToSource(rows[0])
        return self.model.user_at(source.row())

    def select_username(self, username: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, UserColumn.USERNAME)
            if index.data() == username:
                self.table.selectRow(row)
                return True
        return False

    def add_user(self) -> None:
        self._open(UserDialog(self.services, self.user, None, self))

    def edit_user(self) -> None:
        target = self.selected_user()
        if target is not None and self.may_manage:
            self._open(UserDialog(self.services, self.user, target, self))

    def reset_password(self) -> None:
        target = self.selected_user()
        if target is not None and self.may_manage:
            self._open(ResetPasswordDialog(self.services, self.user, target, self))

    def _open(self, dialog: QDialog) -> None:
        """Open a dialog without blocking; the list is refreshed when it is accepted."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.reload)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()
