"""The member list's table: widths from the font, the name filling what is left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.members_model import MemberColumn, MembersModel

# Hidden in this order when the list is too narrow (the detail panel shows them anyway).
OPTIONAL_COLUMNS = (MemberColumn.KELURAHAN, MemberColumn.JOIN_DATE, MemberColumn.NIK)

# The widest usual content of each column, so widths follow the font size.
_SAMPLES = {
    MemberColumn.NUMBER: "00000",
    MemberColumn.NIK: "3576••••••••0000",
    MemberColumn.PHONE: "0812-3456-7890",
    MemberColumn.KELURAHAN: "Gunung Gedang",
    MemberColumn.STATUS: "Meninggal",
    MemberColumn.JOIN_DATE: "00-00-00000",
    MemberColumn.SAVINGS: "Rp00.000.0000",
}
_NAME_SAMPLE = "Abdul Bahrul Ulum, S.Pd"


NAME_FLOOR = 80  # px: the least a name column shrinks to


class MemberTable(QTableView):
    def __init__(self, model: MembersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member_table")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSortIndicator(MemberColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(40)
        metrics, bold = self.fontMetrics(), header.fontMetrics()
        self.widths: dict[MemberColumn, int] = {}
        for column, sample in _SAMPLES.items():
            caption = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), bold.horizontalAdvance(caption) + 14)
            self.widths[column] = width + 12
            self.setColumnWidth(column, width + 12)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """The name takes the room left over. When the list is narrow (a small screen, a wide
        detail panel) the columns the detail panel also shows are hidden, least useful first,
        rather than cutting names short or scrolling sideways."""
        available = self.viewport().width()
        name_min = self.fontMetrics().horizontalAdvance(_NAME_SAMPLE)
        hidden: set[MemberColumn] = set()
        used = 0
        for candidate in (None, *OPTIONAL_COLUMNS):
            if candidate is not None:
                hidden.add(candidate)
            used = sum(w for c, w in self.widths.items() if c not in hidden)
            if used + name_min <= available:
                break
        for column in OPTIONAL_COLUMNS:
            self.setColumnHidden(column, column in hidden)
        # Still too narrow: the name gives way (elided, whole in its tooltip), never the amounts.
        self.setColumnWidth(MemberColumn.NAME, max(NAME_FLOOR, available - used))
