"""Several rows in one portable INSERT (a multi-row VALUES of named parameters): one round trip
to the server per chunk instead of one per row, and no `executemany` (SQLite's connection API)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.storage.engine import Engine

ROWS_PER_INSERT = 100
"""Rows written by one statement: well under either engine's limit on parameters for any table
written this way (SQLite allows 32,766; PostgreSQL 65,535)."""


def named_insert(table: str, columns: Sequence[str]) -> str:
    """An INSERT of one row of named parameters, one per column (names from the calling
    repository only)."""
    names, values = ", ".join(columns), ", ".join(":" + c for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({values})"


def insert_rows(
    db: Engine, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """INSERT `rows` (values in the order of `columns`) into `table` (names from the calling
    repository only, never from input)."""
    for start in range(0, len(rows), ROWS_PER_INSERT):
        chunk = rows[start : start + ROWS_PER_INSERT]
        params = {
            f"{c}_{i}": v for i, row in enumerate(chunk) for c, v in zip(columns, row, strict=True)
        }
        values = ", ".join(
            "(" + ", ".join(f":{c}_{i}" for c in columns) + ")" for i in range(len(chunk))
        )
        db.run(f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}", params)
