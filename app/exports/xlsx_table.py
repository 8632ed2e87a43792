"""A table as the user sees it, written to an Excel workbook.

The caller hands the headers and the cells in the order shown; each cell is already typed:
`Rupiah` (whole rupiah, written as a number with a rupiah format), `int` (a count), `date`
(an Excel date), `None` (empty) or text (written as text, so a NIK, a phone number or a member
number keeps its leading zeros and every digit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

RUPIAH_FORMAT = '"Rp"#,##0;-"Rp"#,##0'
DATE_FORMAT = "dd/mm/yyyy"
TEXT_FORMAT = "@"


@dataclass(frozen=True)
class Rupiah:
    """A money cell: whole rupiah."""

    amount: int


Cell = Rupiah | int | Decimal | date | str | None


@dataclass(frozen=True)
class TableExport:
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    notes: Sequence[str] = ()  # the parameters: filters, date, who exported


def _safe_sheet_title(title: str) -> str:
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return (cleaned or "Data")[:31]


def write_table(table: TableExport, path: Path) -> None:
    """Writes `table` to `path` (.xlsx): the title and notes above, the header row frozen."""
    # Here, not at the top: every table model imports Rupiah from this module (issue 16).
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _safe_sheet_title(table.title)
    sheet.cell(row=1, column=1, value=table.title).font = Font(bold=True, size=12)
    for n, note in enumerate(table.notes, start=2):
        sheet.cell(row=n, column=1, value=note)
    header_row = len(table.notes) + 3
    widths = [len(h) for h in table.headers]
    for c, caption in enumerate(table.headers, start=1):
        cell = sheet.cell(row=header_row, column=c, value=caption)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, values in enumerate(table.rows, start=header_row + 1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, Rupiah):
                cell.value = value.amount
                cell.number_format = RUPIAH_FORMAT
                shown = len(f"Rp{value.amount:,}")
            elif isinstance(value, datetime):
                cell.value = value.date()
                cell.number_format = DATE_FORMAT
                shown = 10
            elif isinstance(value, date):
                cell.value = value
                cell.number_format = DATE_FORMAT
                shown = 10
            elif isinstance(value, bool) or value is None:
                cell.value = None if value is None else ("Ya" if value else "Tidak")
                shown = 0
            elif isinstance(value, int | Decimal):
                cell.value = value
                shown = len(str(value))
            else:
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
                cell.number_format = TEXT_FORMAT
                cell.data_type = "s"
                shown = len(str(value))
            if c <= len(widths):
                widths[c - 1] = max(widths[c - 1], shown)
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = min(60, max(8, width + 2))
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    book.save(path)
