"""Portfolio tables: outstanding and allowance by quality class, and the ageing buckets."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.loans.models import PortfolioSummary
from app.loans.quality import CLASS_ORDER, class_label
from ui.models.cached_format import number, rupiah
from ui.widgets import quality_colors

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def percent_text(part: int, whole: int) -> str:
    if whole <= 0:
        return "0%"
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{value:f}".replace(".", ",") + "%"


class ClassColumn(IntEnum):
    QUALITY = 0
    COUNT = 1
    OUTSTANDING = 2
    SHARE = 3
    ALLOWANCE = 4


class PortfolioClassModel(QAbstractTableModel):
    """One row per class of the policy, then a bold total row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._summary: PortfolioSummary | None = None
        self._codes: list[str] = []
        self._headers = {
            ClassColumn.QUALITY: self.tr("Kolektibilitas"),
            ClassColumn.COUNT: self.tr("Jumlah Pinjaman"),
            ClassColumn.OUTSTANDING: self.tr("Sisa Pokok"),
            ClassColumn.SHARE: self.tr("Porsi"),
            ClassColumn.ALLOWANCE: self.tr("PPAP Wajib"),
        }

    def set_summary(self, summary: PortfolioSummary | None) -> None:
        self.beginResetModel()
        self._summary = summary
        self._codes = []
        if summary is not None:
            present = set(summary.outstanding_by_class) | set(summary.count_by_class)
            self._codes = [code for code in CLASS_ORDER if code in present]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        if parent.isValid() or self._summary is None:
            return 0
        return len(self._codes) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(ClassColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(ClassColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[ClassColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section == ClassColumn.QUALITY else _RIGHT
        return None

    def _raw(self, row: int, column: ClassColumn) -> Any:
        s = self._summary
        assert s is not None
        if row == len(self._codes):
            values: dict[ClassColumn, Any] = {
                ClassColumn.QUALITY: self.tr("Jumlah"),
                ClassColumn.COUNT: sum(s.count_by_class.values()),
                ClassColumn.OUTSTANDING: s.total_outstanding,
                ClassColumn.SHARE: s.total_outstanding,
                ClassColumn.ALLOWANCE: s.allowance_required,
            }
            return values[column]
        code = self._codes[row]
        values = {
            ClassColumn.QUALITY: class_label(code),
            ClassColumn.COUNT: s.count_by_class.get(code, 0),
            ClassColumn.OUTSTANDING: s.outstanding_by_class.get(code, 0),
            ClassColumn.SHARE: s.outstanding_by_class.get(code, 0),
            ClassColumn.ALLOWANCE: s.allowance_by_class.get(code, 0),
        }
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if not 0 <= index.column() < len(ClassColumn):
            return None
        assert self._summary is not None
        row, column = index.row(), ClassColumn(index.column())
        is_total = row == len(self._codes)
        raw = self._raw(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ClassColumn.QUALITY:
                return raw
            if column == ClassColumn.COUNT:
                return number(raw)
            if column == ClassColumn.SHARE:
                return percent_text(raw, self._summary.total_outstanding)
            return rupiah(raw)
        if role == SORT_ROLE:
            return raw
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column == ClassColumn.QUALITY else _RIGHT
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        if column == ClassColumn.QUALITY and not is_total:
            code = self._codes[row]
            if role == Qt.ItemDataRole.BackgroundRole:
                return quality_colors.background(code)
            if role == Qt.ItemDataRole.ForegroundRole:
                return quality_colors.foreground(code)
        return None


class AgeingColumn(IntEnum):
    BUCKET = 0
    COUNT = 1
    OUTSTANDING = 2
    SHARE = 3


class AgeingModel(QAbstractTableModel):
    """Loans past due by how long (1–30 … > 180 hari)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._summary: PortfolioSummary | None = None
        self._buckets: list[str] = []
        self._headers = {
            AgeingColumn.BUCKET: self.tr("Lama Terlambat"),
            AgeingColumn.COUNT: self.tr("Jumlah Pinjaman"),
            AgeingColumn.OUTSTANDING: self.tr("Sisa Pokok"),
            AgeingColumn.SHARE: self.tr("Porsi"),
        }

    def set_summary(self, summary: PortfolioSummary | None) -> None:
        self.beginResetModel()
        self._summary = summary
        self._buckets = list(summary.ageing) if summary is not None else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._buckets)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(AgeingColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(AgeingColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[AgeingColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section == AgeingColumn.BUCKET else _RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._buckets):
            return None
        if not 0 <= index.column() < len(AgeingColumn):
            return None
        assert self._summary is not None
        bucket = self._buckets[index.row()]
        column = AgeingColumn(index.column())
        raw = {
            AgeingColumn.BUCKET: bucket,
            AgeingColumn.COUNT: self._summary.ageing_counts.get(bucket, 0),
            AgeingColumn.OUTSTANDING: self._summary.ageing.get(bucket, 0),
            AgeingColumn.SHARE: self._summary.ageing.get(bucket, 0),
        }[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == AgeingColumn.BUCKET:
                return raw
            if column == AgeingColumn.COUNT:
                return number(raw)
            if column == AgeingColumn.SHARE:
                return percent_text(raw, self._summary.total_outstanding)
            return rupiah(raw)
        if role == SORT_ROLE:
            return raw
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column == AgeingColumn.BUCKET else _RIGHT
        return None
