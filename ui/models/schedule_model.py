"""Schedules as tables: a planned schedule (simulation, wizard preview) and a loan's schedule
with what has been paid on each instalment and its state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor

from app.loans.models import InstallmentState, ScheduleLine
from app.loans.schedule import Installment
from ui.models.base import LEFT, RIGHT, RowsModel
from ui.models.cached_format import rupiah, short_date

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


class PlanModel(RowsModel[Installment]):
    """A schedule before the loan exists (`app.loans.schedule.Installment` rows)."""

    columns = PlanColumn
    money_columns = (
        PlanColumn.NUMBER,
        PlanColumn.PRINCIPAL,
        PlanColumn.INTEREST,
        PlanColumn.TOTAL,
        PlanColumn.BALANCE,
    )
    count_columns = (PlanColumn.NUMBER,)
    date_columns = (PlanColumn.DUE,)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = {
            PlanColumn.NUMBER: self.tr("Ke"),
            PlanColumn.DUE: self.tr("Jatuh Tempo"),
            PlanColumn.PRINCIPAL: self.tr("Pokok"),
            PlanColumn.INTEREST: self.tr("Jasa"),
            PlanColumn.TOTAL: self.tr("Angsuran"),
            PlanColumn.BALANCE: self.tr("Sisa Pokok"),
        }

    def sort_value(self, row: Installment, column: int) -> Any:
        return {
            PlanColumn.NUMBER: row.number,
            PlanColumn.DUE: row.due_date,
            PlanColumn.PRINCIPAL: row.pokok,
            PlanColumn.INTEREST: row.jasa,
            PlanColumn.TOTAL: row.total,
            PlanColumn.BALANCE: row.balance,
        }[PlanColumn(column)]

    def display(self, row: Installment, column: int) -> str:
        if column == PlanColumn.NUMBER:
            return str(row.number)
        if column == PlanColumn.DUE:
            return short_date(row.due_date)
        return rupiah(int(self.sort_value(row, column)))

    def alignment(self, column: int) -> Any:
        return LEFT if column == PlanColumn.DUE else RIGHT


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


class ScheduleModel(RowsModel[ScheduleLine]):
    """A loan's schedule (`ScheduleLine` rows) with payments settled and each state."""

    columns = ScheduleColumn
    money_columns = tuple(
        c for c in ScheduleColumn if c not in (ScheduleColumn.DUE, ScheduleColumn.STATE)
    )
    count_columns = (ScheduleColumn.NUMBER,)
    date_columns = (ScheduleColumn.DUE,)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
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

    def header_tooltip(self, section: int) -> str | None:
        return self._tips.get(ScheduleColumn(section))

    def set_rows(self, rows: Sequence[ScheduleLine], as_of: date | None = None) -> None:
        """`as_of` (the date the states are for) lets an instalment due that day say so."""
        self._as_of = as_of
        super().set_rows(rows)

    def state_text(self, line: ScheduleLine) -> str:
        if line.state == InstallmentState.BELUM and line.due_date == self._as_of:
            return self.tr("Jatuh Tempo Hari Ini")
        return line.state.label

    def line_at(self, row: int) -> ScheduleLine:
        return self.row_at(row)

    def alignment(self, column: int) -> Any:
        return LEFT if column in (ScheduleColumn.DUE, ScheduleColumn.STATE) else RIGHT

    def sort_value(self, line: ScheduleLine, column: int) -> Any:
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
        }[ScheduleColumn(column)]

    def background(self, line: ScheduleLine, column: int) -> QColor | None:
        if column == ScheduleColumn.STATE:
            return QColor(STATE_COLORS[line.state][0])
        return None

    def foreground(self, line: ScheduleLine, column: int) -> QColor | None:
        if column == ScheduleColumn.STATE:
            return QColor(STATE_COLORS[line.state][1])
        if line.state == InstallmentState.TERLAMBAT and column in (
            ScheduleColumn.DENDA,
            ScheduleColumn.REMAINING,
        ):
            return QColor(STATE_COLORS[InstallmentState.TERLAMBAT][1])
        return None

    def display(self, line: ScheduleLine, column: int) -> str:
        if column == ScheduleColumn.NUMBER:
            return str(line.number)
        if column == ScheduleColumn.DUE:
            return short_date(line.due_date)
        if column == ScheduleColumn.STATE:
            return self.state_text(line)
        value = int(self.sort_value(line, column))
        if column in (ScheduleColumn.DENDA, ScheduleColumn.REMAINING, ScheduleColumn.PAID):
            return rupiah(value) if value else "–"
        return rupiah(value)
