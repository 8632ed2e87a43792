"""Each open loan's position as of its latest writes, kept in the file (issue 16)."""

from __future__ import annotations

import sqlite_utils

from app.storage.dialect import SQLITE
from app.storage.loans_positions import refill_sql
from app.storage.schema._sql import run as _run

# A write that changes what the position was computed from drops the loan's row (the next
# refill, app/storage/loans_positions.py, computes it again). Events and denda charges are
# append-only; a new schedule version comes with a new `loan_schedules` row (and its lines,
# written with it; the position also names its version, compared with the loan's).
_DROPPED_BY = ("loan_events", "loan_denda_charges", "loan_schedules")


def m0030_arrears_positions(db: sqlite_utils.Database) -> None:
    """`arrears_positions`: per open loan, for its current schedule version, what the arrears
    statement (app/storage/loans_quality_repo.py) needs to decide at any date that the loan is
    current there without reading its schedule: the latest event or denda charge date of the
    loan (`valid_from`: the row holds for dates from it on), the due date of the first instalment
    not fully settled in pokok or jasa (`due_first`: the loan is current at a date up to it),
    the outstanding principal, the crystallised denda unpaid and the titipan; and for a loan in
    arrears there, the parts that do not depend on the date: the first instalment not fully
    paid in pokok (`np`, due `due_np`) and in jasa (`nj`, `due_nj`), whether the pokok is paid
    at the end (`bullet`) and the day of the last payment not reversed (`last_pay`). Derived
    data: filled here, then kept by app.storage.loans_positions.refill."""
    _run(
        db,
        """CREATE TABLE arrears_positions (
            loan_id INTEGER PRIMARY KEY REFERENCES loans(id),
            version INTEGER NOT NULL,
            valid_from TEXT NOT NULL,
            due_first TEXT,
            outstanding INTEGER NOT NULL,
            ad INTEGER NOT NULL,
            titipan INTEGER NOT NULL,
            np INTEGER,
            nj INTEGER,
            due_np TEXT,
            due_nj TEXT,
            bullet INTEGER NOT NULL,
            last_pay TEXT
        ) STRICT""",
        *(
            f"""CREATE TRIGGER {table}_arrears_position AFTER INSERT ON {table} BEGIN
            DELETE FROM arrears_positions WHERE loan_id = NEW.loan_id;
        END"""
            for table in _DROPPED_BY
        ),
        refill_sql(SQLITE),
    )


NAME = "0030_arrears_positions"
migrate = m0030_arrears_positions
