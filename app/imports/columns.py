"""The columns of each import kind: the Indonesian header the template writes, the names
accepted for it (any case, common synonyms), and the note and example of the template's
notes sheet. Matching a file's header row to these columns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.imports.report import Problem
from app.imports.sheet import Sheet


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    note: str
    example: str
    required: bool = False
    synonyms: tuple[str, ...] = ()
    as_text: bool = False  # formatted as text in the template (NIK, phone, numbers)
    amount: bool = False


def normal_header(text: str) -> str:
    """'No. KTP ' → 'no ktp': lower case, punctuation to spaces, spaces collapsed."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


@dataclass(frozen=True)
class Table:
    """A sheet read against a kind's columns: each row as {key: raw cell}."""

    sheet: str
    found: dict[str, str]  # key → the header as written in the file
    rows: list[tuple[int, dict[str, Any]]]


def match(sheet: Sheet, columns: tuple[Column, ...]) -> tuple[Table, list[Problem]]:
    names: dict[str, Column] = {}
    for column in columns:
        for name in (column.header, column.key, *column.synonyms):
            names.setdefault(normal_header(name), column)
    index: dict[str, int] = {}
    found: dict[str, str] = {}
    problems: list[Problem] = []
    for position, header in enumerate(sheet.headers):
        if not header:
            continue
        found_column = names.get(normal_header(header))
        if found_column is None:
            problems.append(
                Problem(sheet.name, sheet.header_row, header, "judul kolom tidak dikenal.")
            )
            continue
        column = found_column
        if column.key in index:
            problems.append(
                Problem(
                    sheet.name,
                    sheet.header_row,
                    header,
                    f"kolom {column.header} muncul dua kali ('{found[column.key]}' juga).",
                )
            )
            continue
        index[column.key] = position
        found[column.key] = header
    for column in columns:
        if column.required and column.key not in index:
            problems.append(
                Problem(sheet.name, sheet.header_row, column.header, "kolom wajib tidak ada.")
            )
    rows = [
        (number, {key: cells[position] for key, position in index.items()})
        for number, cells in sheet.rows
    ]
    return Table(sheet.name, found, rows), problems


def label(table: Table, column: Column) -> str:
    """The column's name for a message: as written in the file, else the template header."""
    return table.found.get(column.key, column.header)
