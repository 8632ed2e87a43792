"""Schema of the file's identity: a random id given to a cooperative's file when it is made,
kept in the file and so in every backup, so a restore can tell this cooperative's backups
from another's and this PC can tell an older copy of the same file."""

from __future__ import annotations

import secrets
from datetime import datetime

import sqlite_utils

from app.storage.schema._sql import immutable as _immutable


def new_identity() -> str:
    """128 random bits as 32 hex digits."""
    return secrets.token_hex(16)


def m0010_file_identity(db: sqlite_utils.Database) -> None:
    """One row, never changed. `IF NOT EXISTS`/`OR IGNORE` let a restore of a backup made
    before this step keep the identity of the file it is restored into (set just before)."""
    create_identity(db, new_identity())


def create_identity(db: sqlite_utils.Database, identity: str) -> None:
    """The identity table with `identity`, unless the file already has one."""
    db.execute(
        """CREATE TABLE IF NOT EXISTS file_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            identity TEXT NOT NULL CHECK (length(identity) = 32),
            created_at TEXT NOT NULL
        ) STRICT"""
    )
    db.execute(
        "INSERT OR IGNORE INTO file_identity (id, identity, created_at) VALUES (1, ?, ?)",
        (identity, datetime.now().isoformat(timespec="seconds")),
    )
    for statement in _immutable("file_identity"):
        db.execute(statement.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1))


NAME = "0010_file_identity"
migrate = m0010_file_identity
