"""The list of users in Pengaturan → Pengguna."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from app.formats import format_time
from app.users.models import User
from ui.models.base import RowsModel


class UserColumn(IntEnum):
    USERNAME = 0
    FULL_NAME = 1
    ROLE = 2
    POSITION = 3
    STATUS = 4


class UsersModel(RowsModel[User]):
    columns = UserColumn

    def __init__(self, now: datetime | None = None) -> None:
        super().__init__()
        self._now = now
        self._headers = {
            UserColumn.USERNAME: self.tr("Nama Pengguna"),
            UserColumn.FULL_NAME: self.tr("Nama Lengkap"),
            UserColumn.ROLE: self.tr("Peran"),
            UserColumn.POSITION: self.tr("Jabatan"),
            UserColumn.STATUS: self.tr("Status"),
        }

    def user_at(self, row: int) -> User:
        return self.row_at(row)

    def display(self, user: User, column: int) -> str:
        if column == UserColumn.USERNAME:
            return user.username
        if column == UserColumn.FULL_NAME:
            return user.full_name
        if column == UserColumn.ROLE:
            return user.role.label
        if column == UserColumn.POSITION:
            return user.position
        return self._status(user)

    def sort_value(self, user: User, column: int) -> Any:
        if column == UserColumn.ROLE:
            return user.role.value
        return self.display(user, column)

    def row_id(self, user: User) -> Any:
        return user.id

    def alignment(self, column: int) -> Any:
        return None

    def foreground(self, user: User, column: int) -> Qt.GlobalColor | None:
        return None if user.active else Qt.GlobalColor.gray

    def _status(self, user: User) -> str:
        if not user.active:
            return self.tr("Nonaktif")
        now = self._now or datetime.now()
        if user.locked_until and datetime.fromisoformat(user.locked_until) > now:
            until = datetime.fromisoformat(user.locked_until)
            return self.tr("Terkunci sampai {time}").format(time=format_time(until.time()))
        if not user.role_active:
            return self.tr("Peran menunggu persetujuan Pengurus")
        if user.must_change_password:
            return self.tr("Aktif (harus ganti kata sandi)")
        return self.tr("Aktif")
