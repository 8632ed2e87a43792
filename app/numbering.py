"""Number patterns for member numbers, receipts and letters: `{seq:03}/{coop_code}/{year}`."""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.errors import ValidationError
from app.formats import roman_month

PLACEHOLDERS = {
    "seq": "nomor urut",
    "year": "tahun (2026)",
    "yy": "tahun dua angka (26)",
    "month": "bulan dua angka (08)",
    "roman_month": "bulan angka Romawi (VIII)",
    "coop_code": "kode koperasi",
    "doc_code": "kode jenis dokumen",
}


def validate_pattern(pattern: str, field: str = "pattern") -> None:
    """Refuse a pattern with an unknown placeholder or without {seq}."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise ValidationError(
            f"Pola nomor '{pattern}' tidak bisa dibaca: periksa tanda kurung kurawal.", field
        ) from exc
    names = [name for _, name, _, _ in parsed if name is not None]
    for name in names:
        if name not in PLACEHOLDERS:
            raise ValidationError(
                f"Pola nomor memakai isian yang tidak dikenal: {{{name}}}. Yang bisa dipakai: "
                + ", ".join(f"{{{key}}}" for key in PLACEHOLDERS),
                field,
            )
    if "seq" not in names:
        raise ValidationError("Pola nomor harus memuat {seq} (nomor urut).", field)
    try:
        format_pattern(pattern, 1, date(2000, 1, 1))
    except (ValueError, KeyError, IndexError) as exc:
        raise ValidationError(f"Pola nomor '{pattern}' tidak bisa dipakai: {exc}", field) from exc


def format_pattern(
    pattern: str, seq: int, on: date, coop_code: str = "", doc_code: str = ""
) -> str:
    """Fill a validated pattern.

    ('{seq:03}/{coop_code}/{roman_month}/{year}', 12, 24-08-2021) -> '012/KSP-GR/VIII/2021'.
    """
    return pattern.format(
        seq=seq,
        year=on.year,
        yy=f"{on.year % 100:02d}",
        month=f"{on.month:02d}",
        roman_month=roman_month(on.month),
        coop_code=coop_code,
        doc_code=doc_code,
    )


def resets_yearly(pattern: str) -> bool:
    """A pattern that shows the year restarts its sequence every year."""
    return "{year" in pattern or "{yy" in pattern


def next_number(
    take: Callable[[], int], make: Callable[[int], str], taken: Callable[[str], bool]
) -> tuple[int, str]:
    """The one "next number" loop: take the sequence's next value and format it, until the
    number is not taken yet (one given under an older pattern is skipped, never reused).

    take: the storage side's next sequence value (counts up on every call, inside the
    caller's transaction); taken: the storage side's "is this number in use". Returns the
    sequence value and the number."""
    while True:
        seq = take()
        number = make(seq)
        if not taken(number):
            return seq, number


TakeValue = Callable[[str, int], int]
"""(sequence name, year) -> that sequence's next value (`app.storage.sequences.next_value`
bound to the database)."""


@dataclass(frozen=True)
class NumberRule:
    """How one kind of number is made: its pattern, its sequence, the codes it shows."""

    pattern: str
    sequence: str
    coop_code: str = ""
    doc_code: str = ""

    def year(self, on: date) -> int:
        """The sequence's year: `on`'s year when the pattern shows it, else 0 (never resets)."""
        return on.year if resets_yearly(self.pattern) else 0

    def format(self, seq: int, on: date) -> str:
        return format_pattern(self.pattern, seq, on, self.coop_code, self.doc_code)

    def next(self, on: date, take: TakeValue, taken: Callable[[str], bool]) -> str:
        """The next free number of this kind for a record dated `on`."""
        year = self.year(on)
        _seq, number = next_number(
            lambda: take(self.sequence, year), lambda seq: self.format(seq, on), taken
        )
        return number
