"""A table header whose column titles may take two lines, so that an amount column is as wide
as its amounts rather than its title ("Sisa Pokok Sebelum" over "Rp12.500.000")."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyleOptionHeader, QWidget


class WrappingHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def _title(self, logical: int) -> str:
        model = self.model()
        if model is None:
            return ""
        return str(model.headerData(logical, Qt.Orientation.Horizontal) or "")

    def sectionSizeFromContents(self, logical: int) -> QSize:
        size = super().sectionSizeFromContents(logical)
        words = self._title(logical).split()
        metrics = self.fontMetrics()
        line = metrics.lineSpacing()
        if len(words) < 2:
            return QSize(size.width(), size.height() + line)
        whole = metrics.horizontalAdvance(" ".join(words))
        two_lines = min(
            max(
                metrics.horizontalAdvance(" ".join(words[:cut])),
                metrics.horizontalAdvance(" ".join(words[cut:])),
            )
            for cut in range(1, len(words))
        )
        return QSize(size.width() - (whole - two_lines), size.height() + line)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logical: int) -> None:
        super().initStyleOptionForIndex(option, logical)
        option.textAlignment = option.textAlignment | Qt.TextFlag.TextWordWrap  # type: ignore[operator]
