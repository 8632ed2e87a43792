"""A date field typed as dd-mm-yyyy (other common forms accepted), with a calendar to pick from."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from app.errors import ValidationError
from app.formats import format_date_short, parse_date
from app.text import MAX_DATE, MIN_DATE

_COMPACT = re.compile(r"^\s*([0-9]{2})([0-9]{2})([0-9]{4})\s*$")  # 24082021


def _calendar_icon() -> QIcon:
    """A small calendar page: a dark header band over a grid of days."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#40506a"))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(1, 2, 14, 4, QColor("#40506a"))
    for row in range(3):
        for col in range(4):
            painter.fillRect(3 + col * 3, 8 + row * 2, 2, 1, QColor("#40506a"))
    painter.end()
    return QIcon(pixmap)


def _expand(text: str) -> str:
    """'24082021' -> '24-08-2021'; anything else unchanged (parse_date reads it)."""
    match = _COMPACT.match(text)
    return "-".join(match.groups()) if match else text


class DateEdit(QLineEdit):
    """Type '24-08-2021' (or 24/8/2021, 24082021, 24 Agustus 2021); `value()` is the date.

    Typing is never blocked: the text is read when the form is saved, and tidied to
    dd-mm-yyyy when the user leaves the field. The arrow at the right opens a calendar.
    """

    def __init__(
        self, parent: QWidget | None = None, field: str = "date", required: bool = True
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.required = required
        self.setPlaceholderText(self.tr("hh-bb-tttt"))
        self.setMaxLength(30)
        self.setToolTip(self.tr("Tulis tanggal seperti 24-08-2021, atau pilih dari kalender."))
        self.calendar_action = self.addAction(
            _calendar_icon(), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setToolTip(self.tr("Pilih dari kalender"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.editingFinished.connect(self._tidy)
        self._calendar: QCalendarWidget | None = None

    def value(self) -> date | None:
        """The typed date; None when empty and not required; ValidationError at `field`."""
        text = self.text().strip()
        if not text and not self.required:
            return None
        try:
            return parse_date(_expand(text))
        except ValidationError as exc:
            raise ValidationError(exc.message, field=self.field) from None

    def set_value(self, value: date | None) -> None:
        self.setText("" if value is None else format_date_short(value))

    def _tidy(self) -> None:
        try:
            value = parse_date(_expand(self.text()))
        except ValidationError:
            return  # left as typed; the form explains on save
        self.set_value(value)

    def open_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setGridVisible(True)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setMinimumDate(QDate(MIN_DATE.year, MIN_DATE.month, MIN_DATE.day))
        calendar.setMaximumDate(QDate(MAX_DATE.year, MAX_DATE.month, MAX_DATE.day))
        try:
            current = parse_date(_expand(self.text()))
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        except ValidationError:
            pass
        calendar.clicked.connect(lambda picked: self._picked(calendar, picked))
        calendar.activated.connect(lambda picked: self._picked(calendar, picked))
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus()
        self._calendar = calendar

    def _picked(self, calendar: QCalendarWidget, picked: QDate) -> None:
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        calendar.close()
        calendar.deleteLater()
        self._calendar = None
        self.setFocus()
