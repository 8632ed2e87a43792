"""Reads of `mufakat check` over the read-only SQLite connection check.py opens: rows read by
column name, named `:name` parameters, and the one question about the file's schema (which
tables it has: a file from before a schema step lacks that step's tables). The check_* modules
read through these, so moving them onto an `Engine` (docs/office_server.md, "What is next" 4)
changes this module, not each check. On a server database they read through
`pg_check_conn.CheckConnection`, which answers the same calls."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

NO_PARAMS: Mapping[str, Any] = {}


def rows(
    conn: sqlite3.Connection, sql: str, params: Mapping[str, Any] = NO_PARAMS
) -> list[sqlite3.Row]:
    """Every row of a query, each read by column name (an `Engine`'s `Row`; `sqlite3.Row` for
    the readers in storage still typed so)."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return list(cursor.execute(sql, dict(params)).fetchall())


def one(
    conn: sqlite3.Connection, sql: str, params: Mapping[str, Any] = NO_PARAMS
) -> sqlite3.Row | None:
    found = rows(conn, sql, params)
    return found[0] if found else None


def amount(conn: sqlite3.Connection, sql: str, params: Mapping[str, Any] = NO_PARAMS) -> int:
    """The whole-rupiah value of a one-column query (NULL: 0)."""
    row = conn.execute(sql, dict(params)).fetchone()
    return int(row[0] or 0) if row else 0


def tables(conn: sqlite3.Connection) -> set[str]:
    """The names of the file's tables (a server database's: app/storage/pg_check_conn.py)."""
    on_server = getattr(conn, "table_names", None)
    if on_server is not None:
        return set(on_server())
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def steps(conn: Any) -> set[str]:
    """The names of the schema steps applied (SQLite's `_sqlite_migrations`; on a server
    database its `_migrations`)."""
    on_server = getattr(conn, "migration_names", None)
    if on_server is not None:
        return set(on_server())
    return {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}
