"""The fast worksheet reader gives exactly what openpyxl's read-only `iter_rows(values_only=
True)` gives (the import read every sheet that way before): for any cells openpyxl writes —
numbers, text, dates and times under date styles, booleans, gaps — in either epoch, and for
worksheet XML other programs write (namespace prefixes, inline and rich strings, formula
text, errors, ISO dates, cells and rows without references)."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from app.errors import ValidationError
from app.imports.sheet import read_sheet
from app.imports.xlsx_rows import worksheets

FORMATS = ["General", "0", "#,##0", "@", "dd/mm/yyyy", "yyyy-mm-dd h:mm", "d mmm yyyy",
           "h:mm:ss", "[h]:mm:ss", "0.00%"]  # fmt: skip
CELL = st.one_of(
    st.none(),
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["0012", " Rp1.500.000 ", "1.500.000,00", "3576014107850003", "a&b<c>", ""]),
    st.dates(date(1900, 3, 1), date(2100, 1, 1)),
    st.datetimes(datetime(1900, 3, 1), datetime(2100, 1, 1)).map(lambda d: d.replace(second=0)),
    st.booleans(),
)  # fmt: skip


def _openpyxl(path: Path) -> list[tuple[str, list[list[Any]]]]:
    book = load_workbook(path, read_only=True, data_only=True)
    result = []
    for sheet in book.worksheets:
        sheet.reset_dimensions()
        result.append((sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)]))
    book.close()
    return result


def _same(path: Path) -> None:
    fast = list(worksheets(path))
    assert fast == _openpyxl(path)


@given(
    grid=st.lists(
        st.lists(st.tuples(CELL, st.sampled_from(FORMATS)), max_size=6), min_size=1, max_size=8
    ),
    skip_rows=st.sets(st.integers(1, 8), max_size=3),
    write_only=st.booleans(),
    epoch_1904=st.booleans(),
)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_same_values_as_openpyxl(
    tmp_path: Path,
    grid: list[list[tuple[Any, str]]],
    skip_rows: set[int],
    write_only: bool,
    epoch_1904: bool,
) -> None:
    path = tmp_path / "t.xlsx"
    book = Workbook(write_only=write_only)
    book.epoch = datetime(1904, 1, 1) if epoch_1904 else book.epoch
    sheet = book.create_sheet("Data") if write_only else book.active
    other = book.create_sheet("Kedua")
    if write_only:
        from openpyxl.cell import WriteOnlyCell

        for row in grid:
            cells = []
            for value, number_format in row:
                cell = WriteOnlyCell(sheet, value)
                cell.number_format = number_format
                cells.append(cell)
            sheet.append(cells)
    else:
        for r, row in enumerate(grid, start=1):
            if r in skip_rows:
                continue
            for c, (value, number_format) in enumerate(row, start=1):
                if value is None and c % 2:
                    continue  # a gap in the row
                cell = sheet.cell(r + len(skip_rows), c * (1 + r % 2), value)
                cell.number_format = number_format
    other.append(["x", 1, date(2024, 2, 29)])
    book.save(path)
    _same(path)


def _crafted(tmp_path: Path, sheet_xml: str, strings_xml: str | None = None) -> Path:
    """A workbook whose first worksheet (and shared strings, which openpyxl never writes)
    are the given XML."""
    base = tmp_path / "base.xlsx"
    book = Workbook()
    book.active.append(["x", date(2025, 1, 2)])  # a date style (s="1")
    book.save(base)
    path = tmp_path / "crafted.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml.encode("utf-8")
            elif item.filename == "[Content_Types].xml" and strings_xml is not None:
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            out.writestr(item, data)
        if strings_xml is not None:
            out.writestr("xl/sharedStrings.xml", strings_xml.encode("utf-8"))
    return path


NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.mark.parametrize(
    "cells",
    [
        # inline strings (plain, rich runs, a phonetic run left out), formula text, errors,
        # ISO dates, booleans, a number under the date style, an empty value
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> a &amp; b'
        '</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t>Siti </x:t></x:r>'
        '<x:r><x:t>Aminah</x:t></x:r><x:rPh sb="0" eb="1"><x:t>no</x:t></x:rPh></x:is></x:c>'
        "</x:row>"
        '<x:row r="3"><x:c r="A3" t="str"><x:f>A1</x:f><x:v>hasil</x:v></x:c>'
        '<x:c r="B3" t="e"><x:v>#N/A</x:v></x:c><x:c r="C3" t="d"><x:v>2025-08-07T00:00:00'
        '</x:v></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c><x:c r="E3" s="1"><x:v>45658.5'
        '</x:v></x:c><x:c r="F3"><x:v></x:v></x:c></x:row>',
        # cells and rows without references, numbers in exponent form
        '<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>1.5E3</x:v></x:c><x:c t="inlineStr"/>'
        '</x:row><x:row><x:c t="inlineStr"><x:is><x:t>dua</x:t></x:is></x:c></x:row>'
        '<x:row r="5"><x:c r="B5"><x:v>-7</x:v></x:c><x:c><x:v>0012</x:v></x:c></x:row>',
    ],
)
def test_xml_from_other_programs(tmp_path: Path, cells: str) -> None:
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{NS}"><x:sheetData>'
        f"{cells}</x:sheetData></x:worksheet>"
    )
    path = _crafted(tmp_path, xml)
    _same(path)
    assert next(iter(worksheets(path)))[1]  # something was read


def test_rich_shared_strings(tmp_path: Path) -> None:
    strings = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="2" uniqueCount="2">'
        "<si><r><t>Nomor </t></r><r><rPr><b/></rPr><t>Anggota</t></r></si>"
        "<si><t>x005F_x</t></si></sst>"
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        "</sheetData></worksheet>"
    )
    path = _crafted(tmp_path, xml, strings)
    _same(path)
    assert next(iter(worksheets(path)))[1] == [["Nomor Anggota", "x"]]


def test_a_broken_workbook_is_a_clear_message(tmp_path: Path) -> None:
    xml = f'<worksheet xmlns="{NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c>'  # cut off
    with pytest.raises(ValidationError, match="tidak bisa dibaca sebagai Excel"):
        read_sheet(_crafted(tmp_path, xml))
    not_zip = tmp_path / "bukan.xlsx"
    not_zip.write_bytes(b"PK\x03\x04 rusak")
    with pytest.raises(ValidationError, match="tidak bisa dibaca sebagai Excel"):
        read_sheet(not_zip)


def test_first_sheet_with_data_is_read(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Kosong"
    data = book.create_sheet("Data")
    data.append(["Nomor Anggota", "Nama"])
    data.append(["0012", time(8, 30)])
    path = tmp_path / "b.xlsx"
    book.save(path)
    sheet = read_sheet(path)
    assert (sheet.name, sheet.headers, sheet.rows) == (
        "Data", ["Nomor Anggota", "Nama"], [(2, ["0012", time(8, 30)])]
    )  # fmt: skip
