"""Change notification: which kinds of things were written, for every list that shows them."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of things a view lists; a write to any of their tables notifies the kind."""

    MEMBERS = "members"
    SAVINGS = "savings"
    LOANS = "loans"
    CASES = "cases"
    DOCUMENTS = "documents"
    DECISIONS = "decisions"
    SETTINGS = "settings"
    USERS = "users"
    BOOKS = "books"


# Table name prefixes -> kind; the longest matching prefix wins. Tables that no view lists
# (the audit trail, backups, sequences, migrations, the file's identity, the month totals
# derived from the journals) notify nothing.
_PREFIXES: dict[str, Kind] = {
    "members": Kind.MEMBERS,
    "savings": Kind.SAVINGS,
    "loan": Kind.LOANS,
    "offbook": Kind.LOANS,
    "case": Kind.CASES,
    "collection": Kind.CASES,
    "contact": Kind.CASES,
    "promise": Kind.CASES,
    "collection_decisions": Kind.DECISIONS,
    "decision": Kind.DECISIONS,
    "document_settings": Kind.SETTINGS,
    "document": Kind.DOCUMENTS,
    "settings": Kind.SETTINGS,
    "users": Kind.USERS,
    "import_batches": Kind.MEMBERS,
    "payroll": Kind.LOANS,
    "passbook": Kind.SAVINGS,
    "berjangka": Kind.SAVINGS,
    "card_lines": Kind.LOANS,
    "printer_papers": Kind.SETTINGS,
    "account": Kind.BOOKS,
    "period_locks": Kind.BOOKS,
    "shu_": Kind.BOOKS,
    "journal": Kind.BOOKS,
    "manual_journal": Kind.BOOKS,
    "payment_method_accounts": Kind.BOOKS,
    "bank_statements": Kind.BOOKS,
    "bank_clearings": Kind.BOOKS,
    "role_requests": Kind.USERS,
    "board_meeting": Kind.DECISIONS,
    "pph_": Kind.BOOKS,
    "jasa_": Kind.SAVINGS,
    "fixed_assets": Kind.BOOKS,
    "asset_": Kind.BOOKS,
}

DERIVED = frozenset({"savings_totals"})
"""Tables kept by triggers from a watched table's rows (step 0031): the rows they derive from
are announced already, so they announce nothing (and cost no Python call per row)."""


@functools.lru_cache(maxsize=512)
def kind_of_table(table: str) -> Kind | None:
    """'loan_events' -> LOANS; 'collection_decisions' -> DECISIONS; 'audit_log' -> None.

    Remembered per name: it runs for every row written (a demo writes millions)."""
    if table in DERIVED:
        return None
    best: tuple[int, Kind] | None = None
    for prefix, kind in _PREFIXES.items():
        if table.startswith(prefix) and (best is None or len(prefix) > best[0]):
            best = (len(prefix), kind)
    return None if best is None else best[1]


Listener = Callable[[frozenset[Kind]], None]


class ChangeHub:
    """Collects the kinds written since the last flush and tells the listeners once.

    The storage layer calls `note()` for every written row (it must stay cheap); whoever runs the
    event loop calls `flush()` when the write is done: `on_pending` says when one is due.
    `busy()` is true while a transaction is open, so nothing half-written is announced.
    """

    def __init__(self) -> None:
        self._pending: set[Kind] = set()
        self._listeners: list[Listener] = []
        self.on_pending: Callable[[], None] | None = None
        self.busy: Callable[[], bool] = lambda: False
        self.remote: Callable[[], None] | None = None  # office server: polls the other PCs
        self.closed = False

    def note(self, kind: Kind) -> None:
        """One row of `kind` was written (called from inside the write)."""
        if kind in self._pending or self.closed:
            return
        first = not self._pending
        self._pending.add(kind)
        if first and self.on_pending is not None:
            self.on_pending()

    def note_table(self, table: str) -> None:
        kind = kind_of_table(table)
        if kind is not None:
            self.note(kind)

    @property
    def pending(self) -> frozenset[Kind]:
        return frozenset(self._pending)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(kinds)` after each flush that has any; returns the unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def close(self) -> None:
        """The database is closing: nothing more is announced (a flush still queued in the
        event loop finds nothing to do)."""
        self.closed = True
        self._pending.clear()
        self._listeners.clear()

    def flush(self) -> frozenset[Kind]:
        """Announce what was written since the last flush (nothing while a write is open)."""
        if self.closed or not self._pending or self.busy():
            return frozenset()
        kinds = frozenset(self._pending)
        self._pending.clear()
        for listener in list(self._listeners):
            listener(kinds)
        return kinds
