"""The list of recent backups in Pengaturan → Cadangan."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from app.backups import BackupInfo
from app.formats import format_date_time
from ui.models.base import RowsModel


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


class BackupsModel(RowsModel[BackupInfo]):
    columns = BackupColumn
    date_columns = (BackupColumn.AT,)

    def __init__(self) -> None:
        super().__init__()
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

    def backup_at(self, row: int) -> BackupInfo:
        return self.row_at(row)

    def display(self, info: BackupInfo, column: int) -> str:
        if column == BackupColumn.AT:
            return format_timestamp(info.at)
        if column == BackupColumn.KIND:
            return self._kinds.get(info.kind, info.kind)
        if column == BackupColumn.SIZE:
            return format_size(info.size)
        if column == BackupColumn.VERIFIED:
            return self.tr("Ya, utuh") if info.verified else self.tr("Belum")
        return str(info.path)

    def sort_value(self, info: BackupInfo, column: int) -> Any:
        values: dict[BackupColumn, Any] = {
            BackupColumn.AT: info.at,
            BackupColumn.KIND: info.kind,
            BackupColumn.SIZE: info.size,
            BackupColumn.VERIFIED: int(info.verified),
            BackupColumn.PATH: str(info.path),
        }
        return values[BackupColumn(column)]

    def alignment(self, column: int) -> Any:
        if column == BackupColumn.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def header_alignment(self, section: int) -> Any:
        return None

    def tooltip(self, info: BackupInfo, column: int) -> str | None:
        return str(info.path) if column == BackupColumn.PATH else None
