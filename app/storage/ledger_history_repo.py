"""Reads for posting an existing file's history to the journal (app/ledger/history.py): every
savings transaction and loan event in date order, and the once-only marker of the posting.
The records are read as just what the derivation reads (app/ledger/derive.SavingsRecord,
LoanRecord): a large file has millions."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from app.clock import now_text
from app.collection.decision_models import FinancialEvent
from app.ledger.derive import LoanRecord, SavingsRecord
from app.loans.models import EventKind
from app.savings.models import SavingsKind, TxType
from app.storage import check_types
from app.storage.bulk import roomy_cache
from app.storage.collection_decisions_repo import _fin_event
from app.storage.db import Database, sqlite_errors
from app.storage.imports_loans_repo import imported_loans

STREAM_BATCH = 2_000
E = TypeVar("E", bound=Enum)
_SAVINGS = (
    "SELECT id, member_id, kind, tx_type, amount, tx_date, receipt_no, method, reverses_id"
    " FROM savings_transactions ORDER BY tx_date, id"
)
_LOAN_EVENTS = (
    "SELECT e.id, e.loan_id, e.kind, e.event_date, e.receipt_no, e.amount, e.method, e.pokok,"
    " e.jasa, e.denda, e.titipan, e.fee, e.reverses_id, coalesce(e.transfer, 0), l.member_id,"
    " l.product_id FROM loan_events e JOIN loans l ON l.id = e.loan_id"
    " ORDER BY e.event_date, e.id"
)


class LedgerHistoryRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def pending(self) -> bool:
        """The history is still to be posted (a file from before the books)."""
        return bool(self.db.scalar("SELECT count(*) FROM ledger_history") == 0)

    def refuse_wrong_values(self) -> None:
        """DamagedFile, naming it, when a value the posting reads is of the wrong kind."""
        check_types.refuse_wrong_values(self.db)

    def mark_posted(self, journals: int) -> None:
        self.db.execute(
            "INSERT INTO ledger_history (id, posted_at, journals) VALUES (1, ?, ?)",
            (now_text(), journals),
        )

    @contextlib.contextmanager
    def roomy_cache(self) -> Iterator[None]:
        """A large page cache while the history is written (app/storage/bulk.roomy_cache):
        with SQLite's small default the journal indexes of a large file are written out and
        read back again and again."""
        with roomy_cache(self.db):
            yield

    def record_count(self) -> int:
        """How many records the history posting looks at (savings, loan and problem-loan
        events), for its progress."""
        return int(
            self.db.scalar(
                "SELECT (SELECT count(*) FROM savings_transactions)"
                " + (SELECT count(*) FROM loan_events)"
                " + (SELECT count(*) FROM collection_fin_events)"
            )
        )

    def savings(self) -> Iterator[SavingsRecord]:
        """Every savings transaction, by date then entry order."""
        kinds, types = _enum(SavingsKind), _enum(TxType)
        day = date.fromisoformat
        for i, member, kind, tx_type, amount, on, receipt, method, reverses in self._stream(
            _SAVINGS, None
        ):
            yield SavingsRecord(
                i, member, kinds(kind), types(tx_type), amount, day(on), receipt, method, reverses
            )

    def loan_events(self) -> Iterator[tuple[LoanRecord, int, int]]:
        """Every loan event (what the derivation reads of it) with the loan's member and
        product, by date then entry order."""
        kinds, day = _enum(EventKind), date.fromisoformat
        for row in self._stream(_LOAN_EVENTS, None):
            i, loan, kind, on, receipt, amount, method, pokok, jasa, denda, titipan = row[:11]
            fee, reverses, transfer, member, product = row[11:]
            record = LoanRecord(
                i, loan, kinds(kind), day(on), receipt, amount, method, pokok, jasa, denda,
                titipan, fee, reverses, transfer,
            )  # fmt: skip
            yield record, member, product

    def collection_events(self) -> Iterator[tuple[FinancialEvent, int, int]]:
        """Every financial event of a problem loan with the loan's member and product."""
        rows = self._stream(
            "SELECT f.*, l.member_id AS l_member, l.product_id AS l_product"
            " FROM collection_fin_events f JOIN loans l ON l.id = f.loan_id"
            " ORDER BY f.event_date, f.id"
        )
        for row in rows:
            yield _fin_event(row), row["l_member"], row["l_product"]

    def imported_loans(self) -> list[tuple[int, str, int, date]]:
        """The loans the cut-over import brought in (app/storage/imports_loans_repo)."""
        with sqlite_errors(self.db.path):
            return imported_loans(self.db.sql.conn)

    def journal_keys(self) -> JournalKeys:
        """The (source, source_id, role) of every journal, kept compactly (a bit per id)."""
        keys = JournalKeys()
        for source, source_id, role in self._stream("SELECT source, source_id, role FROM journals"):
            keys.add(source, source_id, role)
        return keys

    def _stream(self, sql: str, factory: Any = sqlite3.Row) -> Iterator[Any]:
        """The rows of `sql` a batch at a time: the history of a large file (millions of rows)
        is never held in memory at once. Writing other tables meanwhile is fine in SQLite.
        `factory`: the cursor's row factory (None: plain tuples)."""
        with sqlite_errors(self.db.path):
            cursor = self.db.sql.conn.execute(sql)
            cursor.row_factory = factory
            try:
                while batch := cursor.fetchmany(STREAM_BATCH):
                    yield from batch
            finally:
                cursor.close()


def _enum(kind: type[E]) -> Callable[[str], E]:
    """`kind(value)` by a dict lookup (a stored value is one of a few): an Enum's own call
    costs about a microsecond, a million times over; an unknown value still raises."""
    members: dict[str, E] = {str(m.value): m for m in kind}

    def convert(value: str) -> E:
        found = members.get(value)
        return kind(value) if found is None else found

    return convert


class JournalKeys:
    """A set of journal keys (source, source_id, role): per (source, role) a bitmap of the
    ids (one bit each instead of a tuple of about 100 bytes: two million journals of a large
    file in about a megabyte). Ids outside 0 … MAX_BIT go to an ordinary set."""

    MAX_BIT = 1 << 24

    def __init__(self) -> None:
        self._bits: dict[tuple[str, str], bytearray] = {}
        self._other: set[tuple[str, int, str]] = set()

    def add(self, source: str, source_id: int, role: str) -> None:
        if not 0 <= source_id < self.MAX_BIT:
            self._other.add((source, source_id, role))
            return
        bits = self._bits.setdefault((source, role), bytearray())
        byte = source_id >> 3
        if byte >= len(bits):
            bits.extend(bytes(max(byte + 1 - len(bits), len(bits))))
        bits[byte] |= 1 << (source_id & 7)

    def has(self, key: tuple[str, int, str]) -> bool:
        """`key in self` for a key known to be (str, int, str): the history posting asks it
        for every record."""
        source, source_id, role = key
        if 0 <= source_id < self.MAX_BIT:
            bits = self._bits.get((source, role))
            byte = source_id >> 3
            return (
                bits is not None and byte < len(bits) and bool(bits[byte] & (1 << (source_id & 7)))
            )
        return key in self._other

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, tuple) or len(key) != 3:
            return False
        source, source_id, role = key
        if not isinstance(source_id, int) or not 0 <= source_id < self.MAX_BIT:
            return key in self._other
        bits = self._bits.get((source, role))
        byte = source_id >> 3
        return bits is not None and byte < len(bits) and bool(bits[byte] & (1 << (source_id & 7)))
