"""A spreadsheet file as rows of cells: the first sheet of an .xlsx (app/imports/xlsx_rows.py)
or a CSV (`;` or `,`, with or without a UTF-8 BOM). The header row is the first row with text."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import ValidationError
from app.imports import cells


@dataclass(frozen=True)
class Sheet:
    name: str  # the sheet's name ("CSV" for a CSV file)
    header_row: int  # 1-based, as the spreadsheet numbers its rows
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (row number, cells) of every non-empty row below


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_sheet(path: Path) -> Sheet:
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"Berkas {path} tidak ditemukan.")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return _from_rows("CSV", _csv_rows(path.read_bytes()))
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path)
    raise ValidationError(
        f"Berkas {path.name} bukan Excel (.xlsx) atau CSV (.csv). Simpan ulang dari Excel "
        "sebagai 'Excel Workbook (.xlsx)'."
    )


def _xlsx(path: Path) -> Sheet:
    from app.imports.xlsx_rows import worksheets

    try:
        for title, rows in worksheets(path):
            if any(any(not cells.is_blank(v) for v in row) for row in rows):
                return _from_rows(title, rows)
    except ValidationError:
        raise
    except Exception as exc:  # a broken file fails in many ways (zip, XML, openpyxl)
        raise ValidationError(
            f"Berkas {path.name} tidak bisa dibaca sebagai Excel: {exc}"
        ) from None
    raise ValidationError(f"Berkas {path.name} kosong.")


def _csv_rows(data: bytes) -> list[list[Any]]:
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        decoded = data.decode("cp1252", errors="replace")
    first = next((line for line in decoded.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter)]


def _from_rows(name: str, rows: list[list[Any]]) -> Sheet:
    numbered = [
        (number, row)
        for number, row in enumerate(rows, start=1)
        if any(not cells.is_blank(v) for v in row)
    ]
    if not numbered:
        raise ValidationError("Berkas tidak berisi data.")
    header_row, header = numbered[0]
    width = max(i + 1 for i, v in enumerate(header) if not cells.is_blank(v))
    headers = [cells.text(v) for v in header[:width]]
    body = [(n, (list(row) + [None] * width)[:width]) for n, row in numbered[1:]]
    return Sheet(name, header_row, headers, body)
