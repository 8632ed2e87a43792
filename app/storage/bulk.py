"""Writing many rows at once (the demo generator, future imports): executemany in one
transaction (db.atomic also turns SQLite's failures into StorageError), with the number
sequences moved past the numbers used so later numbering continues where the batch stopped.

Nothing here records audit entries: the caller writes one entry describing the whole batch,
inside the same transaction, rather than one per row.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

from app.members.models import MemberDraft, MemberStatus
from app.savings.models import SavingsKind, TxType
from app.storage.chain_batch import batched_links
from app.storage.db import Database
from app.storage.loans_events_bulk_sql import insert_sql
from app.storage.members_repo import _DRAFT_COLUMNS

# Rows in one INSERT statement of insert_many (fewer when the columns would pass SQLite's
# limit of bound values).
ROWS_PER_STATEMENT = 500
# Page cache while a batch is written, in KiB (memory is only taken as pages are touched).
BULK_CACHE_KIB = 512 * 1024


class BulkMember(NamedTuple):
    """A member as stored; the draft is already validated (MemberService.validate)."""

    number: str
    draft: MemberDraft
    status: MemberStatus
    status_date: date | None
    status_note: str
    created_at: str
    created_by: int | None


class BulkSavings(NamedTuple):
    """One savings transaction; `reverses` is the index, in the same batch, of the
    transaction a pembalikan cancels (it must come earlier in the batch)."""

    member_id: int
    kind: SavingsKind
    tx_type: TxType
    amount: int
    tx_date: date
    receipt_no: str
    method: str
    note: str
    reverses: int | None
    reason: str
    authorised_by: int | None
    created_by: int | None
    created_at: str


_MEMBER_COLUMNS = [
    "id",
    "number",
    *_DRAFT_COLUMNS,
    "status",
    "status_date",
    "status_note",
    "created_at",
    "created_by",
    "updated_at",
]
# Enum members as plain text: sqlite3 binds a str subclass through a slow path.
_TEXT: dict[SavingsKind | TxType, str] = {m: m.value for m in (*SavingsKind, *TxType)}
_NIK = _DRAFT_COLUMNS.index("nik")
_BIRTH_DATE = _DRAFT_COLUMNS.index("birth_date")
_JOIN_DATE = _DRAFT_COLUMNS.index("join_date")
_SAVINGS_COLUMNS = [
    "id",
    "member_id",
    "kind",
    "tx_type",
    "amount",
    "tx_date",
    "receipt_no",
    "method",
    "note",
    "reverses_id",
    "reason",
    "authorised_by",
    "created_by",
    "created_at",
]


def insert_many(conn: sqlite3.Connection, sql: str, rows: Iterable[Sequence[Any]]) -> int:
    """Run the one-row INSERT `sql` ("INSERT INTO t (a, b) VALUES (?, ?)") for each of
    `rows` (may be a generator), many rows a statement (multi-row VALUES), in the order
    given; the number of rows.

    Why not executemany: every insert of these tables may abort half-way (triggers, foreign
    keys, UNIQUE), so SQLite keeps for each statement a journal to undo it with a copy of
    every page the statement changes — inside a bulk writer's savepoint that journal is a
    temporary file, and executemany, one statement a row, wrote several 4 kB pages to it
    for every row. One statement of many rows copies each page it changes once."""
    head, _, marks = sql.rpartition(" VALUES ")
    width = marks.count("?")
    if not head or not width:
        raise ValueError(f"insert_many: not a one-row INSERT: {sql[:60]}")
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(ROWS_PER_STATEMENT, limit // width))
    statement = f"{head} VALUES {', '.join([marks] * per)}"
    values: list[Any] = []
    count = 0
    for row in rows:
        values.extend(row)
        count += 1
        if count % per == 0:
            conn.execute(statement, values)
            values = []
    if values:
        conn.execute(f"{head} VALUES {', '.join([marks] * (count % per))}", values)
    return count


def _next_id(db: Database, table: str) -> int:
    return int(db.scalar(f"SELECT coalesce(max(id), 0) + 1 FROM {table}"))


def _optional_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def insert_members_bulk(db: Database, rows: Sequence[BulkMember]) -> list[int]:
    """Insert members in one transaction; their ids, in the order given."""
    with db.atomic(), batched_links(db, ("members",)):
        first = _next_id(db, "members")

        def values() -> Iterator[list[Any]]:
            for offset, row in enumerate(rows):
                draft = row.draft
                stored = [getattr(draft, column) for column in _DRAFT_COLUMNS]
                stored[_NIK] = draft.nik or None
                stored[_BIRTH_DATE] = _optional_date(draft.birth_date)
                stored[_JOIN_DATE] = draft.join_date.isoformat()
                status_date = _optional_date(row.status_date)
                updated_at = row.created_at
                if status_date and status_date > row.created_at[:10]:
                    updated_at = f"{status_date}{row.created_at[10:]}"
                yield [
                    first + offset,
                    row.number,
                    *stored,
                    row.status.value,
                    status_date,
                    row.status_note,
                    row.created_at,
                    row.created_by,
                    updated_at,
                ]

        db.sql.conn.executemany(insert_sql("members", _MEMBER_COLUMNS), values())
    return list(range(first, first + len(rows)))


@contextlib.contextmanager
def roomy_cache(db: Database) -> Iterator[None]:
    """A large page cache while a big batch is written: with SQLite's small default, pages
    of the indexes are written out and read back again and again (several times slower)."""
    previous = db.scalar("PRAGMA cache_size")
    db.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(previous)}")


@contextlib.contextmanager
def _indexes_rebuilt_after(db: Database, table: str) -> Iterator[None]:
    """Drop the table's own (non-unique) indexes and build them again after the batch, which
    is faster than updating them row by row. Inside the caller's transaction: a crash leaves
    them as they were."""
    indexes = db.rows(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL",
        (table,),
    )
    for index in indexes:
        db.execute(f'DROP INDEX "{index["name"]}"')
    yield
    for index in indexes:
        db.execute(index["sql"])


def insert_savings_bulk(
    db: Database, rows: Iterable[BulkSavings], *, rebuild_indexes: bool = False
) -> range:
    """Insert savings transactions in one transaction (rows may be a generator, consumed
    once); the ids given, in order. All of the batch is written, or none of it.

    `rebuild_indexes` for very large batches (hundreds of thousands of rows)."""
    with db.atomic(), roomy_cache(db), contextlib.ExitStack() as stack:
        stack.enter_context(batched_links(db, ("savings_transactions",)))
        if rebuild_indexes:
            stack.enter_context(_indexes_rebuilt_after(db, "savings_transactions"))
        first = _next_id(db, "savings_transactions")
        iso: dict[date, str] = {}

        def values() -> Iterator[tuple[Any, ...]]:
            for offset, row in enumerate(rows):
                (
                    member_id,
                    kind,
                    tx_type,
                    amount,
                    tx_date,
                    receipt_no,
                    method,
                    note,
                    reverses,
                    reason,
                    authorised_by,
                    created_by,
                    created_at,
                ) = row
                reverses_id = None
                if reverses is not None:
                    if not 0 <= reverses < offset:
                        raise ValueError(f"row {offset} reverses a later row {reverses}")
                    reverses_id = first + reverses
                day = iso.get(tx_date)
                if day is None:
                    day = iso[tx_date] = tx_date.isoformat()
                yield (
                    first + offset,
                    member_id,
                    _TEXT[kind],
                    _TEXT[tx_type],
                    amount,
                    day,
                    receipt_no,
                    method,
                    note,
                    reverses_id,
                    reason,
                    authorised_by,
                    created_by,
                    created_at,
                )

        count = insert_many(
            db.sql.conn, insert_sql("savings_transactions", _SAVINGS_COLUMNS), values()
        )
    return range(first, first + count)


def advance_sequences(db: Database, last_values: Mapping[tuple[str, int], int]) -> None:
    """Move each sequence (name, year) to at least the given last used value, so the next
    number handed out by app.storage.sequences follows the batch."""
    with db.atomic():
        db.sql.conn.executemany(
            "INSERT INTO sequences (name, year, last_value) VALUES (?, ?, ?) "
            "ON CONFLICT (name, year) DO UPDATE SET "
            "last_value = max(last_value, excluded.last_value)",
            [(name, year, value) for (name, year), value in last_values.items()],
        )
