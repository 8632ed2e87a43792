"""Small spreadsheet writers for the import tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

MEMBER_HEADERS = ["Nomor Anggota", "Nama Lengkap", "NIK", "Jenis Kelamin", "Tanggal Masuk"]


def xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Data"
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def nik(serial: int, day: int = 12) -> str:
    return f"357601{day:02d}0185{serial:04d}"


def member_rows(count: int, start: int = 1) -> list[list[Any]]:
    return [
        [f"{n:05d}", f"Anggota {n}", nik(n), "L" if n % 2 else "P", "15/03/2010"]
        for n in range(start, start + count)
    ]
