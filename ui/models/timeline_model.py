"""A case's history (contacts, letters, payments, promises with their status, decisions),
newest first."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor

from app.collection.models import PromiseStatus, TimelineEntry
from app.formats import format_date_short
from app.money import format_rupiah
from ui.models.base import QUIET, RowsModel
from ui.models.cases_model import PROMISE_COLORS


class TimelineColumn(IntEnum):
    WHEN = 0
    SOURCE = 1
    TITLE = 2  # the title, with the details on the lines below
    AMOUNT = 3
    BY = 4


SOURCE_LABELS = {
    "kontak": "Kontak",
    "janji": "Janji Bayar",
    "surat": "Surat",
    "pembayaran": "Pembayaran",
    "keputusan": "Keputusan",
    "keuangan": "Pembukuan",
    "kasus": "Kasus",
    "pemulihan": "Pemulihan",
}

FILTERS: list[tuple[str, tuple[str, ...] | None]] = [
    ("Semua", None),
    ("Kontak dan janji bayar", ("kontak", "janji")),
    ("Surat", ("surat",)),
    ("Pembayaran dan pembukuan", ("pembayaran", "keuangan", "pemulihan")),
    ("Keputusan", ("keputusan",)),
    ("Perubahan kasus", ("kasus",)),
]
"""The history's 'Tampilkan' choices: (label, sources shown)."""

SOURCE_COLORS = {
    "kontak": QColor("#e8f0fa"),
    "janji": QColor("#fdf3df"),
    "surat": QColor("#efe8f6"),
    "pembayaran": QColor("#e6f4e8"),
    "keputusan": QColor("#fbe9e7"),
    "keuangan": QColor("#eeeeee"),
}


def when_text(entry: TimelineEntry) -> str:
    """'24-08-2026 10.30', or only the date for things dated without a time."""
    day = format_date_short(entry.at.date())
    if entry.at.hour == 0 and entry.at.minute == 0:
        return day
    return f"{day} {entry.at:%H.%M}"


class TimelineModel(RowsModel[TimelineEntry]):
    columns = TimelineColumn
    money_columns = (TimelineColumn.AMOUNT,)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.promise_status: dict[int, PromiseStatus] = {}
        self.sources: frozenset[str] | None = None
        self._all: list[TimelineEntry] = []
        self._headers = {
            TimelineColumn.WHEN: self.tr("Waktu"),
            TimelineColumn.SOURCE: self.tr("Jenis"),
            TimelineColumn.TITLE: self.tr("Apa yang terjadi"),
            TimelineColumn.AMOUNT: self.tr("Jumlah"),
            TimelineColumn.BY: self.tr("Oleh"),
        }

    def set_timeline(
        self,
        entries: Sequence[TimelineEntry],
        promise_status: Mapping[int, PromiseStatus] | None = None,
    ) -> None:
        """The service's oldest-first entries, shown newest first (only `sources` when set)."""
        self.promise_status = dict(promise_status or {})
        self._all = list(reversed(entries))
        self._show()

    def set_sources(self, sources: Collection[str] | None) -> None:
        """Show only entries from these sources ('kontak', 'janji', …); None shows all."""
        self.sources = None if sources is None else frozenset(sources)
        self._show()

    def _show(self) -> None:
        wanted = self.sources
        self.set_rows([e for e in self._all if wanted is None or e.source in wanted])

    def display(self, row: TimelineEntry, column: int) -> str:
        if column == TimelineColumn.WHEN:
            return when_text(row)
        if column == TimelineColumn.SOURCE:
            return SOURCE_LABELS.get(row.source, row.source.capitalize())
        if column == TimelineColumn.TITLE:
            return row.title + (f"\n{row.detail}" if row.detail else "")
        if column == TimelineColumn.AMOUNT:
            return format_rupiah(row.amount) if row.amount else ""
        return row.user_name

    def sort_value(self, row: TimelineEntry, column: int) -> Any:
        if column == TimelineColumn.WHEN:
            return row.at.isoformat()
        if column == TimelineColumn.AMOUNT:
            return row.amount or 0
        return self.display(row, column).casefold()

    def status_of(self, row: TimelineEntry) -> PromiseStatus | None:
        if row.source != "janji" or row.ref_id is None:
            return None
        return self.promise_status.get(row.ref_id)

    def foreground(self, row: TimelineEntry, column: int) -> QColor | None:
        status = self.status_of(row)
        if status is not None and column == TimelineColumn.TITLE:
            return PROMISE_COLORS[status]
        if row.source == "kasus":
            return QUIET
        return None

    def background(self, row: TimelineEntry, column: int) -> QColor | None:
        if column == TimelineColumn.SOURCE:
            return SOURCE_COLORS.get(row.source)
        return None

    def bold(self, row: TimelineEntry, column: int) -> bool:
        return column == TimelineColumn.TITLE and row.source == "janji"

    def tooltip(self, row: TimelineEntry, column: int) -> str | None:
        if column == TimelineColumn.TITLE:
            text = row.title + (f"\n{row.detail}" if row.detail else "")
            return text
        return None
