"""The one protocol both database engines offer the repositories (issue 15).

`Database` (app/storage/db.py) is the SQLite engine of a cooperative's file; `PgEngine`
(app/storage/pg_engine.py) is the office server's. A repository written against `Engine` runs on
both: raw SQL in the portable forms (app/storage/dialect.py), named `:name` parameters, rows read
by column name (never by position: SQLite gives `sqlite3.Row`, PostgreSQL a dict), new ids from
`insert_id` (`INSERT … RETURNING id`, never `cursor.lastrowid`).

Write units: `atomic()` is one transaction (SERIALIZABLE on PostgreSQL); `retrying(fn)` runs
`fn` in one and, on PostgreSQL, runs it again when the server aborted it for a conflict with
another PC's transaction. `fn` must therefore have no effect outside the database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeAlias, TypeVar

from app.storage.dialect import Dialect

Row: TypeAlias = "sqlite3.Row | Mapping[str, Any]"
Params: TypeAlias = "Sequence[Any] | dict[str, Any]"
T = TypeVar("T")


class Engine(Protocol):
    @property
    def dialect(self) -> Dialect: ...

    def atomic(self) -> AbstractContextManager[Any]: ...

    def retrying(self, fn: Callable[[], T]) -> T: ...

    def in_transaction(self) -> bool:
        """Whether a transaction is open (a unit of work that must join the caller's checks)."""
        ...

    def rows(self, sql: str, params: Params = ()) -> Sequence[Row]: ...

    def one(self, sql: str, params: Params = ()) -> Row | None: ...

    def scalar(self, sql: str, params: Params = ()) -> Any: ...

    def run(self, sql: str, params: Params = ()) -> int:
        """Run a statement; the number of rows it changed."""
        ...

    def insert_id(self, sql: str, params: Params = ()) -> int:
        """Run an `INSERT … RETURNING id`; the new row's id."""
        ...
