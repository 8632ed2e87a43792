"""Tests for app.formats: Indonesian dates, Roman months, times and month arithmetic."""

from __future__ import annotations

import calendar
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.formats import (
    DAYS_ID,
    MONTHS_ID,
    TIMEZONES,
    add_months,
    date_in_words,
    day_name,
    format_date_long,
    format_date_short,
    format_date_with_day,
    format_time,
    months_between,
    parse_date,
    roman_month,
)

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
typed_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def test_names() -> None:
    assert len(MONTHS_ID) == 12
    assert MONTHS_ID[7] == "Agustus"
    assert DAYS_ID == ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    assert TIMEZONES == ("WIB", "WITA", "WIT")


def test_formats_of_a_known_date() -> None:
    d = date(2021, 8, 24)  # a Tuesday
    assert format_date_long(d) == "24 Agustus 2021"
    assert format_date_short(d) == "24-08-2021"
    assert format_date_with_day(d) == "Selasa, 24 Agustus 2021"
    assert day_name(d) == "Selasa"
    assert format_date_long(date(2025, 9, 7)) == "7 September 2025"
    assert format_date_short(date(2025, 9, 7)) == "07-09-2025"
    assert day_name(date(2025, 9, 8)) == "Senin"
    assert day_name(date(2025, 9, 7)) == "Minggu"


def test_roman_month() -> None:
    assert [roman_month(m) for m in range(1, 13)] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ]  # fmt: skip
    for bad in (0, 13, -1):
        with pytest.raises(ValueError):
            roman_month(bad)


def test_date_in_words() -> None:
    assert date_in_words(date(2025, 9, 7)) == (
        "Minggu, tanggal tujuh bulan September tahun dua ribu dua puluh lima"
    )
    assert date_in_words(date(2021, 8, 24)) == (
        "Selasa, tanggal dua puluh empat bulan Agustus tahun dua ribu dua puluh satu"
    )
    assert "tanggal sebelas" in date_in_words(date(2024, 1, 11))


def test_format_time() -> None:
    assert format_time(time(14, 30)) == "14.30"
    assert format_time(time(9, 5), "WIB") == "09.05 WIB"
    assert format_time(time(9, 5), "WITA") == "09.05 WITA"
    with pytest.raises(ValueError):
        format_time(time(9, 5), "UTC")


@pytest.mark.parametrize(
    "text",
    ["24-08-2021", "24/08/2021", "24.08.2021", "2021-08-24", "24 Agustus 2021",
     "24 agustus 2021", "24 AGUSTUS 2021", "24 Agu 2021", "24 agu. 2021", " 24  Agustus  2021 ",
     "24-Agu-2021", "24 Agt 2021", "24 Ags 2021"],
)  # fmt: skip
def test_parse_date_accepts(text: str) -> None:
    assert parse_date(text) == date(2021, 8, 24)


def test_parse_date_single_digits_and_old_spellings() -> None:
    assert parse_date("7-9-2025") == date(2025, 9, 7)
    assert parse_date("1 Nopember 2020") == date(2020, 11, 1)
    assert parse_date("29 Feb 2024") == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "belum diisi"),
        ("31-02-2021", "Tanggal '31-02-2021' tidak ada. Tulis seperti 24-08-2021."),
        ("29-02-2023", "tidak ada"),
        ("24-13-2021", "tidak ada"),
        ("kemarin", "bukan tanggal yang dikenali"),
        ("24 Agustuss 2021", "bukan nama bulan"),
        ("24 Ju 2021", "bukan nama bulan"),
        ("24-08-21", "empat angka"),
        ("24-08-0201", "tidak masuk akal"),
        ("01-01-1899", "tidak masuk akal"),
        ("01-01-2101", "tidak masuk akal"),
        ("24-08/2021", "bukan tanggal"),
        ("2021/08/24", "bukan tanggal"),
    ],
)
def test_parse_date_rejects(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_date(text)
    assert fragment in info.value.message


@given(typed_dates)
def test_parse_date_round_trips(d: date) -> None:
    assert parse_date(format_date_short(d)) == d
    assert parse_date(format_date_long(d)) == d
    assert parse_date(d.isoformat()) == d


def test_months_between() -> None:
    assert months_between(date(2025, 1, 1), date(2025, 1, 31)) == 1
    assert months_between(date(2025, 1, 15), date(2025, 3, 1)) == 3
    assert months_between(date(2025, 1, 31), date(2025, 2, 1)) == 2
    assert months_between(date(2024, 11, 1), date(2025, 2, 1)) == 4
    assert months_between(date(2025, 3, 1), date(2025, 1, 1)) == 0
    assert months_between(date(2025, 3, 1), date(2025, 2, 28)) == 0


@given(dates, dates)
def test_months_between_counts_calendar_months(start: date, end: date) -> None:
    count = months_between(start, end)
    assert count >= 0
    if end >= start:
        assert count >= 1
        assert add_months(start.replace(day=1), count - 1) == end.replace(day=1)


def test_add_months_clamps_at_month_end() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2025, 1, 31), 2) == date(2025, 3, 31)
    assert add_months(date(2025, 2, 28), 1, anchor_day=31) == date(2025, 3, 31)
    assert add_months(date(2025, 2, 28), 2, anchor_day=31) == date(2025, 4, 30)
    assert add_months(date(2025, 3, 31), -1) == date(2025, 2, 28)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)
    assert add_months(date(2025, 1, 15), -1) == date(2024, 12, 15)
    assert add_months(date(2025, 1, 15), 0) == date(2025, 1, 15)
    with pytest.raises(ValueError):
        add_months(date(2025, 1, 15), 1, anchor_day=32)


@given(dates, st.integers(min_value=-600, max_value=600), st.integers(min_value=1, max_value=31))
def test_add_months_properties(d: date, n: int, anchor: int) -> None:
    result = add_months(d, n, anchor_day=anchor)
    if n >= 0:
        assert months_between(d, result) == n + 1
    else:
        assert months_between(result, d) == 1 - n
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(anchor, last)
