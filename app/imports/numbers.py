"""Member numbers as written in a file: kept as text, and refused when some seem to have lost
their leading zeros (Excel turns '00123' typed in a number cell into 123) unless the user
asked to pad them to a width."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.imports import cells


def member_number(value: Any, pad: int | None) -> str:
    number = cells.text(value)
    if pad and number.isdigit():
        return number.zfill(pad)
    return number


def lost_zeros(numbers: Sequence[str], known: Sequence[str] = ()) -> tuple[int, str] | None:
    """(width, example) when digit-only numbers starting with 0 show that zeros matter and
    others are shorter than them; None when nothing suggests lost zeros."""
    padded = [n for n in [*numbers, *known] if n.isdigit() and n.startswith("0")]
    if not padded:
        return None
    width = max(len(n) for n in padded)
    example = next(n for n in padded if len(n) == width)
    return (width, example)


def zero_message(number: str, width: int, example: str) -> str:
    return (
        f"nomor anggota '{number}' mungkin kehilangan angka nol di depan (nomor lain ditulis "
        f"{width} angka, misalnya {example}). Perbaiki berkas (format kolom sebagai Teks), atau "
        f"impor dengan pilihan tambah nol di depan sampai {width} angka (--pad-nomor {width})."
    )
