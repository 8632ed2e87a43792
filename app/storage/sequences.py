"""Number sequences (member numbers, receipts, letters): handed out once, never reused."""

from __future__ import annotations

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
