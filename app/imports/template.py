"""Import templates written by the program: the Indonesian headers on a `Data` sheet (NIK,
phone and number columns formatted as text) and a `Keterangan` sheet explaining each column
with an example. Also the workbook writer the exports share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from app.errors import ValidationError
from app.imports.columns import Column
from app.ledger.models import Account

TEXT_FORMAT = "@"
RUPIAH_FORMAT = '"Rp"#,##0'
DATE_FORMAT = "DD/MM/YYYY"
TEXT_ROWS = 2000  # rows pre-formatted as text in a template


def columns_of(kind: str) -> tuple[Column, ...]:
    from app.imports.service import KINDS

    if kind not in KINDS:
        raise ValidationError(f"Jenis '{kind}' tidak dikenal; pilih {', '.join(KINDS)}.")
    return KINDS[kind][1]


def _header(sheet: Worksheet, columns: Sequence[Column]) -> None:
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(14, len(column.header) + 4)


def write_rows(
    path: Path, columns: Sequence[Column], rows: Iterable[Sequence[Any]], title: str = "Data"
) -> int:
    """A workbook of `rows` under the columns' headers: text columns as text, amounts with
    the rupiah format, dates as dates. The number of rows written."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    _header(sheet, columns)
    count = 0
    for count, values in enumerate(rows, start=1):
        for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = sheet.cell(row=count + 1, column=index)
            if column.as_text:
                cell.number_format = TEXT_FORMAT
                cell.value = "" if value is None else str(value)
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
                cell.value = value
            elif column.amount:
                cell.number_format = RUPIAH_FORMAT
                cell.value = value
            else:
                cell.value = value
    _save(book, path)
    return count


def write_template(kind: str, path: Path, accounts: Sequence[Account] | None = None) -> None:
    """`accounts`: the chart the `opening` template pre-lists (None: the default chart)."""
    columns = columns_of(kind)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Data"
    _header(sheet, columns)
    for index, column in enumerate(columns, start=1):
        if column.as_text:
            for row in range(2, TEXT_ROWS + 2):
                sheet.cell(row=row, column=index).number_format = TEXT_FORMAT
    notes = book.create_sheet("Keterangan")
    notes.append(["Kolom", "Wajib", "Keterangan", "Contoh", "Nama lain yang dikenali"])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for column in columns:
        notes.append(
            [
                column.header,
                "wajib" if column.required else "boleh kosong",
                column.note,
                column.example,
                ", ".join(column.synonyms),
            ]
        )
        notes.cell(row=notes.max_row, column=4).number_format = TEXT_FORMAT
    for letter, width in zip("ABCDE", (22, 14, 70, 20, 40), strict=True):
        notes.column_dimensions[letter].width = width
    if kind == "opening":
        from app.imports import opening_template

        opening_template.fill(sheet, accounts)
        opening_template.notes(notes)
    _save(book, path)


def _save(book: Workbook, path: Path) -> None:
    try:
        book.save(Path(path))
    except OSError as exc:
        raise ValidationError(f"Berkas {path} tidak bisa disimpan: {exc.strerror}") from None
