"""Set-based checks for a bulk journal write (the history posting, a cut-over import, the demo).

Per row, the schema's guard triggers on journals and journal_lines (steps 0013, 0014, 0022)
look up the journal's lines, the account, the chain's keys and update the month totals: for a
bulk write of a million journals that is a large share of the time. Inside
`set_based_guards(db, journals, lines)` those triggers are put aside for the one write and the
SAME rules are proven once over the set of rows it wrote, refusing (sqlite3.IntegrityError
with the trigger's own message, so the caller's transaction rolls back) exactly what a trigger
would refuse:

- journals_balanced: every journal of the write balances (its lines' debits = credits, all of
  its lines, whenever written) and has lines unless it is a no-GL marker, and none if it is;
- journal_lines_sealed: no line of the write joins a journal that existed before the write;
- journal_lines_postable: no line of the write is on a group account;
- journals_no_replace / journal_lines_no_replace: the write is plain INSERT, so the table's
  own PRIMARY KEY and UNIQUE constraints refuse the same rows (an INSERT OR REPLACE would
  go round them; the bulk writer never issues one);
- journals_month_totals: the month totals of the write's journals are added in one statement.

The triggers are put back before the block ends, on success and on failure (a rollback also
brings them back: SQLite's DDL is transactional), and only the exact trigger texts this module
knows are put aside: a trigger a later step changes or adds keeps firing per row, and when the
known ones are not all there (an older schema) nothing is put aside at all.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from app.storage.db import Database
from app.storage.schema.m0022_period_balances import TOTALS

_JOURNALS = "journals"
_LINES = "journal_lines"

# name -> the trigger's text with whitespace collapsed (as the schema steps created it)
KNOWN: dict[str, str] = {
    "journals_balanced": "CREATE TRIGGER journals_balanced BEFORE INSERT ON journals WHEN "
    "(SELECT coalesce(sum(debit), 0) FROM journal_lines WHERE journal_id = NEW.id) <> "
    "(SELECT coalesce(sum(credit), 0) FROM journal_lines WHERE journal_id = NEW.id) OR "
    "(NEW.no_gl = 0) <> EXISTS (SELECT 1 FROM journal_lines WHERE journal_id = NEW.id) "
    "BEGIN SELECT RAISE(ABORT, 'journal not balanced'); END",
    "journal_lines_sealed": "CREATE TRIGGER journal_lines_sealed BEFORE INSERT ON "
    "journal_lines WHEN EXISTS (SELECT 1 FROM journals WHERE id = NEW.journal_id) "
    "BEGIN SELECT RAISE(ABORT, 'journal already sealed'); END",
    "journal_lines_postable": "CREATE TRIGGER journal_lines_postable BEFORE INSERT ON "
    "journal_lines WHEN (SELECT is_group FROM accounts WHERE code = NEW.account) = 1 "
    "BEGIN SELECT RAISE(ABORT, 'group account is not postable'); END",
    "journals_month_totals": " ".join(
        f"CREATE TRIGGER journals_month_totals AFTER INSERT ON journals BEGIN "
        f"{TOTALS.format(where='WHERE j.id = NEW.id')}; END".split()
    ),
    "journal_lines_no_replace": 'CREATE TRIGGER "journal_lines_no_replace" BEFORE INSERT ON '
    '"journal_lines" WHEN EXISTS (SELECT 1 FROM "journal_lines" WHERE rowid = NEW.rowid) '
    "BEGIN SELECT RAISE(ABORT, 'journal_lines is append-only'); END",
    "journals_no_replace": 'CREATE TRIGGER "journals_no_replace" BEFORE INSERT ON "journals" '
    'WHEN EXISTS (SELECT 1 FROM "journals" WHERE rowid = NEW.rowid) OR EXISTS (SELECT 1 FROM '
    '"journals" WHERE "source" = NEW."source" AND "source_id" = NEW."source_id" AND "role" = '
    'NEW."role") OR EXISTS (SELECT 1 FROM "journals" WHERE "reverses_id" = NEW."reverses_id") '
    'OR EXISTS (SELECT 1 FROM "journals" WHERE "number" = NEW."number") '
    "BEGIN SELECT RAISE(ABORT, 'journals is append-only'); END",
}

_UNBALANCED = """SELECT j.id FROM journals j LEFT JOIN (
        SELECT journal_id, sum(debit) AS d, sum(credit) AS c FROM journal_lines
        WHERE journal_id BETWEEN :first AND :last GROUP BY journal_id
    ) s ON s.journal_id = j.id
    WHERE j.id BETWEEN :first AND :last
        AND (coalesce(s.d, 0) <> coalesce(s.c, 0) OR (j.no_gl = 0) <> (s.journal_id IS NOT NULL))
    LIMIT 1"""
_SEALED = """SELECT min(l.id) FROM journal_lines l WHERE l.id > :line
        AND l.journal_id NOT BETWEEN :first AND :last
        AND EXISTS (SELECT 1 FROM journals WHERE id = l.journal_id)"""
_GROUP = """SELECT min(l.id) FROM journal_lines l JOIN accounts a ON a.code = l.account
    WHERE l.id > :line AND a.is_group = 1"""


def _known(conn: sqlite3.Connection) -> dict[str, str] | None:
    """(name, stored sql) of the known triggers, or None when any is missing or changed."""
    found = {
        str(name): str(sql)
        for name, sql in conn.execute(
            "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'"
            " AND tbl_name IN (:journals, :lines)",
            {"journals": _JOURNALS, "lines": _LINES},
        )
        if name in KNOWN
    }
    if len(found) != len(KNOWN):
        return None
    if any(" ".join(sql.split()) != KNOWN[name] for name, sql in found.items()):
        return None
    return found


def _contiguous(journals: Sequence[Sequence[Any]]) -> tuple[int, int] | None:
    """(first, last) id of the write's journals when they are one run of ids, else None."""
    if not journals:
        return None
    ids = [row[0] for row in journals]
    if not all(type(i) is int for i in ids):
        return None
    first, last = min(ids), max(ids)
    return (first, last) if last - first + 1 == len(set(ids)) == len(ids) else None


@contextlib.contextmanager
def set_based_guards(conn: sqlite3.Connection, journals: Sequence[Sequence[Any]]) -> Iterator[bool]:
    """Around one bulk write of `journals` (rows whose first value is the id) and their lines,
    inside the caller's write transaction: yields True when the per-row triggers were put
    aside (the rules are then proven over the set on leaving), False when they stay (ids not
    one run, or a schema this module does not know)."""
    if not conn.in_transaction:
        raise RuntimeError("set_based_guards: only inside a write transaction")
    span = _contiguous(journals)
    saved = _known(conn) if span is not None else None
    if span is None or saved is None:
        yield False
        return
    first, last = span
    line = int(conn.execute("SELECT coalesce(max(id), 0) FROM journal_lines").fetchone()[0])
    for name in saved:
        conn.execute(f'DROP TRIGGER main."{name}"')
    try:
        yield True
        _prove(conn, {"first": first, "last": last, "line": line})
    finally:
        for name, sql in saved.items():
            with contextlib.suppress(sqlite3.Error):  # a rollback may have put it back
                if not conn.execute(
                    "SELECT 1 FROM main.sqlite_master WHERE type = 'trigger' AND name = :name",
                    {"name": name},
                ).fetchone():
                    conn.execute(sql)


def _prove(conn: sqlite3.Connection, span: dict[str, int]) -> None:
    """The rules of the put-aside triggers over the rows of the write, then its month totals."""
    # the first line a trigger would have stopped at (on one line, the postable trigger
    # fires first: SQLite fires the newest trigger first)
    sealed = conn.execute(_SEALED, span).fetchone()[0]
    group = conn.execute(_GROUP, span).fetchone()[0]
    if group is not None and (sealed is None or group <= sealed):
        raise sqlite3.IntegrityError("group account is not postable")
    if sealed is not None:
        raise sqlite3.IntegrityError("journal already sealed")
    if conn.execute(_UNBALANCED, span).fetchone():
        raise sqlite3.IntegrityError("journal not balanced")
    conn.execute(TOTALS.format(where="WHERE j.id BETWEEN :first AND :last"), span)


@contextlib.contextmanager
def indexes_built_after(db: Database, keep: str, coming: int) -> Iterator[bool]:
    """When the block is to write more journals (`coming`) than the file holds: the secondary
    indexes of journals and journal_lines but `keep` dropped for the block and built after
    it (one sort each instead of a random-order update per row), inside the caller's write
    transaction (a rollback brings them back; built again also when the block fails).
    Yields whether it did."""
    conn = db.sql.conn
    if not conn.in_transaction:
        raise RuntimeError("indexes_built_after: only inside a write transaction")
    if int(conn.execute("SELECT count(*) FROM journals").fetchone()[0]) >= coming:
        yield False
        return
    indexes = [
        (str(r[0]), str(r[1]))
        for r in conn.execute(
            "SELECT name, sql FROM main.sqlite_master WHERE type = 'index'"
            " AND tbl_name IN (:journals, :lines) AND sql IS NOT NULL AND name <> :keep"
            " ORDER BY name",
            {"journals": _JOURNALS, "lines": _LINES, "keep": keep},
        )
    ]
    for name, _ in indexes:
        conn.execute(f'DROP INDEX main."{name}"')
    try:
        yield True
    finally:
        for name, sql in indexes:
            with contextlib.suppress(sqlite3.Error):  # a rollback may have put it back
                if not conn.execute(
                    "SELECT 1 FROM main.sqlite_master WHERE type = 'index' AND name = :name",
                    {"name": name},
                ).fetchone():
                    conn.execute(sql)
