"""The document register as a table (Surat & Dokumen)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from app.documents.kinds import DocKind
from app.documents.register import STATUS_LABELS, RegisterRow
from app.formats import format_date_short
from ui.models.base import RowsModel


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


class DocumentsModel(RowsModel[RegisterRow]):
    columns = DocColumn
    date_columns = (DocColumn.DATE,)

    def __init__(self) -> None:
        super().__init__()
        self._headers = {
            DocColumn.NUMBER: self.tr("Nomor"),
            DocColumn.KIND: self.tr("Jenis"),
            DocColumn.DATE: self.tr("Tanggal"),
            DocColumn.MEMBER: self.tr("Anggota"),
            DocColumn.LOAN: self.tr("No. Pinjaman"),
            DocColumn.STATUS: self.tr("Keadaan"),
            DocColumn.BY: self.tr("Dibuat oleh"),
        }

    def sort_value(self, row: RegisterRow, column: int) -> Any:
        if column == DocColumn.DATE:
            return row.doc_date.isoformat()
        return self.display(row, column)

    def alignment(self, column: int) -> Any:
        return None

    def tooltip(self, row: RegisterRow, column: int) -> str | None:
        if row.status == "selesai":
            return None
        return row.note or self.tr(
            "Nomor ini sudah terpakai tetapi dokumennya tidak selesai dibuat "
            "(misalnya program berhenti). Nomor tidak akan dipakai lagi."
        )

    def display(self, row: RegisterRow, column: int) -> str:
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
