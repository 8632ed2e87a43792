"""Tests for app.money: rupiah formatting/parsing, rounding, terbilang and rates."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.money import (
    format_number,
    format_rate,
    format_rupiah,
    parse_rate,
    parse_rupiah,
    round_rupiah,
    rupiah_with_words,
    terbilang,
    terbilang_rupiah,
)

amounts = st.integers(min_value=-(10**15), max_value=10**15)


@pytest.mark.parametrize(
    ("amount", "style", "expected"),
    [
        (1_500_000, "puebi", "Rp1.500.000"),
        (-2_500, "puebi", "-Rp2.500"),
        (0, "puebi", "Rp0"),
        (999, "puebi", "Rp999"),
        (1_000, "puebi", "Rp1.000"),
        (1_500_000, "spasi", "Rp 1.500.000"),
        (1_500_000, "sen", "Rp1.500.000,00"),
        (-1_500_000, "sen", "-Rp1.500.000,00"),
        (-1_500_000, "spasi", "-Rp 1.500.000"),
    ],
)
def test_format_rupiah(amount: int, style: str, expected: str) -> None:
    assert format_rupiah(amount, style) == expected


def test_format_rupiah_default_style_is_puebi() -> None:
    assert format_rupiah(1_500_000) == "Rp1.500.000"


def test_format_rupiah_rejects_unknown_style_and_float() -> None:
    with pytest.raises(ValueError):
        format_rupiah(1, "dollar")
    with pytest.raises(TypeError):
        format_rupiah(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_rupiah(True)


def test_format_number() -> None:
    assert format_number(1_500_000) == "1.500.000"
    assert format_number(-1_000) == "-1.000"
    assert format_number(12) == "12"


@pytest.mark.parametrize(
    "text",
    ["Rp1.250.000", "Rp 1.250.000", "1.250.000", "1250000", " 1.250.000,00 ", "rp. 1.250.000",
     "Rp1.250.000,-", "Rp\u00a01.250.000", "1250000,00"],
)  # fmt: skip
def test_parse_rupiah_accepts_common_forms(text: str) -> None:
    assert parse_rupiah(text) == 1_250_000


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "belum diisi"),
        ("   ", "belum diisi"),
        ("abc", "'abc' bukan jumlah rupiah yang sah. Tulis angka saja, misalnya 1.500.000."),
        ("12.5", "harus bulat"),
        ("1.250.000,50", "memakai sen"),
        ("12,5", "memakai sen"),
        ("1.25.000", "tiap tiga angka"),
        ("-5.000", "tidak boleh negatif"),
        ("Rp-5.000", "tidak boleh negatif"),
        ("1.000.000x", "bukan jumlah rupiah"),
        ("Rp", "bukan jumlah rupiah"),
        ("١٢٣", "bukan jumlah rupiah"),  # Arabic-Indic digits are not accepted
        ("99999999999999999999", "terlalu besar"),
    ],
)
def test_parse_rupiah_rejects_with_indonesian_message(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_rupiah(text)
    assert fragment in info.value.message


def test_parse_rupiah_negative_when_allowed() -> None:
    assert parse_rupiah("-Rp2.500", allow_negative=True) == -2_500
    assert parse_rupiah("-2.500", allow_negative=True) == -2_500
    assert parse_rupiah("-0") == 0


@given(amounts, st.sampled_from(["puebi", "spasi", "sen"]))
def test_format_parse_round_trip(amount: int, style: str) -> None:
    assert parse_rupiah(format_rupiah(amount, style), allow_negative=True) == amount


@given(st.integers(min_value=0, max_value=10**15))
def test_format_number_matches_plain_grouping(amount: int) -> None:
    assert format_number(amount) == f"{amount:,}".replace(",", ".")
    assert parse_rupiah(format_number(amount)) == amount
    assert parse_rupiah(str(amount)) == amount


@pytest.mark.parametrize(
    ("value", "multiple", "up", "expected"),
    [
        (Decimal("1234.5"), 1, False, 1235),
        (Decimal("1234.49"), 1, False, 1234),
        (Decimal("1234.01"), 1, True, 1235),
        (Decimal("1234"), 1, True, 1234),
        (Decimal("12450"), 100, False, 12500),
        (Decimal("12449"), 100, False, 12400),
        (Decimal("12401"), 1000, True, 13000),
        (Decimal("-2.5"), 1, False, -3),
        (Decimal("-2.5"), 1, True, -2),
        (7, 5, False, 5),
    ],
)
def test_round_rupiah(value: Decimal, multiple: int, up: bool, expected: int) -> None:
    assert round_rupiah(value, multiple, up=up) == expected


def test_round_rupiah_rejects_bad_arguments() -> None:
    with pytest.raises(TypeError):
        round_rupiah(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        round_rupiah(Decimal(1), 0)
    with pytest.raises(ValueError):
        round_rupiah(Decimal("NaN"))


def test_round_rupiah_is_exact_for_large_values() -> None:
    value = Decimal("123456789012345678901234567.5")
    assert round_rupiah(value) == 123456789012345678901234568


@given(
    st.decimals(min_value=-(10**15), max_value=10**15, places=4, allow_nan=False),
    st.sampled_from([1, 5, 50, 100, 500, 1000]),
    st.booleans(),
)
def test_round_rupiah_properties(value: Decimal, multiple: int, up: bool) -> None:
    result = round_rupiah(value, multiple, up=up)
    assert result % multiple == 0
    assert abs(result - value) < multiple
    if up:
        assert result >= value
    else:
        assert abs(result - value) <= Decimal(multiple) / 2


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (111, "seratus sebelas"),
        (210, "dua ratus sepuluh"),
        (1_000, "seribu"),
        (1_001, "seribu satu"),
        (1_100, "seribu seratus"),
        (2_000, "dua ribu"),
        (11_000, "sebelas ribu"),
        (101_000, "seratus satu ribu"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (1_011_000, "satu juta sebelas ribu"),
        (2_950_000, "dua juta sembilan ratus lima puluh ribu"),
        (1_000_000_000, "satu miliar"),
        (10**12, "satu triliun"),
        (10**15, "satu kuadriliun"),
        (1_000_001_000, "satu miliar seribu"),
        (-2_500, "minus dua ribu lima ratus"),
        (2025, "dua ribu dua puluh lima"),
    ],
)
def test_terbilang(amount: int, words: str) -> None:
    assert terbilang(amount) == words


def test_terbilang_rupiah_and_with_words() -> None:
    assert terbilang_rupiah(2_950_000) == "dua juta sembilan ratus lima puluh ribu rupiah"
    assert rupiah_with_words(2_950_000) == (
        "Rp2.950.000 (dua juta sembilan ratus lima puluh ribu rupiah)"
    )
    assert terbilang_rupiah(0) == "nol rupiah"


def test_terbilang_rejects_float_and_huge() -> None:
    with pytest.raises(TypeError):
        terbilang(1.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        terbilang(10**21)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_terbilang_properties(amount: int) -> None:
    words = terbilang(amount)
    assert "sejuta" not in words
    assert "sesatu" not in words
    assert "  " not in words
    assert words == words.strip() == words.lower()
    assert ("nol" in words.split()) == (amount == 0)
    assert words.startswith("minus ") == (amount < 0)


@given(st.integers(min_value=1, max_value=999))
def test_terbilang_scales(n: int) -> None:
    base = terbilang(n)
    assert terbilang(n * 1_000_000) == f"{base} juta"
    assert terbilang(n * 10**9) == f"{base} miliar"
    expected_thousands = "seribu" if n == 1 else f"{base} ribu"
    assert terbilang(n * 1000) == expected_thousands


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("1,5", Decimal("1.5")),
        ("1.5", Decimal("1.5")),
        ("1,5%", Decimal("1.5")),
        (" 18 % ", Decimal("18")),
        ("0,25", Decimal("0.25")),
        ("100", Decimal("100")),
    ],
)
def test_parse_rate(text: str, rate: Decimal) -> None:
    assert parse_rate(text) == rate


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "belum diisi"),
        ("abc", "bukan angka persen"),
        ("1,5,0", "bukan angka persen"),
        ("1.000,5", "bukan angka persen"),
        ("-1", "tidak boleh negatif"),
        ("150", "paling tinggi 100%"),
        ("1,123456", "terlalu banyak angka"),
    ],
)
def test_parse_rate_rejects(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_rate(text)
    assert fragment in info.value.message


@pytest.mark.parametrize(
    ("rate", "text"),
    [
        (Decimal("1.5"), "1,5%"),
        (Decimal("18"), "18%"),
        (Decimal("1.25"), "1,25%"),
        (Decimal("1.50"), "1,5%"),
        (Decimal("10"), "10%"),
        (Decimal("0.00"), "0%"),
    ],
)
def test_format_rate(rate: Decimal, text: str) -> None:
    assert format_rate(rate) == text


@given(st.decimals(min_value=0, max_value=100, places=4, allow_nan=False))
def test_rate_round_trip(rate: Decimal) -> None:
    assert parse_rate(format_rate(rate)) == rate


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_format_number_is_babels_id_id_grouping(amount: int) -> None:
    """The fast grouping gives what babel's id_ID pattern gives, for every size and sign."""
    from babel.numbers import format_decimal

    expected = format_decimal(abs(amount), format="#,##0", locale="id_ID")
    assert format_number(amount) == (f"-{expected}" if amount < 0 else expected)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (-1000, "-1.000"),
        (999_999, "999.999"),
        (1_000_000, "1.000.000"),
        (-1, "-1"),
    ],
)
def test_format_number_boundaries(amount: int, text: str) -> None:
    assert format_number(amount) == text
