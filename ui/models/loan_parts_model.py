"""Small tables of a loan's detail: class history (month-end snapshots), collateral, guarantors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.identity import format_phone, mask_nik
from app.loans.models import ClassHistoryEntry, Collateral, Guarantor
from app.loans.quality import class_label
from ui.models.cached_format import number, rupiah, short_date
from ui.widgets import quality_colors

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class _ListModel(QAbstractTableModel, Generic[T]):
    """A read-only table over frozen dataclasses; subclasses give headers and cell text."""

    columns: type[IntEnum]
    right: tuple[int, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def headers(self) -> dict[int, str]:
        raise NotImplementedError

    def text(self, row: T, column: int) -> str:
        raise NotImplementedError

    def extra(self, row: T, column: int, role: int) -> Any:
        return None

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in self.right else _LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() in self.right else _LEFT
        return self.extra(row, index.column(), role)


class HistoryColumn(IntEnum):
    DATE = 0
    QUALITY = 1
    DAYS = 2
    ARREARS = 3
    POLICY = 4


class ClassHistoryModel(_ListModel[ClassHistoryEntry]):
    columns = HistoryColumn
    right = (HistoryColumn.DAYS, HistoryColumn.ARREARS)

    def headers(self) -> dict[int, str]:
        return {
            HistoryColumn.DATE: self.tr("Akhir Bulan"),
            HistoryColumn.QUALITY: self.tr("Kolektibilitas"),
            HistoryColumn.DAYS: self.tr("Hari Terlambat"),
            HistoryColumn.ARREARS: self.tr("Tunggakan"),
            HistoryColumn.POLICY: self.tr("Kebijakan"),
        }

    def text(self, row: ClassHistoryEntry, column: int) -> str:
        cells: dict[int, Callable[[], str]] = {
            HistoryColumn.DATE: lambda: short_date(row.as_of),
            HistoryColumn.QUALITY: lambda: class_label(row.quality),
            HistoryColumn.DAYS: lambda: number(row.days_past_due),
            HistoryColumn.ARREARS: lambda: rupiah(row.arrears_total),
            HistoryColumn.POLICY: lambda: row.policy_name,
        }
        return cells[column]()

    def extra(self, row: ClassHistoryEntry, column: int, role: int) -> Any:
        if column == HistoryColumn.QUALITY:
            if role == Qt.ItemDataRole.BackgroundRole:
                return quality_colors.background(row.quality)
            if role == Qt.ItemDataRole.ForegroundRole:
                return quality_colors.foreground(row.quality)
        return None


class CollateralColumn(IntEnum):
    KIND = 0
    DESCRIPTION = 1
    DOCUMENT = 2
    OWNER = 3
    VALUE = 4
    STATE = 5


class CollateralModel(_ListModel[Collateral]):
    columns = CollateralColumn
    right = (CollateralColumn.VALUE,)

    def headers(self) -> dict[int, str]:
        return {
            CollateralColumn.KIND: self.tr("Jenis"),
            CollateralColumn.DESCRIPTION: self.tr("Uraian"),
            CollateralColumn.DOCUMENT: self.tr("No. Dokumen"),
            CollateralColumn.OWNER: self.tr("Atas Nama"),
            CollateralColumn.VALUE: self.tr("Taksiran Nilai"),
            CollateralColumn.STATE: self.tr("Keadaan"),
        }

    def text(self, row: Collateral, column: int) -> str:
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


class GuarantorModel(_ListModel[Guarantor]):
    columns = GuarantorColumn

    def headers(self) -> dict[int, str]:
        return {
            GuarantorColumn.NAME: self.tr("Nama Penjamin"),
            GuarantorColumn.RELATION: self.tr("Hubungan"),
            GuarantorColumn.NIK: self.tr("NIK"),
            GuarantorColumn.PHONE: self.tr("Telepon"),
            GuarantorColumn.ADDRESS: self.tr("Alamat"),
        }

    def text(self, row: Guarantor, column: int) -> str:
        if column == GuarantorColumn.NAME:
            return row.name
        if column == GuarantorColumn.RELATION:
            return row.relation or "–"
        if column == GuarantorColumn.NIK:
            return mask_nik(row.nik) if row.nik else "–"
        if column == GuarantorColumn.PHONE:
            return format_phone(row.phone) if row.phone else "–"
        return row.address or "–"
