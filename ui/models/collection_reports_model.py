"""The tables of the problem-loan reports: collection performance by month and officer,
restructured loans, the off-books register (Daftar Ekstrakomptabel) and cases by cause."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor

from app.collection.decision_models import OffbookEntry
from app.collection.reports import CauseRow, PerformanceRow, RestructuredRow
from app.formats import format_count, format_date_short
from app.loans.quality import class_label
from app.money import format_number, format_rupiah
from ui.models.base import CENTER, QUIET, RowsModel
from ui.widgets import quality_colors

MONTHS = (
    "",
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def month_text(d: date) -> str:
    return f"{MONTHS[d.month]} {d.year}"


class PerfColumn(IntEnum):
    MONTH = 0
    OFFICER = 1
    CONTACTS = 2
    VISITS = 3
    MADE = 4
    PROMISED = 5
    KEPT = 6
    PARTLY = 7
    BROKEN = 8
    RATE = 9
    RECOVERED = 10


class PerformanceModel(RowsModel[PerformanceRow]):
    columns = PerfColumn
    count_columns = tuple(PerfColumn)[PerfColumn.CONTACTS : PerfColumn.BROKEN + 1]
    text_columns = (PerfColumn.RATE,)
    money_columns = tuple(c for c in PerfColumn if c not in (PerfColumn.MONTH, PerfColumn.OFFICER))

    def headers(self) -> dict[int, str]:
        return {
            PerfColumn.MONTH: self.tr("Bulan"),
            PerfColumn.OFFICER: self.tr("Petugas"),
            PerfColumn.CONTACTS: self.tr("Kontak"),
            PerfColumn.VISITS: self.tr("Kunjungan"),
            PerfColumn.MADE: self.tr("Janji Dibuat"),
            PerfColumn.PROMISED: self.tr("Dijanjikan"),
            PerfColumn.KEPT: self.tr("Ditepati"),
            PerfColumn.PARTLY: self.tr("Sebagian"),
            PerfColumn.BROKEN: self.tr("Ingkar"),
            PerfColumn.RATE: self.tr("% Ditepati"),
            PerfColumn.RECOVERED: self.tr("Uang Diterima"),
        }

    def _raw(self, row: PerformanceRow, column: int) -> Any:
        return {
            PerfColumn.MONTH: row.month.toordinal(),
            PerfColumn.OFFICER: row.officer_name,
            PerfColumn.CONTACTS: row.contacts,
            PerfColumn.VISITS: row.visits,
            PerfColumn.MADE: row.promises_made,
            PerfColumn.PROMISED: row.promised_amount,
            PerfColumn.KEPT: row.promises_kept,
            PerfColumn.PARTLY: row.promises_partly,
            PerfColumn.BROKEN: row.promises_broken,
            PerfColumn.RATE: -1 if row.kept_rate is None else row.kept_rate,
            PerfColumn.RECOVERED: row.recovered,
        }[PerfColumn(column)]

    def display(self, row: PerformanceRow, column: int) -> str:
        if column == PerfColumn.MONTH:
            return month_text(row.month)
        if column == PerfColumn.OFFICER:
            return row.officer_name
        if column in (PerfColumn.PROMISED, PerfColumn.RECOVERED):
            return format_rupiah(self._raw(row, column))
        if column == PerfColumn.RATE:
            return "–" if row.kept_rate is None else f"{row.kept_rate:.1f}%".replace(".", ",")
        return format_number(self._raw(row, column))

    def sort_value(self, row: PerformanceRow, column: int) -> Any:
        return self._raw(row, column)


class RestrColumn(IntEnum):
    LOAN = 0
    MEMBER = 1
    DECISION = 2
    KIND = 3
    BEFORE = 4
    NEW = 5
    CAPITALISED = 6
    WAIVED = 7
    TERMS = 8
    MONTHLY = 9
    NOW = 10


class RestructuredModel(RowsModel[RestructuredRow]):
    columns = RestrColumn
    money_columns = (
        RestrColumn.BEFORE,
        RestrColumn.NEW,
        RestrColumn.CAPITALISED,
        RestrColumn.WAIVED,
        RestrColumn.MONTHLY,
    )

    def headers(self) -> dict[int, str]:
        return {
            RestrColumn.LOAN: self.tr("No. Pinjaman"),
            RestrColumn.MEMBER: self.tr("Anggota"),
            RestrColumn.DECISION: self.tr("Keputusan"),
            RestrColumn.KIND: self.tr("Jenis"),
            RestrColumn.BEFORE: self.tr("Sisa Pokok Sebelum"),
            RestrColumn.NEW: self.tr("Pokok Baru"),
            RestrColumn.CAPITALISED: self.tr("Dijadikan Pokok"),
            RestrColumn.WAIVED: self.tr("Dihapus"),
            RestrColumn.TERMS: self.tr("Syarat Baru"),
            RestrColumn.MONTHLY: self.tr("Angsuran"),
            RestrColumn.NOW: self.tr("Sekarang"),
        }

    def display(self, row: RestructuredRow, column: int) -> str:
        c = RestrColumn(column)
        if c == RestrColumn.LOAN:
            return row.loan_number
        if c == RestrColumn.MEMBER:
            return row.member_name
        if c == RestrColumn.DECISION:
            when = format_date_short(row.decided_on) if row.decided_on else ""
            return f"{row.decision_number} {when}".strip()
        if c == RestrColumn.KIND:
            return f"{row.kind_label} ke-{row.counter}"
        if c == RestrColumn.TERMS:
            rate = row.monthly_rate.replace(".", ",")
            return f"{row.months} bln · {rate}%/bln · {row.method}"
        if c == RestrColumn.NOW:
            if row.quality_now is None:
                return self.tr("tidak aktif lagi")
            late = (
                f" · {format_count(row.days_past_due_now, 'hari')}" if row.days_past_due_now else ""
            )
            return class_label(row.quality_now) + late
        return format_rupiah(self._amount(row, c))

    @staticmethod
    def _amount(row: RestructuredRow, c: RestrColumn) -> int:
        return {
            RestrColumn.BEFORE: row.outstanding_before,
            RestrColumn.NEW: row.new_principal,
            RestrColumn.CAPITALISED: row.capitalised,
            RestrColumn.WAIVED: row.waived,
            RestrColumn.MONTHLY: row.new_monthly,
        }[c]

    def sort_value(self, row: RestructuredRow, column: int) -> Any:
        """Amounts by value (not by their text: Rp9.000 before Rp10.000)."""
        if column in self.money_columns:
            return self._amount(row, RestrColumn(column))
        return self.display(row, column)

    def background(self, row: RestructuredRow, column: int) -> QColor | None:
        if column == RestrColumn.NOW and row.quality_now:
            return quality_colors.background(row.quality_now)
        return None

    def foreground(self, row: RestructuredRow, column: int) -> QColor | None:
        if column == RestrColumn.NOW and row.quality_now:
            return quality_colors.foreground(row.quality_now)
        return None


class OffbookColumn(IntEnum):
    LOAN = 0
    MEMBER = 1
    WRITTEN_OFF = 2
    DECISION = 3
    POKOK = 4
    JASA_DENDA = 5
    RECOVERED = 6
    THIS_YEAR = 7
    REMAINING = 8
    STATUS = 9


class OffbookModel(RowsModel[OffbookEntry]):
    """Lines of the Daftar Ekstrakomptabel; `recovered_in_period` by loan id."""

    columns = OffbookColumn
    date_columns = (OffbookColumn.WRITTEN_OFF,)
    money_columns = (
        OffbookColumn.POKOK,
        OffbookColumn.JASA_DENDA,
        OffbookColumn.RECOVERED,
        OffbookColumn.THIS_YEAR,
        OffbookColumn.REMAINING,
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.recovered_in_period: dict[int, int] = {}

    def headers(self) -> dict[int, str]:
        return {
            OffbookColumn.LOAN: self.tr("No. Pinjaman"),
            OffbookColumn.MEMBER: self.tr("Anggota"),
            OffbookColumn.WRITTEN_OFF: self.tr("Dihapus Buku"),
            OffbookColumn.DECISION: self.tr("No. Keputusan"),
            OffbookColumn.POKOK: self.tr("Pokok"),
            OffbookColumn.JASA_DENDA: self.tr("Jasa + Denda"),
            OffbookColumn.RECOVERED: self.tr("Sudah Kembali"),
            OffbookColumn.THIS_YEAR: self.tr("Kembali Tahun Ini"),
            OffbookColumn.REMAINING: self.tr("Sisa Tagihan"),
            OffbookColumn.STATUS: self.tr("Status"),
        }

    def _amount(self, row: OffbookEntry, column: int) -> int:
        return {
            OffbookColumn.POKOK: row.pokok,
            OffbookColumn.JASA_DENDA: row.jasa + row.denda,
            OffbookColumn.RECOVERED: row.recovered,
            OffbookColumn.THIS_YEAR: self.recovered_in_period.get(row.loan_id, 0),
            OffbookColumn.REMAINING: row.remaining if row.status == "aktif" else 0,
        }[OffbookColumn(column)]

    def display(self, row: OffbookEntry, column: int) -> str:
        if column == OffbookColumn.LOAN:
            return row.loan_number
        if column == OffbookColumn.MEMBER:
            return f"{row.member_name} ({row.member_number})"
        if column == OffbookColumn.WRITTEN_OFF:
            return format_date_short(row.written_off_on)
        if column == OffbookColumn.DECISION:
            return row.decision_number
        if column == OffbookColumn.STATUS:
            if row.status == "aktif":
                return self.tr("Masih ditagih")
            return self.tr("Hapus tagih, RAT {number}").format(number=row.rat_number)
        return format_rupiah(self._amount(row, column))

    def sort_value(self, row: OffbookEntry, column: int) -> Any:
        if column in self.money_columns:
            return self._amount(row, column)
        if column == OffbookColumn.WRITTEN_OFF:
            return row.written_off_on.toordinal()
        return self.display(row, column).casefold()

    def foreground(self, row: OffbookEntry, column: int) -> QColor | None:
        return QUIET if row.status != "aktif" else None

    def alignment(self, column: int) -> Any:
        return CENTER if column == OffbookColumn.WRITTEN_OFF else super().alignment(column)


class CauseColumn(IntEnum):
    GROUP = 0
    CAUSE = 1
    CASES = 2
    OUTSTANDING = 3


class CausesModel(RowsModel[CauseRow]):
    columns = CauseColumn
    count_columns = (CauseColumn.CASES,)
    money_columns = (CauseColumn.CASES, CauseColumn.OUTSTANDING)

    def headers(self) -> dict[int, str]:
        return {
            CauseColumn.GROUP: self.tr("Kelompok"),
            CauseColumn.CAUSE: self.tr("Penyebab"),
            CauseColumn.CASES: self.tr("Jumlah Kasus"),
            CauseColumn.OUTSTANDING: self.tr("Sisa Pokok"),
        }

    def display(self, row: CauseRow, column: int) -> str:
        if column == CauseColumn.GROUP:
            return row.group_label
        if column == CauseColumn.CAUSE:
            return row.label
        if column == CauseColumn.CASES:
            return format_number(row.cases)
        return format_rupiah(row.outstanding)

    def sort_value(self, row: CauseRow, column: int) -> Any:
        if column == CauseColumn.CASES:
            return row.cases
        if column == CauseColumn.OUTSTANDING:
            return row.outstanding
        return self.display(row, column)

    def foreground(self, row: CauseRow, column: int) -> QColor | None:
        return QUIET if not row.code else None
