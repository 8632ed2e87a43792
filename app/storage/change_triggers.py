"""Temporary triggers that tell a ChangeHub which tables each write touched.

TEMP triggers live only in this connection: nothing is stored in the file, and every writer
(services, bulk inserts, restores) is seen, whichever path it takes."""

from __future__ import annotations

from app.changes import ChangeHub, kind_of_table
from app.storage.db import Database, sqlite_errors

_FUNCTION = "mufakat_changed"


def watch_changes(db: Database, hub: ChangeHub) -> None:
    """Install a trigger per watched table and operation; the hub's `busy` follows the
    connection's open transaction."""
    conn = db.sql.conn
    with sqlite_errors(db.path):
        conn.create_function(_FUNCTION, 1, hub.note_table, deterministic=False)
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM main.sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite%'"
            )
        ]
        for table in tables:
            if kind_of_table(table) is None:
                continue
            for op in ("INSERT", "UPDATE", "DELETE"):
                name = f"mufakat_watch_{op.lower()}_{table}"
                conn.execute(
                    f'CREATE TEMP TRIGGER IF NOT EXISTS "{name}" AFTER {op} ON main."{table}"'
                    f" BEGIN SELECT {_FUNCTION}('{table}'); END"
                )
    hub.busy = lambda: conn.in_transaction
