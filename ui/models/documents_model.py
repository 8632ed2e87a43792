"""The document register as a table (Surat & Dokumen)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.documents.kinds import DocKind
from app.documents.register import STATUS_LABELS
from app.formats import format_date_short
from app.storage.documents_repo import RegisterRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class DocColumn(IntEnum):
    NUMBER = 0
    KIND = 1
    DATE = 2
    MEMBER = 3
    LOAN = 4
    STATUS = 5
    BY = 6


def kind_label(kind: str) -> str:
    try:
        return DocKind(kind).label
    except ValueError:
        return kind


class DocumentsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[RegisterRow] = []
        self._headers = {
            DocColumn.NUMBER: self.tr("Nomor"),
            DocColumn.KIND: self.tr("Jenis"),
            DocColumn.DATE: self.tr("Tanggal"),
            DocColumn.MEMBER: self.tr("Anggota"),
            DocColumn.LOAN: self.tr("No. Pinjaman"),
            DocColumn.STATUS: self.tr("Keadaan"),
            DocColumn.BY: self.tr("Dibuat oleh"),
        }

    def set_rows(self, rows: list[RegisterRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RegisterRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(DocColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(DocColumn)
        ):
            return self._headers[DocColumn(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = DocColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            if column == DocColumn.DATE:
                return row.doc_date.isoformat()
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and row.status != "selesai":
            return row.note or self.tr(
                "Nomor ini sudah terpakai tetapi dokumennya tidak selesai dibuat "
                "(misalnya program berhenti). Nomor tidak akan dipakai lagi."
            )
        return None

    def _display(self, row: RegisterRow, column: DocColumn) -> str:
        if column == DocColumn.NUMBER:
            return row.number
        if column == DocColumn.KIND:
            return kind_label(row.kind)
        if column == DocColumn.DATE:
            return format_date_short(row.doc_date)
        if column == DocColumn.MEMBER:
            if not row.member_name:
                return ""
            return (
                f"{row.member_name} ({row.member_number})"
                if row.member_number
                else (row.member_name)
            )
        if column == DocColumn.LOAN:
            return row.loan_number
        if column == DocColumn.STATUS:
            return STATUS_LABELS.get(row.status, row.status)
        return row.created_by_name
