"""The list of users in Pengaturan → Pengguna."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.formats import format_time
from app.users.models import User

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
USER_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class UserColumn(IntEnum):
    USERNAME = 0
    FULL_NAME = 1
    ROLE = 2
    POSITION = 3
    STATUS = 4


class UsersModel(QAbstractTableModel):
    def __init__(self, now: datetime | None = None) -> None:
        super().__init__()
        self._rows: list[User] = []
        self._now = now
        self._headers = {
            UserColumn.USERNAME: self.tr("Nama Pengguna"),
            UserColumn.FULL_NAME: self.tr("Nama Lengkap"),
            UserColumn.ROLE: self.tr("Peran"),
            UserColumn.POSITION: self.tr("Jabatan"),
            UserColumn.STATUS: self.tr("Status"),
        }

    def set_rows(self, rows: list[User]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def user_at(self, row: int) -> User:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(UserColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(UserColumn)
        ):
            return self._headers[UserColumn(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        user = self._rows[index.row()]
        column = UserColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(user, column)
        if role == SORT_ROLE:
            if column == UserColumn.ROLE:
                return user.role.value
            return self._display(user, column)
        if role == USER_ROLE:
            return user.id
        if role == Qt.ItemDataRole.ForegroundRole and not user.active:
            return Qt.GlobalColor.gray
        return None

    def _display(self, user: User, column: UserColumn) -> str:
        if column == UserColumn.USERNAME:
            return user.username
        if column == UserColumn.FULL_NAME:
            return user.full_name
        if column == UserColumn.ROLE:
            return user.role.label
        if column == UserColumn.POSITION:
            return user.position
        return self._status(user)

    def _status(self, user: User) -> str:
        if not user.active:
            return self.tr("Nonaktif")
        now = self._now or datetime.now()
        if user.locked_until and datetime.fromisoformat(user.locked_until) > now:
            until = datetime.fromisoformat(user.locked_until)
            return self.tr("Terkunci sampai {time}").format(time=format_time(until.time()))
        if user.must_change_password:
            return self.tr("Aktif (harus ganti kata sandi)")
        return self.tr("Aktif")
