"""Portfolio tables: outstanding and allowance by quality class, and the ageing buckets."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor, QFont

from app.loans.portfolio_models import PortfolioSummary
from app.loans.quality import CLASS_ORDER, class_label
from ui.models.base import LEFT, RIGHT, RowsModel, bold_font
from ui.models.cached_format import number, rupiah
from ui.widgets import quality_colors


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


class PortfolioClassModel(RowsModel[str | None]):
    """One row per class of the policy (its code), then a bold total row (None)."""

    columns = ClassColumn
    money_columns = (ClassColumn.COUNT, ClassColumn.OUTSTANDING, ClassColumn.ALLOWANCE)
    count_columns = (ClassColumn.COUNT,)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._summary: PortfolioSummary | None = None
        self._headers = {
            ClassColumn.QUALITY: self.tr("Kolektibilitas"),
            ClassColumn.COUNT: self.tr("Jumlah Pinjaman"),
            ClassColumn.OUTSTANDING: self.tr("Sisa Pokok"),
            ClassColumn.SHARE: self.tr("Porsi"),
            ClassColumn.ALLOWANCE: self.tr("PPAP Wajib"),
        }

    def set_summary(self, summary: PortfolioSummary | None) -> None:
        self._summary = summary
        rows: list[str | None] = []
        if summary is not None:
            present = set(summary.outstanding_by_class) | set(summary.count_by_class)
            rows = [code for code in CLASS_ORDER if code in present]
            rows.append(None)
        self.set_rows(rows)

    def sort_value(self, code: str | None, column: int) -> Any:
        s = self._summary
        assert s is not None
        if code is None:
            values: dict[ClassColumn, Any] = {
                ClassColumn.QUALITY: self.tr("Jumlah"),
                ClassColumn.COUNT: sum(s.count_by_class.values()),
                ClassColumn.OUTSTANDING: s.total_outstanding,
                ClassColumn.SHARE: s.total_outstanding,
                ClassColumn.ALLOWANCE: s.allowance_required,
            }
            return values[ClassColumn(column)]
        values = {
            ClassColumn.QUALITY: class_label(code),
            ClassColumn.COUNT: s.count_by_class.get(code, 0),
            ClassColumn.OUTSTANDING: s.outstanding_by_class.get(code, 0),
            ClassColumn.SHARE: s.outstanding_by_class.get(code, 0),
            ClassColumn.ALLOWANCE: s.allowance_by_class.get(code, 0),
        }
        return values[ClassColumn(column)]

    def display(self, code: str | None, column: int) -> str:
        assert self._summary is not None
        raw = self.sort_value(code, column)
        if column == ClassColumn.QUALITY:
            return str(raw)
        if column == ClassColumn.COUNT:
            return number(raw)
        if column == ClassColumn.SHARE:
            return percent_text(raw, self._summary.total_outstanding)
        return rupiah(raw)

    def alignment(self, column: int) -> Any:
        return LEFT if column == ClassColumn.QUALITY else RIGHT

    def font(self, code: str | None, column: int) -> QFont | None:
        return bold_font() if code is None else None

    def background(self, code: str | None, column: int) -> QColor | None:
        if column == ClassColumn.QUALITY and code is not None:
            return quality_colors.background(code)
        return None

    def foreground(self, code: str | None, column: int) -> QColor | None:
        if column == ClassColumn.QUALITY and code is not None:
            return quality_colors.foreground(code)
        return None


class AgeingColumn(IntEnum):
    BUCKET = 0
    COUNT = 1
    OUTSTANDING = 2
    SHARE = 3


class AgeingModel(RowsModel[str]):
    """Loans past due by how long (1–30 … > 180 hari): one row per bucket."""

    columns = AgeingColumn
    money_columns = (AgeingColumn.COUNT, AgeingColumn.OUTSTANDING)
    count_columns = (AgeingColumn.COUNT,)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._summary: PortfolioSummary | None = None
        self._headers = {
            AgeingColumn.BUCKET: self.tr("Lama Terlambat"),
            AgeingColumn.COUNT: self.tr("Jumlah Pinjaman"),
            AgeingColumn.OUTSTANDING: self.tr("Sisa Pokok"),
            AgeingColumn.SHARE: self.tr("Porsi"),
        }

    def set_summary(self, summary: PortfolioSummary | None) -> None:
        self._summary = summary
        self.set_rows(list(summary.ageing) if summary is not None else [])

    def sort_value(self, bucket: str, column: int) -> Any:
        assert self._summary is not None
        return {
            AgeingColumn.BUCKET: bucket,
            AgeingColumn.COUNT: self._summary.ageing_counts.get(bucket, 0),
            AgeingColumn.OUTSTANDING: self._summary.ageing.get(bucket, 0),
            AgeingColumn.SHARE: self._summary.ageing.get(bucket, 0),
        }[AgeingColumn(column)]

    def display(self, bucket: str, column: int) -> str:
        assert self._summary is not None
        raw = self.sort_value(bucket, column)
        if column == AgeingColumn.BUCKET:
            return str(raw)
        if column == AgeingColumn.COUNT:
            return number(raw)
        if column == AgeingColumn.SHARE:
            return percent_text(raw, self._summary.total_outstanding)
        return rupiah(raw)

    def alignment(self, column: int) -> Any:
        return LEFT if column == AgeingColumn.BUCKET else RIGHT
