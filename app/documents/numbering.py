"""Letter numbers (DOMAIN §8): `{seq:03}/{coop_code}/{doc_code}/{roman_month}/{year}`, one
sequence per document kind, restarting each year when the pattern shows the year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.documents.kinds import DocKind
from app.errors import ValidationError
from app.numbering import format_pattern, resets_yearly, validate_pattern

DEFAULT_PATTERN = "{seq:03}/{coop_code}/{doc_code}/{roman_month}/{year}"
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,14}$")


@dataclass(frozen=True)
class NumberPlan:
    """How the next number of one kind is made: its sequence (name, year) and its pieces."""

    pattern: str
    kind: DocKind
    doc_code: str
    coop_code: str
    on: date

    @property
    def sequence(self) -> str:
        return f"dokumen.{self.kind.value}"

    @property
    def year(self) -> int:
        """The sequence's year: the document's year, or 0 when the pattern has no year."""
        return self.on.year if resets_yearly(self.pattern) else 0

    def number(self, seq: int) -> str:
        return format_pattern(self.pattern, seq, self.on, self.coop_code, self.doc_code)


def validate_doc_pattern(pattern: str) -> str:
    """The pattern trimmed, or ValidationError (unknown placeholder, no {seq})."""
    pattern = pattern.strip()
    if not pattern:
        raise ValidationError("Pola nomor surat wajib diisi.", field="pattern")
    validate_pattern(pattern, field="pattern")
    return pattern


def validate_doc_code(code: str) -> str:
    """A kind's code for {doc_code}: letters, digits, dot or minus, at most 15 characters."""
    code = code.strip().upper()
    if not _CODE.match(code):
        raise ValidationError(
            "Kode jenis surat: huruf, angka, titik atau tanda minus, paling banyak 15 karakter "
            "(misalnya SP-1).",
            field="doc_code",
        )
    return code
