"""Number sequences (member numbers, receipts, letters): handed out once, never reused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.numbering import format_pattern, resets_yearly
from app.storage.db import Database


def next_value(db: Database, name: str, year: int = 0) -> int:
    """The next number of sequence (`name`, `year`); call inside the transaction that uses it.

    Year 0 is a sequence that never resets.
    """
    row = db.one(
        "INSERT INTO sequences (name, year, last_value) VALUES (?, ?, 1) "
        "ON CONFLICT (name, year) DO UPDATE SET last_value = last_value + 1 "
        "RETURNING last_value",
        (name, year),
    )
    assert row is not None
    return int(row[0])


def current_value(db: Database, name: str, year: int = 0) -> int:
    value = db.scalar("SELECT last_value FROM sequences WHERE name = ? AND year = ?", (name, year))
    return int(value or 0)


def next_number(
    db: Database,
    name: str,
    pattern: str,
    on: date,
    codes: tuple[str, str],
    taken: Callable[[str], bool],
) -> str:
    """The next number of `pattern` from sequence `name` (per year when the pattern shows the
    year) that is not `taken` yet (a number typed by hand may already hold it). `codes`: the
    cooperative's code and the document code. Call inside the transaction that stores it."""
    year = on.year if resets_yearly(pattern) else 0
    while True:
        number = format_pattern(pattern, next_value(db, name, year), on, *codes)
        if not taken(number):
            return number
