"""The schema, built only through sqlite-utils Migrations from the ordered steps of
`app.storage.schema.SEQUENCE`. Never edit an applied step: add a new one at the end.
`user_version` counts the applied migrations, so a file from a newer program is recognised by
its header alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlite_utils.migrations import Migrations

from app.storage.schema import SEQUENCE

if TYPE_CHECKING:
    from app.storage.db import Database

MIGRATIONS = Migrations("mufakat")
for _step in SEQUENCE:
    MIGRATIONS(name=_step.NAME)(_step.migrate)


def schema_version() -> int:
    """How many migrations this program knows: the `user_version` of an up-to-date file."""
    return len(MIGRATIONS._migrations)


def known_names() -> set[str]:
    return {m.name for m in MIGRATIONS._migrations}


def pending(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.pending(db.sql)]


def apply(db: Database) -> None:
    """Apply pending migrations (each in its own transaction) and stamp `user_version`."""
    from app.storage import chain
    from app.storage.db import NewerVersion, sqlite_errors

    applied = {m.name for m in MIGRATIONS.applied(db.sql)}
    unknown = applied - known_names()
    if unknown:
        raise NewerVersion(
            f"File '{db.path.name}' dibuat dengan Mufakat versi yang lebih baru. Perbarui program "
            "Mufakat di komputer ini dulu, lalu buka file ini lagi. File tidak diubah."
        )
    with sqlite_errors(db.path):
        MIGRATIONS.apply(db.sql)
        with db.sql.conn:  # one transaction: new append-only tables join the chains
            chain.adopt_new_tables(db.sql.conn)
        db.sql.execute(f"PRAGMA user_version = {schema_version()}")
