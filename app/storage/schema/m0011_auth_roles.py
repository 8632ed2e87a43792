"""Schema of separation of duties (issue 9 §6): the Ketua as a role of its own, and requests
to grant a privileged role (Pengurus, Ketua, Pengawas, Manajer) that a Pengurus other than the
requester approves; until then the account's role is not active."""

from __future__ import annotations

import sqlite_utils

from app.storage.schema._sql import run as _run

_OLD_ROLES = "CHECK (role IN ('admin', 'pengurus', 'manajer', 'staf', 'pengawas'))"
_NEW_ROLES = "CHECK (role IN ('admin', 'pengurus', 'manajer', 'staf', 'pengawas', 'ketua'))"
_ROLES = "'admin', 'pengurus', 'manajer', 'staf', 'pengawas', 'ketua'"


def m0011_auth_roles(db: sqlite_utils.Database) -> None:
    # Widening a CHECK list cannot invalidate a stored row, so the users table keeps its rows,
    # triggers and the foreign keys pointing at it: only its stored definition gains 'ketua'
    # (SQLite's documented way for such a change; the schema version is bumped so every
    # connection re-reads it). Rebuilding the table would need foreign keys off.
    sql = str(db.execute("SELECT sql FROM sqlite_master WHERE name = 'users'").fetchone()[0])
    squeezed = " ".join(sql.split())
    if _OLD_ROLES not in squeezed:
        raise RuntimeError("users.role CHECK not found")
    version = int(db.execute("PRAGMA schema_version").fetchone()[0])
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'users'",
            (squeezed.replace(_OLD_ROLES, _NEW_ROLES),),
        )
        db.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")
    _run(
        db,
        "ALTER TABLE users ADD COLUMN role_active INTEGER NOT NULL DEFAULT 1"
        " CHECK (role_active IN (0, 1))",
        f"""CREATE TABLE role_requests (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            role TEXT NOT NULL CHECK (role IN ({_ROLES})),
            previous_role TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('baru', 'ubah', 'aktifkan')),
            requested_by INTEGER REFERENCES users(id),
            requested_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'menunggu'
                CHECK (status IN ('menunggu', 'disetujui', 'ditolak', 'batal')),
            decided_by INTEGER REFERENCES users(id),
            decided_at TEXT,
            note TEXT NOT NULL DEFAULT '',
            CHECK ((status = 'menunggu') = (decided_at IS NULL)),
            CHECK (decided_by IS NULL OR decided_by <> requested_by),
            CHECK (decided_by IS NULL OR decided_by <> user_id)
        ) STRICT""",
        "CREATE UNIQUE INDEX role_requests_open ON role_requests (user_id)"
        " WHERE status = 'menunggu'",
        # Before this, the Ketua was a Pengurus whose position said so.
        "UPDATE users SET role = 'ketua' WHERE role = 'pengurus'"
        " AND lower(trim(position)) = 'ketua'",
    )


NAME = "0011_auth_roles"
migrate = m0011_auth_roles
