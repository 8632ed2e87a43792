"""The two month-close checks that are `mufakat check`'s own (app/storage/check_ledger.py,
check_accrual.py). The check_* modules read a SQLite connection through check_sql.py; on the
office server they read the PgEngine's connection through `pg_check_conn.CheckConnection`
(the same view `mufakat check` uses there), inside the month close's own transaction.
ClosingRepository hands them its engine."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.storage import check_accrual, check_ledger
from app.storage.db import Database, sqlite_errors
from app.storage.engine import Engine
from app.storage.pg_check_conn import CheckConnection
from app.storage.pg_engine import PgEngine


def check_connection(db: Engine) -> Any:
    """The connection the check_* modules take, for either engine."""
    if isinstance(db, PgEngine):
        return CheckConnection(db.conn)
    assert isinstance(db, Database)
    return db.sql.conn


def _checked(db: Engine, check: Callable[[Any], list[str]]) -> list[str]:
    if isinstance(db, Database):
        with sqlite_errors(db.path):
            return check(db.sql.conn)
    return check(check_connection(db))


def unbooked(db: Engine, end: date) -> list[str]:
    """Money records dated up to `end` without their journal (or no-GL marker), and undoing
    records whose journal was not reversed, by kind."""
    return _checked(db, lambda conn: check_ledger.booked(conn, end))


def accrual_differences(db: Engine, end: date, role: Callable[[str], str]) -> list[str]:
    """1109 per loan against the accrual sub-ledger as of `end` (empty: they agree)."""
    return _checked(db, lambda conn: check_accrual.accrued_control(conn, role, end))
