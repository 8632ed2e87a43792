"""Column widths from the table's own font, so that an amount, a date or a day count is never
cut off whatever the font size ("Rp36.162.396", "08-09-2026", "1.465 hari")."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

AMOUNT = "Rp999.999.999"  # up to a billion rupiah owed on one loan
DATE = "30-12-2026"
DAYS = "9.999 hari"
PADDING = 16  # the cell's margins and a little air
SORT_ARROW = 20  # the header's sort indicator


def fit_width(table: QTableView, sample: str, column: int | None = None, bold: bool = True) -> int:
    """Wide enough for `sample` in the table's font (bold when cells may be bold) and for the
    column's title with its sort arrow."""
    font = table.font()
    font.setBold(bold)
    width = QFontMetrics(font).horizontalAdvance(sample) + PADDING
    model = table.model()
    if column is not None and model is not None:
        from PySide6.QtCore import Qt

        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        header_font = table.horizontalHeader().font()
        header_font.setBold(True)
        width = max(width, QFontMetrics(header_font).horizontalAdvance(title) + SORT_ARROW)
    return width
