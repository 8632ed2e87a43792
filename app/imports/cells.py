"""One spreadsheet cell read as what it should be: whole rupiah, a date, text, a NIK.

Real files are messy, so the readers accept the usual spellings ("Rp1.500.000",
"1.500.000,00", Excel dates and serial numbers, "7 Agustus 2021") and refuse, with a message in
Indonesian, what cannot be trusted (a NIK that Excel stored as a number, cents in rupiah)."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from app.errors import ValidationError

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's leap-year bug included)
FIRST_YEAR, LAST_YEAR = 1900, 2100

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

_SPACES = re.compile(r"\s+")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/\-.](\d{1,2})[/\-.](\d{1,4})$")
_WORD_DATE = re.compile(r"^(\d{1,2})[\s\-/]+([A-Za-z]+)\.?[\s\-/]+(\d{4})$")
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE]\+?\d+$")


MAX_AMOUNT = 10**15  # a quadrillion rupiah: beyond any cooperative, well inside SQLite's int64


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: object) -> str:
    """The cell as clean text: spaces trimmed and collapsed, 12.0 read as '12'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return _SPACES.sub(" ", str(value).replace("\u00a0", " ")).strip()


def amount(value: object) -> int:
    """Whole rupiah from 1500000, 1500000.0, "1.500.000", "Rp 1.500.000,00", "1,500,000"."""
    if isinstance(value, bool):
        raise ValidationError("Isi jumlah rupiah, bukan ya/tidak.")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValidationError(f"'{text(value)}' bukan jumlah rupiah (contoh: 1.500.000).")
    if isinstance(value, int):
        number = Decimal(value)
    else:
        number = Decimal(repr(value)) if isinstance(value, float) else _amount_text(text(value))
    if number != number.to_integral_value():
        raise ValidationError(f"Jumlah {text(value)} berisi sen; tulis rupiah bulat.")
    if abs(number) > MAX_AMOUNT:
        raise ValidationError(
            f"Jumlah {text(value)} terlalu besar (paling banyak Rp{MAX_AMOUNT:,}).".replace(
                ",", "."
            )
        )
    return int(number)


def _amount_text(raw: str) -> Decimal:
    cleaned = raw.replace(" ", "").removesuffix(",-").removesuffix(".-")
    negative = cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")"))
    cleaned = cleaned.strip("-()")
    cleaned = re.sub(r"^(rp\.?|idr)", "", cleaned, flags=re.IGNORECASE).strip("-")
    if not cleaned:
        raise ValidationError("Jumlah kosong." if not raw else f"'{raw}' bukan jumlah rupiah.")
    if "," in cleaned and "." in cleaned:
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        cleaned = cleaned.replace(group_mark, "").replace(decimal_mark, ".")
    elif _THOUSANDS_DOT.match(cleaned):
        cleaned = cleaned.replace(".", "")
    elif _THOUSANDS_COMMA.match(cleaned):
        cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?", cleaned):
        raise ValidationError(f"'{raw}' bukan jumlah rupiah (contoh: 1.500.000).")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(f"'{raw}' bukan jumlah rupiah (contoh: 1.500.000).") from None
    return -number if negative else number


def day(value: object) -> date:
    """A date from an Excel date, a serial number, dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd or
    '7 Agustus 2021'; between 1900 and 2100."""
    if isinstance(value, datetime):
        result = value.date()
    elif isinstance(value, date):
        result = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        result = _serial(float(value), str(value))
    else:
        result = _date_text(text(value))
    if not FIRST_YEAR <= result.year <= LAST_YEAR:
        raise ValidationError(f"Tanggal {result.isoformat()} di luar tahun 1900–2100.")
    return result


def _serial(number: float, raw: str) -> date:
    if not number.is_integer() and number % 1 > 1e-6:
        number = float(int(number))  # a date-time serial: the day part
    if not 1 <= number <= 73050:  # 2099-12-31
        raise ValidationError(f"'{raw}' bukan tanggal (tulis misalnya 31/12/2025).")
    return EXCEL_EPOCH + timedelta(days=int(number))


def _date_text(raw: str) -> date:
    if not raw:
        raise ValidationError("Tanggal kosong.")
    bad = ValidationError(f"'{raw}' bukan tanggal (tulis misalnya 31/12/2025).")
    if re.fullmatch(r"\d{1,5}(\.0+)?", raw):
        return _serial(float(raw), raw)
    candidate = raw.split(" ")[0] if re.match(r"^\d{4}-\d\d-\d\d[ T]", raw) else raw
    match = _NUMERIC_DATE.match(candidate)
    try:
        if match:
            a, b, c = match.groups()
            if len(a) == 4:
                return date(int(a), int(b), int(c))
            if len(c) == 4:
                return date(int(c), int(b), int(a))
            raise bad
        match = _WORD_DATE.match(raw)
        if match and match.group(2).lower() in MONTHS:
            return date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
    except ValueError:
        raise ValidationError(f"Tanggal '{raw}' tidak ada di kalender.") from None
    raise bad


def nik(value: object) -> str:
    """A NIK as its digits; a number cell is refused: Excel keeps only 15 significant digits,
    so a 16-digit NIK typed into a number cell has lost its last digit(s)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValidationError(
            f"NIK {text(value)} tersimpan sebagai angka di Excel, sehingga angka terakhirnya "
            "bisa hilang (Excel hanya menyimpan 15 angka). Ubah format kolom NIK menjadi Teks "
            "dan ketik ulang NIK dari KTP."
        )
    raw = text(value)
    if _SCIENTIFIC.match(raw):
        raise ValidationError(
            f"NIK '{raw}' tertulis sebagai angka Excel (E+15): angka terakhirnya sudah hilang. "
            "Ubah format kolom NIK menjadi Teks dan ketik ulang NIK dari KTP."
        )
    return raw.replace(" ", "").replace(".", "").replace("-", "")


def sex(value: object) -> str:
    raw = text(value).lower().replace("-", "").replace(" ", "")
    if raw in ("l", "lk", "laki", "lakilaki", "pria", "m"):
        return "L"
    if raw in ("p", "pr", "perempuan", "wanita", "w", "f"):
        return "P"
    raise ValidationError(f"'{text(value)}' bukan jenis kelamin; tulis L atau P.")


def digits_text(value: object) -> str:
    """Text of a number-like code (member number, RT, phone) without a float's '.0'."""
    return text(value)
