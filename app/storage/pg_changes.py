"""Change notification on the office server (issue 15): which tables a PC wrote, told to this
PC's lists at once and to the other PCs' lists within seconds.

SQLite tells its ChangeHub through TEMP triggers (change_triggers.py). On PostgreSQL the program
role may create no triggers, and the lists of *other* PCs must hear of a write too, so:

- `PgEngine` hands every statement it runs to `ChangeFeed.saw`; the tables an INSERT, UPDATE or
  DELETE names (`written_tables`, remembered per statement text) are noted on this PC's hub at
  once (its `busy()` holds the announcement until the transaction ends, as on SQLite) and kept
  for the transaction;
- just before the outermost transaction commits, one `pg_notify('mufakat_changes', …)` names
  them. NOTIFY is transactional: a rolled-back unit (a retried conflict, a refused rule) tells
  nobody, a committed one tells every listener after the commit;
- `ChangeFeed.poll` (the window calls it every few seconds) reads, without waiting, what arrived
  on its own LISTEN connection from the other PCs (its own writes, marked by a token, are
  skipped) and notes those tables. A listening connection that was lost is made again at the
  next poll, and everything is announced then, since what was missed cannot be known.

The derived tables written by the server's own triggers (`loan_balances`, the month totals)
belong to the same kinds as the tables whose writes fire them.
"""

from __future__ import annotations

import contextlib
import functools
import re
import secrets
from typing import Any

import psycopg

from app.changes import ChangeHub, Kind

CHANNEL = "mufakat_changes"

_WRITE = re.compile(
    r"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:ONLY\s+)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=2048)
def written_tables(sql: str) -> frozenset[str]:
    """The tables a statement inserts into, updates or deletes from (`ON CONFLICT … DO UPDATE
    SET` names no table, so it adds nothing)."""
    return frozenset(name.lower() for name in _WRITE.findall(sql) if name.upper() != "SET")


class ChangeFeed:
    """One open server database's side of its ChangeHub (see the module's docstring)."""

    def __init__(self, url: str, hub: ChangeHub) -> None:
        self.url = url
        self.hub = hub
        self.token = secrets.token_hex(8)
        self._pending: set[str] = set()
        self._listener: psycopg.Connection[Any] | None = None
        self.listen()

    # -- this PC's writes --------------------------------------------------------------------
    def saw(self, sql: str) -> None:
        tables = written_tables(sql)
        if tables:
            for table in tables:
                self.hub.note_table(table)
            self._pending |= tables

    def outside_transaction(self, conn: psycopg.Connection[Any]) -> None:
        """A statement ran on its own (autocommit): tell the others now."""
        self.before_commit(conn)

    def before_commit(self, conn: psycopg.Connection[Any]) -> None:
        if self._pending:
            payload = self.token + " " + ",".join(sorted(self._pending))
            self._pending.clear()
            conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))

    def rolled_back(self) -> None:
        self._pending.clear()

    # -- the other PCs' writes ---------------------------------------------------------------
    def listen(self) -> bool:
        """(Re)open the listening connection; False when the server cannot be reached."""
        self._close_listener()
        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=5)
            conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error:
            return False
        self._listener = conn
        return True

    def poll(self) -> None:
        """Note what the other PCs committed since the last poll (never waits, never raises)."""
        if self.hub.closed:
            return
        if self._listener is None or self._listener.closed or self._listener.broken:
            if self.listen():  # back after a loss: what was missed is unknown
                for kind in Kind:
                    self.hub.note(kind)
            return
        try:
            for note in self._listener.notifies(timeout=0):
                token, _, tables = note.payload.partition(" ")
                if token == self.token:
                    continue
                for table in tables.split(","):
                    self.hub.note_table(table)
        except psycopg.Error:
            self._close_listener()

    def _close_listener(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(psycopg.Error):
                self._listener.close()
            self._listener = None

    def close(self) -> None:
        self._close_listener()
