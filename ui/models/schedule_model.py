"""Schedules as tables: a planned schedule (simulation, wizard preview) and a loan's schedule
with what has been paid on each instalment and its state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.loans.models import InstallmentState, ScheduleLine
from app.loans.schedule import Installment
from ui.models.cached_format import rupiah, short_date

SORT_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

STATE_COLORS: dict[InstallmentState, tuple[str, str]] = {
    InstallmentState.LUNAS: ("#e3f3e6", "#1e5e2b"),
    InstallmentState.SEBAGIAN: ("#fff4d6", "#7a5200"),
    InstallmentState.TERLAMBAT: ("#fde2e1", "#9c1c12"),
    InstallmentState.BELUM: ("#ffffff", "#444444"),
}
"""(background, text) of an instalment's state cell; the state's word is always written."""


class PlanColumn(IntEnum):
    NUMBER = 0
    DUE = 1
    PRINCIPAL = 2
    INTEREST = 3
    TOTAL = 4
    BALANCE = 5


class PlanModel(QAbstractTableModel):
    """A schedule before the loan exists (`app.loans.schedule.Installment` rows)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Installment] = []
        self._headers = {
            PlanColumn.NUMBER: self.tr("Ke"),
            PlanColumn.DUE: self.tr("Jatuh Tempo"),
            PlanColumn.PRINCIPAL: self.tr("Pokok"),
            PlanColumn.INTEREST: self.tr("Jasa"),
            PlanColumn.TOTAL: self.tr("Angsuran"),
            PlanColumn.BALANCE: self.tr("Sisa Pokok"),
        }

    def set_rows(self, rows: Sequence[Installment]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Installment]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(PlanColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(PlanColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[PlanColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section == PlanColumn.DUE else _RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(PlanColumn):
            return None
        row = self._rows[index.row()]
        column = PlanColumn(index.column())
        raw = {
            PlanColumn.NUMBER: row.number,
            PlanColumn.DUE: row.due_date,
            PlanColumn.PRINCIPAL: row.principal,
            PlanColumn.INTEREST: row.interest,
            PlanColumn.TOTAL: row.total,
            PlanColumn.BALANCE: row.balance,
        }[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PlanColumn.NUMBER:
                return str(row.number)
            if column == PlanColumn.DUE:
                return short_date(row.due_date)
            return rupiah(int(raw))  # type: ignore[call-overload]
        if role == SORT_ROLE:
            return raw
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column == PlanColumn.DUE else _RIGHT
        return None


class ScheduleColumn(IntEnum):
    NUMBER = 0
    DUE = 1
    PRINCIPAL = 2
    INTEREST = 3
    TOTAL = 4
    PAID = 5
    DENDA = 6
    REMAINING = 7
    STATE = 8


class ScheduleModel(QAbstractTableModel):
    """A loan's schedule (`ScheduleLine` rows) with payments settled and each state."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ScheduleLine] = []
        self._as_of: date | None = None
        self._headers = {
            ScheduleColumn.NUMBER: self.tr("Ke"),
            ScheduleColumn.DUE: self.tr("Jatuh Tempo"),
            ScheduleColumn.PRINCIPAL: self.tr("Pokok"),
            ScheduleColumn.INTEREST: self.tr("Jasa"),
            ScheduleColumn.TOTAL: self.tr("Angsuran"),
            ScheduleColumn.PAID: self.tr("Sudah Dibayar"),
            ScheduleColumn.DENDA: self.tr("Denda"),
            ScheduleColumn.REMAINING: self.tr("Belum Dibayar"),
            ScheduleColumn.STATE: self.tr("Keadaan"),
        }
        self._tips = {
            ScheduleColumn.PAID: self.tr("Pokok dan jasa yang sudah dibayar (atau diringankan)"),
            ScheduleColumn.DENDA: self.tr("Denda keterlambatan angsuran ini sampai hari ini"),
            ScheduleColumn.REMAINING: self.tr("Yang belum dibayar: pokok + jasa + denda"),
        }

    def set_rows(self, rows: Sequence[ScheduleLine], as_of: date | None = None) -> None:
        """`as_of` (the date the states are for) lets an instalment due that day say so."""
        self.beginResetModel()
        self._rows = list(rows)
        self._as_of = as_of
        self.endResetModel()

    def state_text(self, line: ScheduleLine) -> str:
        if line.state == InstallmentState.BELUM and line.due_date == self._as_of:
            return self.tr("Jatuh Tempo Hari Ini")
        return line.state.label

    def line_at(self, row: int) -> ScheduleLine:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(ScheduleColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(ScheduleColumn):
            return None
        column = ScheduleColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column in (ScheduleColumn.DUE, ScheduleColumn.STATE) else _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get(column)
        return None

    @staticmethod
    def _raw(line: ScheduleLine, column: ScheduleColumn) -> Any:
        return {
            ScheduleColumn.NUMBER: line.number,
            ScheduleColumn.DUE: line.due_date,
            ScheduleColumn.PRINCIPAL: line.pokok,
            ScheduleColumn.INTEREST: line.jasa,
            ScheduleColumn.TOTAL: line.total,
            ScheduleColumn.PAID: line.paid_pokok + line.paid_jasa,
            ScheduleColumn.DENDA: line.denda,
            ScheduleColumn.REMAINING: line.remaining,
            ScheduleColumn.STATE: line.state.value,
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(ScheduleColumn):
            return None
        line = self._rows[index.row()]
        column = ScheduleColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == SORT_ROLE:
            return self._raw(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column in (ScheduleColumn.DUE, ScheduleColumn.STATE) else _RIGHT
        if column == ScheduleColumn.STATE:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(STATE_COLORS[line.state][0])
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(STATE_COLORS[line.state][1])
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and line.state == InstallmentState.TERLAMBAT
            and column in (ScheduleColumn.DENDA, ScheduleColumn.REMAINING)
        ):
            return QColor(STATE_COLORS[InstallmentState.TERLAMBAT][1])
        return None

    def _display(self, line: ScheduleLine, column: ScheduleColumn) -> str:
        if column == ScheduleColumn.NUMBER:
            return str(line.number)
        if column == ScheduleColumn.DUE:
            return short_date(line.due_date)
        if column == ScheduleColumn.STATE:
            return self.state_text(line)
        value = int(self._raw(line, column))
        if column in (ScheduleColumn.DENDA, ScheduleColumn.REMAINING, ScheduleColumn.PAID):
            return rupiah(value) if value else "–"
        return rupiah(value)
