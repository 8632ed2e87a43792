"""`mufakat check`'s view of a server database (issue 15): the check_* modules read a read-only
connection through `check_sql.py` (`execute`, a cursor with `row_factory`, rows read by name or
by position); `CheckConnection` offers those calls over a psycopg connection, so the same checks
run on PostgreSQL unchanged.

Each statement runs in a savepoint of the caller's transaction (a read-only snapshot for
`mufakat check`, the move's own transaction for `server move`): a statement that names a table
or column the database lacks (a check of a later schema step) fails as SQLite's
`OperationalError` does on an older file, and the snapshot goes on."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg
from psycopg import errors

from app.storage.dialect import to_pyformat
from app.storage.pg_tools import migration_names, public_tables

_MISSING = (errors.UndefinedTable, errors.UndefinedColumn, errors.UndefinedFunction)


class CheckRow(tuple[Any, ...]):
    """One row: by position (as a tuple), by column name (as `sqlite3.Row`)."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> CheckRow:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


class CheckResult:
    def __init__(self, names: list[str], rows: list[CheckRow]) -> None:
        self.description = [(name, None, None, None, None, None, None) for name in names]
        self._rows = rows

    def fetchall(self) -> list[CheckRow]:
        return self._rows

    def fetchone(self) -> CheckRow | None:
        return self._rows[0] if self._rows else None

    def __iter__(self) -> Iterator[CheckRow]:
        return iter(self._rows)


class CheckConnection:
    """A psycopg connection (dict rows, already inside a transaction) as check_* read it."""

    row_factory: Any = None

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def cursor(self) -> CheckConnection:
        return self

    def execute(self, sql: str, params: Any = ()) -> CheckResult:
        values = dict(params) if isinstance(params, dict) else tuple(params or ())
        try:
            with self.conn.transaction(), self.conn.cursor() as cursor:
                cursor.execute(to_pyformat(sql), values)
                if cursor.description is None:
                    return CheckResult([], [])
                names = [column.name for column in cursor.description]
                fetched = cursor.fetchall()
        except _MISSING as exc:
            raise sqlite3.OperationalError(str(exc).splitlines()[0]) from exc
        index = {name: at for at, name in enumerate(names)}
        return CheckResult(
            names,
            [CheckRow(list(r.values()) if isinstance(r, dict) else r, index) for r in fetched],
        )

    def table_names(self) -> set[str]:
        """The database's tables (check_sql.tables)."""
        return set(public_tables(self.conn))

    def migration_names(self) -> set[str]:
        """The schema steps applied (SQLite's `_sqlite_migrations`)."""
        return set(migration_names(self.conn))
