"""`mufakat check --db postgresql://…` (issue 15): the integrity and consistency report of a
cooperative's database on the office server, in the words and format of the file's
(app/storage/check.py), read in one read-only snapshot (other PCs may go on working).

What a file's check does and what it becomes here:
- SQLite's `integrity_check` (the file's own structure): the server keeps its files itself; the
  counterpart is PostgreSQL's page checksums (`checksum_failures` when they are on);
- `foreign_key_check`: every foreign key of the schema re-checked row by row (PostgreSQL
  enforces them, but a superuser can switch the triggers that do so off);
- the schema steps (`_migrations`), the consistency rules, the books (check_*.py through
  pg_check_conn.py), the tamper chain (pg_chain_verify.py) and the counts, as on a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from app.errors import AppError
from app.server_url import ServerUrl
from app.storage import migrations, pg_chain_verify
from app.storage.check import CheckReport, run_rules
from app.storage.pg_check_conn import CheckConnection
from app.storage.pg_tools import cooperative_identity, migration_names, open_connection
from app.storage.pg_tools import public_tables as _tables

MAX_BROKEN_REFERENCES = 20
REQUIRED_TABLES = ("members", "savings_transactions", "audit_log", "settings", "users")


def check_server(url: ServerUrl) -> CheckReport:
    """Check the server database of `url` without changing it."""
    report = CheckReport(path=Path(url.dbname))
    try:
        conn = open_connection(url)
    except AppError as exc:
        report.problems.append(exc.message)
        return report
    try:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.transaction():
            check_connection(conn, report)
    except psycopg.Error as exc:
        report.problems.append(
            f"Database {url.dbname} di server kantor tidak bisa dibaca seluruhnya: "
            f"{str(exc).splitlines()[0][:200]}"
        )
    finally:
        conn.close()
    return report


def check_connection(conn: psycopg.Connection[Any], report: CheckReport) -> None:
    """Every check, on a connection inside a transaction (a snapshot; `server move` passes its
    own transaction, `restore` the restored database's)."""
    tables = set(_tables(conn))
    if not set(REQUIRED_TABLES) <= tables:
        report.problems.append(
            f"Database {report.path} bukan database Mufakat (tabel koperasi tidak ada)."
        )
        return
    identity = cooperative_identity(conn)
    if identity:
        report.facts.append(f"Identitas file koperasi: {identity}")
    _integrity(conn, report)
    report.problems.extend(broken_references(conn))
    applied = set(migration_names(conn))
    unknown = applied - migrations.known_names()
    if unknown:
        report.problems.append(
            "Database dibuat dengan Mufakat versi lebih baru (langkah skema "
            + ", ".join(sorted(unknown))
            + "): perbarui program dulu."
        )
    missing = migrations.known_names() - applied
    if missing:
        report.facts.append(f"Perlu pembaruan skema: {', '.join(sorted(missing))}")
    tampered = pg_chain_verify.verify(conn)
    intact = pg_chain_verify.has_chains(conn) and not tampered
    run_rules(CheckConnection(conn), report, tampered, intact)


def _integrity(conn: psycopg.Connection[Any], report: CheckReport) -> None:
    """PostgreSQL's page checksums in place of SQLite's integrity_check."""
    with conn.cursor(row_factory=dict_row) as cursor:
        enabled = cursor.execute("SHOW data_checksums").fetchone()
        failures = cursor.execute(
            "SELECT coalesce(checksum_failures, 0) AS n FROM pg_stat_database "
            "WHERE datname = current_database()"
        ).fetchone()
    on = enabled is not None and enabled["data_checksums"] == "on"
    failed = int(failures["n"]) if failures else 0
    if on and failed:
        report.problems.append(
            f"Integritas data server: {failed} halaman data rusak terbaca (checksum PostgreSQL). "
            "Pulihkan dari cadangan terakhir yang baik."
        )
    elif on:
        report.facts.append("Integritas data server (checksum halaman PostgreSQL): baik")
    else:
        report.facts.append(
            "Integritas SQLite: tidak berlaku untuk database di server (susunan datanya dijaga "
            "PostgreSQL; checksum halaman tidak dinyalakan)"
        )


def broken_references(conn: psycopg.Connection[Any]) -> list[str]:
    """SQLite's `foreign_key_check` on the server: each row whose foreign key names no row."""
    with conn.cursor(row_factory=dict_row) as cursor:
        keys = cursor.execute(
            "SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent, "
            "ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN "
            "pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS cols, "
            "ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN "
            "pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS refs "
            "FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace "
            "WHERE s.nspname = 'public' AND c.contype = 'f' ORDER BY 1, 2"
        ).fetchall()
        found: list[str] = []
        for fk in keys:
            label = _row_key(cursor, fk["child"])
            present = sql.SQL(" AND ").join(
                sql.SQL("c.{} IS NOT NULL").format(sql.Identifier(col)) for col in fk["cols"]
            )
            match = sql.SQL(" AND ").join(
                sql.SQL("p.{} = c.{}").format(sql.Identifier(ref), sql.Identifier(col))
                for col, ref in zip(fk["cols"], fk["refs"], strict=True)
            )
            rows = cursor.execute(
                sql.SQL(
                    "SELECT {label} AS k FROM {child} c WHERE {present} AND NOT EXISTS "
                    "(SELECT 1 FROM {parent} p WHERE {match}) LIMIT {limit}"
                ).format(
                    label=label,
                    child=sql.Identifier(fk["child"]),
                    parent=sql.Identifier(fk["parent"]),
                    present=present,
                    match=match,
                    limit=sql.Literal(MAX_BROKEN_REFERENCES),
                )
            ).fetchall()
            found += [
                f"Rujukan rusak: tabel {fk['child']} baris {r['k']} → {fk['parent']}" for r in rows
            ]
    return found[:MAX_BROKEN_REFERENCES]


def _row_key(cursor: Any, table: str) -> sql.Composable:
    """How a row is named: its primary key (values joined by commas)."""
    from app.storage.pg_chain import primary_key

    pk = [name for name, _ in primary_key(cursor.connection, table)]
    if not pk:
        return sql.SQL("c.ctid::text")
    return sql.SQL("concat_ws(',', {})").format(
        sql.SQL(", ").join(sql.SQL("c.{}").format(sql.Identifier(n)) for n in pk)
    )
