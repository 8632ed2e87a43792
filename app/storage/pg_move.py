"""`mufakat server move`: a cooperative from its SQLite file into an empty database on the
office server, in one PostgreSQL transaction (issue 15).

Inside that transaction: the schema is installed, every table copied in foreign-key order,
each identity sequence moved past the copied ids, and the proofs run (app/storage/pg_proof.py).
Any difference, or any error, rolls all of it back: the server database stays empty. Then the
move is written into the audit trail on the server (in the same transaction) and in the file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg import sql

from app.clock import now_text
from app.errors import StorageError, ValidationError
from app.server_url import ServerUrl
from app.storage import pg_copy, pg_schema
from app.storage.audit_repo import AuditRepository
from app.storage.db import Database
from app.storage.pg_engine import PgEngine
from app.storage.pg_proof import Fetch, MoveProof, prove
from app.storage.pg_tools import migration_names, open_connection, public_tables
from app.storage.schema import SEQUENCE

AUDIT_ACTION = "pindah_ke_server"


class TargetNotEmpty(ValidationError):
    """The server database already holds tables."""


class MoveRefused(StorageError):
    """The copy on the server was not equal to the file: nothing was kept."""


@dataclass(frozen=True)
class MoveResult:
    url: str  # shown, without the password
    proof: MoveProof
    copied: dict[str, int]
    sequences: dict[str, int]
    identity: str | None


def _fresh_schema(conn: psycopg.Connection[Any], tables: list[str]) -> bool:
    """The database `mufakat server setup` made: this program's schema, every step, no rows."""
    if set(migration_names(conn)) != {step.NAME for step in SEQUENCE}:
        return False
    return all(
        conn.execute(
            sql.SQL("SELECT NOT EXISTS (SELECT 1 FROM {}) AS empty").format(sql.Identifier(table))
        ).fetchone()["empty"]  # type: ignore[index]
        for table in tables
        if table != "_migrations"
    )


def check_target(conn: psycopg.Connection[Any], url: ServerUrl, app_role: str) -> bool:
    """Refuse a database that is not empty or a program role that does not exist. True when the
    database already holds this program's empty schema (made by `mufakat server setup`)."""
    tables = public_tables(conn)
    fresh = bool(tables) and _fresh_schema(conn, tables)
    if tables and not fresh:
        raise TargetNotEmpty(
            f"Database '{url.dbname}' di server kantor tidak kosong (sudah ada {len(tables)} "
            "tabel, misalnya " + ", ".join(tables[:3]) + "). Pindahkan hanya ke database baru "
            "yang kosong; tidak ada yang diubah.",
            field="to",
        )
    role = conn.execute("SELECT 1 AS x FROM pg_roles WHERE rolname = %s", (app_role,)).fetchone()
    if role is None:
        raise ValidationError(
            f"Peran database '{app_role}' (yang dipakai program di PC lain) belum ada di server "
            f"kantor. Buat dulu: CREATE ROLE {app_role} LOGIN PASSWORD '…'; tidak ada yang diubah.",
            field="app_role",
        )
    return fresh


def probe(url: ServerUrl, app_role: str) -> None:
    """Log in and check the target before the file is opened (wrong password, not empty)."""
    with open_connection(url) as conn:
        check_target(conn, url, app_role)


def _sqlite_stream(lite: sqlite3.Connection) -> Fetch:
    def fetch(select: str) -> Iterator[sqlite3.Row]:
        cursor = lite.execute(select)
        cursor.row_factory = sqlite3.Row
        yield from cursor

    return fetch


def _pg_stream(conn: psycopg.Connection[Any]) -> Fetch:
    """A server-side cursor (inside the move's transaction): a table never whole in memory."""

    def fetch(select: str) -> Iterator[dict[str, Any]]:
        with conn.cursor(name="mufakat_proof") as cursor:
            cursor.itersize = 5000
            cursor.execute(select)
            yield from cursor

    return fetch


def _identity(db: Database) -> str | None:
    value = db.scalar("SELECT identity FROM file_identity WHERE id = 1")
    return None if value is None else str(value)


def move_to_server(
    db: Database,
    url: ServerUrl,
    *,
    actor_id: int | None,
    actor: str,
    app_role: str,
    now: datetime | None = None,
) -> MoveResult:
    """Copy the open (so locked) file `db` into the empty database of `url` and prove it."""
    now = now or datetime.now()
    lite = db.sql.conn
    conn = open_connection(url)
    try:
        fresh = check_target(conn, url, app_role)
        engine = PgEngine.on(conn)
        with conn.transaction():
            if fresh:
                pg_schema.grant(conn, app_role)
            else:
                pg_schema.install(conn, app_role)
            copied = pg_copy.copy_tables(lite, conn)
            sequences = pg_copy.reset_identities(conn)
            tables = pg_copy.sqlite_tables(lite)
            types = {t: pg_copy.column_types(conn, t) for t in tables}
            proof = prove(db, engine, tables, types, _sqlite_stream(lite), _pg_stream(conn))
            if not proof.ok:
                raise MoveRefused(
                    "Salinan di server tidak sama dengan file, jadi pemindahan dibatalkan dan "
                    "database server dikosongkan kembali: " + "; ".join(proof.problems[:5])
                )
            details = _audit_details(db, url, actor, proof, now)
            AuditRepository(engine).record(
                actor_id, AUDIT_ACTION, "database", None, after=details,
                note=f"Dipindahkan oleh {actor} dari file {db.path} ke server {url.shown()}",
            )  # fmt: skip
        conn.execute("ANALYZE")  # the planner's statistics now, not at autovacuum's next round
    except (psycopg.Error, ValueError) as exc:
        raise MoveRefused(
            f"Pemindahan ke server {url.shown()} gagal dan dibatalkan; database server tetap "
            f"kosong, file tidak berubah. Sebab: {str(exc).splitlines()[0][:300]}"
        ) from exc
    finally:
        conn.close()
    with db.atomic():
        AuditRepository(db).record(
            actor_id, AUDIT_ACTION, "database", None, after=details,
            note=f"Dipindahkan oleh {actor} ke server {url.shown()}; file ini tidak dipakai lagi "
            "untuk pencatatan baru",
        )  # fmt: skip
    return MoveResult(url.shown(), proof, copied, sequences, _identity(db))


def _audit_details(
    db: Database, url: ServerUrl, actor: str, proof: MoveProof, now: datetime
) -> dict[str, Any]:
    return {
        "oleh": actor,
        "file": str(db.path),
        "server": url.shown(),
        "tabel": len(proof.tables),
        "baris": sum(t.pg_rows for t in proof.tables),
        "neraca_saldo_debet": proof.trial_debit,
        "neraca_saldo_kredit": proof.trial_credit,
        "waktu": now_text(now),
    }
