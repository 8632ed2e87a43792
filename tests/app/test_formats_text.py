"""The formats of issue 10 item 17, each tested as a rule across its range: counts with the
thousands dot, one phone grouping for mobiles of 10–13 digits and landlines, labels inside
sentences that keep their abbreviations, times with a dot, numbers that never wrap."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.formats import (
    format_count,
    format_date_short,
    format_date_time,
    format_phone_digits,
    format_time,
    in_sentence,
)


@given(st.integers(min_value=0, max_value=10**12))
def test_counts_group_thousands_with_dots(n: int) -> None:
    text = format_count(n, "hari")
    number, unit = text.rsplit(" ", 1)
    assert unit == "hari"
    assert number.replace(".", "") == str(n)
    assert re.fullmatch(r"\d{1,3}(\.\d{3})*", number)


def test_count_examples() -> None:
    assert format_count(1199, "hari") == "1.199 hari"
    assert format_count(999, "hari") == "999 hari"
    assert format_count(1000, "anggota") == "1.000 anggota"


@given(st.integers(min_value=1, max_value=9), st.text("0123456789", min_size=7, max_size=10))
def test_mobiles_of_10_to_13_digits_group_4_then_two_balanced_groups(
    operator: int, rest: str
) -> None:
    national = f"08{operator}{rest}"
    assert 10 <= len(national) <= 13
    shown = format_phone_digits(national)
    head, middle, last = shown.split("-")
    assert head == national[:4]
    assert middle + last == national[4:]
    assert len(middle) <= len(last) <= len(middle) + 1
    assert len(middle) >= 3


@pytest.mark.parametrize(
    ("national", "shown"),
    [
        ("0812345678", "0812-345-678"),
        ("08214190095", "0821-419-0095"),
        ("081234567890", "0812-3456-7890"),
        ("0812345678901", "0812-3456-78901"),
        ("0321391274", "0321-391274"),
        ("02155501234", "021-55501234"),
        ("0315551234", "031-5551234"),
    ],
)
def test_phone_examples(national: str, shown: str) -> None:
    assert format_phone_digits(national) == shown


@given(
    st.sampled_from(["21", "22", "24", "31", "61", "321", "274", "341", "411"]),
    st.text("0123456789", min_size=5, max_size=8),
)
def test_landlines_are_area_code_dash_number(area: str, number: str) -> None:
    assert format_phone_digits(f"0{area}{number}") == f"0{area}-{number}"


@pytest.mark.parametrize(
    ("label", "inside"),
    [
        ("PHK / kehilangan penghasilan", "PHK / kehilangan penghasilan"),
        ("Kunjungan Rumah", "kunjungan rumah"),
        ("WhatsApp", "WhatsApp"),
        ("Analisa 5C lemah", "analisa 5C lemah"),
        ("Beban utang lain (termasuk pinjol)", "beban utang lain (termasuk pinjol)"),
        ("Suami/Istri", "suami/istri"),
    ],
)
def test_labels_inside_sentences_keep_abbreviations(label: str, inside: str) -> None:
    assert in_sentence(label) == inside


@given(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=6))
def test_words_in_capitals_are_never_lowered(word: str) -> None:
    assert in_sentence(f"Karena {word}") == f"karena {word}"


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)))
def test_time_has_a_dot_and_two_digit_parts(at: datetime) -> None:
    text = format_time(at.time())
    assert re.fullmatch(r"\d{2}\.\d{2}", text)
    assert text == f"{at.hour:02d}.{at.minute:02d}"


def test_lockout_message_uses_the_time_format(services) -> None:  # type: ignore[no-untyped-def]
    from app.errors import ValidationError
    from tests.conftest import PASSWORD, admin_user

    admin = admin_user(services)
    services.users.max_failed = 1
    with pytest.raises(ValidationError):
        services.users.login(admin.username, "salah-salah")
    with pytest.raises(ValidationError) as info:
        services.users.login(admin.username, PASSWORD)
    assert re.search(r"pukul \d{2}\.\d{2}\b", info.value.message), info.value.message
    assert not re.search(r"\d{2}:\d{2}", info.value.message)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)))
def test_a_moment_is_the_table_date_and_the_dotted_time(at: datetime) -> None:
    assert format_date_time(at) == f"{format_date_short(at.date())} {format_time(at.time())}"


def test_no_screen_or_message_formats_a_time_with_a_colon() -> None:
    """One time format: every time the user reads goes through format_time (a dot)."""
    root = Path(__file__).resolve().parents[2]
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for folder in ("app", "ui")
        for path in sorted((root / folder).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "%H:%M" in line
    ]
    assert offenders == []
