"""Cleaning what users type before it is stored (issue 9 §9): control characters and
bidirectional overrides removed, every digit stored as an ASCII digit, dates kept between
1900 and 2100. Every service that stores user text calls `clean_text` / `clean_strings`."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date
from typing import TypeVar

from app.errors import ValidationError

T = TypeVar("T")

# Bidirectional embeddings/overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the
# invisible direction marks: they reorder what a reader sees without being seen themselves.
_BIDI = frozenset(
    {chr(c) for c in range(0x202A, 0x202F)}
    | {chr(c) for c in range(0x2066, 0x206A)}
    | {"\u200e", "\u200f", "\u061c"}
)
_KEPT_CONTROLS = frozenset({"\n", "\t"})

MIN_YEAR = 1900
MAX_YEAR = 2100
MIN_DATE = date(MIN_YEAR, 1, 1)
MAX_DATE = date(MAX_YEAR, 12, 31)


def _ascii_digit(char: str) -> str:
    value = unicodedata.decimal(char, None)
    return str(value) if value is not None else char


def clean_text(text: str, *, multiline: bool = False) -> str:
    """`text` without control characters (NUL, BEL, ESC, …; line breaks and tabs kept only
    when `multiline`, else turned into spaces) and bidirectional controls, with every decimal
    digit ('١٢٣', fullwidth '１２３', …) as its ASCII digit."""
    out: list[str] = []
    for char in text:
        if char in _BIDI:
            continue
        if unicodedata.category(char) == "Cc":
            if char in _KEPT_CONTROLS or char == "\r":
                if multiline and char != "\r":
                    out.append(char)
                elif not multiline:
                    out.append(" ")
            continue
        out.append(_ascii_digit(char) if char.isdecimal() and not char.isascii() else char)
    return "".join(out)


def clean_strings(value: T, *, multiline: tuple[str, ...] = ()) -> T:
    """A copy of a dataclass with every str field cleaned (`multiline` names the fields
    where line breaks are kept)."""
    assert dataclasses.is_dataclass(value) and not isinstance(value, type)
    changes = {
        f.name: clean_text(getattr(value, f.name), multiline=f.name in multiline)
        for f in dataclasses.fields(value)
        if f.init and type(getattr(value, f.name)) is str  # enums (StrEnum) stay as they are
    }
    return dataclasses.replace(value, **changes)


def check_date(value: date | None, field: str, label: str = "Tanggal") -> None:
    """ValidationError at `field` for a date before 1900 or after 2100 (a typing slip: a join
    date of 0001-01-01 once made 24,312 months of wajib due)."""
    if value is not None and not MIN_DATE <= value <= MAX_DATE:
        raise ValidationError(
            f"{label} {value.day:02d}-{value.month:02d}-{value.year:04d} tidak masuk akal: "
            f"tahunnya harus antara {MIN_YEAR} dan {MAX_YEAR}.",
            field=field,
        )
