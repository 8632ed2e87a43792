"""The Mufakat schema on PostgreSQL (issue 15): the baseline DDL in app/storage/pg/baseline.sql,
equal to the SQLite schema after every step of app.storage.schema.SEQUENCE
(tests/storage/test_pg_schema.py keeps the two equivalent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

BASELINE = Path(__file__).with_name("pg") / "baseline.sql"


def install(conn: Any, app_role: str) -> None:
    """Create the schema in the empty database of `conn` (a psycopg connection of the owner) in
    one transaction, and give `app_role` (the program's login) what it may do."""
    with conn.transaction():
        conn.execute(BASELINE.read_text(encoding="utf-8"))
        conn.execute(
            f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{app_role}"'
        )
        conn.execute(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{app_role}"')
