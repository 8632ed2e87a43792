"""Small tables of a loan's detail: class history (month-end snapshots), collateral, guarantors."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtGui import QColor

from app.identity import format_phone, mask_nik
from app.loans.models import ClassHistoryEntry, Collateral, Guarantor
from app.loans.quality import class_label
from ui.models.base import RowsModel
from ui.models.cached_format import number, rupiah, short_date
from ui.widgets import quality_colors


class HistoryColumn(IntEnum):
    DATE = 0
    QUALITY = 1
    DAYS = 2
    ARREARS = 3
    POLICY = 4


class ClassHistoryModel(RowsModel[ClassHistoryEntry]):
    columns = HistoryColumn
    date_columns = (HistoryColumn.DATE,)
    count_columns = (HistoryColumn.DAYS,)
    money_columns = (HistoryColumn.DAYS, HistoryColumn.ARREARS)

    def headers(self) -> dict[int, str]:
        return {
            HistoryColumn.DATE: self.tr("Akhir Bulan"),
            HistoryColumn.QUALITY: self.tr("Kolektibilitas"),
            HistoryColumn.DAYS: self.tr("Hari Terlambat"),
            HistoryColumn.ARREARS: self.tr("Tunggakan"),
            HistoryColumn.POLICY: self.tr("Kebijakan"),
        }

    def display(self, row: ClassHistoryEntry, column: int) -> str:
        cells: dict[int, Callable[[], str]] = {
            HistoryColumn.DATE: lambda: short_date(row.as_of),
            HistoryColumn.QUALITY: lambda: class_label(row.quality),
            HistoryColumn.DAYS: lambda: number(row.days_past_due),
            HistoryColumn.ARREARS: lambda: rupiah(row.arrears_total),
            HistoryColumn.POLICY: lambda: row.policy_name,
        }
        return cells[column]()

    def background(self, row: ClassHistoryEntry, column: int) -> QColor | None:
        if column == HistoryColumn.QUALITY:
            return quality_colors.background(row.quality)
        return None

    def foreground(self, row: ClassHistoryEntry, column: int) -> QColor | None:
        if column == HistoryColumn.QUALITY:
            return quality_colors.foreground(row.quality)
        return None


class CollateralColumn(IntEnum):
    KIND = 0
    DESCRIPTION = 1
    DOCUMENT = 2
    OWNER = 3
    VALUE = 4
    STATE = 5


class CollateralModel(RowsModel[Collateral]):
    columns = CollateralColumn
    money_columns = (CollateralColumn.VALUE,)

    def headers(self) -> dict[int, str]:
        return {
            CollateralColumn.KIND: self.tr("Jenis"),
            CollateralColumn.DESCRIPTION: self.tr("Uraian"),
            CollateralColumn.DOCUMENT: self.tr("No. Dokumen"),
            CollateralColumn.OWNER: self.tr("Atas Nama"),
            CollateralColumn.VALUE: self.tr("Taksiran Nilai"),
            CollateralColumn.STATE: self.tr("Keadaan"),
        }

    def display(self, row: Collateral, column: int) -> str:
        if column == CollateralColumn.KIND:
            return row.kind_label
        if column == CollateralColumn.DESCRIPTION:
            return row.description
        if column == CollateralColumn.DOCUMENT:
            return row.document_no or "–"
        if column == CollateralColumn.OWNER:
            return row.owner or "–"
        if column == CollateralColumn.VALUE:
            return rupiah(row.estimated_value) if row.estimated_value else "–"
        if row.released_on is not None:
            return self.tr("Dikembalikan {date}").format(date=short_date(row.released_on))
        return self.tr("Disimpan koperasi")


class GuarantorColumn(IntEnum):
    NAME = 0
    RELATION = 1
    NIK = 2
    PHONE = 3
    ADDRESS = 4


class GuarantorModel(RowsModel[Guarantor]):
    columns = GuarantorColumn

    def headers(self) -> dict[int, str]:
        return {
            GuarantorColumn.NAME: self.tr("Nama Penjamin"),
            GuarantorColumn.RELATION: self.tr("Hubungan"),
            GuarantorColumn.NIK: self.tr("NIK"),
            GuarantorColumn.PHONE: self.tr("Telepon"),
            GuarantorColumn.ADDRESS: self.tr("Alamat"),
        }

    def display(self, row: Guarantor, column: int) -> str:
        if column == GuarantorColumn.NAME:
            return row.name
        if column == GuarantorColumn.RELATION:
            return row.relation or "–"
        if column == GuarantorColumn.NIK:
            return mask_nik(row.nik) if row.nik else "–"
        if column == GuarantorColumn.PHONE:
            return format_phone(row.phone) if row.phone else "–"
        return row.address or "–"
