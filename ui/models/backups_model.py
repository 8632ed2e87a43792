"""The list of recent backups in Pengaturan → Cadangan."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.formats import format_date_time
from app.storage.backup import BackupInfo

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class BackupColumn(IntEnum):
    AT = 0
    KIND = 1
    SIZE = 2
    VERIFIED = 3
    PATH = 4


def format_timestamp(text: str) -> str:
    """'2026-11-26T17:05:03' -> '26-11-2026 17.05' (app.formats.format_date_time)."""
    try:
        return format_date_time(datetime.fromisoformat(text))
    except ValueError:
        return text


def format_size(size: int) -> str:
    """Bytes as a clerk reads them: '850 KB', '12,4 MB'."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


class BackupsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[BackupInfo] = []
        self._headers = {
            BackupColumn.AT: self.tr("Waktu"),
            BackupColumn.KIND: self.tr("Jenis"),
            BackupColumn.SIZE: self.tr("Ukuran"),
            BackupColumn.VERIFIED: self.tr("Diperiksa"),
            BackupColumn.PATH: self.tr("File"),
        }
        self._kinds = {
            "manual": self.tr("Disimpan pengguna"),
            "otomatis": self.tr("Otomatis saat menutup"),
            "perintah": self.tr("Perintah terjadwal"),
            "sebelum-pulih": self.tr("Data lama sebelum pemulihan"),
        }

    def set_rows(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(BackupColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(BackupColumn)
        ):
            return self._headers[BackupColumn(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        column = BackupColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == BackupColumn.AT:
                return format_timestamp(info.at)
            if column == BackupColumn.KIND:
                return self._kinds.get(info.kind, info.kind)
            if column == BackupColumn.SIZE:
                return format_size(info.size)
            if column == BackupColumn.VERIFIED:
                return self.tr("Ya, utuh") if info.verified else self.tr("Belum")
            return str(info.path)
        if role == SORT_ROLE:
            values: dict[BackupColumn, Any] = {
                BackupColumn.AT: info.at,
                BackupColumn.KIND: info.kind,
                BackupColumn.SIZE: info.size,
                BackupColumn.VERIFIED: int(info.verified),
                BackupColumn.PATH: str(info.path),
            }
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == BackupColumn.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == BackupColumn.PATH:
            return str(info.path)
        return None
