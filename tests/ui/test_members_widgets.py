"""The rupiah and date fields used by the Anggota dialogs."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.errors import ValidationError
from ui.widgets.date_edit import DateEdit
from ui.widgets.rupiah_edit import RupiahEdit


@pytest.fixture
def rupiah(qtbot: QtBot) -> RupiahEdit:
    edit = RupiahEdit(field="amount")
    qtbot.addWidget(edit)
    return edit


def test_rupiah_groups_thousands_as_typed_and_keeps_the_cursor(
    qtbot: QtBot, rupiah: RupiahEdit
) -> None:
    qtbot.keyClicks(rupiah, "1500000")
    assert rupiah.text() == "1.500.000" and rupiah.value() == 1_500_000
    rupiah.setCursorPosition(1)  # after the "1"
    qtbot.keyClicks(rupiah, "2")
    assert rupiah.text() == "12.500.000" and rupiah.cursorPosition() == 2
    qtbot.keyClick(rupiah, Qt.Key.Key_Backspace)
    assert rupiah.text() == "1.500.000"
    rupiah.clear()
    qtbot.keyClicks(rupiah, "0050")
    assert rupiah.text() == "50"


def test_rupiah_leaves_other_text_alone_and_explains_it(qtbot: QtBot, rupiah: RupiahEdit) -> None:
    qtbot.keyClicks(rupiah, "1500000,00")
    assert rupiah.text() == "1.500.000,00" and rupiah.value() == 1_500_000
    rupiah.clear()
    qtbot.keyClicks(rupiah, "lima ribu")
    assert rupiah.text() == "lima ribu"
    with pytest.raises(ValidationError) as err:
        rupiah.value()
    assert err.value.field == "amount" and "bukan jumlah rupiah" in err.value.message
    rupiah.set_value(25_000)
    assert rupiah.text() == "25.000"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("24-08-2021", date(2021, 8, 24)),
        ("24/8/2021", date(2021, 8, 24)),
        ("24082021", date(2021, 8, 24)),
        ("24 Agustus 2021", date(2021, 8, 24)),
    ],
)
def test_date_accepts_what_clerks_type(qtbot: QtBot, typed: str, expected: date) -> None:
    edit = DateEdit(field="tx_date")
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, typed)
    assert edit.value() == expected
    edit.editingFinished.emit()
    assert edit.text() == expected.strftime("%d-%m-%Y")


def test_date_errors_name_the_field_and_empty_optional_is_none(qtbot: QtBot) -> None:
    edit = DateEdit(field="birth_date", required=False)
    qtbot.addWidget(edit)
    assert edit.value() is None
    edit.setText("31-02-2021")
    with pytest.raises(ValidationError) as err:
        edit.value()
    assert err.value.field == "birth_date" and "tidak ada" in err.value.message
    edit.editingFinished.emit()
    assert edit.text() == "31-02-2021"  # left as typed for the user to fix
    required = DateEdit(field="join_date")
    qtbot.addWidget(required)
    with pytest.raises(ValidationError) as err:
        required.value()
    assert err.value.field == "join_date"


# A popup on the offscreen platform: no native sizing, raising or keyboard grab; harmless.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_calendar_pick_fills_the_field(qtbot: QtBot) -> None:
    edit = DateEdit(field="tx_date")
    qtbot.addWidget(edit)
    edit.set_value(date(2026, 3, 2))
    edit.open_calendar()
    calendar = edit._calendar
    assert calendar is not None and calendar.selectedDate() == QDate(2026, 3, 2)
    calendar.clicked.emit(QDate(2026, 3, 17))
    assert edit.text() == "17-03-2026" and edit._calendar is None
