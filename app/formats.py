"""Indonesian formats: dates, Roman months, times, counts, phones, labels in sentences; parsing
and month arithmetic. One function per format, used by every screen and document."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta

from app.errors import ValidationError
from app.money import format_number, terbilang

__all__ = [
    "DAYS_ID",
    "MONTHS_ID",
    "TIMEZONES",
    "add_months",
    "date_in_words",
    "day_name",
    "format_count",
    "format_date_long",
    "format_date_short",
    "format_date_time",
    "format_date_with_day",
    "format_phone_digits",
    "format_time",
    "in_sentence",
    "months_between",
    "parse_date",
    "roman_month",
]

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
"""Month names, January first: MONTHS_ID[d.month - 1]."""

DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
"""Day names, Monday first, so DAYS_ID[d.weekday()] is the day's name."""

TIMEZONES = ("WIB", "WITA", "WIT")
"""Indonesia's time zones: western (UTC+7), central (UTC+8), eastern (UTC+9)."""

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# Other spellings seen in the field, beyond full names and their 3-letter prefixes.
_MONTH_ALIASES = {
    "agt": 8,
    "ags": 8,
    "sept": 9,
    "nop": 11,
    "nopember": 11,
    "peb": 2,
    "pebruari": 2,
    "febuari": 2,
}

# Years outside this range are almost certainly typos ('24-08-0201'), not real loan or birth dates.
_MIN_YEAR = 1900
_MAX_YEAR = 2100  # app.text.MAX_YEAR: typed dates stay within 1900-2100 (issue 9 §9)

_EXAMPLE = "Tulis seperti 24-08-2021 atau 24 Agustus 2021."
_DMY = re.compile(r"^(?P<d>[0-9]{1,2})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{2,4})$")
_YMD = re.compile(r"^(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})$")
_D_MONTH_Y = re.compile(r"^(?P<d>[0-9]{1,2})[ -]+(?P<month>[a-z]+)\.?[ -]+(?P<y>[0-9]{2,4})$")


def day_name(d: date) -> str:
    """date(2021, 8, 24) -> 'Selasa'."""
    return DAYS_ID[d.weekday()]


def format_date_long(d: date) -> str:
    """date(2021, 8, 24) -> '24 Agustus 2021' (as written in letters)."""
    return f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"


def format_date_short(d: date) -> str:
    """date(2021, 8, 24) -> '24-08-2021' (as shown in tables)."""
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def format_date_with_day(d: date) -> str:
    """date(2021, 8, 24) -> 'Selasa, 24 Agustus 2021'."""
    return f"{day_name(d)}, {format_date_long(d)}"


def roman_month(month: int) -> str:
    """1 -> 'I' … 12 -> 'XII' (used in letter numbers such as 012/KSP/VIII/2021)."""
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month!r}")
    return _ROMAN[month - 1]


def date_in_words(d: date) -> str:
    """date(2025, 9, 7) -> 'Minggu, tanggal tujuh bulan September tahun dua ribu dua puluh lima'.

    The form used in minutes (berita acara) and agreements.
    """
    return (
        f"{day_name(d)}, tanggal {terbilang(d.day)} bulan {MONTHS_ID[d.month - 1]} "
        f"tahun {terbilang(d.year)}"
    )


def format_time(t: time, zone: str | None = None) -> str:
    """time(14, 30) -> '14.30'; with zone 'WIB' -> '14.30 WIB' (PUEBI uses a dot)."""
    if zone is not None and zone not in TIMEZONES:
        raise ValueError(f"unknown time zone {zone!r}; expected one of {TIMEZONES}")
    text = f"{t.hour:02d}.{t.minute:02d}"
    return f"{text} {zone}" if zone else text


def format_date_time(moment: datetime) -> str:
    """datetime(2026, 11, 26, 17, 5) -> '26-11-2026 17.05' (a table's date, the time's dot)."""
    return f"{format_date_short(moment.date())} {format_time(moment.time())}"


def _month_from_name(name: str) -> int | None:
    """'agustus', 'Agu', 'agt' -> 8; None when the word is not a month."""
    word = name.lower()
    if word in _MONTH_ALIASES:
        return _MONTH_ALIASES[word]
    if len(word) < 3:
        return None
    for number, full in enumerate(MONTHS_ID, start=1):
        if full.lower().startswith(word):
            return number
    return None


def parse_date(text: str) -> date:
    """Read a date typed by a user.

    Accepts '24-08-2021', '24/08/2021', '24.08.2021', '2021-08-24', '24 Agustus 2021' and
    '24 Agu 2021' or '24-Agu-2021' (month names in any case, full or abbreviated).
    Years must have four digits and lie between 1900 and 2100.
    Raises ValidationError with an Indonesian message otherwise.
    """
    raw = text.strip()
    if not raw:
        raise ValidationError("Tanggal belum diisi. " + _EXAMPLE)
    compact = " ".join(raw.lower().split())
    match = _DMY.match(compact) or _YMD.match(compact)
    if match is not None:
        day, month, year_text = int(match["d"]), int(match["m"]), match["y"]
    else:
        match = _D_MONTH_Y.match(compact)
        if match is None:
            raise ValidationError(f"'{raw}' bukan tanggal yang dikenali. {_EXAMPLE}")
        found = _month_from_name(match["month"])
        if found is None:
            raise ValidationError(f"'{match['month']}' bukan nama bulan. {_EXAMPLE}")
        day, month, year_text = int(match["d"]), found, match["y"]
    if len(year_text) != 4:
        raise ValidationError(f"Tahun pada '{raw}' harus ditulis empat angka. {_EXAMPLE}")
    year = int(year_text)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise ValidationError(f"Tahun {year} pada '{raw}' tidak masuk akal. {_EXAMPLE}")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(f"Tanggal '{raw}' tidak ada. Tulis seperti 24-08-2021.") from None


def months_between(start: date, end: date) -> int:
    """Calendar months from start's month to end's month, both counted; days are ignored.

    Jan 2025 -> Jan 2025 is 1, Jan -> Mar is 3, 31 Jan -> 1 Feb is 2; end before start's month is 0.
    """
    count = (end.year - start.year) * 12 + (end.month - start.month) + 1
    return max(count, 0)


def month_key(year: int, month: int) -> str:
    """A month as the books store and compare it: '2026-01'."""
    return f"{year:04d}-{month:02d}"


def month_of(on: date) -> str:
    """The month `on` falls in, as `month_key` writes it."""
    return month_key(on.year, on.month)


def is_month_end(on: date) -> bool:
    """The last day of its month."""
    return (on + timedelta(days=1)).day == 1


def add_months(d: date, n: int, anchor_day: int | None = None) -> date:
    """Move `n` months (may be negative), keeping the day but clamping at the month's end.

    date(2025, 1, 31) + 1 -> 28 Feb 2025. With `anchor_day` the wanted day is `anchor_day`
    instead of d.day, so a schedule started on 31 Jan stays on the 31st when the month has one:
    add_months(date(2025, 2, 28), 1, anchor_day=31) -> 31 Mar 2025.
    """
    day = d.day if anchor_day is None else anchor_day
    if not 1 <= day <= 31:
        raise ValueError(f"anchor_day must be 1..31, got {anchor_day}")
    index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(index, 12)
    month = month0 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day, last))


def format_count(n: int, unit: str) -> str:
    """(1199, 'hari') -> '1.199 hari'; (1, 'anggota') -> '1 anggota' (dots group thousands)."""
    return f"{format_number(n)} {unit}"


# Indonesian area codes with two digits after the trunk 0; all others have three.
_TWO_DIGIT_AREAS = frozenset({"21", "22", "24", "31", "61"})
_MOBILE_HEAD = 4  # '0812'


def format_phone_digits(national: str) -> str:
    """A national number (trunk 0 and digits only) as shown everywhere (DOMAIN §9).

    Mobiles: the operator prefix, then the rest in two groups, the longer last:
    '0812345678' -> '0812-345-678', '08214190095' -> '0821-419-0095',
    '081234567890' -> '0812-3456-7890', '0812345678901' -> '0812-3456-78901'.
    Landlines: area code and subscriber number: '0321391274' -> '0321-391274',
    '02155501234' -> '021-55501234'.
    """
    if not national.startswith("0") or not national.isdigit():
        raise ValueError(f"not a national number: {national!r}")
    if national.startswith("08"):
        head, rest = national[:_MOBILE_HEAD], national[_MOBILE_HEAD:]
        if len(rest) <= _MOBILE_HEAD:
            return f"{head}-{rest}" if rest else head
        cut = len(rest) // 2
        return f"{head}-{rest[:cut]}-{rest[cut:]}"
    area = 3 if national[1:3] in _TWO_DIGIT_AREAS else 4
    return f"{national[:area]}-{national[area:]}" if len(national) > area else national


def in_sentence(label: str) -> str:
    """A label (which starts with a capital) as written inside a sentence.

    Ordinary capitalised words go to lower case; abbreviations and names written in capitals
    or mixed case stay: 'Kunjungan Rumah' -> 'kunjungan rumah',
    'PHK / kehilangan penghasilan' -> 'PHK / kehilangan penghasilan', 'WhatsApp' -> 'WhatsApp',
    'Analisa 5C lemah' -> 'analisa 5C lemah', 'Suami/Istri' -> 'suami/istri'.
    """

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) > 1 and word[0].isupper() and word[1:].islower():
            return word[0].lower() + word[1:]
        return word

    return re.sub(r"[^\W\d_]+", one, label)
