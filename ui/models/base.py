"""The one base of every table model in the program: a read-only table over typed rows.

A subclass names its columns (an IntEnum) and how a cell reads (`headers`, `display`, and the
hooks it needs: sort value, alignment, colours, tool tip, font, its own roles); the base does
the Qt plumbing once: row and column counts, `data()` by role, `headerData()`, and one
`set_rows()` that resets the model. `SORT_ROLE` gives a cell's raw value for a
QSortFilterProxyModel, `ID_ROLE` a row's database id where a model has one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.exports.xlsx_table import Rupiah

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 3  # a cell as a spreadsheet holds it (ui/export.py)

Index = QModelIndex | QPersistentModelIndex

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
LATE = QColor("#b00020")
QUIET = QColor("#6b6b6b")
GOOD = QColor("#1e6b2b")
WARN = QColor("#9c4a00")

T = TypeVar("T")

_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_TIP = Qt.ItemDataRole.ToolTipRole


def as_date(value: Any) -> date | None:
    """A date from what a sort value holds: a date, a day ordinal or ISO text; else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**7:
        return date.fromordinal(value)
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def struck_font() -> QFont:
    font = QFont()
    font.setStrikeOut(True)
    return font


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of one type `T`; subclasses set `columns` and override the cell hooks.

    Money columns (`money_columns`) align right, the others left; a subclass whose cells
    carry no alignment at all overrides `alignment` to return None."""

    columns: type[IntEnum]
    money_columns: tuple[int, ...] = ()
    date_columns: tuple[int, ...] = ()  # exported as dates (ui/export.py)
    count_columns: tuple[int, ...] = ()  # right-aligned numbers that are not rupiah
    text_columns: tuple[int, ...] = ()  # right-aligned but exported as shown (a percentage)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._headers: dict[int, str] = {}  # a subclass fills it, or overrides headers()

    # -- hooks ----------------------------------------------------------------------------------
    def headers(self) -> dict[int, str]:
        return self._headers

    def display(self, row: T, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, row: T, column: int) -> Any:
        return self.display(row, column)

    def export_value(self, row: T, column: int) -> Any:
        """What EXPORT_ROLE gives: `Rupiah` for a money column, an `int` for a count, a `date`
        for a date column (from the sort value: a date, an ordinal or ISO text), else the text
        shown."""
        if column in self.money_columns and column not in self.text_columns:
            value = self.sort_value(row, column)
            if isinstance(value, int) and not isinstance(value, bool):
                return value if column in self.count_columns else Rupiah(value)
            return self.display(row, column)
        if column in self.date_columns:
            return as_date(self.sort_value(row, column))
        return self.display(row, column)

    def row_id(self, row: T) -> Any:
        """What ID_ROLE gives (a database id), None where the rows have none."""
        return None

    def foreground(self, row: T, column: int) -> QColor | Qt.GlobalColor | None:
        return None

    def background(self, row: T, column: int) -> QColor | None:
        return None

    def tooltip(self, row: T, column: int) -> str | None:
        return None

    def bold(self, row: T, column: int) -> bool:
        return False

    def font(self, row: T, column: int) -> QFont | None:
        return bold_font() if self.bold(row, column) else None

    def alignment(self, column: int) -> Any:
        return RIGHT if column in self.money_columns else LEFT

    def header_alignment(self, section: int) -> Any:
        return self.alignment(section)

    def header_tooltip(self, section: int) -> str | None:
        return None

    def extra(self, row: T, column: int, role: int) -> Any:
        """Any other role a model answers."""
        return None

    # -- rows -----------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def reorder(self, order: Sequence[int]) -> None:
        """Put the rows in `order` (a permutation of the row numbers): a layout change, so
        selections and other persistent indexes follow their rows."""
        if sorted(order) != list(range(len(self._rows))):
            raise ValueError("reorder needs a permutation of the rows")
        self.layoutAboutToBeChanged.emit()
        where = {old: new for new, old in enumerate(order)}
        self._rows = [self._rows[i] for i in order]
        before = self.persistentIndexList()
        after = [self.index(where[i.row()], i.column()) for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def row_at(self, row: int) -> T:
        return self._rows[row]

    # -- Qt -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == _DISPLAY:
            return self.headers()[section]
        if role == _ALIGN:
            return self.header_alignment(section)
        if role == _TIP:
            return self.header_tooltip(section)
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == _DISPLAY:
            return self.display(row, column)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == ID_ROLE:
            return self.row_id(row)
        if role == EXPORT_ROLE:
            return self.export_value(row, column)
        if role == _ALIGN:
            return self.alignment(column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(row, column)
        if role == _TIP:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.FontRole:
            return self.font(row, column)
        return self.extra(row, column, role)
