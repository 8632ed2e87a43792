"""The Mufakat schema on PostgreSQL (issue 15).

`app/storage/pg/baseline.sql` equals the SQLite schema after the steps of
app.storage.schema.SEQUENCE up to `BASELINE_LAST` (written by scripts/pg_baseline.py); every
later step NAME has its hand-written `app/storage/pg/<NAME>.sql`, applied in SEQUENCE order and
recorded in `_migrations` — the same names in the same order as SQLite's `_sqlite_migrations`.
tests/storage/test_pg_schema.py keeps the two schemas equivalent.

The program connects as its own role, which owns nothing: it gets SELECT, INSERT, UPDATE and
DELETE on the tables, minus UPDATE, DELETE and TRUNCATE on the append-only ones (their triggers
refuse UPDATE and DELETE too, but no row trigger stops TRUNCATE), and only reads the tamper
chain's tables (its triggers write them: app/storage/pg_chain.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.storage import pg_chain
from app.storage.schema import SEQUENCE

FOLDER = Path(__file__).with_name("pg")
BASELINE = FOLDER / "baseline.sql"
BASELINE_LAST = "0033_chain_text"
"""The last SQLite step the baseline contains."""

APPEND_ONLY_FUNCTION = "mufakat_append_only"


def later_steps() -> list[str]:
    """The names of the SEQUENCE steps after the baseline, in order."""
    names = [step.NAME for step in SEQUENCE]
    return names[names.index(BASELINE_LAST) + 1 :]


def step_sql(name: str) -> str:
    path = FOLDER / f"{name}.sql"
    if not path.exists():
        raise FileNotFoundError(
            f"schema step {name} has no PostgreSQL form: write app/storage/pg/{name}.sql"
        )
    return path.read_text(encoding="utf-8")


def guarded_tables(conn: Any, operation: str) -> list[str]:
    """Tables whose `<table>_no_<operation>` trigger calls the append-only function."""
    rows = conn.execute(
        "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = %s AND NOT t.tgisinternal "
        "AND t.tgname = c.relname || %s ORDER BY 1",
        (APPEND_ONLY_FUNCTION, f"_no_{operation}"),
    ).fetchall()
    return [row[0] if isinstance(row, tuple) else row["relname"] for row in rows]


def grant(conn: Any, app_role: str) -> None:
    """What the program's role may do: everything on the mutable tables, only SELECT and
    INSERT on the append-only ones."""
    role = f'"{app_role}"'
    conn.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
    conn.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
    conn.execute(f"REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM {role}")
    for table in guarded_tables(conn, "update"):
        conn.execute(f"REVOKE UPDATE ON {table} FROM {role}")
    for table in guarded_tables(conn, "delete"):
        conn.execute(f"REVOKE DELETE ON {table} FROM {role}")
    pg_chain.revoke(conn, app_role)


def install(conn: Any, app_role: str) -> None:
    """Create the schema in the empty database of `conn` (a psycopg connection of the owner) in
    one transaction: the baseline, then each later step, then the program role's rights."""
    with conn.transaction():
        conn.execute(BASELINE.read_text(encoding="utf-8"))
        apply_steps(conn, later_steps(), app_role)


def apply_steps(conn: Any, names: list[str], app_role: str) -> None:
    """Run the later steps `names` in order, each recorded in `_migrations`, inside the
    caller's transaction; then the chain's triggers and the role's rights again (a step may
    have changed a chained table's columns, or added a table)."""
    for name in names:
        conn.execute(step_sql(name))
        conn.execute("INSERT INTO _migrations (name) VALUES (%s)", (name,))
    pg_chain.install(conn)
    grant(conn, app_role)
