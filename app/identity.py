"""Indonesian identity numbers: NIK (KTP), phone numbers and NPWP."""

from __future__ import annotations

import re
from datetime import date

from app.errors import ValidationError
from app.formats import format_phone_digits

__all__ = [
    "SEXES",
    "format_phone",
    "mask_nik",
    "nik_from_parts",
    "nik_warnings",
    "normalize_nik",
    "normalize_phone",
    "validate_nik",
    "validate_npwp",
]

SEXES = ("L", "P")
"""Sex codes as on the KTP: L (laki-laki, male), P (perempuan, female)."""

_NIK_LENGTH = 16
_FEMALE_DAY_OFFSET = 40
_SEPARATORS = re.compile(r"[\s.\-]+")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()/]+")
# National significant number: what follows the trunk '0' (or '+62'); 8 to 13 digits.
_NSN = re.compile(r"^[1-9][0-9]{7,12}$")
_NSN_MIN, _NSN_MAX = 8, 13
# Landline area codes with two digits after the '0'; all others have three.
_PHONE_EXAMPLE = "Tulis seperti 0812-3456-7890."
_OLD_NPWP_LENGTH = 15


def _is_digits(text: str) -> bool:
    # str.isdigit() also accepts '²' and Arabic-Indic digits; identity numbers are ASCII only.
    return text.isascii() and text.isdigit()


# ---------------------------------------------------------------- NIK


def normalize_nik(text: str) -> str:
    """'3515 0823 0885 0001' or '3515.082308.850001' -> '3515082308850001' (no other checks)."""
    return _SEPARATORS.sub("", text)


def validate_nik(text: str) -> str:
    """Return the 16 digits of a NIK (PP KK CC DD MM YY NNNN) or raise ValidationError(field='nik').

    Checks the shape only: 16 digits, a possible birth day (01–31, or 41–71 for women) and
    month (01–12), and a serial other than 0000. Disagreements with the entered birth date or
    sex are warnings, see nik_warnings().
    """
    nik = normalize_nik(text)
    if not nik:
        raise ValidationError("NIK belum diisi. NIK ada di KTP dan panjangnya 16 angka.", "nik")
    if not _is_digits(nik):
        raise ValidationError(
            f"NIK hanya boleh berisi angka, tetapi '{text.strip()}' berisi huruf atau tanda lain.",
            field="nik",
        )
    if len(nik) != _NIK_LENGTH:
        raise ValidationError(
            f"NIK harus 16 angka, yang ditulis {len(nik)} angka. Periksa lagi dengan KTP.",
            field="nik",
        )
    day, month = int(nik[6:8]), int(nik[8:10])
    if not (1 <= day <= 31 or 41 <= day <= 71):
        raise ValidationError(
            f"Angka tanggal lahir di NIK ({nik[6:8]}, angka ke-7 dan ke-8) tidak mungkin: "
            "harus 01 sampai 31, atau 41 sampai 71 untuk perempuan. Periksa lagi dengan KTP.",
            field="nik",
        )
    if not 1 <= month <= 12:
        raise ValidationError(
            f"Angka bulan lahir di NIK ({nik[8:10]}, angka ke-9 dan ke-10) tidak mungkin: "
            "harus 01 sampai 12. Periksa lagi dengan KTP.",
            field="nik",
        )
    if nik[12:] == "0000":
        raise ValidationError(
            "Empat angka terakhir NIK (nomor urut) tidak boleh 0000. Periksa lagi dengan KTP.",
            field="nik",
        )
    return nik


def _sex_code(sex: str) -> str:
    code = sex.strip().upper()
    if code not in SEXES:
        raise ValueError(f"sex must be one of {SEXES}, got {sex!r}")
    return code


def nik_warnings(nik: str, birth_date: date | None, sex: str | None) -> list[str]:
    """Indonesian warnings (never errors) where the NIK disagrees with the birth date or sex.

    Real KTPs sometimes disagree with the birth certificate, so these never block saving.
    A NIK that fails validate_nik() gets no warnings here: validate_nik() reports it.
    """
    try:
        digits = validate_nik(nik)
    except ValidationError:
        return []
    warnings: list[str] = []
    nik_day, nik_month, nik_year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    female = nik_day > _FEMALE_DAY_OFFSET
    if female:
        nik_day -= _FEMALE_DAY_OFFSET
    if birth_date is not None:
        differing = [
            name
            for name, ours, theirs in (
                ("tanggal", nik_day, birth_date.day),
                ("bulan", nik_month, birth_date.month),
                ("tahun", nik_year, birth_date.year % 100),
            )
            if ours != theirs
        ]
        if differing:
            warnings.append(
                f"Tanggal lahir di NIK ({nik_day:02d}-{nik_month:02d}-{nik_year:02d}) tidak sama "
                f"dengan tanggal lahir yang diisi ({birth_date:%d-%m-%Y}): "
                f"{' dan '.join(differing)} berbeda. Periksa lagi; bila KTP memang begitu, "
                "data tetap boleh disimpan."
            )
    if sex is not None and sex.strip():
        code = _sex_code(sex)
        if female and code == "L":
            warnings.append(
                "NIK ini menandakan perempuan (angka tanggal lahirnya ditambah 40), tetapi "
                "jenis kelamin yang diisi laki-laki. Periksa lagi NIK atau jenis kelaminnya."
            )
        elif not female and code == "P":
            warnings.append(
                "NIK ini menandakan laki-laki (angka tanggal lahirnya tidak ditambah 40), tetapi "
                "jenis kelamin yang diisi perempuan. Periksa lagi NIK atau jenis kelaminnya."
            )
    return warnings


def nik_from_parts(region6: str, birth_date: date, sex: str, serial: int) -> str:
    """Build a NIK: region (province, regency, district), birth date (+40 for women), serial."""
    if len(region6) != 6 or not _is_digits(region6):
        raise ValueError(f"region6 must be 6 digits, got {region6!r}")
    if isinstance(serial, bool) or not isinstance(serial, int) or not 1 <= serial <= 9999:
        raise ValueError(f"serial must be 1..9999, got {serial!r}")
    day = birth_date.day + (_FEMALE_DAY_OFFSET if _sex_code(sex) == "P" else 0)
    return f"{region6}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"


def mask_nik(nik: str) -> str:
    """'3515082308850001' -> '3515••••••••0001' (first 4 and last 4 digits stay visible)."""
    digits = normalize_nik(nik)
    if len(digits) <= 8:
        return "•" * len(digits)
    return digits[:4] + "•" * (len(digits) - 8) + digits[-4:]


# ---------------------------------------------------------------- phones


def normalize_phone(text: str) -> str:
    """'0812-3456-7890', '+62 812 3456 7890', '6281234567890' or '81234567890' -> '+6281234567890'.

    Raises ValidationError(field='phone') for anything that is not an Indonesian number
    with 8 to 13 digits after the leading 0.
    """
    raw = text.strip()
    compact = _PHONE_SEPARATORS.sub("", raw)
    if not compact:
        raise ValidationError("Nomor telepon belum diisi. " + _PHONE_EXAMPLE, field="phone")
    if compact.startswith("+"):
        if not compact.startswith("+62"):
            raise ValidationError(
                f"'{raw}' bukan nomor Indonesia. Nomor harus diawali 0 atau +62. " + _PHONE_EXAMPLE,
                field="phone",
            )
        nsn = compact[3:]
    elif compact.startswith("0"):
        nsn = compact[1:]
    elif compact.startswith("62"):
        nsn = compact[2:]
    else:
        nsn = compact
    if not nsn or not _is_digits(nsn):
        raise ValidationError(
            f"'{raw}' bukan nomor telepon yang sah. " + _PHONE_EXAMPLE, field="phone"
        )
    if nsn.startswith("0") and compact[0] != "0":
        nsn = nsn[1:]  # '+62 (0)812…': the trunk 0 written after the country code
    if nsn.startswith("0"):
        raise ValidationError(
            f"'{raw}' bukan nomor telepon yang sah: terlalu banyak angka 0 di depan. "
            + _PHONE_EXAMPLE,
            field="phone",
        )
    if len(nsn) < _NSN_MIN:
        raise ValidationError(
            f"Nomor telepon '{raw}' terlalu pendek. " + _PHONE_EXAMPLE, field="phone"
        )
    if len(nsn) > _NSN_MAX:
        raise ValidationError(
            f"Nomor telepon '{raw}' terlalu panjang. " + _PHONE_EXAMPLE, field="phone"
        )
    return f"+62{nsn}"


def format_phone(stored: str) -> str:
    """'+6281234567890' -> '0812-3456-7890'; landlines: '+62321123456' -> '0321-123456'
    (the grouping rule is app.formats.format_phone_digits).

    Text that is not a valid number (old imported data) is shown unchanged rather than lost.
    """
    try:
        nsn = normalize_phone(stored)[3:]
    except ValidationError:
        return stored
    return format_phone_digits("0" + nsn)


# ---------------------------------------------------------------- NPWP


def validate_npwp(text: str) -> str:
    """Return a 16-digit NPWP as digits, or an old 15-digit one as '99.999.999.9-999.999'.

    Raises ValidationError(field='npwp') otherwise. Individuals' 16-digit NPWP is their NIK.
    """
    raw = text.strip()
    digits = _SEPARATORS.sub("", raw)
    if not digits:
        raise ValidationError("NPWP belum diisi.", field="npwp")
    if not _is_digits(digits):
        raise ValidationError(
            f"NPWP hanya boleh berisi angka, titik dan tanda hubung, tetapi '{raw}' berisi "
            "huruf atau tanda lain.",
            field="npwp",
        )
    if len(digits) == _NIK_LENGTH:
        return digits
    if len(digits) == _OLD_NPWP_LENGTH:
        d = digits
        return f"{d[:2]}.{d[2:5]}.{d[5:8]}.{d[8]}-{d[9:12]}.{d[12:]}"
    raise ValidationError(
        f"NPWP harus 16 angka, atau 15 angka dalam bentuk lama 99.999.999.9-999.999; "
        f"yang ditulis {len(digits)} angka.",
        field="npwp",
    )
