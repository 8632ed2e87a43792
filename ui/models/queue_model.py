"""The day's work queue on the Beranda: one line per task, in the service's order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor

from app.collection.models import QueueItem, QueueKind, WorkQueue
from app.formats import format_date_short
from app.money import format_rupiah
from ui.models.base import LATE, RowsModel


class QueueColumn(IntEnum):
    KIND = 0
    MEMBER = 1
    TEXT = 2
    AMOUNT = 3
    DUE = 4


KIND_COLORS: dict[QueueKind, tuple[str, str]] = {
    QueueKind.JANJI_INGKAR: ("#fbe1de", "#8a1c12"),
    QueueKind.JANJI_HARI_INI: ("#fdf0d2", "#6b4500"),
    QueueKind.TINDAK_LANJUT: ("#e3edf8", "#1f3b63"),
    QueueKind.SURAT: ("#eee6f6", "#4a2a6b"),
    QueueKind.KOLEKTIBILITAS: ("#fde6d2", "#7a3a00"),
    QueueKind.KEPUTUSAN: ("#e4f2e6", "#1e5e2b"),
}
"""(background, text) of each kind of task: the chip on the Beranda and the list's first cell."""

SHORT_LABELS: dict[QueueKind, str] = {
    QueueKind.JANJI_INGKAR: "Janji diingkari",
    QueueKind.JANJI_HARI_INI: "Janji jatuh tempo",
    QueueKind.TINDAK_LANJUT: "Tindak lanjut",
    QueueKind.SURAT: "Surat peringatan",
    QueueKind.KOLEKTIBILITAS: "Kolektibilitas turun",
    QueueKind.KEPUTUSAN: "Keputusan menunggu",
}


class QueueModel(RowsModel[QueueItem]):
    columns = QueueColumn
    date_columns = (QueueColumn.DUE,)
    money_columns = (QueueColumn.AMOUNT,)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.as_of: date | None = None  # the queue's date: lines due before it are late
        self._headers = {
            QueueColumn.KIND: self.tr("Pekerjaan"),
            QueueColumn.MEMBER: self.tr("Anggota / Pinjaman"),
            QueueColumn.TEXT: self.tr("Keterangan"),
            QueueColumn.AMOUNT: self.tr("Jumlah"),
            QueueColumn.DUE: self.tr("Tanggal"),
        }

    def set_queue(self, queue: WorkQueue, items: Sequence[QueueItem] | None = None) -> None:
        """Show `items` (default: all) of `queue`."""
        self.as_of = queue.as_of
        self.set_rows(queue.items if items is None else items)

    def display(self, row: QueueItem, column: int) -> str:
        if column == QueueColumn.KIND:
            return SHORT_LABELS[row.kind]
        if column == QueueColumn.MEMBER:
            return f"{row.member_name} · {row.loan_number}"
        if column == QueueColumn.TEXT:
            return row.text
        if column == QueueColumn.AMOUNT:
            return format_rupiah(row.amount) if row.amount else "–"
        return format_date_short(row.due_date)

    def sort_value(self, row: QueueItem, column: int) -> Any:
        if column == QueueColumn.KIND:
            return list(QueueKind).index(row.kind)
        if column == QueueColumn.AMOUNT:
            return row.amount
        if column == QueueColumn.DUE:
            return row.due_date.toordinal()
        return self.display(row, column).casefold()

    def background(self, row: QueueItem, column: int) -> QColor | None:
        if column == QueueColumn.KIND:
            return QColor(KIND_COLORS[row.kind][0])
        return None

    def foreground(self, row: QueueItem, column: int) -> QColor | None:
        if column == QueueColumn.KIND:
            return QColor(KIND_COLORS[row.kind][1])
        if column == QueueColumn.DUE and self.as_of and row.due_date < self.as_of:
            return LATE
        return None

    def bold(self, row: QueueItem, column: int) -> bool:
        return column == QueueColumn.KIND

    def tooltip(self, row: QueueItem, column: int) -> str | None:
        if column == QueueColumn.KIND:
            return row.kind.label
        if column == QueueColumn.TEXT:
            return row.text
        return None
