"""A loan's quality class as a coloured word, and the legend of the classes with the policy."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.loans.quality import class_label
from ui.widgets import quality_colors


class QualityBadge(QLabel):
    """The class word on its colour ('Kurang Lancar' on orange); empty for no class."""

    def __init__(self, code: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_quality(code)

    def set_quality(self, code: str | None, policy_name: str = "") -> None:
        self.code = code
        if code is None:
            self.setText("")
            self.setStyleSheet("")
            self.setToolTip("")
            return
        self.setText(class_label(code))
        self.setStyleSheet(quality_colors.badge_style(code))
        self.setToolTip(
            self.tr("Kolektibilitas menurut {policy}").format(policy=policy_name)
            if policy_name
            else ""
        )


class QualityLegend(QWidget):
    """'Kolektibilitas menurut Kebijakan …:' followed by one badge per class the policy can give."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.caption = QLabel()
        self.caption.setObjectName("legend_policy")
        self.caption.setStyleSheet("color:#444;")
        self.badges: list[QualityBadge] = []

    def set_policy(self, policy_name: str, classes: tuple[str, ...]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None and widget is not self.caption:
                widget.deleteLater()
        self.caption.setText(self.tr("Kolektibilitas menurut {policy}:").format(policy=policy_name))
        self._layout.addWidget(self.caption)
        self.badges = []
        for code, _word in quality_colors.ordered(classes):
            badge = QualityBadge(code)
            badge.setToolTip(self.tr("Warna untuk kolektibilitas {word}").format(word=_word))
            self._layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
            self.badges.append(badge)
        self._layout.addStretch(1)

    def words(self) -> list[str]:
        return [badge.text() for badge in self.badges]


class QualityDelegate(QStyledItemDelegate):
    """Keeps a class cell in its colour when its row is selected (a frame shows the selection),
    so the colour a clerk learnt never disappears under the selection highlight."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if not isinstance(background, QColor):
            super().paint(painter, option, index)
            return
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        rect = option.rect  # type: ignore[attr-defined]
        painter.save()
        painter.fillRect(rect, background)
        painter.setPen(foreground if isinstance(foreground, QColor) else QColor("#000000"))
        align = index.data(Qt.ItemDataRole.TextAlignmentRole) or Qt.AlignmentFlag.AlignCenter
        painter.drawText(rect.adjusted(4, 0, -4, 0), int(align), str(index.data() or ""))
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            pen = QPen(option.palette.highlight().color(), 3)  # type: ignore[attr-defined]
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()
