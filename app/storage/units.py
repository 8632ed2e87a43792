"""Write units that survive the office server's conflicts (issue 15).

On PostgreSQL every transaction is SERIALIZABLE: when two PCs change the same data at once the
server aborts one of them, and that whole unit of work must run again (`PgEngine.retrying`).
`@write_unit` on a service method makes the method one such unit: on the office server the
whole method — its checks as well as its writes, so what it checked is what it wrote on — runs
in one transaction and again after a conflict (the `with db.atomic():` blocks inside become
savepoints). On the SQLite file nothing changes: the method runs once, its own `atomic()`
blocks are its transactions, and the file lock keeps other writers out.

A method marked so must be safe to run twice on the server: no file written, no message shown,
no counter or cache outside the database changed before its end (or reset at its start), a
caller's callback told again from the start. tests/app/test_write_units.py keeps every
`atomic()` of the services inside such a unit.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from app.storage.engine import Engine
from app.storage.pg_engine import PgEngine

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")


def engine_of(owner: Any) -> Engine:
    """The engine a service writes through: its `db` (or `_db`), else its ledger's (or the
    services' it was given)."""
    for name in ("db", "_db", "engine"):
        engine: Any = getattr(owner, name, None)
        if hasattr(engine, "retrying"):
            return cast(Engine, engine)
    for name in ("ledger", "services", "service"):
        holder = getattr(owner, name, None)
        if holder is not None and hasattr(holder, "db"):
            return cast(Engine, holder.db)
    raise TypeError(f"{type(owner).__name__} has no engine for @write_unit")


def run_unit(engine: Engine, fn: Callable[[], R]) -> R:
    """`fn()` as one write unit of `engine` (see the module docstring)."""
    if isinstance(engine, PgEngine):
        return engine.retrying(fn)
    return fn()


def write_unit(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Mark a service method as one write unit (see the module docstring)."""

    @functools.wraps(method)
    def unit(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return run_unit(engine_of(self), lambda: method(self, *args, **kwargs))

    unit.__write_unit__ = True  # type: ignore[attr-defined]
    return unit
