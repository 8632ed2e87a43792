"""Tests for app.identity: NIK, phone numbers and NPWP."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.identity import (
    format_phone,
    mask_nik,
    nik_from_parts,
    nik_warnings,
    normalize_nik,
    normalize_phone,
    validate_nik,
    validate_npwp,
)

# A man born 23 Aug 1985 in region 351508, serial 0001; the woman's NIK has day 23 + 40 = 63.
NIK_MAN = "3515082308850001"
NIK_WOMAN = "3515086308850002"
BIRTH = date(1985, 8, 23)


# ---------------------------------------------------------------- NIK


def test_normalize_nik() -> None:
    assert normalize_nik(" 3515 0823 0885 0001 ") == NIK_MAN
    assert normalize_nik("3515.082308.850001") == NIK_MAN
    assert normalize_nik("3515-0823-0885-0001") == NIK_MAN


def test_validate_nik_accepts() -> None:
    assert validate_nik(NIK_MAN) == NIK_MAN
    assert validate_nik("3515 0863 0885 0002") == NIK_WOMAN


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "belum diisi"),
        ("3515O82308850001", "hanya boleh berisi angka"),
        ("351508230885000", "16 angka, yang ditulis 15 angka"),
        ("35150823088500011", "yang ditulis 17 angka"),
        ("3515080008850001", "tanggal lahir di NIK (00"),
        ("3515083208850001", "tanggal lahir di NIK (32"),
        ("3515084008850001", "tanggal lahir di NIK (40"),
        ("3515087208850001", "tanggal lahir di NIK (72"),
        ("3515082300850001", "bulan lahir di NIK (00"),
        ("3515082313850001", "bulan lahir di NIK (13"),
        ("3515082308850000", "0000"),
        ("٣٥١٥٠٨٢٣٠٨٨٥٠٠٠١", "hanya boleh berisi angka"),  # Arabic-Indic digits
    ],
)
def test_validate_nik_rejects(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_nik(text)
    assert info.value.field == "nik"
    assert fragment in info.value.message


def test_nik_warnings_none_when_consistent() -> None:
    assert nik_warnings(NIK_MAN, BIRTH, "L") == []
    assert nik_warnings(NIK_WOMAN, BIRTH, "P") == []
    assert nik_warnings(NIK_WOMAN, BIRTH, "p") == []
    assert nik_warnings(NIK_MAN, None, None) == []
    assert nik_warnings(NIK_MAN, BIRTH, "") == []


def test_nik_warnings_on_date_mismatch() -> None:
    warnings = nik_warnings(NIK_MAN, date(1986, 8, 24), "L")
    assert len(warnings) == 1
    assert "tanggal dan tahun berbeda" in warnings[0]
    assert "(23-08-85)" in warnings[0]
    assert "(24-08-1986)" in warnings[0]
    assert "bulan berbeda" in nik_warnings(NIK_MAN, date(1985, 9, 23), None)[0]
    # The two-digit year is all the NIK holds: 2085 and 1985 look the same.
    assert nik_warnings(NIK_MAN, date(2085, 8, 23), None) == []


def test_nik_warnings_on_sex_mismatch() -> None:
    (warning,) = nik_warnings(NIK_MAN, BIRTH, "P")
    assert "menandakan laki-laki" in warning
    (warning,) = nik_warnings(NIK_WOMAN, BIRTH, "L")
    assert "menandakan perempuan" in warning
    assert len(nik_warnings(NIK_WOMAN, date(1990, 1, 1), "L")) == 2


def test_nik_warnings_ignore_invalid_nik_and_reject_unknown_sex() -> None:
    assert nik_warnings("123", BIRTH, "L") == []
    with pytest.raises(ValueError):
        nik_warnings(NIK_MAN, BIRTH, "X")


def test_nik_from_parts() -> None:
    assert nik_from_parts("351508", BIRTH, "L", 1) == NIK_MAN
    assert nik_from_parts("351508", BIRTH, "P", 2) == NIK_WOMAN
    assert nik_from_parts("317101", date(2001, 1, 5), "L", 9999) == "3171010501019999"
    for bad_region in ("35150", "35150a", "3515081"):
        with pytest.raises(ValueError):
            nik_from_parts(bad_region, BIRTH, "L", 1)
    for bad_serial in (0, 10_000, -1):
        with pytest.raises(ValueError):
            nik_from_parts("351508", BIRTH, "L", bad_serial)
    with pytest.raises(ValueError):
        nik_from_parts("351508", BIRTH, "W", 1)


def test_mask_nik() -> None:
    assert mask_nik(NIK_MAN) == "3515••••••••0001"
    assert mask_nik("3515 0823 0885 0001") == "3515••••••••0001"
    assert mask_nik("1234") == "••••"
    assert mask_nik("") == ""


nik_parts = st.tuples(
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(["L", "P"]),
    st.integers(min_value=1, max_value=9999),
)


@given(nik_parts)
def test_nik_parts_round_trip(parts: tuple[str, date, str, int]) -> None:
    region, birth, sex, serial = parts
    nik = nik_from_parts(region, birth, sex, serial)
    assert validate_nik(nik) == nik
    assert nik[:6] == region
    assert int(nik[12:]) == serial
    assert nik_warnings(nik, birth, sex) == []
    other_sex = "L" if sex == "P" else "P"
    assert len(nik_warnings(nik, birth, other_sex)) == 1
    masked = mask_nik(nik)
    assert masked[:4] == nik[:4]
    assert masked[-4:] == nik[-4:]
    assert masked[4:12] == "•" * 8
    spaced = f"{nik[:4]} {nik[4:8]}.{nik[8:12]}-{nik[12:]}"
    assert validate_nik(spaced) == nik


# ---------------------------------------------------------------- phones


@pytest.mark.parametrize(
    "text",
    ["0812-3456-7890", "+62 812 3456 7890", "6281234567890", "81234567890", "0812 3456 7890",
     "+62 (0)812-3456-7890", "(0812) 3456.7890", "+6281234567890"],
)  # fmt: skip
def test_normalize_phone_accepts(text: str) -> None:
    assert normalize_phone(text) == "+6281234567890"


def test_normalize_phone_landline() -> None:
    assert normalize_phone("0321-123456") == "+62321123456"
    assert normalize_phone("(021) 1234567") == "+62211234567"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "belum diisi"),
        ("abc", "bukan nomor telepon yang sah"),
        ("0812-3456-789O", "bukan nomor telepon yang sah"),
        ("+1 202 555 0100", "bukan nomor Indonesia"),
        ("+62", "bukan nomor telepon yang sah"),
        ("0812-345", "terlalu pendek"),
        ("0812-3456-7890-12345", "terlalu panjang"),
        ("00812-3456-7890", "angka 0 di depan"),
    ],
)
def test_normalize_phone_rejects(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(text)
    assert info.value.field == "phone"
    assert fragment in info.value.message


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+6281234567890", "0812-3456-7890"),
        ("+628123456789", "0812-345-6789"),
        ("+62821419009", "0821-419-009"),
        ("+628214190095", "0821-419-0095"),
        ("+62812345678901", "0812-3456-78901"),
        ("+62321123456", "0321-123456"),
        ("+62211234567", "021-1234567"),
        ("+62274512345", "0274-512345"),
        ("tidak ada", "tidak ada"),  # old data is shown as it is, not lost
    ],
)
def test_format_phone(stored: str, shown: str) -> None:
    assert format_phone(stored) == shown


phone_nsn = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("123456789"),
    st.text(alphabet="0123456789", min_size=7, max_size=12),
)


@given(phone_nsn)
def test_phone_round_trips(nsn: str) -> None:
    stored = f"+62{nsn}"
    assert normalize_phone(stored) == stored
    assert normalize_phone("0" + nsn) == stored
    assert normalize_phone("62" + nsn) == stored
    shown = format_phone(stored)
    assert shown.startswith("0")
    assert shown.replace("-", "") == "0" + nsn
    assert normalize_phone(shown) == stored


# ---------------------------------------------------------------- NPWP


def test_validate_npwp() -> None:
    assert validate_npwp("3515082308850001") == "3515082308850001"
    assert validate_npwp("3515 0823 0885 0001") == "3515082308850001"
    assert validate_npwp("01.234.567.8-901.234") == "01.234.567.8-901.234"
    assert validate_npwp("012345678901234") == "01.234.567.8-901.234"
    # Sixteen digits with separators anywhere are read as the new form.
    assert validate_npwp("01.234.567.8-901.2345") == "0123456789012345"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "belum diisi"),
        ("01.234.567.8-901.23", "yang ditulis 14 angka"),
        ("01.234.567.X-901.234", "hanya boleh berisi angka"),
        ("12345", "yang ditulis 5 angka"),
    ],
)
def test_validate_npwp_rejects(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_npwp(text)
    assert info.value.field == "npwp"
    assert fragment in info.value.message


@given(st.text(alphabet="0123456789", min_size=15, max_size=15))
def test_old_npwp_round_trip(digits: str) -> None:
    formatted = validate_npwp(digits)
    assert len(formatted) == 20
    assert formatted.replace(".", "").replace("-", "") == digits
    assert validate_npwp(formatted) == formatted
