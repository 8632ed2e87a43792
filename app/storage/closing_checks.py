"""The two month-close checks that are `mufakat check`'s own (app/storage/check_ledger.py,
check_accrual.py): they read SQLite's connection directly, so they stay engine-specific until
the checks run on PostgreSQL (docs/office_server.md, phase 4). ClosingRepository hands them its
engine."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.storage import check_accrual, check_ledger
from app.storage.db import Database, sqlite_errors
from app.storage.engine import Engine


def _sqlite(db: Engine) -> Database:
    if not isinstance(db, Database):
        raise NotImplementedError("the month-close checks read a SQLite file (issue 15)")
    return db


def unbooked(db: Engine, end: date) -> list[str]:
    """Money records dated up to `end` without their journal (or no-GL marker), and undoing
    records whose journal was not reversed, by kind."""
    lite = _sqlite(db)
    with sqlite_errors(lite.path):
        return check_ledger.booked(lite.sql.conn, end)


def accrual_differences(db: Engine, end: date, role: Callable[[str], str]) -> list[str]:
    """1109 per loan against the accrual sub-ledger as of `end` (empty: they agree)."""
    lite = _sqlite(db)
    with sqlite_errors(lite.path):
        return check_accrual.accrued_control(lite.sql.conn, role, end)
