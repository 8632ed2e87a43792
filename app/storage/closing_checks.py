"""The two month-close checks that are `mufakat check`'s own (app/storage/check_ledger.py,
check_accrual.py). The check_* modules read a SQLite connection through check_sql.py
(`execute`, a cursor with `row_factory`, rows by name or position, the file's table names and
schema steps); on
the office server `EngineCheckConn` offers those calls over the PgEngine, inside the month close's
own transaction (h-pgcheck's pg_check_conn does the same over a bare psycopg connection for
`mufakat check`; once both are in, one of them can serve both). ClosingRepository hands them
its engine."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.storage import check_accrual, check_ledger
from app.storage.db import Database, sqlite_errors
from app.storage.engine import Engine

_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'"
_SERVER_TABLES = (
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'"
)


class _Row(tuple[Any, ...]):
    """A row by position (a tuple) and by column name (as sqlite3.Row)."""

    names: dict[str, int]

    def __getitem__(self, key: Any) -> Any:
        return tuple.__getitem__(self, self.names[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self.names)


class _Result(list[_Row]):
    description: list[tuple[str, None, None, None, None, None, None]]

    def fetchall(self) -> list[_Row]:
        return list(self)

    def fetchone(self) -> _Row | None:
        return self[0] if self else None


class EngineCheckConn:
    """check_*'s view of a connection, over an Engine (the office server's)."""

    row_factory: Any = None

    def __init__(self, db: Engine) -> None:
        self.db = db

    def cursor(self) -> EngineCheckConn:
        return self

    def execute(self, sql: str, params: Any = ()) -> _Result:
        found = _Result()
        found.description = []
        sql = _SERVER_TABLES if sql == _TABLES else sql.replace("_sqlite_migrations", "_migrations")
        for row in self.db.rows(sql, params):
            names = list(row.keys())
            values = _Row(row[name] for name in names)
            values.names = {name: at for at, name in enumerate(names)}
            found.append(values)
            found.description = [(n, None, None, None, None, None, None) for n in names]
        return found


def _checked(db: Engine, check: Callable[[Any], list[str]]) -> list[str]:
    if isinstance(db, Database):
        with sqlite_errors(db.path):
            return check(db.sql.conn)
    return check(EngineCheckConn(db))


def unbooked(db: Engine, end: date) -> list[str]:
    """Money records dated up to `end` without their journal (or no-GL marker), and undoing
    records whose journal was not reversed, by kind."""
    return _checked(db, lambda conn: check_ledger.booked(conn, end))


def accrual_differences(db: Engine, end: date, role: Callable[[str], str]) -> list[str]:
    """1109 per loan against the accrual sub-ledger as of `end` (empty: they agree)."""
    return _checked(db, lambda conn: check_accrual.accrued_control(conn, role, end))
