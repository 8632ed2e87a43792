"""Step 0001: settings, users, the audit trail, members and savings."""

from __future__ import annotations

import sqlite_utils

from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run


def m0001_foundation(db: sqlite_utils.Database) -> None:
    from app.storage.db import APPLICATION_ID

    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    _run(
        db,
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT""",
        """CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            full_name TEXT NOT NULL,
            role TEXT NOT NULL
                CHECK (role IN ('admin', 'pengurus', 'manajer', 'staf', 'pengawas')),
            position TEXT NOT NULL DEFAULT '',
            password_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL
        ) STRICT""",
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user_id INTEGER REFERENCES users(id),
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT,
            before TEXT,
            after TEXT,
            note TEXT NOT NULL DEFAULT ''
        ) STRICT""",
        "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)",
        *_immutable("audit_log"),
        """CREATE TABLE sequences (
            name TEXT NOT NULL,
            year INTEGER NOT NULL,
            last_value INTEGER NOT NULL CHECK (last_value >= 0),
            PRIMARY KEY (name, year)
        ) STRICT""",
        """CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            nik TEXT CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')),
            sex TEXT NOT NULL CHECK (sex IN ('L', 'P')),
            birth_place TEXT NOT NULL DEFAULT '',
            birth_date TEXT,
            address TEXT NOT NULL DEFAULT '',
            rt TEXT NOT NULL DEFAULT '',
            rw TEXT NOT NULL DEFAULT '',
            kelurahan TEXT NOT NULL DEFAULT '',
            kecamatan TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            occupation TEXT NOT NULL DEFAULT '',
            spouse_name TEXT NOT NULL DEFAULT '',
            npwp TEXT NOT NULL DEFAULT '',
            join_date TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'aktif'
                CHECK (status IN ('aktif', 'keluar', 'meninggal')),
            status_date TEXT,
            status_note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by INTEGER REFERENCES users(id),
            updated_at TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX members_nik ON members (nik)",
        "CREATE INDEX members_phone ON members (phone)",
        "CREATE INDEX members_name ON members (name COLLATE NOCASE)",
        "CREATE INDEX members_status ON members (status)",
        """CREATE TABLE savings_transactions (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            kind TEXT NOT NULL CHECK (kind IN ('pokok', 'wajib', 'sukarela')),
            tx_type TEXT NOT NULL CHECK (tx_type IN ('setoran', 'penarikan', 'pembalikan')),
            amount INTEGER NOT NULL CHECK (amount <> 0),
            tx_date TEXT NOT NULL,
            receipt_no TEXT NOT NULL UNIQUE,
            method TEXT NOT NULL DEFAULT 'tunai',
            note TEXT NOT NULL DEFAULT '',
            reverses_id INTEGER UNIQUE REFERENCES savings_transactions(id),
            reason TEXT NOT NULL DEFAULT '',
            authorised_by INTEGER REFERENCES users(id),
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            CHECK ((tx_type = 'setoran' AND amount > 0)
                OR (tx_type = 'penarikan' AND amount < 0)
                OR (tx_type = 'pembalikan' AND reverses_id IS NOT NULL AND length(reason) > 0))
        ) STRICT""",
        "CREATE INDEX savings_member ON savings_transactions (member_id, kind, tx_date)",
        "CREATE INDEX savings_date ON savings_transactions (tx_date)",
        *_immutable("savings_transactions"),
        """CREATE TABLE backups (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            kind TEXT NOT NULL,
            verified INTEGER NOT NULL CHECK (verified IN (0, 1)),
            user_id INTEGER REFERENCES users(id)
        ) STRICT""",
    )


NAME = "0001_foundation"
migrate = m0001_foundation
