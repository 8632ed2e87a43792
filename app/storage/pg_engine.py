"""The office server's engine: one PostgreSQL database shared by several PCs (issue 15).

psycopg 3 with rows as dicts; `numeric` values (what `sum` of a bigint column gives) are loaded as
`int` when exact and refused when they carry a fraction, so money stays whole rupiah. Every
transaction is SERIALIZABLE: the services were written for SQLite's one writer at a time, and
under READ COMMITTED two PCs withdrawing the same balance both succeed (OFFICE_SERVER.md §1).
A transaction the server aborts for a conflict is run again by `retrying`, a bounded number of
times; one that still fails, or one aborted inside a plain `atomic()`, becomes a StorageError with
a plain message and nothing written. Transactions take turns: each outermost `atomic()` (so
each `retrying` unit) holds the database's writers' lock (a session-level advisory lock, taken
before BEGIN, so the transaction's snapshot is taken after the previous writer committed) until
after COMMIT. Several PCs saving at once then queue for a few milliseconds instead of aborting
one another on the shared rows (receipt numbers, month totals): 4 PCs each saving 250 payments
exhausted 5 attempts without it (bench/bench_pg.py). Reads outside a transaction (each statement
consistent on its own) do not queue; a long report should not be read inside `atomic()`, it
would hold the other PCs' saving up. SERIALIZABLE stays, as the proof the rules hold whatever
the order. A client that dies while holding the lock loses its session, and the server releases
the lock with it.

A broken rule (unique key, CHECK, NOT NULL, foreign key, a guard trigger, an append-only table's
revoked UPDATE/DELETE) becomes the same ConstraintFailed, with the same text, as on SQLite
(constraints.py). A connection lost anywhere becomes
ServerUnreachable (the server rolls the open transaction back); the next use outside a
transaction connects again.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Loader
from psycopg.rows import dict_row

from app.errors import StorageError
from app.storage.constraints import append_only_refused, constraint_failed
from app.storage.dialect import POSTGRES, Dialect, to_pyformat
from app.storage.pg_changes import ChangeFeed

T = TypeVar("T")
Params = Sequence[Any] | dict[str, Any]

ATTEMPTS = 5
"""How many times `retrying` runs a unit of work the server aborted for a conflict."""

WRITERS_LOCK = 0x4D75_6661_6B61_7401
"""The advisory lock key write units take turns on ("Mufakat" + 1; advisory locks are per
database, so two cooperatives on one server do not wait for each other)."""

LOCK_WAIT = "30s"
"""How long a write unit waits for its turn before giving up with MSG_BUSY (a PC holding the
lock for that long is stuck; the two settings below end its session on the server)."""

STUCK_AFTER = "60s"
"""A PC's session that sits inside a transaction without sending anything for this long is
ended by the server (`idle_in_transaction_session_timeout`), rolling it back and releasing its
turn: a PC switched off or unplugged in the middle of saving holds the others up for a minute,
not for the hours the operating system's TCP timeouts would take."""

KEEPALIVE = {"tcp_keepalives_idle": "30", "tcp_keepalives_interval": "10",
             "tcp_keepalives_count": "3"}  # fmt: skip
"""The server asks a silent PC after 30 s and gives up after 3 unanswered probes 10 s apart
(a PC gone while holding its turn between two transactions). Loopback and LAN only."""

_CONFLICTS = (pg_errors.SerializationFailure, pg_errors.DeadlockDetected)

MSG_CONFLICT = (
    "Data yang sama sedang diubah di komputer lain, jadi penyimpanan ini dibatalkan. Tidak ada "
    "yang tersimpan. Coba simpan lagi."
)
MSG_BUSY = (
    "Server kantor sedang sibuk menyimpan data dari komputer lain terlalu lama, jadi penyimpanan "
    "ini dibatalkan. Tidak ada yang tersimpan. Coba simpan lagi sebentar lagi."
)
MSG_UNREACHABLE = (
    "Server kantor tidak bisa dihubungi — pastikan PC server menyala dan tersambung ke jaringan. "
    "Tidak ada yang tersimpan setengah jalan."
)


class FractionRefused(ValueError):
    """A numeric value with a fraction where the program only keeps whole numbers."""


class ExactIntLoader(Loader):
    """numeric → int, only when exact (sums of whole-rupiah columns)."""

    def load(self, data: Any) -> int:
        value = Decimal(bytes(data).decode("ascii"))
        whole = int(value)
        if whole != value:
            raise FractionRefused(f"numeric value {value} is not a whole number")
        return whole


class ServerConflict(StorageError):
    """The server aborted a transaction because another PC changed the same data."""


class ServerBusy(StorageError):
    """A write unit waited too long for its turn (another PC held the writers' lock)."""


class ServerUnreachable(StorageError):
    """The office server could not be reached."""


def connect(url: str) -> psycopg.Connection[dict[str, Any]]:
    try:
        conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=10)
    except psycopg.OperationalError as exc:
        raise ServerUnreachable(MSG_UNREACHABLE) from exc
    conn.adapters.register_loader("numeric", ExactIntLoader)
    conn.isolation_level = psycopg.IsolationLevel.SERIALIZABLE
    return conn


def _engine_connection(url: str) -> psycopg.Connection[dict[str, Any]]:
    """A PC's own connection: waits for a lock at most LOCK_WAIT (the owner's connections of
    `server move` and `restore`, made by `connect`, wait as long as it takes), and without
    JIT compilation: the planner's cost of the arrears statement crosses `jit_above_cost`
    once the tables have statistics, and compiling it took 11.8 s of a 12.7 s run on the
    2,000-member demo (0.7 s without; bench/README.md)."""
    conn = connect(url)
    settings = {
        "lock_timeout": LOCK_WAIT,
        "jit": "off",
        "idle_in_transaction_session_timeout": STUCK_AFTER,
        **KEEPALIVE,
    }
    try:
        conn.execute(
            "SELECT " + ", ".join(f"set_config('{name}', %s, false)" for name in settings),
            list(settings.values()),
        )
    except psycopg.OperationalError as exc:
        conn.close()
        raise ServerUnreachable(MSG_UNREACHABLE) from exc
    return conn


class PgEngine:
    """The `Engine` protocol (app/storage/engine.py) on one PostgreSQL connection."""

    def __init__(self, url: str, conn: psycopg.Connection[dict[str, Any]] | None = None) -> None:
        self.url = url
        self.conn = _engine_connection(url) if conn is None else conn
        self.attempts = ATTEMPTS
        self.writers_take_turns = True  # False only to measure what the lock saves
        self._depth = 0  # atomic() blocks open: never reconnect inside one
        self.feed: ChangeFeed | None = None  # tells the lists what was written (pg_changes.py)
        self.strict = PgEngine.strict_units
        self._retrying = False

    strict_units = False
    """Tests set this: an engine made then refuses a transaction begun by a bare `atomic()`
    (outside `retrying`), i.e. a service write unit that a conflict would not run again."""

    def _live(self) -> None:
        """Connect again when the connection was lost (our own connection, between units)."""
        if self.url and self._depth == 0 and (self.conn.closed or self.conn.broken):
            with contextlib.suppress(psycopg.Error):
                self.conn.close()
            self.conn = _engine_connection(self.url)

    @classmethod
    def on(cls, conn: psycopg.Connection[dict[str, Any]]) -> PgEngine:
        """The protocol on a connection made elsewhere (the caller closes it): the owner's
        connection of `server move`, inside its one transaction."""
        return cls("", conn)

    @property
    def dialect(self) -> Dialect:
        return POSTGRES

    @contextlib.contextmanager
    def atomic(self) -> Iterator[PgEngine]:
        """One SERIALIZABLE transaction (a savepoint when nested): all of it or none of it. The
        outermost one waits for its turn among the PCs' transactions (above)."""
        self._live()
        if self.strict and not self._retrying and not self.in_transaction():
            raise AssertionError("a write unit outside retrying (mark it @write_unit)")
        outermost = self._depth == 0 and not self.in_transaction()
        turn = self._writers_turn() if outermost else contextlib.nullcontext()
        with turn, self._errors(), self.conn.transaction():
            self._depth += 1
            committed = False
            try:
                yield self
                if self._depth == 1 and self.feed is not None:
                    self.feed.before_commit(self.conn)
                committed = True
            finally:
                self._depth -= 1
                if self._depth == 0 and not committed and self.feed is not None:
                    self.feed.rolled_back()

    def retrying(self, fn: Callable[[], T]) -> T:
        """`fn()` in one transaction, run again (up to `attempts` times in all, after a short
        random pause) when the server aborts it for a conflict with another transaction."""
        self._live()
        if self.in_transaction():
            with self.atomic():  # already inside a transaction: the outer unit retries
                return fn()
        for attempt in range(1, self.attempts + 1):
            try:
                self._retrying = True
                try:
                    with self.atomic():
                        self._retrying = False
                        return fn()
                finally:
                    self._retrying = False
            except ServerConflict:
                if attempt == self.attempts:
                    raise
                time.sleep(random.uniform(0.005, 0.02) * attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    @contextlib.contextmanager
    def _writers_turn(self) -> Iterator[None]:
        """Hold the writers' lock around one transaction (outside it: see above)."""
        if not self.writers_take_turns:
            yield
            return
        with self._errors():
            self.conn.execute("SELECT pg_advisory_lock(%s)", (WRITERS_LOCK,))
        try:
            yield
        finally:
            self._release_turn()

    def _release_turn(self) -> None:
        """Give the lock back; when that fails the connection is closed, which releases it on
        the server (never keep a lock other PCs wait for)."""
        if self.conn.closed or self.conn.broken:
            return  # the server ended the session, and the lock with it
        try:
            self.conn.execute("SELECT pg_advisory_unlock(%s)", (WRITERS_LOCK,))
        except psycopg.Error:
            with contextlib.suppress(psycopg.Error):
                self.conn.close()

    def in_transaction(self) -> bool:
        return self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except _CONFLICTS as exc:
            raise ServerConflict(MSG_CONFLICT) from exc
        except pg_errors.LockNotAvailable as exc:  # lock_timeout: waited LOCK_WAIT for a turn
            raise ServerBusy(MSG_BUSY) from exc
        except pg_errors.IntegrityError as exc:  # unique, check (the guards), not null, foreign key
            raise constraint_failed(str(exc)) from exc
        except pg_errors.InsufficientPrivilege as exc:  # only the append-only tables' REVOKEs
            raise append_only_refused() from exc
        except (
            pg_errors.AdminShutdown,
            pg_errors.ConnectionException,
            pg_errors.IdleInTransactionSessionTimeout,  # STUCK_AFTER: the server ended us
        ) as exc:
            raise ServerUnreachable(MSG_UNREACHABLE) from exc
        except psycopg.Error as exc:
            if self.conn.closed or self.conn.broken:
                raise ServerUnreachable(MSG_UNREACHABLE) from exc
            raise

    def _cursor(self, sql: str, params: Params) -> psycopg.Cursor[dict[str, Any]]:
        self._live()
        cursor = self.conn.execute(to_pyformat(sql), params)
        if self.feed is not None:
            self.feed.saw(sql)
            if not self.in_transaction():
                self.feed.outside_transaction(self.conn)
        return cursor

    def rows(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        with self._errors():
            return self._cursor(sql, params).fetchall()

    def one(self, sql: str, params: Params = ()) -> dict[str, Any] | None:
        with self._errors():
            return self._cursor(sql, params).fetchone()

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else next(iter(row.values()))

    def run(self, sql: str, params: Params = ()) -> int:
        with self._errors():
            return self._cursor(sql, params).rowcount

    def insert_id(self, sql: str, params: Params = ()) -> int:
        row = self.one(sql, params)
        if row is None:
            raise AssertionError("INSERT … RETURNING id returned no row")
        return int(row["id"])

    def close(self) -> None:
        if self.feed is not None:
            self.feed.close()
        self.conn.close()
