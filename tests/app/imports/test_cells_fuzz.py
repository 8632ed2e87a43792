"""Messy cells: every spelling of an amount or a date reads back as the same value; anything
else is refused with a ValidationError (never another exception, never a wrong value)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.imports import cells

MONTH_NAMES = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
               "September", "Oktober", "November", "Desember"]  # fmt: skip


def _dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**13), st.sampled_from(["", "Rp", "Rp ", "Rp. "]),
       st.sampled_from(["", ",00", ",-"]), st.sampled_from(["", " ", "  "]))  # fmt: skip
def test_amount_spellings(n: int, prefix: str, suffix: str, pad: str) -> None:
    for spelling in (_dotted(n), str(n)):
        assert cells.amount(f"{pad}{prefix}{spelling}{suffix}{pad}") == n
    english = {"": "", ",00": ".00", ",-": ".-"}[suffix]
    assert cells.amount(f"{pad}{prefix}{n:,}{english}{pad}") == n
    assert cells.amount(n) == n
    assert cells.amount(float(n)) == n or n > 2**53


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_cents_refused(n: int, cents: int) -> None:
    with pytest.raises(ValidationError, match="sen"):
        cells.amount(f"{_dotted(n)},{cents:02d}")


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2099, 12, 31)))
def test_date_spellings(day: date) -> None:
    serial = (day - cells.EXCEL_EPOCH).days
    spellings = [
        day, datetime(day.year, day.month, day.day, 13, 5), serial, float(serial), str(serial),
        day.strftime("%d/%m/%Y"), day.strftime("%d-%m-%Y"), day.isoformat(),
        f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}", f" {day.day}/{day.month}/{day.year} ",
    ]  # fmt: skip
    for spelling in spellings:
        assert cells.day(spelling) == day, spelling


@given(st.one_of(st.text(max_size=20), st.integers(), st.floats(allow_nan=True), st.none(),
                 st.booleans(), st.dates(), st.datetimes()))  # fmt: skip
def test_any_cell_is_read_or_refused_cleanly(value: object) -> None:
    for reader in (cells.amount, cells.day, cells.nik, cells.sex):
        try:
            reader(value)
        except ValidationError as exc:
            assert exc.message


@given(st.integers(min_value=10**15, max_value=10**16 - 1))
def test_nik_as_number_refused(number: int) -> None:
    for value in (number, float(number), f"{float(number):.5E}".replace("E+", "E+")):
        with pytest.raises(ValidationError, match="NIK"):
            cells.nik(value)


def test_text_trims_and_keeps_codes() -> None:
    assert cells.text("  Siti\u00a0 Aminah ") == "Siti Aminah"
    assert cells.text(123.0) == "123"
    assert cells.day(cells.EXCEL_EPOCH + timedelta(days=45000)) == date(2023, 3, 15)


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), 10**16, "1e400"])
def test_impossible_amounts_are_refused_with_a_message(value: object) -> None:
    with pytest.raises(ValidationError) as refused:
        cells.amount(value)
    assert "rupiah" in refused.value.message or "terlalu besar" in refused.value.message


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_whole_rupiah_amounts_are_read_exactly(number: int) -> None:
    assert cells.amount(number) == number
    assert cells.amount(float(number)) == number or abs(number) > 2**53
