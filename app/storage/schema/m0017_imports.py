"""Step 0017: imported files (issue 14 §1). One append-only, chained row per imported file,
keyed by the file's sha256 so the same file is never imported twice."""

from __future__ import annotations

import sqlite_utils

from app.storage import chain
from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run


def m0017_imports(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE import_batches (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            file_name TEXT NOT NULL,
            file_hash TEXT NOT NULL UNIQUE CHECK (length(file_hash) = 64),
            row_count INTEGER NOT NULL CHECK (row_count >= 0),
            summary TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            created_by INTEGER REFERENCES users(id)
        ) STRICT""",
        *_immutable("import_batches"),
    )
    conn = db.conn
    if chain.has_chains(conn):  # new table: guarded and chained like the others (chain.py)
        conn.execute(chain.no_replace_trigger(conn, "import_batches"))
        chain.start_table(conn, "import_batches")
        chain.install(conn)


NAME = "0017_imports"
migrate = m0017_imports
