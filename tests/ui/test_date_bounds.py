"""Dates typed in the window stay between 1900 and 2100 (issue 9 §9): the field refuses
others with an Indonesian message at the field, and the calendar offers no others."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.errors import ValidationError
from ui.widgets.date_edit import DateEdit


@pytest.mark.parametrize("typed", ["01-01-0001", "31-12-1899", "01-01-2101", "9999-12-31"])
def test_out_of_range_dates_are_refused_at_the_field(qtbot: QtBot, typed: str) -> None:
    edit = DateEdit(field="join_date")
    qtbot.addWidget(edit)
    edit.setText(typed)
    with pytest.raises(ValidationError) as caught:
        edit.value()
    assert caught.value.field == "join_date" and "tidak masuk akal" in caught.value.message


@pytest.mark.parametrize("typed", ["01-01-1900", "31-12-2100"])
def test_the_bounds_themselves_are_accepted(qtbot: QtBot, typed: str) -> None:
    edit = DateEdit(field="join_date")
    qtbot.addWidget(edit)
    edit.setText(typed)
    assert edit.value() in (date(1900, 1, 1), date(2100, 12, 31))


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_calendar_offers_only_1900_to_2100(qtbot: QtBot) -> None:
    edit = DateEdit(field="join_date")
    qtbot.addWidget(edit)
    edit.open_calendar()
    calendar = edit._calendar
    assert calendar is not None
    assert calendar.minimumDate().year() == 1900 and calendar.maximumDate().year() == 2100
    calendar.close()
