"""Number sequences (member numbers, receipts, letters): handed out once, never reused.
Portable SQL: runs on both engines (the upsert's column is qualified for PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app import numbering
from app.numbering import format_pattern, resets_yearly
from app.storage.engine import Engine


def next_value(db: Engine, name: str, year: int = 0) -> int:
    """The next number of sequence (`name`, `year`); call inside the transaction that uses it.

    Year 0 is a sequence that never resets.
    """
    row = db.one(
        "INSERT INTO sequences (name, year, last_value) VALUES (:name, :year, 1) "
        "ON CONFLICT (name, year) DO UPDATE SET last_value = sequences.last_value + 1 "
        "RETURNING last_value",
        {"name": name, "year": year},
    )
    assert row is not None
    return int(row["last_value"])


def current_value(db: Engine, name: str, year: int = 0) -> int:
    value = db.scalar(
        "SELECT last_value FROM sequences WHERE name = :name AND year = :year",
        {"name": name, "year": year},
    )
    return int(value or 0)


def next_number(
    db: Engine,
    name: str,
    pattern: str,
    on: date,
    codes: tuple[str, str],
    taken: Callable[[str], bool],
) -> str:
    """The next number of `pattern` from sequence `name` (per year when the pattern shows the
    year) that is not `taken` yet (a number typed by hand may already hold it). `codes`: the
    cooperative's code and the document code. Call inside the transaction that stores it.
    The loop itself is app.numbering's one `next_number`."""
    year = on.year if resets_yearly(pattern) else 0
    _, number = numbering.next_number(
        lambda: next_value(db, name, year),
        lambda seq: format_pattern(pattern, seq, on, *codes),
        taken,
    )
    return number
